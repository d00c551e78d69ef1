import DispatchModel
import Foundation
import SiteOutput
import TestSupport
import Testing

@Suite struct OutputWriterTests {
    @Test func publishReplacesTheOldSiteAndKeepsForeignFiles() throws {
        let root = TestPaths.makeTemporaryFolder("out")
        let out = root + "/Public"
        let w = OutputWriter(output: out)
        _ = try w.publish([OutputFile(path: "index.html", text: "v1"), OutputFile(path: "articles/old/index.html", text: "old")])
        try "example.org".write(toFile: out + "/CNAME", atomically: true, encoding: .utf8)
        let report = try w.publish([OutputFile(path: "index.html", text: "v2")])
        #expect(Tree.read(out + "/index.html") == "v2")
        #expect(!FileManager.default.fileExists(atPath: out + "/articles/old/index.html"), "outputs of deleted seeds disappear")
        #expect(Tree.read(out + "/CNAME") == "example.org", "files an editor put there are kept")
        #expect(report.kept == ["CNAME"])
        #expect(Tree.files(root) == ["Public/.sitegen-manifest", "Public/CNAME", "Public/index.html"], "no staging folder left behind")
    }

    @Test func refusesPathsOutsideTheOutputFolder() throws {
        let root = TestPaths.makeTemporaryFolder("out-bad")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "index.html", text: "ok")])
        for bad in ["../escape.html", "/etc/x", "a/../../b", "a//b", "a\u{0}b", "./x", String(repeating: "a", count: 300)] {
            #expect(throws: Diagnostic.self) { try OutputWriter(output: out).publish([OutputFile(path: bad, text: "x")]) }
        }
        #expect(Tree.read(out + "/index.html") == "ok", "a refused publish leaves the previous site")
        #expect(!FileManager.default.fileExists(atPath: root + "/escape.html"))
    }
}
