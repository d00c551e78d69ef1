import DispatchModel
import Foundation

/// One HTTP answer, independent of the HTTP library (so it is testable without sockets).
public struct ServedResponse: Sendable {
    public var status: Int
    public var headers: [(name: String, value: String)]
    public var body: [UInt8]

    public init(status: Int, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    public func header(_ name: String) -> String? {
        headers.first { $0.name.lowercased() == name.lowercased() }?.value
    }

    public var text: String { String(decoding: body, as: UTF8.self) }

    static func plain(_ status: Int, _ message: String) -> ServedResponse {
        ServedResponse(status: status, headers: [("Content-Type", "text/plain; charset=utf-8")], body: Array((message + "\n").utf8))
    }
}

/// Maps request paths to files of a built site folder, refusing anything that could leave it.
public enum StaticFiles {
    public enum Resolution: Equatable, Sendable {
        /// Path components inside the site (decoded, never `.`/`..`, never containing `/` or NUL).
        case components([String])
        /// A request no browser sends for a site page: dot segments, NUL, backslashes, bad escapes.
        case badRequest(String)
    }

    /// Validates a raw, still percent-encoded request path (`/articles/x/`), query removed.
    public static func resolve(rawPath: String) -> Resolution {
        guard rawPath.hasPrefix("/") else { return .badRequest("path must start with /") }
        if rawPath.hasPrefix("//") { return .badRequest("absolute path refused") }
        if rawPath.contains("\\") || rawPath.utf8.contains(0) { return .badRequest("invalid character in path") }
        var out: [String] = []
        for raw in rawPath.split(separator: "/", omittingEmptySubsequences: true) {
            guard let seg = String(raw).removingPercentEncoding else { return .badRequest("invalid percent-encoding") }
            if seg == "." || seg == ".." { return .badRequest("dot segments refused") }
            if seg.contains("/") || seg.contains("\\") || seg.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7f }) {
                return .badRequest("invalid character in path")
            }
            out.append(seg)
        }
        return .components(out)
    }

    public static func contentType(for path: String) -> String {
        switch (path as NSString).pathExtension.lowercased() {
        case "html", "htm": return "text/html; charset=utf-8"
        case "css": return "text/css; charset=utf-8"
        case "js", "mjs": return "text/javascript; charset=utf-8"
        case "xml": return "application/xml; charset=utf-8"
        case "json": return "application/json; charset=utf-8"
        case "svg": return "image/svg+xml"
        case "png": return "image/png"
        case "jpg", "jpeg": return "image/jpeg"
        case "gif": return "image/gif"
        case "webp": return "image/webp"
        case "ico": return "image/x-icon"
        case "txt": return "text/plain; charset=utf-8"
        case "woff2": return "font/woff2"
        case "woff": return "font/woff"
        case "pdf": return "application/pdf"
        default: return "application/octet-stream"
        }
    }

    /// What a `GET` of `rawPath` answers from the site folder `root`: the file, `index.html`
    /// for a folder (redirecting `/dir` to `/dir/` so relative links work), or the site's
    /// `404.html` with status 404. `isHTML` tells the caller where live reload may be injected.
    public static func serve(root: String, rawPath: String, rawQuery: String = "") -> (response: ServedResponse, isHTML: Bool) {
        let comps: [String]
        switch resolve(rawPath: rawPath) {
        case .badRequest(let why): return (.plain(400, "400 Bad Request: \(why)"), false)
        case .components(let c): comps = c
        }
        let fm = FileManager.default
        let realRoot = URL(fileURLWithPath: root).resolvingSymlinksInPath().path
        var path = ([realRoot] + comps).joined(separator: "/")
        var isDir: ObjCBool = false
        // Hidden files (`.sitegen-manifest`) are not part of the site.
        if comps.contains(where: { $0.hasPrefix(".") }) { return notFound(root: realRoot) }
        if fm.fileExists(atPath: path, isDirectory: &isDir), isDir.boolValue {
            if !rawPath.hasSuffix("/") {
                let location = rawPath + "/" + (rawQuery.isEmpty ? "" : "?" + rawQuery)
                return (ServedResponse(status: 301, headers: [("Location", location), ("Content-Type", "text/plain; charset=utf-8")],
                                       body: Array("moved to \(location)\n".utf8)), false)
            }
            path += "/index.html"
        }
        // Defence in depth: the file, symbolic links resolved, must still be inside the site.
        let real = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard real.hasPrefix(realRoot + "/"), fm.fileExists(atPath: real, isDirectory: &isDir), !isDir.boolValue,
              let data = fm.contents(atPath: real) else {
            return notFound(root: realRoot)
        }
        let type = contentType(for: real)
        return (ServedResponse(status: 200, headers: [("Content-Type", type)], body: Array(data)), type.hasPrefix("text/html"))
    }

    static func notFound(root: String) -> (response: ServedResponse, isHTML: Bool) {
        if let data = FileManager.default.contents(atPath: root + "/404.html") {
            // The site's 404 page uses links relative to the root; a <base> keeps them working
            // whatever the depth of the missing URL.
            var html = String(decoding: data, as: UTF8.self)
            if let head = html.range(of: "<head>", options: .caseInsensitive) {
                html.insert(contentsOf: "<base href=\"/\">", at: head.upperBound)
            }
            return (ServedResponse(status: 404, headers: [("Content-Type", "text/html; charset=utf-8")], body: Array(html.utf8)), true)
        }
        return (.plain(404, "404 Not Found"), false)
    }
}

