import Foundation

/// Every article's list entry (`ItemHTML`), made on first use. A full build makes them at
/// once on all cores; an incremental build whose changes re-render no listing (a body edit)
/// never needs them, and so neither decodes the cached entries nor renders any.
final class ListItems: @unchecked Sendable {
    private let lock = NSLock()
    private var made: [ItemHTML]?
    private let make: @Sendable () -> [ItemHTML]

    init(eager: Bool, make: @escaping @Sendable () -> [ItemHTML]) {
        self.make = make
        if eager { made = make() }
    }

    var all: [ItemHTML] {
        lock.lock()
        defer { lock.unlock() }
        if let made { return made }
        let items = make()
        made = items
        return items
    }

    /// The entries if they were made, without making them.
    var ifMade: [ItemHTML]? {
        lock.lock()
        defer { lock.unlock() }
        return made
    }
}
