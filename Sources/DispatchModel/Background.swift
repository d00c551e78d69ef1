import Dispatch

/// Work started on another thread now and waited for when its value is needed: for the few
/// serial steps of a build that do not depend on what comes before them (loading the
/// templates, building the tagger), which would otherwise leave the second core idle while
/// the first does them. `inline` runs the work at once on the calling thread (`--jobs 1`).
public final class Background<T: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    /// Written once by the worker before `leave()`, read only after `wait()`.
    private var result: T?

    public init(inline: Bool = false, _ body: @escaping @Sendable () -> T) {
        if inline {
            result = body()
            return
        }
        group.enter()
        DispatchQueue.global().async {
            self.result = body()
            self.group.leave()
        }
    }

    /// The work's value, once it is done.
    public var value: T {
        group.wait()
        return result!
    }
}
