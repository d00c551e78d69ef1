/// Values a build leaves unfreed on purpose (`BuildOptions.exitsAfterBuild`): a process about
/// to exit gives all its memory back at once, so destroying hundreds of thousands of
/// objects one by one first is time spent for nothing.
enum Leftovers {
    private final class Box<T>: @unchecked Sendable {
        let value: T
        init(_ value: T) { self.value = value }
    }

    /// Keeps `value` alive until the process exits: one retain that is never released.
    static func keep<T>(_ value: T) {
        _ = Unmanaged.passRetained(Box(value))
    }
}
