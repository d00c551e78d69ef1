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
        var byPath: [String: OutputFile] = [:]
        for f in files { byPath[f.path] = f }
        var idCache: [String: Set<String>] = [:]
        func ids(_ path: String) -> Set<String> {
            if let c = idCache[path] { return c }
            let s = Set(attributeValues(String(decoding: byPath[path]?.contents ?? [], as: UTF8.self), names: ["id", "name"]))
            idCache[path] = s
            return s
        }
        var broken: [Broken] = []
        var checked = 0
        for f in files where f.path.hasSuffix(".html") {
            let html = String(decoding: f.contents, as: UTF8.self)
            let dir = (f.path as NSString).deletingLastPathComponent
            for link in attributeValues(html, names: ["href", "src"]) {
                if isExternal(link) { continue }
                checked += 1
                var target = link
                var anchor: String?
                if let hash = target.firstIndex(of: "#") {
                    anchor = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
                target = target.removingPercentEncoding ?? target
                var resolved: String
                if target.isEmpty {
                    resolved = f.path
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
                resolved = resolved.replacingOccurrences(of: "//", with: "/")
                guard byPath[resolved] != nil else {
                    broken.append(Broken(page: f.path, link: link, code: "link.broken", message: "broken link “\(link)”: no page \(resolved)"))
                    continue
                }
                if let a = anchor, !a.isEmpty, resolved.hasSuffix(".html"), !ids(resolved).contains(a.removingPercentEncoding ?? a) {
                    broken.append(Broken(page: f.path, link: link, code: "link.anchor", message: "broken link “\(link)”: no id “\(a)” in \(resolved)"))
                }
            }
        }
        return (broken, checked)
    }

    static func isExternal(_ link: String) -> Bool {
        if link.hasPrefix("//") { return true }
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
        let bytes = Array(html.utf8)
        for name in names {
            let pattern = Array(name.utf8)
            var i = 0
            while i < bytes.count {
                // Attribute start: whitespace, name, optional spaces, '=', optional spaces, quote.
                guard i + pattern.count + 2 < bytes.count, isSpace(bytes[i]),
                      Array(bytes[(i + 1)..<(i + 1 + pattern.count)]).map(lower) == pattern else { i += 1; continue }
                var j = i + 1 + pattern.count
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "=") else { i += 1; continue }
                j += 1
                while j < bytes.count, isSpace(bytes[j]) { j += 1 }
                guard j < bytes.count, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { i += 1; continue }
                let quote = bytes[j]
                var k = j + 1
                while k < bytes.count, bytes[k] != quote { k += 1 }
                out.append(unescape(String(decoding: bytes[(j + 1)..<min(k, bytes.count)], as: UTF8.self)))
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
