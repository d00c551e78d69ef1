import DispatchModel
import Foundation

/// Internal links of a rendered site, checked in memory: every `href`/`src` of every HTML
/// `OutputFile` must resolve (relative to the page, `dir/` meaning `dir/index.html`) to a
/// generated file, and a `#anchor` to an `id` in that file.
public enum LinkCheck {
    public struct Broken: Sendable, Hashable {
        public var page: String
        public var link: String
        public var code: String
        public var message: String
    }

    public static func check(_ files: [OutputFile]) -> (broken: [Broken], checked: Int) {
        var byPath: [String: Int] = [:]
        for (i, f) in files.enumerated() { byPath[f.path] = i }
        let site = Site(files: files, byPath: byPath, table: PathTable(files.map(\.path)), ids: AnchorCache())
        let pages = files.indices.filter { files[$0].path.hasSuffix(".html") }
        let results = Parallel.map(pages.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i in
            checkPage(pages[i], site)
        }
        var broken: [Broken] = []
        var checked = 0
        for (b, c) in results { broken += b; checked += c }
        return (broken, checked)
    }

    /// The files being checked, with two ways to find one by path: by `String` for the
    /// general case and by bytes for the common one (no `String` made per link).
    struct Site: Sendable {
        let files: [OutputFile]
        let byPath: [String: Int]
        let table: PathTable
        let ids: AnchorCache
    }

    /// One page's links. Each distinct link is resolved once per page (listing pages repeat
    /// the same tag and official links hundreds of times). The common link, from the site
    /// root to a file (`../../tags/x/index.html`, `#anchor` optional), is checked on the bytes
    /// of the page; anything else (`?`, `%`, entities, `./`, folders) takes the general path.
    static func checkPage(_ page: Int, _ site: Site) -> ([Broken], Int) {
        let f = site.files[page]
        var broken: [Broken] = []
        var checked = 0
        var seen: [UInt64: [Range<Int>]] = [:]
        var seenText = Set<String>()
        let dir = f.path.lastIndex(of: "/").map { String(f.path[..<$0]) } ?? ""
        let depth = f.path.utf8.reduce(0) { $1 == 0x2F ? $0 + 1 : $0 }
        let rootPrefix = String(repeating: "../", count: depth)
        let root = Array(rootPrefix.utf8)
        f.contents.withUnsafeBufferPointer { bytes in
            forEachAttributeValue(bytes, names: linkAttributes) { range, escaped in
                let value = UnsafeBufferPointer(rebasing: bytes[range])
                if escaped {
                    let link = unescape(String(decoding: value, as: UTF8.self))
                    if isExternal(link) { return }
                    checked += 1
                    guard seenText.insert(link).inserted else { return }
                    if let b = checkSlow(link, page: f, dir: dir, rootPrefix: rootPrefix, site) { broken.append(b) }
                    return
                }
                if isExternal(value) { return }
                checked += 1
                var h = StableHasher()
                h.combine(buffer: UnsafeRawBufferPointer(value))
                if let earlier = seen[h.value], earlier.contains(where: { bytes[$0].elementsEqual(value) }) { return }
                seen[h.value, default: []].append(range)

                // Fast path: `ROOT/path/to/file.html` or `#anchor` or both, nothing else.
                let hashAt = value.firstIndex(of: 0x23) ?? value.count
                let target = UnsafeBufferPointer(rebasing: value[..<hashAt])
                var resolved: Int?
                if target.isEmpty {
                    resolved = page
                } else if target.count > root.count, target.starts(with: root), !target.contains(0x3F), !target.contains(0x25) {
                    let rest = UnsafeBufferPointer(rebasing: target[root.count...])
                    if rest[0] != 0x2F, rest[rest.count - 1] != 0x2F, !hasPair(rest, 0x2E, 0x2E), !hasPair(rest, 0x2E, 0x2F), !hasPair(rest, 0x2F, 0x2F) {
                        resolved = site.table.find(rest)
                    }
                }
                let anchorBytes = hashAt < value.count ? UnsafeBufferPointer(rebasing: value[(hashAt + 1)...]) : nil
                guard let r = resolved, anchorBytes.map({ !$0.contains(0x25) }) ?? true else {
                    let link = String(decoding: value, as: UTF8.self)
                    if let b = checkSlow(link, page: f, dir: dir, rootPrefix: rootPrefix, site) { broken.append(b) }
                    return
                }
                if let a = anchorBytes, !a.isEmpty, site.files[r].path.hasSuffix(".html") {
                    let anchor = String(decoding: a, as: UTF8.self)
                    if !site.ids.ids(of: r, site.files).contains(anchor) {
                        let link = String(decoding: value, as: UTF8.self)
                        broken.append(Broken(page: f.path, link: link, code: "link.anchor",
                                             message: "broken link “\(link)”: no id “\(anchor)” in \(site.files[r].path)"))
                    }
                }
            }
        }
        return (broken, checked)
    }

    static let linkAttributes = ["href", "src"].map { Array($0.utf8) }
    static let idAttributes = ["id", "name"].map { Array($0.utf8) }

