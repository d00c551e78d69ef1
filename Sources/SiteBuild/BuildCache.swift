import DispatchModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import SiteOutput
import Templating

/// What a build remembers for the next one, keyed by content (never by modification times):
/// - each seed's parse and extraction result, under a hash of its bytes, its sidecar and what
///   extraction depends on;
/// - the rendered list entries, under their item signature;
/// - for each page job, the signature of its inputs and the hashes of the files it wrote.
/// A different sitegen binary (`generator`) discards everything. The file is versioned,
/// checksummed and validated while reading: a damaged cache is ignored, never trusted.
/// Dispatches and list entries are length-prefixed blobs, decoded only when a build needs
/// them: a build that finds its output up to date decodes neither.
struct BuildCache: Sendable {
    /// A record as encoded in the cache file (whose bytes are shared, not copied).
    struct Blob: Sendable {
        let bytes: [UInt8]
        let range: Range<Int>

        func dispatch() -> Dispatch? {
            var r = ByteReader(bytes, position: range.lowerBound)
            guard let d = Dispatch.decode(from: &r), r.position == range.upperBound else { return nil }
            return d
        }
    }

    struct SeedRecord: Sendable {
        var key: UInt64
        var outcome: Site.SeedOutcome
    }

    struct JobRecord: Sendable {
        var signature: UInt64
        var files: [(path: String, hash: UInt64)]
    }

    static let format = "sitegen-cache-3"

    var generator: String
    var seeds: [String: SeedRecord] = [:]
    /// Everything the output depends on: templates, config, seed keys.
    var inputs: UInt64 = 0
    /// The output folder these jobs were written to, and the hash of its manifest then.
    var output: String = ""
    var manifestHash: UInt64 = 0
    /// The list entries this build made (`SiteRenderer.renderedItems`), to save.
    var items: [(signature: UInt64, parts: [String])]?
    /// List entries of the loaded cache, still encoded.
    private var storedItems: Blob?
    var jobs: [String: JobRecord] = [:]
    /// Size of the file this cache was read from (0 for a new one): the next one's size, about.
    var fileSize = 0

