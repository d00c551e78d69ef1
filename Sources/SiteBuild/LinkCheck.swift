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
        var index: [String: OutputFile] = [:]
        for f in files { index[f.path] = f }
        let byPath = index
        let pages = files.filter { $0.path.hasSuffix(".html") }
        let results = Parallel.map(pages.count, jobs: ProcessInfo.processInfo.activeProcessorCount) { i in
            checkPage(pages[i], byPath: byPath)
        }
        var broken: [Broken] = []
        var checked = 0
        for (b, c) in results { broken += b; checked += c }
        return (broken, checked)
    }

    /// One page's links. Each distinct link is resolved once per page (listing pages repeat
    /// the same tag and official links hundreds of times).
    static func checkPage(_ f: OutputFile, byPath: [String: OutputFile]) -> ([Broken], Int) {
        var broken: [Broken] = []
        var checked = 0
        var seen = Set<String>()
        var idCache: [String: Set<String>] = [:]
        let html = String(decoding: f.contents, as: UTF8.self)
        let dir = f.path.lastIndex(of: "/").map { String(f.path[..<$0]) } ?? ""
        let rootPrefix = String(repeating: "../", count: f.path.reduce(0) { $1 == "/" ? $0 + 1 : $0 })
        for link in attributeValues(html, names: ["href", "src"]) {
            if isExternal(link) { continue }
            checked += 1
            guard seen.insert(link).inserted else { continue }
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
            } else if target.hasPrefix(rootPrefix), let rest = Optional(target.dropFirst(rootPrefix.count)),
                      !rest.isEmpty, !rest.hasPrefix("/"), !hasPair(rest, 0x2E, 0x2E), !hasPair(rest, 0x2E, 0x2F), !rest.hasSuffix("/"),
                      byPath[String(rest)] != nil {
                // The common case, a link from the site root (`../../tags/x/index.html`): no
                // path arithmetic needed.
                resolved = String(rest)
            } else {
                let joined = target.hasPrefix("/") ? String(target.dropFirst()) : (dir.isEmpty ? target : dir + "/" + target)
                guard let r = normalize(joined) else {
                    broken.append(Broken(page: f.path, link: link, code: "link.broken", message: "link “\(link)” leaves the site"))
                    continue
                }
                resolved = r
                if resolved.isEmpty || target.hasSuffix("/") { resolved += resolved.isEmpty ? "index.html" : "/index.html" }
                if byPath[resolved] == nil, byPath[resolved + "/index.html"] != nil { resolved += "/index.html" }
            }
            if hasPair(resolved, 0x2F, 0x2F) { resolved = resolved.replacingOccurrences(of: "//", with: "/") }
            guard byPath[resolved] != nil else {
                broken.append(Broken(page: f.path, link: link, code: "link.broken", message: "broken link “\(link)”: no page \(resolved)"))
                continue
            }
            if let a = anchor, !a.isEmpty, resolved.hasSuffix(".html") {
                let ids: Set<String>
                if let c = idCache[resolved] {
                    ids = c
                } else {
                    ids = Set(attributeValues(String(decoding: byPath[resolved]?.contents ?? [], as: UTF8.self), names: ["id", "name"]))
                    idCache[resolved] = ids
                }
                if !ids.contains(a.utf8.contains(0x25) ? (a.removingPercentEncoding ?? a) : a) {
                    broken.append(Broken(page: f.path, link: link, code: "link.anchor", message: "broken link “\(link)”: no id “\(a)” in \(resolved)"))
                }
            }
        }
        return (broken, checked)
    }

    /// Whether two bytes occur side by side (Foundation's `contains` on strings is slow here).
    static func hasPair<S: StringProtocol>(_ s: S, _ a: UInt8, _ b: UInt8) -> Bool {
        var previous: UInt8 = 0
        for c in s.utf8 {
            if previous == a && c == b { return true }
            previous = c
        }
        return false
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
    static func attributeValues(_ html: String, names: [String]) -> [String] {
        var out: [String] = []
        let patterns = names.map { Array($0.utf8) }
        var html = html
        html.withUTF8 { bytes in
            let n = bytes.count
            var i = 0
            // One pass for all names: at each whitespace, try each name.
            while i < n {
                guard isSpace(bytes[i]) else { i += 1; continue }
                var matched: [UInt8]? = nil
                for pattern in patterns where i + pattern.count + 2 < n {
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
                while k < n, bytes[k] != quote { k += 1 }
                let value = String(decoding: UnsafeBufferPointer(rebasing: bytes[(j + 1)..<min(k, n)]), as: UTF8.self)
                out.append(value.utf8.contains(UInt8(ascii: "&")) ? unescape(value) : value)
                i = k
            }
        }
        return out
    }

    private static func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
    private static func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&#x27;", with: "'").replacingOccurrences(of: "&amp;", with: "&")
    }
}
