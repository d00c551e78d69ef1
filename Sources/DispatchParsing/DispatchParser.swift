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
///
/// The work is in passes over the lines, each linear: decode → lines → opening (timestamp,
/// ` date` header, `>>` links) → cut at the sign-off → paragraphs and captions → title,
/// lead and dateline → dates. See `shared/docs/dispatch-formats.md` for the shapes.
public struct DispatchParser: Sendable {
    public init() {}

    /// - Parameters:
    ///   - bytes: the file's raw content (any encoding the catalogue lists).
    ///   - file: the seed's file name, stored in the dispatch.
    ///   - path: the path used in diagnostics (`path:line: warning: …`).
    public func parse(bytes: [UInt8], file: String, path: String) -> ParseOutcome {
        var diagnostics: [Diagnostic] = []
        let utf8: [UInt8]
        switch TextDecoder.decode(bytes) {
        case .binary:
            return ParseOutcome(dispatch: nil, diagnostics: [.error(SourceLocation(path: path),
                "\(file) is a binary file (NUL bytes or control characters), not a text dispatch", code: "file.binary")])
        case .blank:
            return ParseOutcome(dispatch: nil, diagnostics: [.error(SourceLocation(path: path),
                "\(file) is empty or holds only whitespace", code: "file.empty")])
        case .text(let text, let fallbackLine):
            utf8 = text
            if let line = fallbackLine {
                diagnostics.append(.warning(SourceLocation(path: path, line: line),
                    "not valid UTF-8 (first bad byte on this line); decoded as Windows-1252", code: "encoding"))
            }
        }
        let lines = LineReader.lines(utf8)

        // 1–2. Opening (timestamp, ` date` header, `>>` links) and the article's lines up to
        //      its sign-off.
        let article = ArticleLines(lines)
        var title = article.headerTitle
        let dropped = article.droppedCharacters
        if dropped > 0 {
            diagnostics.append(.note(SourceLocation(path: path, line: article.droppedLine),
                "dropped \(dropped) characters after the sign-off (not part of the dispatch)", code: "signoff.dropped"))
        }

        // 3. Paragraphs and captions.
        var builder = BlockBuilder()
        for line in article.content { builder.add(line) }
        var blocks = builder.finish()

        // 4. Title: header, else a first line shaped like a headline, else image alt text.
        if title == nil, let first = blocks.first, first.kind == .paragraph, first.lineCount == 1, blocks.count > 1,
           TitleDeriver.isTitleShaped(first.text), DatelineParser.parse(first.text) == nil,
           TitleDeriver.altTextMarker(first.text) == nil {
            title = ByteText.string(first.text)
            blocks.removeFirst()
        }
        for k in blocks.indices {
            guard let (titleEnd, captionStart) = TitleDeriver.altTextMarker(blocks[k].text) else { continue }
            let text = blocks[k].text
            if title == nil, titleEnd > 0 { title = ByteText.string(text[0..<titleEnd]) }
            blocks[k].kind = .caption
            blocks[k].text = Array(text[captionStart...])
        }

        // 5. Lead: the first paragraph, or the one opening with a dateline among the first few.
        var leadIndex: Int? = nil
        var dateline: Dateline? = nil
        var seen = 0
        for k in blocks.indices where blocks[k].kind == .paragraph {
            if leadIndex == nil { leadIndex = k }
            if let d = DatelineParser.parse(blocks[k].text) { leadIndex = k; dateline = d; break }
            seen += 1
            if seen == 3 { break }
        }
        var lead: [UInt8]? = nil
        var leadLine: Int? = nil
        if let k = leadIndex {
            var text = blocks[k].text
            leadLine = blocks[k].line
            if let d = dateline { text = Array(text[d.leadStart...]) }
            blocks.remove(at: k)
            // a dateline alone: the lead is the next paragraph
            if text.isEmpty, k < blocks.count, blocks[k].kind == .paragraph {
                text = blocks[k].text
                blocks.remove(at: k)
            }
            lead = TextRepair.repair(text)
            // the lead repeated as the first body paragraph (photos may sit in between),
            // with or without its dateline
            if let r = blocks[k...].firstIndex(where: { $0.kind == .paragraph }) {
                var copy = blocks[r].text
                if let d = DatelineParser.parse(copy) { copy = Array(copy[d.leadStart...]) }
                if TextRepair.sameText(copy, text) || TextRepair.sameText(TextRepair.repair(copy), lead!) {
                    blocks.remove(at: r)
                }
            }
        }

        if lead == nil && blocks.isEmpty && title == nil {
            return ParseOutcome(dispatch: nil, diagnostics: diagnostics + [.error(SourceLocation(path: path),
                "\(file) has no article text (only links or a sign-off)", code: "file.empty")],
                droppedCharacters: dropped)
        }

        // 6. Body, repaired.
        var body: [Block] = []
        body.reserveCapacity(blocks.count)
        for b in blocks {
            let text = ByteText.string(TextRepair.repair(b.text))
            switch b.kind {
            case .paragraph: body.append(.paragraph(text))
            case .caption: body.append(.caption(Caption(text: text, credit: b.credit)))
            }
        }

        // 7. Dates.
        var resolver = DateResolver(header: article.header, headerLine: article.headerLine, dateline: dateline?.date, leadLine: leadLine)
        if let lead { resolver.leadDates = FrenchDate.mentions(in: lead) }
        let dates = resolver.resolve(path: path)
        diagnostics += dates.diagnostics

        // 8. Derived headline when the page has none.
        let leadString = lead.map { ByteText.string($0) }
        var derived = false
        if title == nil || title!.isEmpty {
            derived = true
            let source = leadString ?? body.lazy.compactMap { block -> String? in
                switch block {
                case .paragraph(let p): return p
                case .caption(let c): return c.text.isEmpty ? nil : c.text
                }
            }.first ?? ""
            title = TitleDeriver.derive(from: source)
            diagnostics.append(.note(SourceLocation(path: path, line: leadLine ?? 1),
                "no title in the file; derived \"\(title!)\" from the lead", code: "title.derived"))
        }

        var d = Dispatch(file: file, title: title!, titleDerived: derived, date: dates.date,
                         eventDate: dates.eventDate, place: dateline?.place, agency: dateline?.agency,
                         dateline: dateline?.text, lead: leadString, body: body, signOff: article.signOff)
        if d.lead?.isEmpty == true { d.lead = nil }
        return ParseOutcome(dispatch: d, diagnostics: diagnostics, droppedCharacters: dropped)
    }
}
