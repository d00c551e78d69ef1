import DispatchModel
import Foundation
import SiteOutput
import TestSupport
import Testing

@Suite struct IncrementalWriterTests {
    @Test func writesChangedFilesDeletesOldOnesAndPrunesEmptyFolders() throws {
        let root = TestPaths.makeTemporaryFolder("inc")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "a/index.html", text: "a"), OutputFile(path: "b/c/index.html", text: "b")])
        let n = try IncrementalWriter(output: out).apply(writes: [OutputFile(path: "a/index.html", text: "a2"), OutputFile(path: "d/index.html", text: "d")],
                                                          deletions: ["b/c/index.html"], manifest: ["a/index.html", "d/index.html"])
        #expect(n == 2)
        #expect(Tree.read(out + "/a/index.html") == "a2" && Tree.read(out + "/d/index.html") == "d")
        #expect(!FileManager.default.fileExists(atPath: out + "/b"), "empty folders are removed")
        #expect(Tree.read(out + "/.sitegen-manifest") == "a/index.html\nd/index.html\n")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root)) == ["Public", ".Public.sitegen-lock"], "no staging or journal left")
    }

    @Test func anInterruptedPublishIsCompletedByTheNextBuild() throws {
        let root = TestPaths.makeTemporaryFolder("inc-journal")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "a/index.html", text: "old"), OutputFile(path: "gone.html", text: "x")])
        // What a build killed after writing its journal leaves: staged files, and the journal.
        try FileManager.default.createDirectory(atPath: root + "/.Public.sitegen-staging/a", withIntermediateDirectories: true)
        try "new".write(toFile: root + "/.Public.sitegen-staging/a/index.html", atomically: false, encoding: .utf8)
        try "W a/index.html\nD gone.html\n".write(toFile: root + "/.Public.sitegen-journal", atomically: false, encoding: .utf8)
        _ = try IncrementalWriter(output: out).apply(writes: [], deletions: [], manifest: nil)
        #expect(Tree.read(out + "/a/index.html") == "new")
        #expect(!FileManager.default.fileExists(atPath: out + "/gone.html"))
        #expect(!FileManager.default.fileExists(atPath: root + "/.Public.sitegen-journal"))
    }

    /// A build killed while its journal was being written (by a version that wrote it under a
    /// temporary name) left staged files and a partial journal that was never put in place:
    /// the output was not touched, and the next build removes both instead of applying them.
    @Test func aJournalKilledBeforeItWasInPlaceIsDiscarded() throws {
        let root = TestPaths.makeTemporaryFolder("inc-journal-tmp")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "a/index.html", text: "old"), OutputFile(path: "kept.html", text: "k")])
        try FileManager.default.createDirectory(atPath: root + "/.Public.sitegen-staging/a", withIntermediateDirectories: true)
        try "half".write(toFile: root + "/.Public.sitegen-staging/a/index.html", atomically: false, encoding: .utf8)
        try "W a/index.html\nD kept.ht".write(toFile: root + "/.Public.sitegen-journal.sitegen-tmp", atomically: false, encoding: .utf8)
        let n = try IncrementalWriter(output: out).apply(writes: [OutputFile(path: "b.html", text: "b")], deletions: [], manifest: nil)
        #expect(n == 1)
        #expect(Tree.read(out + "/a/index.html") == "old" && Tree.read(out + "/kept.html") == "k" && Tree.read(out + "/b.html") == "b")
        #expect(Set(try FileManager.default.contentsOfDirectory(atPath: root)) == ["Public", ".Public.sitegen-lock"], "no staging, journal or temporary left")
    }
}
