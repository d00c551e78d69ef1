/// A paragraph or a caption before the opening is interpreted, with its first line number.
struct RawBlock {
    enum Kind { case paragraph, caption }
    var kind: Kind
    var text: [UInt8]
    var credit: String?
    var line: Int
    /// Physical lines joined into this block (a title is a one-line paragraph).
    var lineCount: Int = 1
}

/// Groups the article's lines into paragraphs (blank lines separate them, lines inside are
/// joined with a space) and pulls out photo captions wherever their credit sits: alone on a
/// line, ending a caption line, on the line after a caption ending in ` |`, or running
/// straight into the next paragraph on the same line.
struct BlockBuilder {
    private(set) var blocks: [RawBlock] = []
    private var buf: [UInt8] = []
    private var bufLine = 0
    private var bufLines = 0
    /// A caption text that ended with ` |`: its credit is expected on the next line.
    private var pendingBar: RawBlock? = nil

    mutating func add(_ line: SourceLine) {
        if line.isBlank {
            flush()
            flushBar()
            return
        }
        let arr = Array(line.text)
        let n = arr.count
        var pos = 0
        if var p = pendingBar {
            pendingBar = nil
            if let c = CaptionParser.firstCredit(arr, from: 0, to: n), c.start == 0 {
                p.credit = c.credit
                pos = skipBars(arr, c.end)
            }
            blocks.append(p)
            if pos >= n { return }
        }
        if pos == 0 {
            if DatelineParser.parse(arr) != nil {
                // a dateline always opens a paragraph, even with no blank line before it
                flush()
            } else if buf.isEmpty, DatelineParser.isAgencyContinuation(line.text),
                      let last = blocks.last, last.kind == .paragraph, last.text.count <= DatelineParser.maxPlaceBytes,
                      last.text.lazy.filter({ $0 == 0x20 }).count < 6 {
                // `Hanoi, 21 mai` / blank / `(VNA) - …`: a dateline broken in two
                blocks.removeLast()
                buf = last.text
                bufLine = last.line
                bufLines = last.lineCount
            }
        }
        while pos < n, let c = CaptionParser.firstCredit(arr, from: pos, to: n) {
            var textEnd = ByteText.trimmed(arr, pos, c.start).upperBound
            while textEnd > pos, arr[textEnd - 1] == 0x7C || arr[textEnd - 1] == 0x20 { textEnd -= 1 }
            flush()
            var text: [UInt8] = []
            LineReader.appendNormalized(arr[ByteText.trimmed(arr, pos, textEnd)], to: &text)
            blocks.append(RawBlock(kind: .caption, text: text, credit: c.credit, line: line.number))
            pos = skipBars(arr, c.end)
        }
        guard pos < n else { return }
        let rest = ByteText.trimmed(arr, pos, n)
        if arr[rest.upperBound - 1] == 0x7C {
            // `Caption text. |` then `Photo : VNA/CVN |` on the next line
            flush()
            var text: [UInt8] = []
            var end = rest.upperBound
            while end > rest.lowerBound, arr[end - 1] == 0x7C || arr[end - 1] == 0x20 { end -= 1 }
            LineReader.appendNormalized(arr[rest.lowerBound..<end], to: &text)
            pendingBar = RawBlock(kind: .caption, text: text, credit: nil, line: line.number)
            return
        }
        if buf.isEmpty { bufLine = line.number; bufLines = 0 }
        LineReader.appendNormalized(arr[rest], to: &buf)
        bufLines += 1
    }

    mutating func finish() -> [RawBlock] {
        flush()
        flushBar()
        return blocks
    }

    private mutating func flush() {
        if !buf.isEmpty {
            blocks.append(RawBlock(kind: .paragraph, text: buf, credit: nil, line: bufLine, lineCount: bufLines))
        }
        buf = []
        bufLines = 0
    }

    private mutating func flushBar() {
        if let p = pendingBar { blocks.append(p); pendingBar = nil }
    }

    private func skipBars(_ b: [UInt8], _ from: Int) -> Int {
        var i = from
        while i < b.count {
            if b[i] == 0x7C { i += 1; continue }
            let w = ByteText.whitespaceWidth(b, i)
            if w == 0 { break }
            i += w
        }
        return i
    }
}
