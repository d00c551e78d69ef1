import DispatchModel
import Foundation
@testable import SiteOutput
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

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
        #expect(Tree.files(root) == [".Public.sitegen-lock", "Public/.sitegen-manifest", "Public/CNAME", "Public/index.html"], "no staging folder left behind")
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

    /// The one-pass check against its definition on strings: components split on `/`, none
    /// empty, `.`, `..` or over 255 bytes; no NUL; 1 to 1,024 bytes.
    @Test func pathCheckAgreesWithItsDefinition() {
        func reference(_ p: String) -> Bool {
            let parts = p.split(separator: "/", omittingEmptySubsequences: false)
            return !(p.isEmpty || p.hasPrefix("/") || p.utf8.contains(0) || p.utf8.count > 1024
                || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.count > 255 })
        }
        var paths = ["", "/", "a", "a/", "/a", "a/b", "a//b", ".", "..", "...", ".a", "a.", "..a", "a/.", "a/..",
                     "a/./b", "a/../b", "./a", "../a", "a/.../b", "é/ü.html", "a\u{0}b", "\u{0}",
                     String(repeating: "a", count: 255), String(repeating: "a", count: 256),
                     "x/" + String(repeating: "é", count: 127) + "a", "x/" + String(repeating: "é", count: 128),
                     String(repeating: "ab/", count: 341) + "a", String(repeating: "ab/", count: 341) + "ab"]
        // Random paths over the characters that matter.
        var rng = SeededRandom(seed: 7)
        for _ in 0..<20_000 {
            paths.append(rng.text(from: ["a", "b", ".", "/", "é", "\u{0}", "-"], count: rng.below(9)))
        }
        for p in paths {
            #expect(OutputWriter.isSafePath(p) == reference(p), "\(p.debugDescription)")
        }
    }
}

/// Streaming publication: files written from several threads while the old site stays in
/// place, then swapped in whole, or abandoned without a trace.
@Suite struct StagingTests {
    @Test func filesWrittenFromManyThreadsAreSwappedInTogether() throws {
        let root = TestPaths.makeTemporaryFolder("staging")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "index.html", text: "old"), OutputFile(path: "gone/index.html", text: "x")])
        let staging = try OutputWriter(output: out).begin()
        let failures = Parallel.map(400, jobs: 4) { i -> String? in
            do throws(Diagnostic) {
                try staging.write(OutputFile(path: "articles/a\(i % 37)/p\(i)/index.html", text: "page \(i)"))
                return nil
            } catch { return error.description }
        }
        #expect(failures.allSatisfy { $0 == nil }, "\(failures.compactMap { $0 }.prefix(3))")
        #expect(Tree.read(out + "/index.html") == "old", "nothing changes before commit")
        #expect(staging.read("articles/a5/p5/index.html").map { String(decoding: $0, as: UTF8.self) } == "page 5")
        let report = try staging.commit()
        #expect(report.written == 400)
        #expect(Tree.files(out).filter { $0.hasPrefix("articles/") }.count == 400)
        #expect(!FileManager.default.fileExists(atPath: out + "/gone/index.html") && !FileManager.default.fileExists(atPath: out + "/index.html"))
        #expect(Tree.files(root).allSatisfy { $0.hasPrefix("Public/") || $0 == ".Public.sitegen-lock" }, "no staging folder left")
    }

    @Test func abandoningLeavesTheOldSiteAndReleasesTheLock() throws {
        let root = TestPaths.makeTemporaryFolder("staging-abandon")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "index.html", text: "old")])
        do {
            let staging = try OutputWriter(output: out).begin()
            try staging.write(OutputFile(path: "index.html", text: "new"))
            #expect(throws: Diagnostic.self) { try staging.write(OutputFile(path: "index.html", text: "again")) }
            staging.abandon()
        }
        do {
            // Dropped without commit or abandon: abandoned too.
            let staging = try OutputWriter(output: out).begin()
            try staging.write(OutputFile(path: "index.html", text: "new"))
        }
        #expect(Tree.read(out + "/index.html") == "old")
        #expect(Tree.files(root).sorted() == [".Public.sitegen-lock", "Public/.sitegen-manifest", "Public/index.html"])
        let messages = Messages()
        _ = try OutputWriter(output: out, onWait: { messages.add($0) }).publish([OutputFile(path: "index.html", text: "v2")])
        #expect(messages.all.isEmpty, "the lock was released")
        #expect(Tree.read(out + "/index.html") == "v2")
    }
}

/// Atomic publishing: leftovers of killed builds, the lock, refusals.
@Suite struct AtomicPublishTests {
    @Test func leftoversOfAKilledBuildAreHarmlessAndRemoved() throws {
        let root = TestPaths.makeTemporaryFolder("leftovers")
        let out = root + "/Public"
        let w = OutputWriter(output: out)
        _ = try w.publish([OutputFile(path: "index.html", text: "v1")])
        // A build killed while staging, and one killed while deleting an old site.
        try FileManager.default.createDirectory(atPath: root + "/.Public.sitegen-staging/articles/x", withIntermediateDirectories: true)
        try "half".write(toFile: root + "/.Public.sitegen-staging/articles/x/index.html", atomically: false, encoding: .utf8)
        try FileManager.default.createDirectory(atPath: root + "/.Public.sitegen-old", withIntermediateDirectories: true)
        #expect(Tree.read(out + "/index.html") == "v1", "leftovers are beside the output, not in it")
        _ = try w.publish([OutputFile(path: "index.html", text: "v2")])
        #expect(Tree.read(out + "/index.html") == "v2")
        #expect(Tree.files(root) == [".Public.sitegen-lock", "Public/.sitegen-manifest", "Public/index.html"])
    }

