/// A seed's lines sorted into what frames the article and the article itself: the opening
/// (a `07/09/2018 14:04` timestamp, the ` date YYYY-MM[-DD]` header and the title it may
/// carry, `>>` related links) and the article's lines up to its sign-off. Whatever follows
/// the sign-off (another article, "Voir plus", the site footer) is only counted.
struct ArticleLines {
    var header: WrittenDate? = nil
    var headerLine: Int? = nil
    var headerTitle: String? = nil
    /// Article lines in order, blank lines kept (they separate paragraphs), the sign-off
    /// cut from its line, `>>` links removed.
    var content: [SourceLine] = []
    var signOff: String? = nil
    var droppedCharacters = 0
    /// First non-blank line after the sign-off, where the dropped text starts.
    var droppedLine: Int? = nil
    private var sawText = false

    init(_ lines: [SourceLine]) {
        var i = 0
        var headerRest: SourceLine? = nil
        while i < lines.count {
            let line = lines[i]
            if line.isBlank || LineReader.isRelatedLink(line.text) { i += 1; continue }
            if header == nil, let ts = FrenchDate.timestamp(line.text) {
                header = ts; headerLine = line.number; i += 1; continue
            }
            if header == nil, let (h, restStart) = FrenchDate.header(line.text) {
                header = h; headerLine = line.number; i += 1
                let rest = ByteText.trimmed(line.text[restStart...])
                if !rest.isEmpty {
                    // The header's rest is decided by shape: a dateline or a caption is
                    // article text; a headline-shaped rest is the title.
                    let arr = Array(rest)
                    if DatelineParser.parse(arr) == nil,
                       CaptionParser.firstCredit(arr, from: 0, to: arr.count) == nil,
                       TitleDeriver.altTextMarker(arr) == nil,
                       TitleDeriver.isTitleShaped(arr) {
                        var title: [UInt8] = []
                        LineReader.appendNormalized(rest, to: &title)
                        headerTitle = ByteText.string(title)
                    } else {
                        // article text: the opening is over (the blank line after it matters)
                        headerRest = SourceLine(text: rest, number: line.number)
                        break
                    }
                }
                continue
            }
            break
        }

        content.reserveCapacity(lines.count - i + 1)
        var ended = headerRest.map { take($0) } ?? false
        while !ended && i < lines.count {
            ended = take(lines[i])
            i += 1
        }
        while i < lines.count {
            if droppedLine == nil && !lines[i].isBlank { droppedLine = lines[i].number }
            droppedCharacters += ByteText.scalarCount(lines[i].text)
            i += 1
        }
    }

    /// Adds an article line; true when it carries the sign-off (the article ends there).
    /// A sign-off alone on its line (`VNA`, `- VNA`) only counts once a sentence of article
    /// text has been seen: a byline under a headline must not swallow the whole article
    /// (it is dropped instead).
    private mutating func take(_ line: SourceLine) -> Bool {
        if LineReader.isRelatedLink(line.text) { return false }
        if !line.isBlank, let m = SignOff.match(line.text) {
            // an agency name alone before any sentence is a byline: not text, not the end
            if m.textEnd == line.text.startIndex && !sawText { return false }
            signOff = m.signOff
            content.append(SourceLine(text: line.text[line.text.startIndex..<m.textEnd], number: line.number))
            return true
        }
        content.append(line)
        // a sentence, not a headline: it ends like one
        if let last = line.text.last, last == 0x2E || last == 0x21 || last == 0x3F || last == 0xBB || last == 0x22 || last == 0x29 {
            sawText = true
        }
        return false
    }
}
