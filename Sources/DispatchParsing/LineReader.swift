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
            // To the next line end, eight bytes at a time: a paragraph is one long line.
            i = b.withUnsafeBufferPointer { p in
                var k = i
                while k + 8 <= n {
                    let w = ByteWord.load(p, k)
                    if ByteWord.hasByte(0x0A, in: w) || ByteWord.hasByte(0x0D, in: w) { break }
                    k += 8
                }
                while k < n, p[k] != 0x0A, p[k] != 0x0D { k += 1 }
                return k
            }
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
            // was one copy per word). A space is left to the loop below when it starts the
            // run, ends the line, or is followed by something that may need it.
            var run = i
            var bytewise = 0 // no eight-byte step before this offset (the last one failed)
            while run < end {
                // Eight bytes at a time where none can end the run: no tab, no byte that
                // starts a no-break space (0xC2, 0xE2), no space followed by a space, and the
                // eighth not a space (what follows it is not in the word). Not the run's first
                // byte, nor the line's last (a space there ends the run).
                if run >= bytewise, run > i, run + 8 < end {
                    let w = ByteWord.load(s, run)
                    // A zero byte of `pairs`: a space at that byte and at the next (or the
                    // eighth byte a space).
                    let spaces = w ^ 0x2020_2020_2020_2020, pairs = spaces | (spaces >> 8)
                    if !ByteWord.hasByte(0x09, in: w), !ByteWord.hasByte(0xC2, in: w), !ByteWord.hasByte(0xE2, in: w),
                       !ByteWord.hasByte(0, in: pairs) {
                        run += 8
                        continue
                    }
                    bytewise = run + 8
                }
                let c = s[run]
                if c == 0x09 || c == 0xC2 || c == 0xE2 { break }
                if c == 0x20 {
                    if run == i || run + 1 == end { break }
                    let next = s[run + 1]
                    if next == 0x20 || next == 0x09 || next == 0xC2 || next == 0xE2 { break }
                }
                run += 1
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
