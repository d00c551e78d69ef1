import DispatchModel

/// What parsing one seed produced: the dispatch (nil when the file is unusable, with an
/// error saying why), every warning, and how much trailing text after the sign-off was dropped.
public struct ParseOutcome: Sendable {
    public var dispatch: Dispatch?
    public var diagnostics: [Diagnostic]
    /// Characters of text after the sign-off that are not part of the article.
    public var droppedCharacters: Int

    public init(dispatch: Dispatch?, diagnostics: [Diagnostic] = [], droppedCharacters: Int = 0) {
        self.dispatch = dispatch
        self.diagnostics = diagnostics
        self.droppedCharacters = droppedCharacters
    }
}

/// Stage 1: turns the raw bytes of one scraped seed into a `Dispatch`.
/// `officials` and `tags` are left empty: extraction fills them.
public struct DispatchParser: Sendable {
    public init() {}

    /// - Parameters:
    ///   - bytes: the file's raw content (any encoding the catalogue lists).
    ///   - file: the seed's file name, stored in the dispatch.
    ///   - path: the path used in diagnostics (`path:line: warning: …`).
    public func parse(bytes: [UInt8], file: String, path: String) -> ParseOutcome {
        // placeholder until the parser lands
        let text = String(decoding: bytes, as: UTF8.self)
        let paras = text.split(separator: "\n").map { $0.trimmingCharacters() }.filter { !$0.isEmpty }
        guard let first = paras.first else {
            return ParseOutcome(dispatch: nil, diagnostics: [.error(SourceLocation(path: path), "file is empty")])
        }
        var d = Dispatch(file: file, title: String(first.prefix(80)), titleDerived: true)
        d.lead = first
        d.body = paras.dropFirst().map { .paragraph($0) }
        return ParseOutcome(dispatch: d)
    }
}

extension Substring {
    func trimmingCharacters() -> String {
        var s = self
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
