import Foundation

/// Walks a generated site and reports every internal link (`href`/`src` in HTML) that does
/// not resolve to a file, or to an `id` in that file for `#anchor` links.
public enum LinkChecker {
    public static func brokenLinks(in root: String) -> [String] {
        let files = Tree.files(root)
        let fileSet = Set(files)
        var idsCache: [String: Set<String>] = [:]
        func ids(_ rel: String) -> Set<String> {
            if let c = idsCache[rel] { return c }
            let s = Set(attributeValues(Tree.read(root + "/" + rel), names: ["id"]))
            idsCache[rel] = s
            return s
        }
        var broken: [String] = []
        for rel in files where rel.hasSuffix(".html") {
            let html = Tree.read(root + "/" + rel)
            let dir = (rel as NSString).deletingLastPathComponent
            for link in attributeValues(html, names: ["href", "src"]) {
                if link.hasPrefix("http://") || link.hasPrefix("https://") || link.hasPrefix("mailto:") || link.hasPrefix("data:") { continue }
                var target = link
                var anchor: String?
                if let hash = target.firstIndex(of: "#") {
                    anchor = String(target[target.index(after: hash)...])
                    target = String(target[..<hash])
                }
                if let q = target.firstIndex(of: "?") { target = String(target[..<q]) }
                let resolved: String
                if target.isEmpty {
                    resolved = rel
                } else {
                    guard let r = normalize(dir.isEmpty ? target : dir + "/" + target) else { broken.append("\(rel): \(link) (leaves the site)"); continue }
                    resolved = r
                }
                guard fileSet.contains(resolved) else { broken.append("\(rel): \(link)"); continue }
                if let a = anchor, !a.isEmpty, !ids(resolved).contains(a) { broken.append("\(rel): \(link) (no such anchor)") }
            }
        }
        return broken
    }

    static func normalize(_ path: String) -> String? {
        var parts: [Substring] = []
        for p in path.split(separator: "/") {
            if p == "." { continue }
            if p == ".." { if parts.isEmpty { return nil }; parts.removeLast(); continue }
            parts.append(p)
        }
        return parts.joined(separator: "/")
    }

    /// Values of the given attributes, double-quoted as our templates write them.
    static func attributeValues(_ html: String, names: [String]) -> [String] {
        var out: [String] = []
        for name in names {
            let marker = " \(name)=\""
            var rest = html[...]
            while let r = rest.range(of: marker) {
                let after = rest[r.upperBound...]
                guard let end = after.firstIndex(of: "\"") else { break }
                out.append(unescape(String(after[..<end])))
                rest = after[end...]
            }
        }
        return out
    }

    static func unescape(_ s: String) -> String {
        s.replacingOccurrences(of: "&amp;", with: "&").replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
    }
}
