import DispatchModel
import Foundation
import SiteBuild

/// The state the server shows: where the last good build is, whether the last build failed
/// (and why), and a version that changes with every build, which live reload watches.
public final class LiveSite: @unchecked Sendable {
    public struct Snapshot: Sendable {
        /// Changes after every build, good or bad; unique per server run.
        public var version: String
        /// Errors of the last build; empty when it succeeded.
        public var errors: [Diagnostic]
        public var warnings: Int
        public var builds: Int
        public var ok: Bool { errors.isEmpty }
    }

    private let lock = NSLock()
    private let runID: String
    private var state: Snapshot
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
        runID = String(UInt64(Date().timeIntervalSince1970 * 1000), radix: 36) + "-" + String(UInt32.random(in: 0...UInt32.max), radix: 36)
        state = Snapshot(version: runID + "-0", errors: [], warnings: 0, builds: 0)
    }

    public var snapshot: Snapshot {
        lock.lock(); defer { lock.unlock() }
        return state
    }

    public var outputFolder: String { options.output }

    /// Builds into the serve folder (blocking) and publishes the outcome to the server.
    /// A failed build leaves the previous good site in place and shows its errors instead.
    @discardableResult
    public func rebuild() -> Site.Result {
        let result = Site(options: options).build()
        var errors = result.diagnostics.filter { $0.severity == .error }
        if result.failed && errors.isEmpty {
            errors = [Diagnostic.error(SourceLocation(path: options.seeds), "build failed", code: "build")]
        }
        lock.lock()
        state.builds += 1
        state.version = runID + "-" + String(state.builds)
        state.errors = errors
        state.warnings = result.warningCount
        lock.unlock()
        return result
    }

    // MARK: answering requests

    /// Answers one request. Pages get the live-reload script; while the last build has
    /// errors, pages are replaced by the error page (status 500); other files are served as is.
    public func respond(method: String, rawPath: String, rawQuery: String, liveReload: Bool = true) async -> ServedResponse {
        let noStore: [(name: String, value: String)] = [("Cache-Control", "no-store"), ("X-Content-Type-Options", "nosniff")]
        guard method == "GET" || method == "HEAD" else {
            var r = ServedResponse.plain(405, "405 Method Not Allowed")
            r.headers.append(("Allow", "GET, HEAD"))
            return r
        }
        if rawPath == LiveReload.endpoint {
            return await longPoll(query: rawQuery, headers: noStore)
        }
        if rawPath == LiveReload.statusEndpoint {
            return ServedResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")] + noStore,
                                  body: Array(Self.statusJSON(snapshot).utf8))
        }
        let snap = snapshot
        var (response, isHTML) = StaticFiles.serve(root: options.output, rawPath: rawPath, rawQuery: rawQuery)
        let isPage = isHTML || response.status == 404
        if !snap.ok && isPage {
            response = ServedResponse(status: 500, headers: [("Content-Type", "text/html; charset=utf-8")],
                                      body: Array(ErrorPage.html(errors: snap.errors, warnings: snap.warnings).utf8))
            isHTML = true
        }
        if isHTML && liveReload {
            response.body = LiveReload.inject(into: response.body, version: snap.version)
        }
        response.headers += noStore
        if method == "HEAD" { response.body = [] }
        return response
    }

    /// Holds the request until the version differs from `since` (or a timeout, default 20 s,
    /// at most 25 s), then answers `{"version": …, "ok": …}`.
    func longPoll(query: String, headers: [(name: String, value: String)]) async -> ServedResponse {
        let params = Self.queryItems(query)
        let since = params["since"] ?? ""
        let timeout = min(25, max(0, Double(params["timeout"] ?? "") ?? 20))
        let deadline = Date().addingTimeInterval(timeout)
        var snap = snapshot
        while snap.version == since && Date() < deadline && !Task.isCancelled {
            try? await Task.sleep(nanoseconds: 100_000_000)
            snap = snapshot
        }
        return ServedResponse(status: 200, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                              body: Array(Self.statusJSON(snap).utf8))
    }

    static func statusJSON(_ s: Snapshot) -> String {
        var out = "{\"version\":\(JSONString.quote(s.version)),\"ok\":\(s.ok),\"builds\":\(s.builds),\"warnings\":\(s.warnings),\"errors\":["
        out += s.errors.map { "{\"location\":\(JSONString.quote($0.location.description)),\"message\":\(JSONString.quote($0.message))}" }.joined(separator: ",")
        return out + "]}\n"
    }

    static func queryItems(_ query: String) -> [String: String] {
        var out: [String: String] = [:]
        for pair in query.split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = String(kv[0]).removingPercentEncoding ?? String(kv[0])
            let value = kv.count > 1 ? (String(kv[1]).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? "") : ""
            out[key] = value
        }
        return out
    }
}