    @Test func aBuildKilledBetweenTheFallbackRenamesIsRepaired() throws {
        let root = TestPaths.makeTemporaryFolder("fallback")
        let out = root + "/Public"
        let w = OutputWriter(output: out)
        _ = try w.publish([OutputFile(path: "index.html", text: "v1"), OutputFile(path: "CNAME.txt", text: "x")])
        // What the two-rename fallback leaves if killed between its renames.
        try FileManager.default.moveItem(atPath: out, toPath: root + "/.Public.sitegen-old")
        try FileManager.default.createDirectory(atPath: root + "/.Public.sitegen-staging", withIntermediateDirectories: true)
        try "foreign".write(toFile: root + "/.Public.sitegen-old/CNAME", atomically: false, encoding: .utf8)
        let report = try w.publish([OutputFile(path: "index.html", text: "v2")])
        #expect(Tree.read(out + "/index.html") == "v2")
        #expect(Tree.read(out + "/CNAME") == "foreign", "the restored old site's foreign files are kept")
        #expect(report.kept == ["CNAME"])
        #expect(!FileManager.default.fileExists(atPath: out + "/CNAME.txt"))
        #expect(Tree.files(root) == [".Public.sitegen-lock", "Public/.sitegen-manifest", "Public/CNAME", "Public/index.html"])
    }

    @Test func aFailedPublishLeavesTheOldSiteExactly() throws {
        let root = TestPaths.makeTemporaryFolder("failed")
        let out = root + "/Public"
        let w = OutputWriter(output: out)
        _ = try w.publish([OutputFile(path: "index.html", text: "v1"), OutputFile(path: "a/index.html", text: "a")])
        let before = Tree.files(root)
        // A file and a folder with the same name; two files with the same path.
        #expect(throws: Diagnostic.self) { try w.publish([OutputFile(path: "x", text: "1"), OutputFile(path: "x/y", text: "2")]) }
        #expect(throws: Diagnostic.self) { try w.publish([OutputFile(path: "x", text: "1"), OutputFile(path: "x", text: "2")]) }
        #expect(throws: Diagnostic.self) { try w.publish([OutputFile(path: ".sitegen-manifest", text: "1")]) }
        #expect(Tree.files(root) == before)
        #expect(Tree.read(out + "/index.html") == "v1")
    }

    @Test func aSecondPublisherWaitsForTheLockAndSaysWhy() async throws {
        let root = TestPaths.makeTemporaryFolder("lock")
        let out = root + "/Public"
        _ = try OutputWriter(output: out).publish([OutputFile(path: "index.html", text: "v0")])
        // Hold the lock as another build would.
        let fd = open(root + "/.Public.sitegen-lock", O_RDWR | O_CLOEXEC)
        #expect(fd >= 0)
        #expect(flock(fd, LOCK_EX) == 0)
        _ = ftruncate(fd, 0)
        _ = "4242\n".withCString { write(fd, $0, 5) }
        let messages = Messages()
        let w = OutputWriter(output: out, onWait: { messages.add($0) })
        // A plain thread, not a task: a publisher blocked in flock must not hold one of the
        // (two, on this machine) threads that every other async test needs to go on.
        let published = Messages()
        let thread = Thread {
            do { _ = try w.publish([OutputFile(path: "index.html", text: "v1")]); published.add("ok") } catch { published.add("\(error)") }
        }
        thread.start()
        var waited = 0
        while messages.all.isEmpty && waited < 3000 { try await Task.sleep(nanoseconds: 10_000_000); waited += 1 }
        #expect(messages.all == ["another sitegen build is writing \(out)/ (pid 4242); waiting…"])
        try await Task.sleep(nanoseconds: 100_000_000)
        #expect(Tree.read(out + "/index.html") == "v0", "nothing is written while the other build holds the lock")
        flock(fd, LOCK_UN)
        close(fd)
        var waitedForPublish = 0
        while published.all.isEmpty && waitedForPublish < 3000 { try await Task.sleep(nanoseconds: 10_000_000); waitedForPublish += 1 }
        #expect(published.all == ["ok"])
        #expect(Tree.read(out + "/index.html") == "v1")
    }

    @Test func publishingIntoAMissingFolderCreatesIt() throws {
        let root = TestPaths.makeTemporaryFolder("fresh")
        let out = root + "/deep/er/Public"
        _ = try OutputWriter(output: out, durable: true).publish([OutputFile(path: "a/b/c.html", text: "c")])
        #expect(Tree.read(out + "/a/b/c.html") == "c")
        #expect(Tree.files(root + "/deep/er") == [".Public.sitegen-lock", "Public/.sitegen-manifest", "Public/a/b/c.html"])
    }
}

final class Messages: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ s: String) { lock.lock(); items.append(s); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}