/// The live-reload client: a tiny script added to HTML responses of the server only (never
/// to the files on disk). It long-polls `/__sitegen/livereload?since=VERSION`; the server
/// answers as soon as the site's version differs (a rebuild, a failed build, a fixed build)
/// or after a timeout with the same version, and the page reloads when the version changed.
public enum LiveReload {
    public static let endpoint = "/__sitegen/livereload"
    public static let statusEndpoint = "/__sitegen/status"
    public static let marker = "data-sitegen-livereload"

    public static func script(version: String) -> String {
        """
        <script \(marker)>(function(){var v=\(JSONString.quote(version));function p(){fetch("\(endpoint)?since="+encodeURIComponent(v),{cache:"no-store"}).then(function(r){if(!r.ok)throw r.status;return r.json()}).then(function(j){if(j.version!==v){location.reload()}else{p()}}).catch(function(){setTimeout(p,1000)})}p()})();</script>
        """
    }

    /// Inserts the script before the last `</body>` (or at the end).
    public static func inject(into html: [UInt8], version: String) -> [UInt8] {
        var text = String(decoding: html, as: UTF8.self)
        let tag = script(version: version)
        if let r = text.range(of: "</body>", options: [.caseInsensitive, .backwards]) {
            text.insert(contentsOf: tag, at: r.lowerBound)
        } else {
            text += tag
        }
        return Array(text.utf8)
    }
}

/// The page shown instead of the site while the last build has errors.
public enum ErrorPage {
    public static func html(errors: [Diagnostic], warnings: Int) -> String {
        var items = ""
        for d in errors {
            items += "<li><code>\(HTMLEscape.text(d.location.description))</code>: <strong>\(d.severity.rawValue)</strong>: \(HTMLEscape.text(d.message))</li>\n"
        }
        return """
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>sitegen: build failed</title>
        <style>body{font:16px/1.5 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
        h1{color:#b00020}li{margin:.5rem 0}code{background:#f4f4f4;padding:.1rem .3rem;border-radius:3px}</style></head>
        <body><h1>Build failed: \(errors.count) error(s)</h1>
        <p>The site is not rebuilt while a seed, sidecar, data file or template has errors (\(warnings) warning(s) not shown).
        Fix the files below and this page reloads by itself.</p>
        <ul class="sitegen-errors">
        \(items)</ul>
        </body></html>

        """
    }
}
