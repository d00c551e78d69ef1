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
/// A different sitegen binary (`generator`) discards everything. Every file is versioned,
/// checksummed and validated while reading: a damaged one is ignored, never trusted.
/// Dispatches and list entries are length-prefixed blobs, decoded only when a build needs
/// them: a build that finds its output up to date decodes neither.
///
/// The cache is a folder of files that are each valid alone, so that a build rewrites only
/// what changed (one edited seed used to rewrite tens of megabytes):
/// - `seeds-NN`: the seed records whose name hashes to shard `NN`, rewritten only when the
///   shard's names or keys change;
/// - `items`: the list entries, rewritten only when a listing page was rendered, and read
///   only when one is;
/// - `state`: the inputs, the output folder, its manifest's hash and the page jobs.
/// Seed records and list entries are addressed by content, so files from two different
/// builds (one killed while saving) never mix into a wrong answer; the state is checked
/// against the output's manifest.
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

    static let format = "sitegen-cache-4"
    /// Seed records are spread over this many files, by a hash of the seed's name.
    static let shardCount = 64

    var generator: String
    var seeds: [String: SeedRecord] = [:]
    /// Everything the output depends on: templates, config, seed keys.
    var inputs: UInt64 = 0
    /// The output folder these jobs were written to, and the hash of its manifest then.
    var output: String = ""
    var manifestHash: UInt64 = 0
    /// The list entries this build made (`SiteRenderer.renderedItems`), to save.
    var items: [(signature: UInt64, parts: [String])]?
    /// The file holding the list entries of the loaded cache, read only when they are needed.
    private var storedItems: String?
    var jobs: [String: JobRecord] = [:]
    /// The folder this cache was read from and the digest of each seed shard there (nil:
    /// absent or damaged): saving to the same folder skips the shards that did not change.
    var onDisk: (path: String, shards: [UInt64?])?

    /// The list entries of the loaded cache, by item signature (empty if their file is
    /// missing or damaged).
    func cachedItems() -> [UInt64: String] {
        guard let path = storedItems, let file = Self.read(path, generator: generator) else { return [:] }
        var r = file.reader
        var out: [UInt64: String] = [:]
        guard let n = r.int(), n >= 0 else { return [:] }
        out.reserveCapacity(n)
        for _ in 0..<n {
            guard let k = r.varint(), let html = r.string() else { return [:] }
            out[k] = html
        }
        return r.atEnd ? out : [:]
    }

    init(generator: String) { self.generator = generator }

    /// Saves the list entries of `other` as they were read (a build that needed none).
    mutating func keepItems(of other: BuildCache) {
        items = nil
        storedItems = other.storedItems
    }

    /// Carries over what `other` knows of the files on disk, so that `save` skips what is there.
    mutating func inheritDisk(of other: BuildCache?) { onDisk = other?.onDisk }

    /// The default location: beside the output folder, like its staging folder and lock.
    static func defaultPath(output: String) -> String {
        let url = URL(fileURLWithPath: output).standardizedFileURL
        return url.deletingLastPathComponent().path + "/." + url.lastPathComponent + ".sitegen-cache"
    }

    static func shard(of name: String) -> Int { Int(StableHasher.hash(name) % UInt64(shardCount)) }

    static func shardPath(_ folder: String, _ shard: Int) -> String {
        let hex = Array("0123456789abcdef".utf8)
        return folder + "/seeds-" + String(decoding: [hex[shard >> 4], hex[shard & 15]], as: UTF8.self)
    }

    /// A cache file's content after its header, checked: nil if missing, damaged or foreign.
    struct File {
        var bytes: [UInt8]
        var start: Int
        var reader: ByteReader { ByteReader(bytes, position: start) }
    }

    static func read(_ path: String, generator: String) -> File? {
        guard var file = FileIO.read(path), file.count >= 8 else { return nil }
        // The last 8 bytes are a checksum of the rest: a torn or damaged file is ignored.
        var sum = StableHasher("cache")
        file.withUnsafeBytes { sum.combine(buffer: UnsafeRawBufferPointer(rebasing: $0[..<(file.count - 8)])) }
        var stored: UInt64 = 0
        for k in 0..<8 { stored |= UInt64(file[file.count - 8 + k]) << (8 * UInt64(k)) }
        guard stored == sum.value else { return nil }
        file.removeLast(8) // in place: the file can be tens of megabytes
        var r = ByteReader(file)
        guard r.string() == format, r.string() == generator else { return nil }
        return File(bytes: file, start: r.position)
    }

    /// Reads the cache folder at `path`; nil when there is none. Each file that is missing or
    /// damaged only loses what it holds (a damaged state: no output is known, so the next
    /// build is a full one).
    static func load(path: String, generator: String, jobs: Int = 2) -> BuildCache? {
        var st = stat()
        guard stat(path, &st) == 0, (st.st_mode & S_IFMT) == S_IFDIR else { return nil }
        var c = BuildCache(generator: generator)
        if let state = read(path + "/state", generator: generator), let parsed = parseState(state) {
            (c.inputs, c.output, c.manifestHash, c.jobs) = parsed
        }
        let shards = Parallel.map(shardCount, jobs: jobs) { i -> (digest: UInt64, records: [SeedRecord])? in
            guard let file = read(shardPath(path, i), generator: generator) else { return nil }
            return parseShard(file)
        }
        var digests: [UInt64?] = []
        for s in shards {
            digests.append(s?.digest)
            for r in s?.records ?? [] { c.seeds[r.outcome.name] = r }
        }
        c.onDisk = (path, digests)
        c.storedItems = path + "/items"
        return c
    }

    private static func parseState(_ file: File) -> (UInt64, String, UInt64, [String: JobRecord])? {
        var r = file.reader
        guard let inputs = r.varint(), let output = r.string(), let mh = r.varint(), let nJobs = r.int(), nJobs >= 0 else { return nil }
        var jobs: [String: JobRecord] = [:]
        jobs.reserveCapacity(nJobs)
        for _ in 0..<nJobs {
            guard let key = r.string(), let sig = r.varint(), let nf = r.int(), nf >= 0 else { return nil }
            var files: [(String, UInt64)] = []
            files.reserveCapacity(nf)
            for _ in 0..<nf { guard let p = r.string(), let h = r.varint() else { return nil }; files.append((p, h)) }
            jobs[key] = JobRecord(signature: sig, files: files)
        }
        return r.atEnd ? (inputs, output, mh, jobs) : nil
    }

    private static func parseShard(_ file: File) -> (digest: UInt64, records: [SeedRecord])? {
        var r = file.reader
        guard let n = r.int(), n >= 0 else { return nil }
        var records: [SeedRecord] = []
        records.reserveCapacity(n)
        for _ in 0..<n {
            guard let name = r.string(), let key = r.varint(), let hasDispatch = r.bool() else { return nil }
            var dispatch: Blob?
            if hasDispatch { guard let range = r.blob() else { return nil }; dispatch = Blob(bytes: file.bytes, range: range) }
            guard let nd = r.int(), nd >= 0 else { return nil }
            var diags: [Diagnostic] = []
            for _ in 0..<nd { guard let d = Diagnostic.decode(from: &r) else { return nil }; diags.append(d) }
            guard let dropped = r.int() else { return nil }
            records.append(SeedRecord(key: key, outcome: Site.SeedOutcome(name: name, dispatch: nil, diagnostics: diags, dropped: dropped, stored: dispatch)))
        }
        return r.atEnd ? (digest(records), records) : nil
    }

    /// Names and keys of a shard's records (sorted by name): equal digests, same records.
    static func digest(_ records: [SeedRecord]) -> UInt64 {
        var h = StableHasher("shard")
        h.combine(records.count)
        for r in records { h.combine(r.outcome.name); h.combine(r.key) }
        return h.value
    }

    /// Writes the cache folder: the seed shards that changed, the list entries if this build
    /// made them, and the state. Files are written in pieces and hashed as they go: at 50,000
    /// dispatches the seeds are 200 MB, which built whole in memory was a third of the
    /// build's peak.
    /// - Parameter chunk: bytes held before writing them out (tests use tiny pieces).
    func save(path: String, chunk: Int = BuildCache.chunk) {
        // A cache that cannot be saved only costs time on the next build; one cut short by a
        // kill must leave nothing behind (`writeDisposable`). A cache file left by an older
        // sitegen, where the folder goes, is replaced.
        var st = stat()
        if lstat(path, &st) == 0, (st.st_mode & S_IFMT) != S_IFDIR { unlink(path) }
        guard mkdir(path, 0o755) == 0 || errno == EEXIST else { return }
        let known = onDisk?.path == path ? onDisk?.shards : nil
        var byShard = [[SeedRecord]](repeating: [], count: Self.shardCount)
        for (name, rec) in seeds { byShard[Self.shard(of: name)].append(rec) }
        for i in 0..<Self.shardCount {
            let records = byShard[i].sorted { $0.outcome.name < $1.outcome.name }
            let d = Self.digest(records)
            if let known, known[i] == d { continue }
            if records.isEmpty { unlink(Self.shardPath(path, i)); continue }
            write(Self.shardPath(path, i), chunk: chunk) { w, flush in
                w.int(records.count)
                for rec in records {
                    w.string(rec.outcome.name); w.varint(rec.key)
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
            }
        }
        let itemsPath = path + "/items"
        if items != nil || storedItems != itemsPath {
            let kept = items == nil ? storedItems.flatMap { Self.read($0, generator: generator) } : nil
            write(itemsPath, chunk: chunk) { w, flush in writeItems(kept: kept, to: &w, flush: flush) }
        }
        write(path + "/state", chunk: chunk) { w, flush in
            w.varint(inputs); w.string(output); w.varint(manifestHash)
            w.int(jobs.count)
            for (key, job) in jobs.sorted(by: { $0.key < $1.key }) {
                w.string(key); w.varint(job.signature); w.int(job.files.count)
                for f in job.files { w.string(f.path); w.varint(f.hash) }
                flush(&w)
            }
        }
    }

    static let chunk = 1 << 22

    /// One cache file: header, what `body` writes (handing pieces to `flush`), checksum.
    private func write(_ path: String, chunk: Int, body: (inout ByteWriter, (inout ByteWriter) -> Void) -> Void) {
        _ = FileIO.writeDisposable(at: path) { fd in
            var ok = true
            var sum = StableHasher("cache")
            var w = ByteWriter(capacity: min(chunk, Self.chunk) + (1 << 16))
            // Whole 8-byte words go to the hasher until the end, so the checksum equals that
            // of the file hashed at once.
            func flush(_ w: inout ByteWriter, final: Bool) {
                guard final || w.bytes.count >= chunk else { return }
                let n = final ? w.bytes.count : w.bytes.count & ~7
                w.drain(n) { buf in
                    sum.combine(buffer: buf)
                    ok = ok && FileIO.writeAll(fd, buf)
                }
            }
            w.string(Self.format); w.string(generator)
            body(&w) { flush(&$0, final: false) }
            flush(&w, final: true)
            var tail = ByteWriter()
            tail.uint64LE(sum.value)
            return ok && tail.finish().withUnsafeBytes { FileIO.writeAll(fd, $0) }
        }
    }

    /// The list entries: those this build made, entry by entry from their pieces, or the
    /// loaded cache's as they were read.
    private func writeItems(kept: File?, to w: inout ByteWriter, flush: (inout ByteWriter) -> Void) {
        if let items {
            let marker = Array(SiteRenderer.listEntryMarker.utf8)
            func length(_ parts: [String]) -> Int { parts.reduce(0) { $0 + $1.utf8.count } + marker.count * max(0, parts.count - 1) }
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
        } else if let kept {
            w.raw(kept.bytes[kept.start...]) // unchanged: copied as it was read
        } else {
            w.int(0)
        }
    }
}
