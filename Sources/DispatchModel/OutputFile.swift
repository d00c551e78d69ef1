/// One file of the generated site: a path relative to the output folder and its bytes.
/// Renderers return these; only the output stage touches the file system.
public struct OutputFile: Sendable, Hashable {
    public var path: String
    public var contents: [UInt8]
    /// Byte ranges of `contents` that are list entries, each rendered once for the site and
    /// copied into every page that lists it (the link check reads their links once, not on
    /// every page). Not part of the file: equality and hashing ignore it.
    public var listings: [Range<Int>] = []

    public init(path: String, contents: [UInt8]) {
        self.path = path
        self.contents = contents
    }

    public init(path: String, text: String) {
        self.path = path
        self.contents = Array(text.utf8)
    }

    public static func == (a: OutputFile, b: OutputFile) -> Bool { a.path == b.path && a.contents == b.contents }

    public func hash(into h: inout Hasher) {
        h.combine(path)
        h.combine(contents)
    }
}
