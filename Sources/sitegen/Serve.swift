import ArgumentParser
import DevServer
import Foundation
import SiteBuild

struct Serve: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Build, serve on 127.0.0.1, rebuild when seeds, sidecars, data files or templates change, and reload open pages.",
        discussion: """
        The site is built into a private folder (a temporary folder unless --output is given), never \
        into Public/, so previewing never changes the published site. Pages served get a small \
        live-reload script (the files on disk do not). While a seed, sidecar, data file or template \
        has errors, pages show the errors until they are fixed.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(name: .shortAndLong, help: "Port to listen on (0 picks a free one).")
    var port: UInt16 = 1111

    @Option(help: "Address to listen on. Only 127.0.0.1 (this machine) unless you ask, e.g. --bind 0.0.0.0.")
    var bind = "127.0.0.1"

    @Option(help: "Folder to build into (default: a temporary folder, removed on exit). Not Public/.")
    var output: String?

    @Option(help: "Seconds between two polls of the watched files.")
    var poll: Double = 0.3

    @Flag(help: "Do not inject the live-reload script.")
    var noLiveReload = false

    func validate() throws {
        if let output, URL(fileURLWithPath: output).standardizedFileURL.path == URL(fileURLWithPath: "Public").standardizedFileURL.path {
            throw ValidationError("serve never builds into Public/ (the published site); choose another --output or omit it")
        }
        guard poll >= 0.05 else { throw ValidationError("--poll must be at least 0.05 seconds") }
    }

    func run() throws {
        let temporary = output == nil
        let folder = output ?? NSTemporaryDirectory() + "sitegen-serve-\(ProcessInfo.processInfo.processIdentifier)"
        // A preview folder is rebuilt on every edit: update it in place, only what changed.
        var build = site.buildOptions(output: folder)
        build.incremental = true
        var options = DevServer.Options(build: build)
        options.host = bind
        options.port = port
        options.pollInterval = poll
        options.liveReload = !noLiveReload
        options.log = { line in
            let stamp = Self.clock()
            FileHandle.standardOutput.write(Data(line.split(separator: "\n", omittingEmptySubsequences: false).map { "\(stamp) \($0)" }.joined(separator: "\n").appending("\n").utf8))
        }
        let server = DevServer(options: options)
        let done = DispatchSemaphore(value: 0)
        let failure = ErrorBox()

        // Ctrl-C: stop the server (and the watcher), then clean up below and exit 0.
        let stopping = LockedBool()
        signal(SIGINT, SIG_IGN)
        signal(SIGTERM, SIG_IGN)
        let sources = [SIGINT, SIGTERM].map { DispatchSource.makeSignalSource(signal: $0, queue: .global()) }
        for s in sources {
            s.setEventHandler {
                guard stopping.setOnce() else { return }
                Task { await server.stop(); done.signal() }
            }
            s.resume()
        }

        Task {
            do {
                let actual = try await server.start()
                let host = bind.contains(":") ? "[\(bind)]" : bind
                var banner = "serving \(folder) at http://\(host):\(actual)/ (watching \(server.watchedFolders.joined(separator: ", ")); Ctrl-C to stop)"
                if bind != "127.0.0.1" && bind != "::1" && bind != "localhost" {
                    banner += "\nwarning: listening on \(bind): other machines on the network can read this preview"
                }
                options.log?(banner)
                try await server.wait()
            } catch {
                if !stopping.value { failure.error = error }
            }
            if !stopping.value { done.signal() }
        }
        done.wait()
        if temporary { try? FileManager.default.removeItem(atPath: folder) }
        if stopping.value {
            FileHandle.standardOutput.write(Data("\nstopped\n".utf8))
            return
        }
        if let error = failure.error {
            FileHandle.standardError.write(Data("error: cannot serve on \(bind):\(port): \(error) (another server on this port? try --port 0 for a free one)\n".utf8))
            throw ExitCode(1)
        }
    }

    static func clock() -> String {
        let f = DateFormatter()
        f.locale = Locale(identifier: "en_US_POSIX")
        f.dateFormat = "HH:mm:ss"
        return f.string(from: Date())
    }
}

final class ErrorBox: @unchecked Sendable {
    var error: (any Error)?
}

final class LockedBool: @unchecked Sendable {
    private let lock = NSLock()
    private var flag = false
    /// Sets the flag; true only for the first caller.
    func setOnce() -> Bool { lock.lock(); defer { lock.unlock() }; if flag { return false }; flag = true; return true }
    var value: Bool { lock.lock(); defer { lock.unlock() }; return flag }
}
