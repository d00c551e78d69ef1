import CByteScan
import DispatchModel

/// One physical line of the seed, trimmed, with its 1-based number in the original file
/// (diagnostics must point editors at the right line even after we drop or merge lines).
struct SourceLine {
    var text: ArraySlice<UInt8>
    var number: Int
    var isBlank: Bool { text.isEmpty }
}

/// Splits decoded text into lines. `\n`, `\r\n` and a lone `\r` all end a line, so CRLF
/// files and old Mac files number their lines the way an editor shows them.
enum LineReader {
    static func lines(_ b: [UInt8]) -> [SourceLine] {
        var out: [SourceLine] = []
        out.reserveCapacity(b.count / 64 + 1)
        var start = 0
        var number = 1
        var i = 0
        let n = b.count
        while i < n {
            // To the next line end, sixteen bytes at a time: a paragraph is one long line.
            i = b.withUnsafeBufferPointer { p in i + sitegen_scan_line_end(p.baseAddress! + i, n - i) }
            guard i < n else { break }
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                out.append(SourceLine(text: b[ByteText.trimmed(b, start, i)], number: number))
                number += 1
                if c == 0x0D && i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append(SourceLine(text: b[ByteText.trimmed(b, start, n)], number: number)) }
        return out
    }

    /// `>> Other headline` lines are links to related articles inserted by the site, never
    /// part of the dispatch. Any depth of `>` counts (`>>>>` pasted quotes too).
    static func isRelatedLink(_ s: ArraySlice<UInt8>) -> Bool {
        s.count >= 2 && s[s.startIndex] == 0x3E && s[s.startIndex + 1] == 0x3E
    }

    /// Collapses runs of ASCII spaces and tabs into one space and appends the line to `out`
    /// (with a separating space when `out` is not empty): the lines of one paragraph are
    /// joined. A no-break space (U+00A0, U+202F) is kept where French typography puts one —
    /// before `:`, `;`, `?`, `!`, `»`, after `«`, and between digit groups (`3 618`) — and
    /// becomes a plain space elsewhere (`le\u{A0}ministre`), so later matching sees words.
    static func appendNormalized(_ s: ArraySlice<UInt8>, to out: inout [UInt8]) {
        s.withUnsafeBufferPointer { appendNormalized($0, to: &out) }
    }

    static func appendNormalized(_ s: UnsafeBufferPointer<UInt8>, to out: inout [UInt8]) {
        if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
        var lastSpace = out.isEmpty || out.last == 0x20
        var i = 0
        let end = s.count
        while i < end {
            // Ordinary bytes are copied a run at a time, with the lone spaces between them
            // (every line of every seed comes through here; a run that stopped at each space
            // was one copy per word). The run stops at a tab, at a byte that may start a
            // no-break space (0xC2, 0xE2), and at a space that starts it, ends the line, or is
            // followed by something that may need it; found sixteen bytes at a time in C.
            let c0 = s[i]
            var run = i
            if c0 != 0x09 && c0 != 0xC2 && c0 != 0xE2 && c0 != 0x20 {
                run = i + 1 + sitegen_scan_plain_run(s.baseAddress! + i + 1, end - i - 1)
            }
            if run > i {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<run]))
                lastSpace = false
                i = run
                continue
            }
            let c = s[i]
            if c == 0x20 || c == 0x09 {
                if !lastSpace { out.append(0x20); lastSpace = true }
                i += 1
                continue
            }
            let nbsp = (c == 0xC2 && i + 1 < end && s[i + 1] == 0xA0) ? 2
                : (c == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0xAF) ? 3 : 0
            if nbsp > 0 {
                if keepsNoBreakSpace(s, before: i, after: i + nbsp, written: out) {
                    if lastSpace, out.last == 0x20 { out.removeLast() }   // `Photo \u{A0}:`
                    out.append(contentsOf: UnsafeBufferPointer(rebasing: s[i..<(i + nbsp)]))
                    lastSpace = true
                } else if !lastSpace {
                    out.append(0x20)
                    lastSpace = true
                }
                i += nbsp
                continue
            }
            out.append(c) // 0xC2 or 0xE2 starting another character
            lastSpace = false
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
    }

    private static func keepsNoBreakSpace(_ s: UnsafeBufferPointer<UInt8>, before: Int, after: Int, written: [UInt8]) -> Bool {
        var j = after
        while j < s.endIndex, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
        if j < s.endIndex {
            let n = s[j]
            if n == 0x3A || n == 0x3B || n == 0x3F || n == 0x21 { return true }
            if n == 0xC2, j + 1 < s.endIndex, s[j + 1] == 0xBB { return true }               // »
            if ByteText.isDigit(n), let p = written.last, ByteText.isDigit(p) { return true }
        }
        if written.count >= 2, written[written.count - 2] == 0xC2, written[written.count - 1] == 0xAB { return true } // «
        return false
    }
}
