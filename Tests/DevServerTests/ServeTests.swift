import DevServer
import DispatchModel
import Foundation
import SiteBuild
import TestSupport
import Testing

/// `sitegen serve` end to end, in process: a DevServer on an ephemeral port of 127.0.0.1,
/// fetched with a raw-socket client. Each test is bounded by a time limit and by the
/// client's timeouts.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeTests {
    /// A private copy of the repository's digest (seeds, sidecar, config, templates).
    static func makeDigest() throws -> String {
        let dir = TestPaths.makeTemporaryFolder("serve")
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/seeds", toPath: dir + "/seeds")
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/Templates", toPath: dir + "/Templates")
        return dir
    }

    static func startServer(_ dir: String, log: (@Sendable (String) -> Void)? = nil) async throws -> (DevServer, UInt16) {
        var build = BuildOptions()
        build.seeds = dir + "/seeds"
        build.templates = dir + "/Templates"
        build.output = dir + "/.serve-site"
        build.jobs = 2
        var options = DevServer.Options(build: build)
        options.port = 0
        options.pollInterval = 0.1
        options.log = log
        let server = DevServer(options: options)
        let port = try await server.start()
        return (server, port)
    }

    static func version(_ port: UInt16) async throws -> String {
        let r = try await HTTPTestClient.get(port, LiveReload.statusEndpoint)
        let json = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any]
        return try #require(json?["version"] as? String)
    }

    /// The test client of live reload: long-polls like the injected script, and returns the
    /// new version once the server signals a reload (or fails after `timeout`).
    struct ReloadSignal: Sendable {
        var version: String
        var ok: Bool
    }

    static func waitForReload(_ port: UInt16, since: String, timeout: Double = 30) async throws -> ReloadSignal {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            let r = try await HTTPTestClient.get(port, LiveReload.endpoint + "?since=\(since)&timeout=5", timeout: 10)
            #expect(r.status == 200)
            let json = try JSONSerialization.jsonObject(with: Data(r.body.utf8)) as? [String: Any] ?? [:]
            if let v = json["version"] as? String, v != since { return ReloadSignal(version: v, ok: json["ok"] as? Bool ?? false) }
        }
        throw HTTPTestClient.Failure(description: "no reload signal within \(timeout) s")
    }

    @Test func servesPagesWithContentTypesIndexAnd404() async throws {
        let dir = try Self.makeDigest()
        let (server, port) = try await Self.startServer(dir)
        defer { Task { await server.stop() } }

        let home = try await HTTPTestClient.get(port, "/")
        #expect(home.status == 200)
        #expect(home.header("content-type") == "text/html; charset=utf-8")
        #expect(home.body.contains("<script \(LiveReload.marker)>"), "live reload injected into served HTML")
        let onDisk = Tree.read(dir + "/.serve-site/index.html")
        #expect(!onDisk.isEmpty && !onDisk.contains(LiveReload.marker), "never into the files on disk")

        let css = try await HTTPTestClient.get(port, "/assets/style.css")
        #expect(css.status == 200 && css.header("content-type")?.hasPrefix("text/css") == true)
        #expect(!css.body.contains(LiveReload.marker))
        let js = try await HTTPTestClient.get(port, "/assets/search.js")
        #expect(js.header("content-type")?.hasPrefix("text/javascript") == true)
        let feed = try await HTTPTestClient.get(port, "/feed.xml")
        #expect(feed.status == 200 && feed.header("content-type")?.hasPrefix("application/xml") == true)
        let data = try await HTTPTestClient.get(port, "/data/dispatches.json")
        #expect(data.status == 200 && data.header("content-type")?.hasPrefix("application/json") == true)
        #expect(!data.body.contains(LiveReload.marker))

        let timeline = try await HTTPTestClient.get(port, "/timeline/")
        #expect(timeline.status == 200 && timeline.body.contains("</html>"))
        let redirect = try await HTTPTestClient.get(port, "/timeline")
        #expect(redirect.status == 301 && redirect.header("location") == "/timeline/")

        let missing = try await HTTPTestClient.get(port, "/articles/no-such-dispatch.html")
        #expect(missing.status == 404)
        #expect(missing.body == "" || missing.body.contains(Tree.read(dir + "/.serve-site/404.html").components(separatedBy: "<h1>").last?.components(separatedBy: "</h1>").first ?? "\u{0}"))
        #expect(missing.body.contains("<base href=\"/\">"))

        let head = try await HTTPTestClient.get(port, "/", method: "HEAD")
        #expect(head.status == 200)
        let post = try await HTTPTestClient.get(port, "/", method: "POST")
        #expect(post.status == 405)
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public"), "serve never writes Public/")
    }

    @Test func refusesPathTraversal() async throws {
        let dir = try Self.makeDigest()
        // A secret beside the served folder, which traversal would reach.
        _ = FileManager.default.createFile(atPath: dir + "/secret.txt", contents: Data("TOP-SECRET".utf8))
        let (server, port) = try await Self.startServer(dir)
        defer { Task { await server.stop() } }
        for target in ["/../secret.txt", "/../../../../etc/passwd", "/%2e%2e/secret.txt", "/%2E%2E/%2e%2e/etc/passwd",
                       "/..%2fsecret.txt", "/assets/..%2f..%2fsecret.txt", "/index.html%00.txt", "/%00", "/..\\secret.txt",
                       "//etc/passwd", "http://127.0.0.1/../secret.txt", "/.sitegen-manifest"] {
            let r = try await HTTPTestClient.get(port, target)
            #expect(r.status == 400 || r.status == 404, "\(target) answered \(r.status)")
            #expect(!r.body.contains("TOP-SECRET") && !r.body.contains("root:x:"), "\(target) leaked a file")
        }
        // A symbolic link in the site folder pointing outside is not followed.
        try FileManager.default.createSymbolicLink(atPath: dir + "/.serve-site/leak.txt", withDestinationPath: dir + "/secret.txt")
        let link = try await HTTPTestClient.get(port, "/leak.txt")
        #expect(link.status == 404 && !link.body.contains("TOP-SECRET"))
    }

    @Test func reloadsAfterASeedEdit() async throws {
        let dir = try Self.makeDigest()
        let (server, port) = try await Self.startServer(dir)
        defer { Task { await server.stop() } }
        let before = try await Self.version(port)
        let page = try await HTTPTestClient.get(port, "/")
        #expect(page.body.contains(before), "the page's script carries the version it was served with")

        // Edit the sidecar's title (and a seed) while a client waits for the reload signal.
        let sidecar = dir + "/seeds/004_96b83adbe4ecf584.yml"
        let original = Tree.read(sidecar)
        let waiter = Task { try await Self.waitForReload(port, since: before) }
        try await Task.sleep(nanoseconds: 300_000_000)
        try (original + "title: \"Titre modifié pendant serve\"\n").write(toFile: sidecar, atomically: true, encoding: .utf8)
        let signal = try await waiter.value
        #expect(signal.ok)
        let after = try await HTTPTestClient.get(port, "/")
        #expect(after.body.contains("Titre modifié pendant serve"))
        #expect(!after.body.contains("\"\(before)\""))
    }

    /// An edit made while the first build runs, or before the watcher's thread gets to run on
    /// a busy machine, is seen: the watcher's baseline is the tree before the first build.
    /// (It used to be taken by the thread, so such an edit was missed until the next one.)
    @Test func seesAnEditMadeDuringTheFirstBuild() async throws {
        let dir = try Self.makeDigest()
        let broken = dir + "/seeds/998_vide.txt"
        // The log line of the initial build comes after it and before the watcher starts.
        let (server, port) = try await Self.startServer(dir) { line in
            if line.contains("initial build") { _ = FileManager.default.createFile(atPath: broken, contents: Data()) }
        }
        defer { Task { await server.stop() } }
        let v0 = try await Self.version(port)
        #expect(v0.hasSuffix("-1"), "one build so far")
        let failed = try await Self.waitForReload(port, since: v0)
        #expect(!failed.ok, "the empty seed made during the first build was picked up")
    }

    @Test func survivesABrokenSeedAndRecovers() async throws {
        let dir = try Self.makeDigest()
        let (server, port) = try await Self.startServer(dir)
        defer { Task { await server.stop() } }
        let v0 = try await Self.version(port)

        // An empty .txt is an error; its name also checks that the error page escapes.
        let broken = dir + "/seeds/999_<b>vide.txt"
        _ = FileManager.default.createFile(atPath: broken, contents: Data())
        let failed = try await Self.waitForReload(port, since: v0)
        #expect(!failed.ok)
        let errorPage = try await HTTPTestClient.get(port, "/")
        #expect(errorPage.status == 500)
        #expect(errorPage.body.contains("999_&lt;b&gt;vide.txt"), "file named, HTML-escaped")
        #expect(!errorPage.body.contains("<b>vide"))
        #expect(errorPage.body.contains("error"))
        #expect(errorPage.body.contains(LiveReload.marker), "the error page reloads by itself when fixed")
        let css = try await HTTPTestClient.get(port, "/assets/style.css")
        #expect(css.status == 200, "assets of the last good build are still served")

        try FileManager.default.removeItem(atPath: broken)
        let fixed = try await Self.waitForReload(port, since: failed.version)
        #expect(fixed.ok)
        let home = try await HTTPTestClient.get(port, "/")
        #expect(home.status == 200 && !home.body.contains("vide.txt"))
    }
}

