import DispatchModel
import EditorKit
import Foundation
import SiteBuild
import TestSupport
import Testing

/// `sitegen init DIR`.
@Suite(.timeLimit(.minutes(2))) struct InitTests {
    @Test func createsADigestThatBuildsAtOnce() throws {
        let dir = TestPaths.makeTemporaryFolder("init") + "/digest"
        let files = try Scaffold.create(at: dir)
        for f in ["README.md", "seeds/_site.yml", "Templates/layout.mustache"] { #expect(files.contains(f), "\(f)") }
        #expect(files.filter { $0.hasPrefix("seeds/") && $0.hasSuffix(".txt") }.count == 1, "one example seed")
        #expect(Tree.read(dir + "/seeds/_site.yml").contains("# "), "commented config")

        var o = BuildOptions()
        o.seeds = dir + "/seeds"
        o.templates = dir + "/Templates"
        o.output = dir + "/Public"
        let r = Site(options: o).build()
        #expect(r.published && !r.failed, "\(r.diagnostics)")
        #expect(r.errorCount == 0)
        #expect(FileManager.default.fileExists(atPath: dir + "/Public/index.html"))
        #expect(Tree.files(dir + "/Public").contains { $0.hasPrefix("articles/") && $0.hasSuffix(".html") })
        #expect(LinkChecker.brokenLinks(in: dir + "/Public").isEmpty)
        // The embedded templates are written as they are: same output as with no Templates/.
        var embedded = o
        embedded.templates = nil
        embedded.output = dir + "/Public-embedded"
        _ = Site(options: embedded).build()
        #expect(Tree.differences(dir + "/Public", dir + "/Public-embedded", ignoring: [".sitegen-manifest"]).isEmpty)
    }

    @Test func refusesANonEmptyFolder() throws {
        let dir = TestPaths.makeTemporaryFolder("init-full")
        _ = FileManager.default.createFile(atPath: dir + "/notes.txt", contents: Data("x".utf8))
        #expect(throws: Scaffold.Failure.self) { try Scaffold.create(at: dir) }
        #expect(Tree.files(dir) == ["notes.txt"], "nothing written")
        let file = dir + "/notes.txt"
        #expect(throws: Scaffold.Failure.self) { try Scaffold.create(at: file) }
        // An existing empty folder is fine.
        let empty = TestPaths.makeTemporaryFolder("init-empty")
        #expect(throws: Never.self) { try Scaffold.create(at: empty) }
    }
}
