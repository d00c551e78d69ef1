import EditorKit
import Foundation
import TestSupport
import Testing

/// The built `sitegen` executable: exit codes and output of `check` and `init`.
@Suite(.serialized, .timeLimit(.minutes(2))) struct CLITests {
    /// `.build/<triple>/debug/sitegen`, beside the test bundle (built by `swift build --build-tests`).
    static var binary: String {
        let beside = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("sitegen").path
        if FileManager.default.isExecutableFile(atPath: beside) { return beside }
        let bundle = Bundle.main.bundleURL.deletingLastPathComponent().appendingPathComponent("sitegen").path
        if FileManager.default.isExecutableFile(atPath: bundle) { return bundle }
        return TestPaths.packageRoot + "/.build/debug/sitegen"
    }

    static func run(_ args: [String], in dir: String) throws -> (status: Int32, out: String, err: String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        let out = Pipe(), err = Pipe()
        p.standardOutput = out
        p.standardError = err
        try p.run()
        let o = out.fileHandleForReading.readDataToEndOfFile(), e = err.fileHandleForReading.readDataToEndOfFile()
        p.waitUntilExit()
        return (p.terminationStatus, String(decoding: o, as: UTF8.self), String(decoding: e, as: UTF8.self))
    }

    @Test func checkExitCodesAndJSON() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary), "sitegen not built at \(Self.binary): run swift build --build-tests")
        let root = TestPaths.makeTemporaryFolder("cli")
        let r0 = try Self.run(["init", "digest"], in: root)
        #expect(r0.status == 0, "\(r0.err)")
        let dir = root + "/digest"

        let clean = try Self.run(["check", "--format", "json", "--strict"], in: dir)
        #expect(clean.status == 0, "\(clean.out)\(clean.err)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(clean.out.utf8)) as? [String: Any])
        #expect(json["schemaVersion"] as? Int == 1 && json["ok"] as? Bool == true)

        // Warnings: 0 without --strict, 1 with it.
        try "---\ntitle: \"Sans date\"\ndate: null\n---\nTexte.\n".write(toFile: dir + "/seeds/002_sans-date.md", atomically: true, encoding: .utf8)
        #expect(try Self.run(["check"], in: dir).status == 0)
        let strict = try Self.run(["check", "--strict"], in: dir)
        #expect(strict.status == 1)
        #expect(strict.out.contains("seeds/002_sans-date.md: warning:"))

        // Errors: 1, and nothing is written.
        _ = FileManager.default.createFile(atPath: dir + "/seeds/003_vide.txt", contents: Data())
        let failed = try Self.run(["check", "--format", "json"], in: dir)
        #expect(failed.status == 1)
        let fj = try #require(try JSONSerialization.jsonObject(with: Data(failed.out.utf8)) as? [String: Any])
        #expect(fj["exitCode"] as? Int == 1)
        #expect(!FileManager.default.fileExists(atPath: dir + "/Public"))

        // init refuses a non-empty folder.
        let again = try Self.run(["init", "digest"], in: root)
        #expect(again.status == 1 && again.err.contains("not empty"))
    }

    @Test func buildOutputHasNoControlCharactersWhenNotATerminal() throws {
        try #require(FileManager.default.isExecutableFile(atPath: Self.binary))
        let root = TestPaths.makeTemporaryFolder("cli-build")
        _ = try Self.run(["init", "d"], in: root)
        let r = try Self.run(["build"], in: root + "/d")
        #expect(r.status == 0, "\(r.err)")
        #expect(r.out.contains("built Public/"))
        #expect(!(r.out + r.err).unicodeScalars.contains { $0.value == 0x1B || $0.value == 0x0D }, "no escape sequences or carriage returns in logs")
    }
}
