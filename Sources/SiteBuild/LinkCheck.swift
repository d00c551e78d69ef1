import DispatchModel
import Foundation

/// Internal links of a rendered site: every `href`/`src` of every HTML page must resolve
/// (relative to the page, `dir/` meaning `dir/index.html`) to a generated file, and a
/// `#anchor` to an `id` in that file.
///
/// Two passes, so that a build need not hold its pages in memory until every page exists:
/// 1. `extract` reads one page as soon as it is rendered and keeps only hashes: for each
///    distinct link the path it resolves to (and the `dir/index.html` alternative), its
///    anchor, and the page's own ids.
/// 2. `Collector` merges the pages' hashes (each distinct link once for the whole site) and
///    resolves every link against the hashes of all generated paths. When a link is broken
///    (rare), the pages are read again to find those that hold it, and these are checked by
///    path arithmetic on strings, which produces the messages; that second check is the
///    reference, the hashes only find the pages to look at.
/// Links from the site root (`../../tags/x/index.html`, the form every generated link
/// takes) are hashed straight from the page's bytes; other forms go through `normalize`.
public enum LinkCheck {
    public struct Broken: Sendable, Hashable {
        public var page: String
        public var link: String
        public var code: String
        public var message: String
    }

    /// What the check needs of one page.
    public struct PageLinks: Sendable {
        public var path: String
        /// Non-external link occurrences (repeats included).
        public var checked: Int
        var records: [Record]
        var ids: [UInt64]
    }

    /// One distinct link, in 16 bytes (a tag page at 50,000 dispatches has thousands): the
    /// hash of the path it names, and the hash of its anchor with two flags in its low bits.
    /// The `dir/index.html` alternative is derived from the target's hash when needed.
    struct Record: Sendable, Hashable {
        var target: UInt64
        var anchorAndFlags: UInt64

        static let htmlFlag: UInt64 = 1, leavesFlag: UInt64 = 2

        init(target: UInt64, anchor: UInt64, targetIsHTML: Bool, leavesSite: Bool) {
            self.target = target
            // Anchor 0 means none; a real hash that lands on 0 in its upper bits is not a concern.
            anchorAndFlags = (anchor & ~3) | (targetIsHTML ? Self.htmlFlag : 0) | (leavesSite ? Self.leavesFlag : 0)
        }