    /// Any link, resolved with path arithmetic: relative to the page's folder, `/` from the
    /// site root, `dir/` meaning `dir/index.html`, percent-decoded.
    static func checkSlow(_ link: String, page f: OutputFile, dir: String, rootPrefix: String, _ site: Site) -> Broken? {
        var target = link
        var anchor: String?
        if let hash = target.firstIndex(of: "#") {
            anchor = String(target[target.index(after: hash)...])
            target = String(target[..<hash])
        }
        if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
        if target.utf8.contains(0x25) { target = target.removingPercentEncoding ?? target }
        var resolved: String
        if target.isEmpty {
            resolved = f.path
        } else {
            let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (dir.isEmpty ? target : dir + "/" + target)
            guard let r = normalize(joined) else {
                return Broken(page: f.path, link: link, code: "link.broken", message: "link “\(link)” leaves the site")
            }
            resolved = r
            if resolved.isEmpty || target.hasSuffix("/") { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
            if site.byPath[resolved] == nil, site.byPath[resolved + "/index.html"] != nil { resolved += "/index.html" }
        }
        if hasPair(resolved.utf8, 0x2F, 0x2F) { resolved = resolved.replacingOccurrences(of: "//", with: "/") }
        guard let r = site.byPath[resolved] else {
            return Broken(page: f.path, link: link, code: "link.broken", message: "broken link “\(link)”: no page \(resolved)")
        }
        if let a = anchor, !a.isEmpty, resolved.hasSuffix(".html") {
            if !site.ids.ids(of: r, site.files).contains(a.utf8.contains(0x25) ? (a.removingPercentEncoding ?? a) : a) {
                return Broken(page: f.path, link: link, code: "link.anchor", message: "broken link “\(link)”: no id “\(a)” in \(resolved)")
            }
        }
        return nil
    }

    /// The `id`s (and `name`s) of each page that some link points into, read once per build
    /// and shared by the threads.
    final class AnchorCache: @unchecked Sendable {
        private let lock = NSLock()
        private var cache: [Int: Set<String>] = [:]

        func ids(of file: Int, _ files: [OutputFile]) -> Set<String> {
            lock.lock()
            if let c = cache[file] { lock.unlock(); return c }
            lock.unlock()
            let ids = Set(attributeValues(files[file].contents, names: idAttributes))
            lock.lock()
            cache[file] = ids
            lock.unlock()
            return ids
        }
    }

    /// Exact lookup of a path by its bytes: open addressing over the stable hash of each path.
    struct PathTable: Sendable {
        private let paths: [[UInt8]]
        private let slots: [Int32]
        private let mask: Int

        init(_ list: [String]) {
            paths = list.map { Array($0.utf8) }
            var size = 16
            while size < paths.count * 2 { size <<= 1 }
            mask = size - 1
            var slots = [Int32](repeating: -1, count: size)
            for (i, p) in paths.enumerated() {
                var k = p.withUnsafeBytes { Self.hash($0) } & mask
                while slots[k] >= 0 { k = (k + 1) & mask }
                slots[k] = Int32(i)
            }
            self.slots = slots
        }

        static func hash(_ b: UnsafeRawBufferPointer) -> Int {
            var h = StableHasher()
            h.combine(buffer: b)
            return Int(truncatingIfNeeded: h.value)
        }

        func find(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
            var k = Self.hash(UnsafeRawBufferPointer(bytes)) & mask
            while slots[k] >= 0 {
                let i = Int(slots[k])
                if paths[i].count == bytes.count, paths[i].elementsEqual(bytes) { return i }
                k = (k + 1) & mask
            }
            return nil
        }
    }

    /// Whether two bytes occur side by side (Foundation's `contains` on strings is slow here).
    static func hasPair<S: Sequence<UInt8>>(_ s: S, _ a: UInt8, _ b: UInt8) -> Bool {
        var previous: UInt8 = 0
        for c in s {
            if previous == a && c == b { return true }
            previous = c
        }
        return false
    }

    /// `isExternal` on bytes: `//host` or a scheme (`https:`, `mailto:`) before any `/`.
    static func isExternal(_ link: UnsafeBufferPointer<UInt8>) -> Bool {
        if link.count >= 2 && link[0] == 0x2F && link[1] == 0x2F { return true }
        guard let colon = link.firstIndex(of: 0x3A) else { return false }
        if colon == 0 { return false }
        for k in 0..<colon {
            let c = link[k]
            let ok = (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
            if !ok { return false }
        }
        return true
    }

    static func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
        guard link.utf8.contains(0x3A) else { return false }
        // A scheme: letters, digits, + - . before the first ':' that comes before any '/'.
        if let colon = link.firstIndex(of: ":") {
            let scheme = link[..<colon]
            if !scheme.isEmpty, !scheme.contains("/"), scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) { return true }
        }
        return false
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
            forEachAttributeValue(bytes, names: names) { range, escaped in
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self)
                out.append(escaped ? unescape(value) : value)
            }
        }
        return out
    }

    /// Calls `body` with the byte range of each value of the given (lowercase) attribute
    /// names, and whether it holds an `&` (an entity to decode). One pass for all names: at
    /// each whitespace, try each name.
    static func forEachAttributeValue(_ bytes: UnsafeBufferPointer<UInt8>, names: [[UInt8]], _ body: (Range<Int>, Bool) -> Void) {
        let n = bytes.count
        var i = 0
        while i < n {
            guard isSpace(bytes[i]) else { i += 1; continue }
            var matched: [UInt8]? = nil
            for pattern in names where i + pattern.count + 2 < n {
                var match = true
                for (k, c) in pattern.enumerated() where lower(bytes[i + 1 + k]) != c { match = false; break }
                if match { matched = pattern; break }
            }
            guard let pattern = matched else { i += 1; continue }
            // Attribute: whitespace, name, optional spaces, '=', optional spaces, quote.
            var j = i + 1 + pattern.count
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { i += 1; continue }
            let quote = bytes[j]
            var k = j + 1
            var escaped = false
            while k < n, bytes[k] != quote { if bytes[k] == UInt8(ascii: "&") { escaped = true }; k += 1 }
            body((j + 1)..<min(k, n), escaped)
            i = k
        }
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    private static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
