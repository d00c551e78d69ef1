import DispatchModel
import EditorKit
import Foundation
import SiteBuild
import TestSupport
import Testing

/// `sitegen check`: findings, JSON schema, exit codes. Digests are built in temp folders from
/// `sitegen init` plus hand-written (.md) seeds, so the outcome does not depend on the parser.
@Suite(.timeLimit(.minutes(2))) struct CheckTests {
    static func digest(_ label: String) throws -> String {
        let dir = TestPaths.makeTemporaryFolder("check-\(label)")
        try Scaffold.create(at: dir)
        return dir
    }

    static func options(_ dir: String) -> BuildOptions {
        var o = BuildOptions()
        o.seeds = dir + "/seeds"
        o.templates = dir + "/Templates"
        o.output = dir + "/Public"
        o.jobs = 2
        return o
    }

    /// A hand-written dispatch (the Markdown intermediate).
    static func md(title: String, date: String?, officials: String = "[]", tags: String = "[]") -> String {
        """
        ---
        title: \(JSONString.quote(title))
        titleDerived: false
        date: \(date.map(JSONString.quote) ?? "null")
        officials: \(officials)
        tags: \(tags)
        ---
        Un paragraphe de la dépêche.

        """
    }

    static func write(_ text: String, _ path: String) throws {
        try text.write(toFile: path, atomically: true, encoding: .utf8)
    }

    @Test func newDigestIsClean() throws {
        let dir = try Self.digest("clean")
        let r = SiteCheck.run(options: Self.options(dir))
        #expect(r.errors == 0, "\(r.findings)")
        #expect(r.exitCode == 0)
        #expect(r.pages > 0 && r.linksChecked > 0 && r.dispatches == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public"), "check never writes")
    }

    @Test func warningsFailOnlyUnderStrict() throws {
        let dir = try Self.digest("warn")
        try Self.write(Self.md(title: "Même titre", date: "2024-05"), dir + "/seeds/010_a.md")
        try Self.write(Self.md(title: "Même titre", date: nil, officials: "[{name: \"Nguyen Van Solo\"}]"), dir + "/seeds/011_b.md")
        let lenient = SiteCheck.run(options: Self.options(dir))
        let strict = SiteCheck.run(options: Self.options(dir), strict: true)
        #expect(lenient.errors == 0, "\(lenient.findings)")
        #expect(lenient.exitCode == 0)
        #expect(strict.exitCode == 1)
        let codes = Set(lenient.findings.map(\.code))
        for code in ["title.duplicate", "date.incomplete", "officials.once-no-role"] {
            #expect(codes.contains(code), "missing \(code) in \(lenient.findings.map(\.description))")
        }
        let dup = lenient.findings.first { $0.code == "title.duplicate" }
        #expect(dup?.file == dir + "/seeds/011_b.md")
    }

    @Test func errorsAndBrokenLinksFail() throws {
        let dir = try Self.digest("errors")
        _ = FileManager.default.createFile(atPath: dir + "/seeds/020_vide.txt", contents: Data())
        let r = SiteCheck.run(options: Self.options(dir))
        #expect(r.exitCode == 1)
        #expect(r.findings.contains { $0.severity == .error && $0.file == dir + "/seeds/020_vide.txt" })

        // A template with a broken link and a broken anchor.
        let dir2 = try Self.digest("links")
        let tpl = dir2 + "/Templates/404.mustache"
        let original = try String(contentsOfFile: tpl, encoding: .utf8)
        try Self.write(original.replacingOccurrences(of: "</h1>", with: "</h1><a href=\"nowhere/index.html\">x</a><a href=\"index.html#no-such-id\">y</a>"), tpl)
        let l = SiteCheck.run(options: Self.options(dir2))
        #expect(l.exitCode == 1)
        #expect(l.findings.contains { $0.code == "link.broken" && $0.page == "404.html" && $0.message.contains("nowhere/index.html") })
        #expect(l.findings.contains { $0.code == "link.anchor" && $0.page == "404.html" })
    }

    @Test func jsonFollowsTheDocumentedSchema() throws {
        let dir = try Self.digest("json")
        try Self.write(Self.md(title: "Sans date", date: nil), dir + "/seeds/030_c.md")
        _ = FileManager.default.createFile(atPath: dir + "/seeds/031_vide.txt", contents: Data())
        let report = SiteCheck.run(options: Self.options(dir))
        let text = report.json()
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1)
        #expect(json["ok"] as? Bool == false)
        #expect(json["strict"] as? Bool == false)
        #expect(json["exitCode"] as? Int == 1)
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(Set(summary.keys) == ["errors", "warnings", "notes", "dispatches", "pages", "linksChecked"])
        #expect(summary["errors"] as? Int == report.errors && report.errors >= 1)
        let findings = try #require(json["findings"] as? [[String: Any]])
        #expect(findings.count == report.findings.count && !findings.isEmpty)
        for f in findings {
            #expect(Set(f.keys) == ["severity", "code", "file", "line", "column", "message", "page"])
            #expect(["error", "warning", "note"].contains(f["severity"] as? String ?? ""))
        }
        // Keys in a fixed order, so diffs of the output are stable.
        let order = ["\"schemaVersion\"", "\"ok\"", "\"strict\"", "\"exitCode\"", "\"summary\"", "\"findings\""].map { text.range(of: $0)!.lowerBound }
        #expect(order == order.sorted())
        #expect(text == SiteCheck.run(options: Self.options(dir)).json(), "deterministic")
    }

    @Test func linkCheckResolvesRelativePathsFoldersAndAnchors() {
        let files = [
            OutputFile(path: "index.html", text: "<a href=\"a/\">a</a> <a href='a/index.html#top'>t</a> <img src=\"img/x.png\"> <a href=\"https://x.org/\">e</a> <a href=\"#here\">h</a><p id=\"here\"></p>"),
            OutputFile(path: "a/index.html", text: "<h1 id=\"top\"></h1><a href=\"../index.html\">up</a><a href=\"../../out.html\">out</a><a href=\"../b/\">b</a>"),
            OutputFile(path: "img/x.png", contents: [0]),
        ]
        let r = LinkCheck.check(files)
        #expect(r.checked == 7)
        #expect(r.broken.map(\.link).sorted() == ["../../out.html", "../b/"])
    }

    /// Links from the site root (`../../x/index.html`) are checked on bytes; every other form
    /// by path arithmetic. Both must agree on what is broken.
    @Test func rootLinksAndOtherFormsAgree() {
        let deep = """
        <main id="m"><a href="../../a/index.html">ok</a> <a href="../../a/index.html#top">ok</a>
        <a href="../../a/index.html#gone">anchor</a> <a href="../../missing/index.html">page</a>
        <a href="../../a/">folder</a> <a href="../../a/index.html?x=1">query</a>
        <a href="../../a%20b/index.html">encoded</a> <a href="../../a/index.html#t%6Fp">encoded anchor</a>
        <a href="../../a/index.html#top&amp;">entity</a> <a href="#m">self</a> <a href="#nothing">self broken</a>
        <a href="../../../x.html">out</a> <a href="../../a//index.html">double slash</a>
        <a href="mailto:x@y.org">mail</a> <a href="//cdn.example/x.js">cdn</a>
        <a href="../../a/index.html">again</a> <a href="../../a/index.html#gone">again</a>
        <a href="../../a/./index.html">dot</a> <a href="../../a/../a/index.html#top">dot dot</a> <a href="../../a/.hidden">hidden</a></main>
        """
        let files = [
            OutputFile(path: "a/index.html", text: "<h1 id=\"top\">A</h1><p id=\"top&amp;\"></p>"),
            OutputFile(path: "a b/index.html", text: "<p></p>"),
            OutputFile(path: "p/q/index.html", text: deep),
        ]
        let r = LinkCheck.check(files)
        #expect(r.checked == 18, "external links are not counted; repeats are")
        #expect(r.broken.map(\.link).sorted() == ["#nothing", "../../../x.html", "../../a/.hidden", "../../a/index.html#gone", "../../missing/index.html"])
        #expect(r.broken.first { $0.link == "../../../x.html" }?.message.contains("leaves the site") == true)
        #expect(r.broken.filter { $0.code == "link.anchor" }.map(\.link).sorted() == ["#nothing", "../../a/index.html#gone"])
    }
}
