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
    /// joined. NBSP is kept as is: French typography puts it before `:`, `;`, `?`, `!`, `»`.
    static func appendNormalized(_ s: ArraySlice<UInt8>, to out: inout [UInt8]) {
        if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
        var lastSpace = out.isEmpty || out.last == 0x20
        for c in s {
            if c == 0x20 || c == 0x09 {
                if !lastSpace { out.append(0x20); lastSpace = true }
            } else {
                out.append(c)
                lastSpace = false
            }
        }
        while out.last == 0x20 { out.removeLast() }
    }
}
