import DispatchModel
import FlyingFox
import FlyingSocks
import Foundation
import SiteBuild

/// `sitegen serve`: builds into a private folder, serves it on 127.0.0.1 (unless told
/// otherwise), polls the seeds, templates and data files, rebuilds on change and tells open
/// pages to reload (see `LiveReload`).
public final class DevServer: @unchecked Sendable {
    public struct Options: Sendable {
        /// What to build; `output` is the private serve folder (never the published `Public/`).
        public var build: BuildOptions
        public var host = "127.0.0.1"
        /// 0 picks a free port.
        public var port: UInt16 = 1111
        /// Seconds between two polls of the watched files.
        public var pollInterval: Double = 0.3
        public var liveReload = true
        /// Human-readable events (build summaries, changes), one line or block each.
        public var log: (@Sendable (String) -> Void)?

        public init(build: BuildOptions) { self.build = build }
    }

    public let options: Options
    public let site: LiveSite
    private var server: HTTPServer?
    private var serverTask: Task<Void, any Error>?
    private let stopFlag = LockedFlag()
    private let watcherDone = DispatchSemaphore(value: 0)
    private var watcherStarted = false

    public init(options: Options) {
        self.options = options
        self.site = LiveSite(options: options.build)
    }

    /// Files and folders whose changes trigger a rebuild: the seeds folder (seeds, sidecars,
    /// `_*.yml` data files), the templates folder and the configuration file.
    public var watchedFolders: [String] { [options.build.seeds] + (options.build.templates.map { [$0] } ?? []) }
    public var watchedFiles: [String] { [options.build.config].compactMap { $0 } }

    /// Builds once, starts listening and watching. Returns the port listened on.
    @discardableResult
    public func start() async throws -> UInt16 {
        // The watcher's baseline is taken before the first build, not when its thread happens
        // to start: an edit made during the build, or right after `start` returns (before a
        // busy machine schedules the thread), is then a change and triggers a rebuild.
        let watcher = TreeWatcher(folders: watchedFolders, files: watchedFiles)
        let baseline = await Self.offPool { watcher.fingerprint() }
        let first = await Self.offPool { self.site.rebuild() }
        log(Self.summary(first, reason: "initial build"))

        let address: any SocketAddress = options.host.contains(":")
            ? try sockaddr_in6.inet6(ip6: options.host, port: options.port)
            : try sockaddr_in.inet(ip4: options.host, port: options.port)
        let server = HTTPServer(config: .init(address: address, timeout: 60, logger: .disabled), handler: Handler(site: site, liveReload: options.liveReload))
        self.server = server
        // Wait until listening, or report why not (port in use, bad address) at once.
        let failure = ErrorSlot()
        let task = Task {
            do { try await server.run() } catch { failure.set(error); throw error }
        }
        serverTask = task
        let deadline = Date().addingTimeInterval(10)
        var listening = await server.listeningAddress
        while listening == nil {
            if let error = failure.get() { throw error }
            if Date() > deadline { task.cancel(); throw SocketError.unsupportedAddress }
            try await Task.sleep(nanoseconds: 20_000_000)
            listening = await server.listeningAddress
        }
        guard let addr = listening else { throw SocketError.unsupportedAddress }
        let port: UInt16
        switch addr {
        case .ip4(_, let p), .ip6(_, let p): port = p
        case .unix: port = 0
        }
        startWatcher(watcher, baseline: baseline)
        return port
    }

    /// Runs until the server stops (or the task is cancelled).
    public func wait() async throws {
        try await serverTask?.value
    }

    public func stop() async {
        stopFlag.set()
        await server?.stop(timeout: 1)
        serverTask?.cancel()
        if watcherStarted {
            await Self.offPool { _ = self.watcherDone.wait(timeout: .now() + 5) }
        }
    }

    // MARK: watching

    private func startWatcher(_ watcher: TreeWatcher, baseline: UInt64) {
        watcherStarted = true
        let interval = options.pollInterval
        let thread = Thread { [self] in
            defer { watcherDone.signal() }
            var last = baseline
            var pending = false
            while !stopFlag.isSet {
                Thread.sleep(forTimeInterval: interval)
                if stopFlag.isSet { break }
                let now = watcher.fingerprint()
                if now != last {
                    // Debounce: wait for one quiet poll before rebuilding (editors write in steps).
                    last = now
                    pending = true
                    continue
                }
                if pending {
                    pending = false
                    let r = site.rebuild()
                    log(Self.summary(r, reason: "change detected"))
                }
            }
        }
        thread.name = "sitegen-serve-watcher"
        thread.start()
    }

    private func log(_ s: String) { options.log?(s) }

    static func summary(_ r: Site.Result, reason: String) -> String {
        var out = ""
        for d in r.diagnostics where d.severity != .note { out += d.description + "\n" }
        let ms = Int((r.timings.total * 1000).rounded())
        if r.failed {
            out += "\(reason): build failed with \(r.errorCount) error(s), \(r.warningCount) warning(s); the browser shows them until they are fixed"
        } else {
            let pages = r.counts.first { $0.kind == "dispatches" }?.count ?? 0
            out += "\(reason): rebuilt \(pages) dispatch(es) in \(ms) ms, \(r.warningCount) warning(s)"
        }
        return out
    }

    /// Runs blocking work (builds, waits) on a plain thread, off Swift's cooperative pool.
    static func offPool<T: Sendable>(_ body: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (c: CheckedContinuation<T, Never>) in
            Thread { c.resume(returning: body()) }.start()
        }
    }

    struct Handler: HTTPHandler {
        let site: LiveSite
        let liveReload: Bool

        func handleRequest(_ request: HTTPRequest) async throws -> HTTPResponse {
            let r = await site.respond(method: request.method.rawValue, rawPath: request.target.path(),
                                       rawQuery: request.target.query(), liveReload: liveReload)
            var headers = HTTPHeaders()
            for h in r.headers { headers.addValue(h.value, for: HTTPHeader(h.name)) }
            return HTTPResponse(statusCode: HTTPStatusCode(r.status, phrase: Self.phrase(r.status)), headers: headers, body: Data(r.body))
        }

        static func phrase(_ status: Int) -> String {
            switch status {
            case 200: return "OK"
            case 301: return "Moved Permanently"
            case 400: return "Bad Request"
            case 404: return "Not Found"
            case 405: return "Method Not Allowed"
            default: return "Internal Server Error"
            }
        }
    }
}

final class LockedFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var value = false
    func set() { lock.lock(); value = true; lock.unlock() }
    var isSet: Bool { lock.lock(); defer { lock.unlock() }; return value }
}

final class ErrorSlot: @unchecked Sendable {
    private let lock = NSLock()
    private var error: (any Error)?
    func set(_ e: any Error) { lock.lock(); error = e; lock.unlock() }
    func get() -> (any Error)? { lock.lock(); defer { lock.unlock() }; return error }
}
