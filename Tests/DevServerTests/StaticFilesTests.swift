import DevServer
import Foundation
import Testing

/// Request paths and content types, without sockets.
@Suite struct StaticFilesTests {
    @Test(arguments: ["/../etc/passwd", "/a/../../etc/passwd", "/%2e%2e/%2e%2e/etc/passwd", "/%2E%2E/x", "/..%2f..%2fetc/passwd",
                      "/a%00.html", "/a\\..\\b", "etc/passwd", "//etc/passwd", "/%zz", "/./index.html", "/a%2fb"])
    func refusesPathsThatCouldLeaveTheSite(_ raw: String) {
        guard case .badRequest = StaticFiles.resolve(rawPath: raw) else {
            Issue.record("accepted \(raw)")
            return
        }
    }

    @Test func acceptsOrdinaryPaths() {
        #expect(StaticFiles.resolve(rawPath: "/") == .components([]))
        #expect(StaticFiles.resolve(rawPath: "/articles/l%C3%A9/index.html") == .components(["articles", "lé", "index.html"]))
    }

    @Test func contentTypes() {
        let expected = ["a.html": "text/html", "a.css": "text/css", "a.js": "text/javascript", "feed.xml": "application/xml",
                        "a.json": "application/json", "a.svg": "image/svg+xml", "a.png": "image/png", "a.jpg": "image/jpeg",
                        "a.jpeg": "image/jpeg", "a.txt": "text/plain", "a.bin": "application/octet-stream"]
        for (name, type) in expected { #expect(StaticFiles.contentType(for: name).hasPrefix(type), "\(name)") }
    }

    @Test func liveReloadGoesBeforeTheClosingBody() {
        let out = String(decoding: LiveReload.inject(into: Array("<html><body><p>x</p></body></html>".utf8), version: "v1"), as: UTF8.self)
        #expect(out.contains("<p>x</p><script \(LiveReload.marker)>"))
        #expect(out.hasSuffix("</script></body></html>"))
        #expect(out.contains(LiveReload.endpoint))
    }

    @Test func errorPageEscapesMessagesAndPaths() {
        let html = ErrorPage.html(errors: [.error(.init(path: "seeds/<b>.txt", line: 3), "bad <script>alert(1)</script> & co")], warnings: 0)
        #expect(html.contains("seeds/&lt;b&gt;.txt:3"))
        #expect(html.contains("bad &lt;script&gt;alert(1)&lt;/script&gt; &amp; co"))
        #expect(!html.contains("<script>alert"))
    }
}
