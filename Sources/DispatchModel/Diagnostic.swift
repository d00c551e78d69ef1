/// A position in an input file, printed the way compilers do (`path:line:column`),
/// so editors and CI logs can jump to it.
public struct SourceLocation: Hashable, Sendable, Comparable, CustomStringConvertible {
    public var path: String
    public var line: Int?
    public var column: Int?

    public init(path: String, line: Int? = nil, column: Int? = nil) {
        self.path = path
        self.line = line
        self.column = column
    }

    public var description: String {
        var s = path
        if let line { s += ":\(line)" }
        if let line = line, line > 0, let column { s += ":\(column)" }
        return s
    }

    public static func < (a: SourceLocation, b: SourceLocation) -> Bool {
        if a.path != b.path { return a.path < b.path }
        return (a.line ?? 0, a.column ?? 0) < (b.line ?? 0, b.column ?? 0)
    }
}

/// One thing the build could not understand or could not do, always tied to a file.
/// Rendered as one line: `path:line: warning: message`.
public struct Diagnostic: Hashable, Sendable, Comparable, CustomStringConvertible, Error {
    public enum Severity: String, Sendable, Hashable, Comparable {
        case note, warning, error
        private var rank: Int { self == .note ? 0 : self == .warning ? 1 : 2 }
        public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }
    }

    public var severity: Severity
    public var location: SourceLocation
    public var message: String
    /// Stable machine-readable kind, e.g. `date.invalid`, `date.missing-year`, `encoding`.
    /// Its first component names the dispatch field concerned (`title`, `date`, `place`,
    /// `officials`, `tags`), so that a value supplied by the editor silences it.
    public var code: String?

    public init(_ severity: Severity, _ location: SourceLocation, _ message: String, code: String? = nil) {
        self.severity = severity
        self.location = location
        self.message = message
        self.code = code
    }

    public static func warning(_ location: SourceLocation, _ message: String, code: String? = nil) -> Diagnostic {
        Diagnostic(.warning, location, message, code: code)
    }

    public static func error(_ location: SourceLocation, _ message: String, code: String? = nil) -> Diagnostic {
        Diagnostic(.error, location, message, code: code)
    }

    public static func note(_ location: SourceLocation, _ message: String, code: String? = nil) -> Diagnostic {
        Diagnostic(.note, location, message, code: code)
    }

    /// The dispatch field this diagnostic is about (`date` for `date.invalid`).
    public var field: String? { code?.split(separator: ".").first.map(String.init) }

    public var description: String { "\(location): \(severity.rawValue): \(message)" }

    public static func < (a: Diagnostic, b: Diagnostic) -> Bool {
        if a.location != b.location { return a.location < b.location }
        if a.severity != b.severity { return a.severity > b.severity }
        return a.message < b.message
    }
}

extension Array where Element: Comparable {
    /// Sorts the array unless it is in order already: a build's diagnostics usually are (each
    /// seed's come sorted, the seeds in order), and checking thousands is cheaper than sorting.
    /// Same result as `sort()` either way: the check reads two neighbours out of order exactly
    /// when the array is not sorted.
    public mutating func sortIfNeeded() {
        if !zip(self, dropFirst()).allSatisfy({ !($1 < $0) }) { sort() }
    }
}
