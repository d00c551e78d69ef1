import DispatchModel

/// Everything about headlines: recognising a title line, splitting the image alt text that
/// carries one, and deriving a headline when the page has none (48 of 64 real files).
enum TitleDeriver {
    static let maxTitleBytes = 300
    static let derivedMaxCharacters = 90

    /// A title line: short, no final full stop, starts with a capital (or digit / quote),
    /// at least two words. Datelines and captions are ruled out by the caller.
    static func isTitleShaped(_ b: [UInt8]) -> Bool {
        guard b.count >= 4, b.count <= maxTitleBytes else { return false }
        guard ByteText.isUpper(b, 0) || ByteText.isDigit(b[0]) || b[0] == 0x22
                || ByteText.matches(b, 0, "\u{00AB}") || ByteText.matches(b, 0, "\u{201C}") else { return false }
        let last = b[b.count - 1]
        // a sentence (or a cut-off one) is not a headline
        if last == 0x2E || last == 0x2C || last == 0x3A || last == 0x3B { return false }
        return b.contains(0x20)
    }

    /// Image alt text glued to its caption: `Headline hinh anh 1Caption…` or `… ảnh 1…`.
    /// Returns the end of the headline and the start of the caption.
    static func altTextMarker(_ b: [UInt8]) -> (titleEnd: Int, captionStart: Int)? {
        var i = 0
        let n = b.count
        while i < n {
            // To the next byte that can start a marker (`h`, `H`, `ả`'s first byte), through
            // the raw bytes: every paragraph of every seed is read here.
            i = b.withUnsafeBufferPointer { p in
                var k = i
                // Eight bytes at a time while none of them can be one.
                while k + 8 <= n {
                    let w = ByteWord.load(p, k)
                    if ByteWord.hasByte(0x68, in: w | 0x2020_2020_2020_2020) || ByteWord.hasByte(0xE1, in: w) { break }
                    k += 8
                }
                while k < n, p[k] | 0x20 != 0x68, p[k] != 0xE1 { k += 1 }
                return k
            }
            guard i < n else { break }
            var after = -1
            if (b[i] == 0x68 || b[i] == 0x48), ByteText.matches(b, i + 1, "inh anh") { after = i + 8 }
            else if b[i] == 0xE1, ByteText.matches(b, i, "\u{1EA3}nh") { after = i + 5 }   // ảnh
            if after >= 0 {
                var j = after
                while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
                let digits = j
                while j < n, ByteText.isDigit(b[j]) { j += 1 }
                if j > digits && (i == 0 || ByteText.whitespaceWidthBefore(b, i) > 0) {
                    let titleEnd = ByteText.trimmed(b, 0, i).upperBound
                    while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
                    return (titleEnd, j)
                }
                i = max(j, i + 1)
                continue
            }
            i += 1
        }
        return nil
    }

    /// A headline from the lead: its first sentence, cut on a word boundary at about
    /// 90 characters with `…` when cut. Never empty.
    static func derive(from lead: String) -> String {
        // first sentence: up to `. `, `? `, `! ` not preceded by a one-letter abbreviation (`M.`)
        var sentence = Substring(lead)
        let scalars = Array(lead.unicodeScalars.prefix(400))
        var k = 0
        while k + 1 < scalars.count {
            let c = scalars[k]
            if (c == "." || c == "?" || c == "!") && (scalars[k + 1] == " " || scalars[k + 1] == "\u{A0}") {
                let oneLetter = k >= 1 && scalars[k - 1].properties.isUppercase && (k == 1 || scalars[k - 2] == " ")
                if !(c == "." && oneLetter) {
                    let idx = lead.unicodeScalars.index(lead.unicodeScalars.startIndex, offsetBy: k)
                    sentence = lead[..<idx]
                    break
                }
            }
            k += 1
        }
        var s = String(sentence)
        while let l = s.last, l == "." || l == " " { s.removeLast() }
        if s.count <= derivedMaxCharacters { return s.isEmpty ? "Sans titre" : s }
        var cut = s.prefix(derivedMaxCharacters - 1)
        if let space = cut.lastIndex(of: " ") { cut = cut[..<space] }
        while let l = cut.last, l == "," || l == ";" || l == ":" || l == " " || l == "\u{A0}" || l == "-" || l == "(" {
            cut.removeLast()
        }
        return String(cut) + "…"
    }
}