/// `sitegen serve` as a subprocess of the built binary: prints its address, serves, and on
/// SIGINT stops, removes its temporary build folder and exits 0.
@Suite(.serialized, .timeLimit(.minutes(2))) struct ServeCommandTests {
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
        return FileManager.default.isExecutableFile(atPath: beside) ? beside : TestPaths.packageRoot + "/.build/debug/sitegen"
    }

    @Test func servesOnAFreePortAndStopsCleanlyOnSIGINT() async throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "sitegen not built: run swift build --build-tests")
        let dir = try ServeTests.makeDigest()
        let p = Process()
        p.executableURL = URL(fileURLWithPath: Self.binary)
        p.arguments = ["serve", "--port", "0"]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe()
        p.standardOutput = out
        p.standardError = out
        try p.run()
        defer { if p.isRunning { p.terminate() } }

        // Read the banner: "serving FOLDER at http://127.0.0.1:PORT/ …".
        let banner: String = await withCheckedContinuation { c in
            Thread {
                var text = ""
                let deadline = Date().addingTimeInterval(60)
                while Date() < deadline, !text.contains("/ (watching") {
                    let chunk = out.fileHandleForReading.availableData
                    if chunk.isEmpty { break }
                    text += String(decoding: chunk, as: UTF8.self)
                }
                c.resume(returning: text)
            }.start()
        }
        let line = try #require(banner.split(separator: "\n").first { $0.contains("serving ") }.map(String.init), "no banner in: \(banner)")
        let afterHost = try #require(line.range(of: "http://127.0.0.1:"))
        let port = try #require(UInt16(line[afterHost.upperBound...].prefix { $0.isNumber }))
        let folder = String(line[line.range(of: "serving ")!.upperBound..<line.range(of: " at http")!.lowerBound])
        #expect(!folder.hasSuffix("Public") && FileManager.default.fileExists(atPath: folder + "/index.html"))

        let home = try await HTTPTestClient.get(port, "/")
        #expect(home.status == 200 && home.body.contains(LiveReload.marker))

        kill(p.processIdentifier, SIGINT)
        let exited: Bool = await withCheckedContinuation { c in
            Thread {
                let deadline = Date().addingTimeInterval(20)
                while p.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.05) }
                c.resume(returning: !p.isRunning)
            }.start()
        }
        #expect(exited, "serve did not stop on SIGINT")
        if exited { #expect(p.terminationStatus == 0) }
        #expect(!FileManager.default.fileExists(atPath: folder), "temporary build folder removed")
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public"))
    }
}
