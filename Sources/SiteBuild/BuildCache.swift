import DispatchModel
import Foundation
import SiteOutput

/// What a build remembers for the next one, keyed by content (never by modification times):
/// - each seed's parse and extraction result, under a hash of its bytes, its sidecar and what
///   extraction depends on;
/// - the rendered list entries, under their item signature;
/// - for each page job, the signature of its inputs and the hashes of the files it wrote.
/// A different sitegen binary (`generator`) discards everything. The file is versioned and
/// validated while reading: a damaged cache is ignored, never trusted.
struct BuildCache: Sendable {
    struct SeedRecord: Sendable {
        var key: UInt64
        var outcome: Site.SeedOutcome
    }

    struct JobRecord: Sendable {
        var signature: UInt64
        var files: [(path: String, hash: UInt64)]
    }

    static let format = "sitegen-cache-1"

    var generator: String
    var seeds: [String: SeedRecord] = [:]
    /// Everything the output depends on: templates, config, seed keys.
    var inputs: UInt64 = 0
    /// The output folder these jobs were written to, and the hash of its manifest then.
    var output: String = ""
    var manifestHash: UInt64 = 0
    var items: [UInt64: String] = [:]
    var jobs: [String: JobRecord] = [:]

    init(generator: String) { self.generator = generator }

    /// The default location: beside the output folder, like its staging folder and lock.
    static func defaultPath(output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".sitegen-cache"
    }

    static func load(path: String, generator: String) -> BuildCache? {
        guard let bytes = FileIO.read(path) else { return nil }
        var r = ByteReader(bytes)
        guard r.string() == format, r.string() == generator else { return nil }
        var c = BuildCache(generator: generator)
        guard let inputs = r.varint(), let output = r.string(), let mh = r.varint(), let nSeeds = r.int(), nSeeds >= 0 else { return nil }
        c.inputs = inputs; c.output = output; c.manifestHash = mh
        for _ in 0..<nSeeds {
            guard let name = r.string(), let key = r.varint(), let hasDispatch = r.bool() else { return nil }
            var dispatch: Dispatch?
            if hasDispatch { guard let d = Dispatch.decode(from: &r) else { return nil }; dispatch = d }
            guard let nd = r.int(), nd >= 0 else { return nil }
            var diags: [Diagnostic] = []
            for _ in 0..<nd { guard let d = Diagnostic.decode(from: &r) else { return nil }; diags.append(d) }
            guard let dropped = r.int() else { return nil }
            c.seeds[name] = SeedRecord(key: key, outcome: Site.SeedOutcome(name: name, dispatch: dispatch, diagnostics: diags, dropped: dropped))
        }
        guard let nItems = r.int(), nItems >= 0 else { return nil }
        for _ in 0..<nItems {
            guard let k = r.varint(), let html = r.string() else { return nil }
            c.items[k] = html
        }
        guard let nJobs = r.int(), nJobs >= 0 else { return nil }
        for _ in 0..<nJobs {
            guard let key = r.string(), let sig = r.varint(), let nf = r.int(), nf >= 0 else { return nil }
            var files: [(String, UInt64)] = []
            for _ in 0..<nf { guard let p = r.string(), let h = r.varint() else { return nil }; files.append((p, h)) }
            c.jobs[key] = JobRecord(signature: sig, files: files)
        }
        return r.atEnd ? c : nil
    }

    func save(path: String) {
        var w = ByteWriter()
        w.string(Self.format); w.string(generator)
        w.varint(inputs); w.string(output); w.varint(manifestHash)
        w.int(seeds.count)
        for (name, rec) in seeds.sorted(by: { $0.key < $1.key }) {
            w.string(name); w.varint(rec.key)
            w.bool(rec.outcome.dispatch != nil)
            rec.outcome.dispatch?.encode(to: &w)
            w.int(rec.outcome.diagnostics.count)
            for d in rec.outcome.diagnostics { d.encode(to: &w) }
            w.int(rec.outcome.dropped)
        }
        w.int(items.count)
        for (k, html) in items.sorted(by: { $0.key < $1.key }) { w.varint(k); w.string(html) }
        w.int(jobs.count)
        for (key, job) in jobs.sorted(by: { $0.key < $1.key }) {
            w.string(key); w.varint(job.signature); w.int(job.files.count)
            for f in job.files { w.string(f.path); w.varint(f.hash) }
        }
        // A cache that cannot be saved only costs time on the next build.
        _ = FileIO.replace(w.bytes, at: path)
    }
}
