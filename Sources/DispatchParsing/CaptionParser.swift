import DispatchModel

/// A photo credit found in a line.
struct CreditMatch {
    /// Where the credit starts (`P` of `Photo`, or the `(` of `(Photo: …)`).
    var start: Int
    /// The credit as written, without surrounding parentheses: `Photo : VNA/CVN`.
    var credit: String
    /// First index after the credit (after `)` for the bracketed forms).
    var end: Int
}

/// Finds photo credits: `Photo : VNA`, `Photo: AFP/VNA`, `Photo : Name/VNA/CVN`,
/// `Photo d'illustration : VNA`, `(Photo: …)`, `(Source: VNA)`, with a space, NBSP or
/// nothing before the colon. A credit may end a caption, stand alone, or run straight into
/// the body (`… Photo : VNA Le ministre a …`), so the credit's own extent is decided by
/// its shape, not by the end of the line.
enum CaptionParser {
    static let maxTokenBytes = 48
    static let maxBracketBytes = 120

    /// The first credit at or after `from` in `b[from..<end]`. Linear: each position is
    /// looked at a bounded number of times.
    static func firstCredit(_ b: [UInt8], from: Int, to end: Int) -> CreditMatch? {
        b.withUnsafeBufferPointer { u in
            var i = from
            while i < end {
                // Every line of every dispatch is searched: eight bytes at a time to the next
                // `P` or `(`.
                if i + 8 <= end {
                    let w = ByteWord.load(u, i)
                    if !ByteWord.hasByte(0x50, in: w) && !ByteWord.hasByte(0x28, in: w) { i += 8; continue }
                }
                let c = u[i]
                if c == 0x50, atWordStart(b, i, from), let m = plainCredit(b, i, end) { return m }
                if c == 0x28, let m = bracketCredit(b, i, end) { return m }
                i += 1
            }
            return nil
        }
    }

    static func atWordStart(_ b: [UInt8], _ i: Int, _ lo: Int) -> Bool {
        if i == lo { return true }
        let p = b[i - 1]
        return p == 0x20 || p == 0x09 || p == 0xA0 || p == 0x7C || p == 0x2E || p == 0x2C || p == 0x2D
    }

    /// After `Photo` (or `Source`): optional ` d'illustration`, optional space/NBSP, `:`,
    /// spaces. Returns the index of the credit value.
    static func afterLabel(_ b: [UInt8], _ i: Int, _ end: Int) -> Int? {
        var j: Int
        if ByteText.matches(b, i, "Photo") { j = i + 5 }
        else if ByteText.matches(b, i, "Source") { j = i + 6 }
        else { return nil }
        if j < end, ByteText.isLetterASCII(b[j]) { return nil }   // `Photographie`
        // ` d'illustration`, ` d’archives`
        let labelEnd = j
        if ByteText.matches(b, j, " d'") { j += 3 }
        else if ByteText.matches(b, j, " d\u{2019}") { j += 5 }
        if j > labelEnd {
            var k = j
            while k < end, k - j < 16, ByteText.isLetter(b, k) { k += ByteText.scalar(b, k).1 }
            if k == j { return nil }
            j = k
        }
        var spaces = 0
        while j < end, spaces < 3, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j); spaces += 1 }
        guard j < end, b[j] == 0x3A else { return nil }
        j += 1
        while j < end, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
        return j
    }

    static func plainCredit(_ b: [UInt8], _ i: Int, _ end: Int) -> CreditMatch? {
        guard ByteText.matches(b, i, "Photo"), let v = afterLabel(b, i, end), v < end,
              !ByteText.isLower(b, v), ByteText.isLetter(b, v) || ByteText.isDigit(b[v]) else { return nil }
        // The value: `VNA`, `VNA/CVN`, `Lam Khanh/VNA`. Up to four capitalised words may
        // precede a `/` (a photographer's name); without a `/` the value is one word,
        // unless the line ends within three capitalised words (`Photo : Lam Khanh`).
        var tokens: [Range<Int>] = []
        var k = v
        while tokens.count < 5 && k < end {
            var t = k
            while t < end, b[t] != 0x20, b[t] != 0x7C, ByteText.whitespaceWidth(b, t) == 0 {
                t += 1
                if t - k > maxTokenBytes { return nil }
            }
            if t == k { break }
            tokens.append(k..<t)
            k = t
            guard k < end, b[k] == 0x20 else { break }
            k += 1
        }
        guard !tokens.isEmpty else { return nil }
        var last = 0
        if let slash = tokens.firstIndex(where: { b[$0].contains(0x2F) }),
           tokens[0..<slash].allSatisfy({ ByteText.isUpper(b, $0.lowerBound) }),
           endsWithAgency(b, tokens[slash]) {
            last = slash
        } else {
            var restEmpty = true
            var j = tokens.last!.upperBound
            while j < end { if b[j] != 0x20 && b[j] != 0x7C && ByteText.whitespaceWidth(b, j) == 0 { restEmpty = false; break }; j += 1 }
            if restEmpty && tokens.count <= 3 && tokens.allSatisfy({ ByteText.isUpper(b, $0.lowerBound) }) {
                last = tokens.count - 1
            }
        }
        var stop = tokens[last].upperBound
        // sentence punctuation after the credit belongs to no one
        while stop > v, b[stop - 1] == 0x2E || b[stop - 1] == 0x2C || b[stop - 1] == 0x3B { stop -= 1 }
        guard stop > v else { return nil }
        return CreditMatch(start: i, credit: ByteText.string(b[i..<stop]), end: tokens[last].upperBound)
    }

    /// `…/VNA`, `…/CVN`, `…/AFP`, `…/Vietnam+`: a credit's last part is an agency (capitals)
    /// or a site name with `+`. `Vietnam/Laos` in a sentence is not a credit.
    static func endsWithAgency(_ b: [UInt8], _ token: Range<Int>) -> Bool {
        var end = token.upperBound
        while end > token.lowerBound, b[end - 1] == 0x2E || b[end - 1] == 0x2C || b[end - 1] == 0x3B { end -= 1 }
        guard let slash = b[token.lowerBound..<end].lastIndex(of: 0x2F), slash + 1 < end else { return false }
        let last = b[(slash + 1)..<end]
        return last.contains(0x2B) || last.allSatisfy { ByteText.isUpperASCII($0) || ByteText.isDigit($0) }
    }

    static func bracketCredit(_ b: [UInt8], _ i: Int, _ end: Int) -> CreditMatch? {
        guard ByteText.matches(b, i + 1, "Photo") || ByteText.matches(b, i + 1, "Source"),
              let v = afterLabel(b, i + 1, end), v < end else { return nil }
        var k = v
        while k < end, k - i <= maxBracketBytes {
            if b[k] == 0x29 {
                let inner = ByteText.trimmed(b, i + 1, k)
                return CreditMatch(start: i, credit: ByteText.string(b[inner]), end: k + 1)
            }
            if b[k] == 0x28 { return nil }
            k += 1
        }
        return nil
    }
}
