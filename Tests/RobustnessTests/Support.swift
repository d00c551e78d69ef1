import Foundation
import TestSupport
#if canImport(Glibc)
import Glibc
#endif

/// The real `sitegen` binary, run as a subprocess.
enum Sitegen {
    struct Run: CustomStringConvertible {
        var status: Int32
        /// Killed by a signal (a crash), not an exit.
        var signaled: Bool
        var timedOut: Bool
        var stdout: String
        var stderr: String
        var seconds: Double
        var description: String {
            "status \(status)\(signaled ? " (signal)" : "")\(timedOut ? " (timed out)" : "") in \(String(format: "%.1f", seconds)) s\n--- stdout\n\(stdout.prefix(2000))\n--- stderr\n\(stderr.prefix(4000))"
        }
    }

    /// `.build/<triple>/debug/sitegen` beside the test bundle, else `.build/debug/sitegen`.
    static let binary: String = {
        if let exe = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            var dir = URL(fileURLWithPath: exe).deletingLastPathComponent()
            for _ in 0..<4 {
                let candidate = dir.appendingPathComponent("sitegen").path
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
                dir.deleteLastPathComponent()
            }
        }
        return TestPaths.packageRoot + "/.build/debug/sitegen"
    }()

    static let templates = TestPaths.packageRoot + "/Templates"

    /// Environment of the test process with a few overrides (nil removes a variable).
    static func environment(_ overrides: [String: String?]) -> [String: String] {
        var env = ProcessInfo.processInfo.environment
        for (k, v) in overrides { env[k] = v }
        return env
    }

    static func spawn(_ args: [String], env: [String: String?] = [:], cwd: String? = nil, scratch: String) throws -> (Process, String, String) {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: binary)
        p.arguments = args
        p.environment = environment(env)
        if let cwd { p.currentDirectoryURL = URL(fileURLWithPath: cwd) }
        let id = UUID().uuidString
        let outPath = scratch + "/stdout-" + id, errPath = scratch + "/stderr-" + id
        FileManager.default.createFile(atPath: outPath, contents: nil)
        FileManager.default.createFile(atPath: errPath, contents: nil)
        p.standardOutput = FileHandle(forWritingAtPath: outPath)
        p.standardError = FileHandle(forWritingAtPath: errPath)
        p.standardInput = FileHandle.nullDevice
        try p.run()
        return (p, outPath, errPath)
    }

    /// Runs `sitegen ARGS`; a run longer than `timeout` seconds is killed and reported.
    static func run(_ args: [String], env: [String: String?] = [:], cwd: String? = nil, timeout: Double = 180) throws -> Run {
        let scratch = TestPaths.makeTemporaryFolder("run")
        defer { try? FileManager.default.removeItem(atPath: scratch) }
        let start = Date()
        let (p, outPath, errPath) = try spawn(args, env: env, cwd: cwd, scratch: scratch)
        var timedOut = false
        while p.isRunning {
            if Date().timeIntervalSince(start) > timeout {
                timedOut = true
                kill(p.processIdentifier, SIGKILL)
            }
            usleep(20_000)
        }
        p.waitUntilExit()
        return Run(status: p.terminationStatus, signaled: p.terminationReason == .uncaughtSignal, timedOut: timedOut,
                   stdout: Tree.read(outPath), stderr: Tree.read(errPath), seconds: Date().timeIntervalSince(start))
    }

    /// `sitegen build` with the repository's templates.
    static func build(seeds: String, output: String, _ extra: [String] = [], env: [String: String?] = [:], cwd: String? = nil, timeout: Double = 180) throws -> Run {
        try run(["build", "--seeds", seeds, "--output", output, "--templates", templates] + extra, env: env, cwd: cwd, timeout: timeout)
    }

    /// Peak resident memory of the largest child process waited for so far, in MB.
    static var peakChildMemoryMB: Int {
        var u = rusage()
        getrusage(RUSAGE_CHILDREN.rawValue, &u)
        return u.ru_maxrss / 1024
    }
}


enum Files {
    static func write(_ path: String, _ text: String) {
        try? FileManager.default.createDirectory(atPath: (path as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    }

    static func write(_ path: String, bytes: [UInt8]) {
        FileManager.default.createFile(atPath: path, contents: Data(bytes))
    }

    static func copyTree(_ from: String, _ to: String) throws {
        try? FileManager.default.removeItem(atPath: to)
        try FileManager.default.copyItem(atPath: from, toPath: to)
    }

    /// Every file and folder under `dir`, symbolic links included, relative and sorted.
    static func entries(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String { out.append(rel) }
        return out.sorted()
    }
}