        var anchor: UInt64 { anchorAndFlags & ~3 }
        var targetIsHTML: Bool { anchorAndFlags & Self.htmlFlag != 0 }
        var leavesSite: Bool { anchorAndFlags & Self.leavesFlag != 0 }
        var alternative: UInt64 { LinkCheck.fnv(LinkCheck.indexSuffix, from: target) }
        /// Both words in one: distinct records collide with probability about 2⁻⁶⁴ per pair.
        var digest: UInt64 { (target ^ (anchorAndFlags &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9 }
    }

    /// Every file in memory (for `sitegen check` and tests).
    public static func check(_ files: [OutputFile]) -> (broken: [Broken], checked: Int) {
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let collector = Collector()
        _ = Parallel.map(pages.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { collector.add(extract(pages[$0])) }
        var byPath: [String: Int] = [:]
        for (i, f) in files.enumerated() { byPath[f.path] = i }
        let index = byPath
        return collector.check(paths: files.map(\.path)) { path in index[path].map { files[$0].contents } }
    }

    /// The links of every page as they are rendered, merged: each distinct link once for the
    /// whole site, and each page's ids as hashes of (page, id). A site links the same few
    /// thousand targets from every page, so this stays small while pages stream out (at
    /// 50,000 dispatches, keeping each page's links until the end took a quarter of the
    /// build's memory). Which pages hold a broken link is found again only when there is one.
    public final class Collector: @unchecked Sendable {
        private let mutex = NSLock()
        /// Each distinct link once (`known` holds a 64-bit digest of each).
        private var records: [Record] = []
        private var known = UInt64Set(minimumCapacity: 1 << 14)
        private var ids = UInt64Set(minimumCapacity: 1 << 14)
        private var checked = 0
        /// The list entries' links, read once for the site (nil: every page read whole).
        private let entries: Entries?

        public init(entries: Entries? = nil) {
            self.entries = entries
        }

        /// One rendered page: its links and ids, read here but for its list entries
        /// (`OutputFile.listings`) when their links are known to be the same on every page
        /// (their occurrences are then not counted in `checked`).
        public func add(page f: OutputFile) {
            guard !f.listings.isEmpty, let entries, entries.records() != nil, Self.listingsStandApart(f) else {
                add(extract(f))
                return
            }
            add(extract(f, skipping: f.listings))
        }

        /// Whether each listing starts where markup may (after a tag, before a tag), so that
        /// reading the page around it finds the attributes a reading of the whole page would;
        /// a theme that put a listing inside an attribute gets its pages read whole.
        static func listingsStandApart(_ f: OutputFile) -> Bool {
            let b = f.contents
            for span in f.listings where !span.isEmpty {
                guard b[span.lowerBound] == 0x3C else { return false }
                var k = span.lowerBound
                while k > 0, isSpace(b[k - 1]) { k -= 1 }
                guard k == 0 || b[k - 1] == 0x3E else { return false }
            }
            return true
        }

        public func add(_ page: PageLinks) {
            let own = fnv(Array(page.path.utf8))
            mutex.lock()
            for r in page.records where known.insert(r.digest) { records.append(r) }
            for id in page.ids { ids.insert(idKey(page: own, id: id)) }
            checked += page.checked
            mutex.unlock()
        }

        /// - Parameters:
        ///   - paths: every generated path.
        ///   - source: the bytes of a generated file, to find and re-read the pages that
        ///     have broken links.
        public func check(paths: [String], source: @escaping @Sendable (String) -> [UInt8]?) -> (broken: [Broken], checked: Int) {
            if let read = entries?.ifRead, let records = read {
                add(PageLinks(path: "", checked: 0, records: records, ids: []))
            }
            mutex.lock()
            defer { mutex.unlock() }
            var existing = UInt64Set(minimumCapacity: paths.count)
            for p in paths { existing.insert(fnv(Array(p.utf8))) }
            func isBroken(_ r: Record) -> Bool {
                if r.leavesSite { return true }
                let resolved: UInt64, html: Bool
                if existing.contains(r.target) { resolved = r.target; html = r.targetIsHTML }
                else if existing.contains(r.alternative) { resolved = r.alternative; html = true }
                else { return true }
                return r.anchor != 0 && html && !ids.contains(idKey(page: resolved, id: r.anchor))
            }
            let bad = Set(records.filter(isBroken))
            guard !bad.isEmpty else { return ([], checked) }
            // Rare: read the pages back to find those holding a broken link, then check those
            // on strings (the reference), in path order so the list is the same every time.
            let pages = paths.filter { $0.hasSuffix(".html") }.sorted()
            let flagged = Parallel.map(pages.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i -> Bool in
                guard let bytes = source(pages[i]) else { return false }
                return extract(OutputFile(path: pages[i], contents: bytes)).records.contains { bad.contains($0) }
            }
            let all = Set(paths)
            let anchors = AnchorCache(source: source)
            var broken: [Broken] = []
            for (i, page) in pages.enumerated() where flagged[i] {
                guard let bytes = source(page) else { continue }
                broken += reference(OutputFile(path: page, contents: bytes), paths: all, anchors: anchors)
            }
            return (broken, checked)
        }

        private func idKey(page: UInt64, id: UInt64) -> UInt64 {
            (page ^ ((id & ~3) &* 0x9E37_79B9_7F4A_7C15)) &* 0xBF58_476D_1CE4_E5B9
        }
    }

    /// The links of the site's list entries (each rendered once with a marker where the
    /// page's root prefix goes, and copied into every listing), read once: a link that is the
    /// root prefix then a plain site path names the same file from every page, so its record
    /// is the one a page at the site root gives. Read on first use, when a page with listings
    /// is checked (the entries exist by then); nil when some entry has a link or an id that
    /// could read differently from page to page, and the pages are then read whole.
    public final class Entries: @unchecked Sendable {
        private let lock = NSLock()
        private var read: [Record]??
        private let jobs: Int
        private let source: @Sendable () -> [(bytes: [UInt8], cuts: [Int])]

        public init(jobs: Int, source: @escaping @Sendable () -> [(bytes: [UInt8], cuts: [Int])]) {
            self.jobs = jobs
            self.source = source
        }

        /// Every entry's records, or nil when they cannot stand for the pages' (see above).
        /// Read in chunks on all cores, each chunk without repeats (entries name the same tags
        /// and people again and again); the collector merges the chunks' repeats.
        func records() -> [Record]? {
            lock.lock()
            defer { lock.unlock() }
            if let read { return read }
            let all = source()
            let chunks = min(all.count, max(1, jobs) * 8)
            let each = Parallel.map(chunks, jobs: jobs) { c -> [Record]? in
                var out: [Record] = []
                var seen = UInt64Set(minimumCapacity: 1024)
                for i in (all.count * c / chunks)..<(all.count * (c + 1) / chunks) {
                    guard let r = LinkCheck.entryRecords(all[i].bytes, cuts: all[i].cuts) else { return nil }
                    for x in r where seen.insert(x.digest) { out.append(x) }
                }
                return out
            }
            var merged: [Record]? = []
            for r in each {
                guard let r else { merged = nil; break }
                merged?.append(contentsOf: r)
            }
            read = .some(merged)
            return merged
        }

        /// `records()` if it was read, without reading it.
        var ifRead: [Record]?? {
            lock.lock()
            defer { lock.unlock() }
            return read
        }
    }

    /// The records of one list entry's links (`bytes` without the root prefix, which goes at
    /// each of `cuts`), as a page at the site root reads them; nil unless every cut starts a
    /// link, every link that does not start at a cut is external, each link after a cut is a
    /// plain site path (so the prefix cannot change what it names), and there is no id.
    static func entryRecords(_ bytes: [UInt8], cuts: [Int]) -> [Record]? {
        var records: [Record] = []
        var starts = 0
        var ok = true
        bytes.withUnsafeBufferPointer { b in
            forEachAttributeValue(b, names: pageAttributes) { name, range, escaped in
                guard ok else { return }
                let value = UnsafeBufferPointer(rebasing: b[range])
                guard name < linkAttributes.count, !escaped else { ok = false; return }
                let atCut = cuts.contains(range.lowerBound)
                guard !cuts.contains(where: { $0 > range.lowerBound && $0 <= range.upperBound }) else { ok = false; return }
                if !atCut {
                    if !isExternal(value) { ok = false }
                    return
                }
                starts += 1
                let (target, anchor) = splitAnchor(value)
                guard !(anchor?.contains(0x25) ?? false), !target.isEmpty,
                      let r = rootedRecord(target, anchor: anchorHash(anchor)) else { ok = false; return }
                records.append(r)
            }
        }
        return ok && starts == cuts.count ? records : nil
    }

    static let linkAttributes = ["href", "src"].map { Array($0.utf8) }
    static let idAttributes = ["id", "name"].map { Array($0.utf8) }
    static let pageAttributes = linkAttributes + idAttributes
    static let indexSuffix = Array("/index.html".utf8)

    /// FNV-1a over bytes: streaming, so `fnv(a + b)` can be computed from `fnv(a)` and `b`.
    @inline(__always) static func fnv<C: Sequence<UInt8>>(_ bytes: C, from start: UInt64 = StableHasher.fnvBasis) -> UInt64 {
        var v = start
        for b in bytes { v = StableHasher.fnvStep(v, b) }
        return v
    }

    /// The links and ids of one page, as hashes; the bytes in `skipping` are not read.
    public static func extract(_ f: OutputFile, skipping: [Range<Int>] = []) -> PageLinks {
        // Distinct link texts (by hash); two texts naming the same target give two equal
        // records, which the collector merges.
        var records: [Record] = []
        var seen = UInt64Set(minimumCapacity: f.contents.count / 512) // a listing page has hundreds of distinct links
        var checked = 0
        let pathBytes = Array(f.path.utf8)
        let ownPath = fnv(pathBytes)
        let depth = pathBytes.reduce(0) { $1 == 0x2F ? $0 + 1 : $0 }
        let rootPrefix = String(repeating: "../", count: depth)
        let root = Array(rootPrefix.utf8)
        let dir = pathBytes.lastIndex(of: 0x2F).map { String(decoding: pathBytes[..<$0], as: UTF8.self) } ?? ""
        var ids: [UInt64] = []
        f.contents.withUnsafeBufferPointer { whole in
            // The page but the skipped ranges, piece by piece.
            var from = 0
            for gap in skipping + [whole.count..<whole.count] {
                let bytes = UnsafeBufferPointer(rebasing: whole[from..<gap.lowerBound])
                from = gap.upperBound
                // One pass over the page for its links and its ids.
                forEachAttributeValue(bytes, names: pageAttributes) { name, range, escaped in
                    let value = UnsafeBufferPointer(rebasing: bytes[range])
                    if name >= linkAttributes.count {
                        ids.append(escaped ? fnv(Array(unescape(String(decoding: value, as: UTF8.self)).utf8)) : fnv(value))
                        return
                    }
                    if escaped {
                        let link = unescape(String(decoding: value, as: UTF8.self))
                        if isExternal(link) { return }
                        checked += 1
                        guard seen.insert(fnv(Array(link.utf8), from: 1)) else { return }
                        records.append(record(link, ownPath: f.path, dir: dir))
                        return
                    }
                    if isExternal(value) { return }
                    checked += 1
                    // Most of a page's links repeat (a listing names the same tags in every
                    // entry): the page-local test for a repeat uses a hash that reads eight bytes
                    // per step; FNV (one dependent multiply per byte) is kept for what the site
                    // compares across pages.
                    guard seen.insert(ByteStringTable.hash(value)) else { return }

                    // Fast path: `ROOT/path/to/file.html` or `#anchor` or both, nothing else.
                    let (target, anchor) = splitAnchor(value)
                    if anchor?.contains(0x25) ?? false {
                        records.append(record(String(decoding: value, as: UTF8.self), ownPath: f.path, dir: dir))
                        return
                    }
                    let anchorHash = anchorHash(anchor)
                    if target.isEmpty {
                        records.append(Record(target: ownPath, anchor: anchorHash, targetIsHTML: true, leavesSite: false))
                        return
                    }
                    if target.count > root.count, target.starts(with: root),
                       let r = rootedRecord(UnsafeBufferPointer(rebasing: target[root.count...]), anchor: anchorHash) {
                        records.append(r)
                        return
                    }
                    records.append(record(String(decoding: value, as: UTF8.self), ownPath: f.path, dir: dir))
                }
            }
        }
        return PageLinks(path: f.path, checked: checked, records: records, ids: ids)
    }

    /// A link's target and its anchor (after `#`, nil without one).
    static func splitAnchor(_ value: UnsafeBufferPointer<UInt8>) -> (target: UnsafeBufferPointer<UInt8>, anchor: UnsafeBufferPointer<UInt8>?) {
        let hashAt = value.firstIndex(of: 0x23) ?? value.count
        return (UnsafeBufferPointer(rebasing: value[..<hashAt]),
                hashAt < value.count ? UnsafeBufferPointer(rebasing: value[(hashAt + 1)...]) : nil)
    }

    /// An anchor's hash, 0 for none or an empty one.
    static func anchorHash(_ anchor: UnsafeBufferPointer<UInt8>?) -> UInt64 {
        anchor.map { $0.isEmpty ? 0 : fnv($0) } ?? 0
    }

    /// The record of a link whose target, after the page's root prefix, is `rest` (not
    /// empty): a plain site path (no leading or trailing `/`, nothing to decode or
    /// normalise), or nil. Pages and list entries (`entryRecords`) read their links with
    /// this same rule, so an entry's records are those of the pages that list it.
    static func rootedRecord(_ rest: UnsafeBufferPointer<UInt8>, anchor: UInt64) -> Record? {
        guard rest[0] != 0x2F, rest[rest.count - 1] != 0x2F, let hash = plainPathHash(rest) else { return nil }
        return Record(target: hash, anchor: anchor,
                      targetIsHTML: endsWithHTML(rest),
                      leavesSite: false)
    }

    /// Whether `b` ends in `.html`, on its bytes (`elementsEqual` over the string's view was
    /// a generic loop, paid for every link of every page).
    @inline(__always) static func endsWithHTML(_ b: UnsafeBufferPointer<UInt8>) -> Bool {
        let n = b.count
        return n >= 5 && b[n - 5] == 0x2E && b[n - 4] == 0x68 && b[n - 3] == 0x74 && b[n - 2] == 0x6D && b[n - 1] == 0x6C
    }

    /// A link of any form, resolved by path arithmetic (as `reference` does).
    static func record(_ link: String, ownPath: String, dir: String) -> Record {
        let (resolved, anchor) = resolve(link, ownPath: ownPath, dir: dir)
        let anchorHash = anchor.map { $0.isEmpty ? 0 : fnv(Array($0.utf8)) } ?? 0
        guard let r = resolved else { return Record(target: 0, anchor: 0, targetIsHTML: false, leavesSite: true) }
        return Record(target: fnv(Array(r.utf8)), anchor: anchorHash, targetIsHTML: r.hasSuffix(".html"), leavesSite: false)
    }

    /// The site path a link names (nil when it leaves the site), before the `dir/index.html`
    /// fallback, and its anchor, percent-decoded.
    static func resolve(_ link: String, ownPath: String, dir: String) -> (path: String?, anchor: String?) {
        var target = link
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let a = anchor, a.utf8.contains(0x25) { anchor = a.removingPercentEncoding ?? a }
        if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
        if target.utf8.contains(0x25) { target = target.removingPercentEncoding ?? target }
        if target.isEmpty { return (ownPath, anchor) }
        let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (dir.isEmpty ? target : dir + "/" + target)
        guard var resolved = normalize(joined) else { return (nil, anchor) }
        if resolved.isEmpty || target.hasSuffix("/") { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
        return (resolved, anchor)
    }

    /// The reference check of one page, on strings: every distinct link resolved by path
    /// arithmetic against the set of generated paths, anchors against the target's ids.
    static func reference(_ f: OutputFile, paths: Set<String>, anchors: AnchorCache) -> [Broken] {
        var broken: [Broken] = []
        var seen = Set<String>()
        let dir = f.path.lastIndex(of: "/").map { String(f.path[..<$0]) } ?? ""
        for link in attributeValues(f.contents, names: linkAttributes) where !isExternal(link) {
            guard seen.insert(link).inserted else { continue }
            let (path, anchor) = resolve(link, ownPath: f.path, dir: dir)
            guard var resolved = path else {
                broken.append(Broken(page: f.path, link: link, code: "link.broken", message: "link “\(link)” leaves the site"))
                continue
            }
            if !paths.contains(resolved), paths.contains(resolved + "/index.html") { resolved += "/index.html" }
            guard paths.contains(resolved) else {
                broken.append(Broken(page: f.path, link: link, code: "link.broken", message: "broken link “\(link)”: no page \(resolved)"))
                continue
            }
            if let a = anchor, !a.isEmpty, resolved.hasSuffix(".html"), !anchors.ids(of: resolved).contains(a) {
                broken.append(Broken(page: f.path, link: link, code: "link.anchor", message: "broken link “\(link)”: no id “\(a)” in \(resolved)"))
            }
        }
        return broken
    }

    /// The `id`s (and `name`s) of the pages that links point into, read once each.
    final class AnchorCache: @unchecked Sendable {
        private let lock = NSLock()
        private var cache: [String: Set<String>] = [:]
        let source: @Sendable (String) -> [UInt8]?

        init(source: @escaping @Sendable (String) -> [UInt8]?) { self.source = source }

        func ids(of path: String) -> Set<String> {
            lock.lock()
            if let c = cache[path] { lock.unlock(); return c }
            lock.unlock()
            let ids = Set(attributeValues(source(path) ?? [], names: idAttributes))
            lock.lock()
            cache[path] = ids
            lock.unlock()
            return ids
        }
    }

    /// `fnv(rest)` when `rest` is a plain path (no `?`, `%`, `..`, `./` or `//`: nothing to
    /// decode or normalise), else nil. One pass: the tests and the hash were five.
    @inline(__always) static func plainPathHash(_ rest: UnsafeBufferPointer<UInt8>) -> UInt64? {
        var v = StableHasher.fnvBasis
        var previous: UInt8 = 0
        for c in rest {
            if c == 0x3F || c == 0x25 { return nil }
            if c == 0x2E || c == 0x2F, previous == 0x2E || (previous == 0x2F && c == 0x2F) { return nil }
            v = StableHasher.fnvStep(v, c)
            previous = c
        }
        return v
    }

    /// External links are not checked: `//host`, or a scheme (`https:`, `mailto:`: ASCII
    /// letters, digits, `+ - .`) before the first `:`, which comes before any `/`.
    static func isExternal(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
        if link.count >= 2 && link[0] == 0x2F && link[1] == 0x2F { return true }
        // Up to the first byte that cannot be in a scheme: external when it is a `:` with a
        // scheme before it. The same answer as finding the first `:` and checking what comes
        // before, but a site's own links (`../tags/…`) stop at their first `/`, where looking
        // for a `:` read every byte of every link.
        var k = 0
        while k < link.count {
            let c = link[k]
            let scheme = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
            if !scheme { return c == 0x3A && k > 0 }
            k += 1
        }
        return false
    }

    static func isExternal(_ link: String) -> Bool {
        link.withUTF8Bytes { isExternal($0) }
    }

    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for p in path.split(separator: "/", omittingEmptySubsequences: true) {
            if p == "." { continue }
            if p == ".." { if parts.isEmpty { return nil }; parts.removeLast(); continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }

    /// Values of the given attributes, double- or single-quoted, HTML entities of quotes and
    /// ampersands decoded.
    static func attributeValues(_ html: [UInt8], names: [[UInt8]]) -> [String] {
        var out: [String] = []
        html.withUnsafeBufferPointer { bytes in
            forEachAttributeValue(bytes, names: names) { _, range, escaped in
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                out.append(escaped ? unescape(value) : value)
            }
        }
        return out
    }

    /// Calls `body` with the index of the name, the byte range of each value of the given
    /// (lowercase) attribute names, and whether it holds an `&` (an entity to decode): an
    /// attribute is whitespace, a name (any case), optional spaces, `=`, optional spaces and
    /// a quoted value; scanning resumes after the value. One pass for all names.
    static func forEachAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>, names: [[UInt8]], _ body: (Int, Range<Int>, Bool) -> Void) {
        // From each `=` (found by `memchr`, which skims the text between attributes many
        // bytes at a time) back to the name before it: the same attributes as reading every
        // byte forward for whitespace and a name, at a fraction of the cost on the 200 MB of
        // a 10,000-dispatch site. None of the names is a prefix of another, so at most one
        // can end before a given `=`.
        let n = bytes.count
        guard let base = bytes.baseAddress else { return }
        var from = 0
        while from < n, let hit = memchr(base + from, 0x3D, n - from) {
            let eq = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            from = eq + 1
            var e = eq
            while e > 0, isSpace(bytes[e - 1]) { e -= 1 }
            var matched: Int? = nil
            for q in names.indices {
                let pattern = names[q]
                let s = e - pattern.count
                guard s >= 1, isSpace(bytes[s - 1]) else { continue }
                var match = true
                for k in pattern.indices where lower(bytes[s + k]) != pattern[k] { match = false; break }
                if match { matched = q; break }
            }
            guard let name = matched else { continue }
            var j = eq + 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { continue }
            let start = j + 1
            let k = start < n ? memchr(base + start, Int32(bytes[j]), n - start).map { base.distance(to: $0.assumingMemoryBound(to: UInt8.self)) } ?? n : n
            let escaped = k > start && memchr(base + start, 0x26, k - start) != nil
            body(name, start..<k, escaped)
            from = k + 1
        }
    }

    static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    private static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