    /// The list entries of the loaded cache, by item signature.
    func cachedItems() -> [UInt64: String] {
        guard let s = storedItems else { return [:] }
        var r = ByteReader(s.bytes, position: s.range.lowerBound)
        var out: [UInt64: String] = [:]
        guard let n = r.int(), n >= 0 else { return [:] }
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let k = r.varint(), let html = r.string() else { return [:] }
            out[k] = html
        }
        return out
    }

    init(generator: String) { self.generator = generator }

    /// Saves the list entries of `other` as they were read (a build that needed none).
    mutating func keepItems(of other: BuildCache) {
        items = nil
        storedItems = other.storedItems
    }

    /// The default location: beside the output folder, like its staging folder and lock.
    static func defaultPath(output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".sitegen-cache"
    }

    static func load(path: String, generator: String) -> BuildCache? {
        guard var file = FileIO.read(path), file.count >= 8 else { return nil }
        // The last 8 bytes are a checksum of the rest: a torn or damaged file is ignored.
        var sum = StableHasher("cache")
        file.withUnsafeBytes { sum.combine(buffer: UnsafeRawBufferPointer(rebasing: $0[..<(file.count - 8)])) }
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(file[file.count - 8 + k]) << (8 * UInt64(k)) }
        guard stored == sum.value else { return nil }
        file.removeLast(8) // in place: the file is tens of megabytes
        let bytes = file
        var r = ByteReader(bytes)
        guard r.string() == format, r.string() == generator else { return nil }
        var c = BuildCache(generator: generator)
        c.fileSize = bytes.count
        guard let inputs = r.varint(), let output = r.string(), let mh = r.varint(), let nSeeds = r.int(), nSeeds >= 0 else { return nil }
        c.inputs = inputs; c.output = output; c.manifestHash = mh
        for _ in 0..<nSeeds {
            guard let name = r.string(), let key = r.varint(), let hasDispatch = r.bool() else { return nil }
            var dispatch: Blob?
            if hasDispatch { guard let range = r.blob() else { return nil }; dispatch = Blob(bytes: bytes, range: range) }
            guard let nd = r.int(), nd >= 0 else { return nil }
            var diags: [Diagnostic] = []
            for _ in 0..<nd { guard let d = Diagnostic.decode(from: &r) else { return nil }; diags.append(d) }
            guard let dropped = r.int() else { return nil }
            c.seeds[name] = SeedRecord(key: key, outcome: Site.SeedOutcome(name: name, dispatch: nil, diagnostics: diags, dropped: dropped, stored: dispatch))
        }
        guard let items = r.blob() else { return nil }
        c.storedItems = Blob(bytes: bytes, range: items)
        guard let nJobs = r.int(), nJobs >= 0 else { return nil }
        for _ in 0..<nJobs {
            guard let key = r.string(), let sig = r.varint(), let nf = r.int(), nf >= 0 else { return nil }
            var files: [(String, UInt64)] = []
            for _ in 0..<nf { guard let p = r.string(), let h = r.varint() else { return nil }; files.append((p, h)) }
            c.jobs[key] = JobRecord(signature: sig, files: files)
        }
        return r.atEnd ? c : nil
    }

    /// Writes the cache in pieces, hashing as it goes: at 50,000 dispatches the file is
    /// 200 MB, which built whole in memory was a third of the build's peak.
    /// - Parameter chunk: bytes held before writing them out (tests use tiny pieces).
    func save(path: String, chunk: Int = BuildCache.chunk) {
        // A cache that cannot be saved only costs time on the next build; one cut short by a
        // kill must leave nothing behind (`writeDisposable`).
        _ = FileIO.writeDisposable(at: path) { fd in
            var ok = true
            var sum = StableHasher("cache")
            var w = ByteWriter(capacity: min(chunk, Self.chunk) + (1 << 16))
            // Whole 8-byte words go to the hasher until the end, so the checksum equals that
            // of the file hashed at once.
            func flush(_ w: inout ByteWriter, final: Bool = false) {
                guard final || w.bytes.count >= chunk else { return }
                let n = final ? w.bytes.count : w.bytes.count & ~7
                w.drain(n) { buf in
                    sum.combine(buffer: buf)
                    ok = ok && FileIO.writeAll(fd, buf)
                }
            }
            w.string(Self.format); w.string(generator)
            w.varint(inputs); w.string(output); w.varint(manifestHash)
            w.int(seeds.count)
            for (name, rec) in seeds.sorted(by: { $0.key < $1.key }) {
                w.string(name); w.varint(rec.key)
                w.bool(rec.outcome.hasDispatch)
                if let d = rec.outcome.dispatch {
                    var one = ByteWriter()
                    d.encode(to: &one)
                    w.blob(one.bytes)
                } else if let s = rec.outcome.stored {
                    w.blob(s.bytes[s.range]) // unchanged: copied as it was read
                }
                w.int(rec.outcome.diagnostics.count)
                for d in rec.outcome.diagnostics { d.encode(to: &w) }
                w.int(rec.outcome.dropped)
                flush(&w)
            }
            writeItems(to: &w, flush: { flush(&$0) })
            w.int(jobs.count)
            for (key, job) in jobs.sorted(by: { $0.key < $1.key }) {
                w.string(key); w.varint(job.signature); w.int(job.files.count)
                for f in job.files { w.string(f.path); w.varint(f.hash) }
                flush(&w)
            }
            flush(&w, final: true)
            var tail = ByteWriter()
            tail.uint64LE(sum.value)
            return ok && tail.finish().withUnsafeBytes { FileIO.writeAll(fd, $0) }
        }
    }

    static let chunk = 1 << 22

    /// The list entries as one blob: those this build made, entry by entry from their pieces
    /// (the blob's length is counted first), or the loaded cache's as they were read.
    private func writeItems(to w: inout ByteWriter, flush: (inout ByteWriter) -> Void) {
        if let items {
            let marker = Array(SiteRenderer.listEntryMarker.utf8)
            func length(_ parts: [String]) -> Int { parts.reduce(0) { $0 + $1.utf8.count } + marker.count * max(0, parts.count - 1) }
            let size = items.reduce(ByteWriter.varintSize(UInt64(items.count))) {
                let n = length($1.parts)
                return $0 + ByteWriter.varintSize($1.signature) + ByteWriter.varintSize(UInt64(n)) + n
            }
            w.varint(UInt64(size))
            w.int(items.count)
            for (k, parts) in items {
                w.varint(k)
                w.varint(UInt64(length(parts)))
                for (i, p) in parts.enumerated() {
                    if i > 0 { w.raw(marker) }
                    w.raw(p.utf8)
                }
                flush(&w)
            }
            return
        }
        if let s = storedItems {
            w.blob(s.bytes[s.range]) // unchanged: copied as it was read
        } else {
            var empty = ByteWriter()
            empty.int(0)
            w.blob(empty.bytes)
        }
    }
}
