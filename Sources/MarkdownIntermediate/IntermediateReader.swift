import DispatchModel
import Yams

/// Stage 2, backward: reads a Markdown intermediate (written by `IntermediateWriter`, or by
/// hand) back into a `Dispatch`. Errors carry the file and line.
public enum IntermediateReader {
    public static func dispatch(from text: String, path: String, file: String) throws(Diagnostic) -> Dispatch {
        let (yaml, body, bodyLine) = try split(text, path: path)
        let node = try YAMLLoader.compose(yaml, path: path, firstLine: 2)
        guard let map = node?.mapping else {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "front matter must be a mapping of keys to values", code: "frontmatter")
        }
        var d = Dispatch(file: file)
        var sawTitle = false
        for (k, v) in map {
            let key = k.string ?? ""
            let loc = SourceLocation(path: path, line: v.mark.map { $0.line + 1 })
            func str() throws(Diagnostic) -> String? {
                if v.scalar != nil, v.tag.description == Tag.Name.null.rawValue || v.string == "null" || v.string == "~" {
                    if v.scalar?.style == .plain { return nil }
                }
                guard let s = v.string else {
                    throw Diagnostic.error(loc, "`\(key)` must be a string", code: "frontmatter")
                }
                return s
            }
            switch key {
            case "file": _ = try str()
            case "title": d.title = try str() ?? ""; sawTitle = true
            case "titleDerived": d.titleDerived = v.bool ?? false
            case "date":
                if let s = try str() {
                    guard let date = DispatchDate(iso: s) else {
                        throw Diagnostic.error(loc, "invalid date \"\(s)\" (expected YYYY-MM-DD, YYYY-MM or --MM-DD)", code: "date.invalid")
                    }
                    d.date = date
                }
            case "datePrecision": break // derived from `date`
            case "eventDate":
                if let s = try str() {
                    guard let date = DispatchDate(iso: s) else {
                        throw Diagnostic.error(loc, "invalid eventDate \"\(s)\"", code: "date.invalid")
                    }
                    d.eventDate = date
                }
            case "place": d.place = try str()
            case "agency": d.agency = try str()
            case "dateline": d.dateline = try str()
            case "signOff": d.signOff = try str()
            case "officials":
                guard let seq = v.sequence else { throw Diagnostic.error(loc, "`officials` must be a list", code: "frontmatter") }
                for item in seq {
                    guard let name = item.mapping?["name"]?.string, !name.isEmpty else {
                        throw Diagnostic.error(SourceLocation(path: path, line: item.mark.map { $0.line + 1 }),
                                               "each official needs a `name`", code: "frontmatter")
                    }
                    let role = item.mapping?["role"].flatMap { $0.scalar?.style == .plain && $0.string == "null" ? nil : $0.string }
                    d.officials.append(OfficialMention(name: name, role: role))
                }
            case "tags":
                guard let seq = v.sequence else { throw Diagnostic.error(loc, "`tags` must be a list", code: "frontmatter") }
                for item in seq {
                    let iloc = SourceLocation(path: path, line: item.mark.map { $0.line + 1 })
                    if let name = item.string {
                        d.tags.append(DispatchModel.Tag(name: name, kind: .topic))
                    } else if let name = item.mapping?["name"]?.string {
                        let kindText = item.mapping?["kind"]?.string ?? "topic"
                        guard let kind = TagKind(rawValue: kindText) else {
                            throw Diagnostic.error(iloc, "unknown tag kind \"\(kindText)\" (organisation, country, place or topic)", code: "frontmatter")
                        }
                        d.tags.append(DispatchModel.Tag(name: name, kind: kind))
                    } else {
                        throw Diagnostic.error(iloc, "each tag needs a `name`", code: "frontmatter")
                    }
                }
            default:
                throw Diagnostic.error(SourceLocation(path: path, line: k.mark.map { $0.line + 1 }),
                                       "unknown front matter key `\(key)`", code: "frontmatter")
            }
        }
        if !sawTitle || d.title.isEmpty {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "front matter has no `title`", code: "title.missing")
        }
        readBody(body, into: &d, path: path, firstLine: bodyLine)
        return d
    }

    /// Splits `---\n…\n---\n` from the body. Returns the YAML, the body and the body's first line.
    static func split(_ text: String, path: String) throws(Diagnostic) -> (String, Substring, Int) {
        var t = Substring(text)
        if t.hasPrefix("\u{FEFF}") { t = t.dropFirst() }
        guard t.hasPrefix("---\n") || t.hasPrefix("---\r\n") else {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "a Markdown seed must start with `---` front matter", code: "frontmatter")
        }
        let lines = t.split(separator: "\n", omittingEmptySubsequences: false)
        for i in 1..<lines.count where lines[i].trimmingSuffix("\r") == "---" {
            let yaml = lines[1..<i].joined(separator: "\n")
            let body = lines[(i + 1)...].joined(separator: "\n")
            return (yaml, Substring(body), i + 2)
        }
        throw Diagnostic.error(SourceLocation(path: path, line: 1), "front matter is not closed by `---`", code: "frontmatter")
    }

    /// Paragraphs are separated by blank lines; a block quote is a caption whose last line
    /// may be the credit in `*…*` (unescaped asterisks can only come from the writer or an editor).
    static func readBody(_ body: Substring, into d: inout Dispatch, path: String, firstLine: Int) {
        var blocks: [[Substring]] = []
        var current: [Substring] = []
        for raw in body.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.trimmingSuffix("\r")
            if line.allSatisfy({ $0 == " " || $0 == "\t" }) {
                if !current.isEmpty { blocks.append(current); current = [] }
            } else {
                current.append(line)
            }
        }
        if !current.isEmpty { blocks.append(current) }
        var out: [Block] = []
        for (i, lines) in blocks.enumerated() {
            if lines.allSatisfy({ $0.hasPrefix(">") }) {
                var content = lines.map { l -> Substring in
                    var s = l.dropFirst()
                    if s.hasPrefix(" ") { s = s.dropFirst() }
                    return s
                }
                var credit: String?
                if let last = content.last, last.count >= 2, last.hasPrefix("*"), endsWithUnescapedStar(last) {
                    credit = MarkdownEscaper.unescape(last.dropFirst().dropLast())
                    content.removeLast()
                }
                let text = content.map { MarkdownEscaper.unescape($0) }.joined(separator: " ")
                out.append(.caption(Caption(text: text, credit: credit)))
            } else {
                let text = lines.map { MarkdownEscaper.unescape($0.trimmingPrefixSpaces()) }.joined(separator: " ")
                if i == 0 { d.lead = text } else { out.append(.paragraph(text)) }
            }
        }
        d.body = out
    }
}

/// True when the last character is a `*` that no backslash escapes: `\\*` (an escaped
/// backslash, then the marker) is a marker; `\*` (an escaped star) is text.
func endsWithUnescapedStar(_ s: Substring) -> Bool {
    guard s.last == "*" else { return false }
    var backslashes = 0
    var i = s.index(before: s.endIndex)
    while i > s.startIndex {
        i = s.index(before: i)
        guard s[i] == "\\" else { break }
        backslashes += 1
    }
    return backslashes % 2 == 0
}

extension Substring {
    func trimmingSuffix(_ c: Character) -> Substring { last == c ? dropLast() : self }
    func trimmingPrefixSpaces() -> Substring { drop(while: { $0 == " " }) }
}

