import DispatchModel
import Foundation
import MarkdownIntermediate
import Yams

/// Reads the optional site configuration (`seeds/_site.yml` by default). Unknown keys and
/// bad values are errors naming the file and line; a missing file means the defaults.
///
/// ```yaml
/// title: "Dépêches — Vietnam"
/// description: "…"
/// baseURL: "https://example.org/digest/"
/// language: fr
/// timeZone: Asia/Ho_Chi_Minh
/// homeCount: 20
/// feedCount: 50
/// pageSize: 200
/// author: "Agence vietnamienne d'information (VNA)"
/// ```
public enum ConfigLoader {
    public static func load(path: String) throws(Diagnostic) -> SiteConfig {
        var config = SiteConfig()
        guard FileManager.default.fileExists(atPath: path) else { return config }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(SourceLocation(path: path), "cannot read configuration file", code: "config")
        }
        let text = String(decoding: data, as: UTF8.self)
        guard let node = try YAMLLoader.compose(text, path: path) else { return config }
        guard let map = node.mapping else {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "configuration must be a mapping of keys to values", code: "config")
        }
        for (k, v) in map {
            let key = k.string ?? ""
            let loc = SourceLocation(path: path, line: YAMLLoader.line(of: v))
            func string() throws(Diagnostic) -> String {
                guard let s = v.string, v.scalar != nil, !s.isEmpty else { throw Diagnostic.error(loc, "`\(key)` must be a non-empty string", code: "config") }
                return s
            }
            func int(_ range: ClosedRange<Int>) throws(Diagnostic) -> Int {
                guard let i = v.int, range.contains(i) else {
                    throw Diagnostic.error(loc, "`\(key)` must be a whole number in \(range.lowerBound)…\(range.upperBound)", code: "config")
                }
                return i
            }
            switch key {
            case "title": config.title = try string()
            case "description": config.description = try string()
            case "baseURL":
                let s = try string()
                guard s.hasPrefix("https://") || s.hasPrefix("http://") else {
                    throw Diagnostic.error(loc, "`baseURL` must be an absolute http(s) URL (feeds and the sitemap need it)", code: "config")
                }
                config.baseURL = s.hasSuffix("/") ? s : s + "/"
            case "language": config.language = try string()
            case "timeZone":
                let s = try string()
                guard TimeZone(identifier: s) != nil else {
                    throw Diagnostic.error(loc, "unknown time zone \"\(s)\" (use an IANA name such as Asia/Ho_Chi_Minh)", code: "config")
                }
                config.timeZone = s
            case "homeCount": config.homeCount = try int(1...1000)
            case "feedCount": config.feedCount = try int(1...10_000)
            case "pageSize": config.pageSize = try int(10...10_000)
            case "author": config.author = try string()
            default:
                throw Diagnostic.error(SourceLocation(path: path, line: YAMLLoader.line(of: k)), "unknown configuration key `\(key)`", code: "config")
            }
        }
        return config
    }
}
