import DispatchModel

/// Repairs scraping damage inside a paragraph.
enum TextRepair {
    /// Puts back the space lost after a full stop between two sentences (`nationale.Il`,
    /// `Li Qiang.Le`, `M.Nguyen` → `M. Nguyen`) while leaving `3.618`, `D.C`, `U.S.`,
    /// URLs and domain names alone. One pass, O(n): URL state is tracked per word instead
    /// of looking back, so a 5 MB line without spaces stays linear.
    static func unglueSentences(_ b: [UInt8]) -> [UInt8] {
        let n = b.count
        guard n > 2 else { return b }
        // Where a space goes (before the byte at each index): rare, so the text is scanned
        // without copying and rebuilt only when there is one.
        let spaces = b.withUnsafeBufferPointer { u -> [Int] in
            var spaces: [Int] = []
            var inURL = false
            var i = 0
            while i < n {
                if !inURL {
                    // Outside a URL only `.`, `@` and `/` change anything: skip to the next.
                    while i < n, u[i] != 0x2E, u[i] != 0x40, u[i] != 0x2F { i += 1 }
                    if i == n { break }
                }
                let c = u[i]
                if c == 0x20 || c == 0x09 || c == 0x0A {
                    inURL = false
                } else if c == 0x40 || (c == 0x2F && i > 0 && u[i - 1] == 0x3A) {
                    inURL = true                                    // e-mail, `http://`
                } else if c == 0x2E && !inURL && i > 0 && i + 1 < n {
                    if i >= 3 && u[i - 3] == 0x77 && u[i - 2] == 0x77 && u[i - 1] == 0x77 { inURL = true }
                    else if startsNewSentence(b, dot: i) { spaces.append(i + 1) }
                }
                i += 1
            }
            return spaces
        }
        return inserting(spaces, into: b)
    }

    /// `b` with a space before the byte at each of `positions` (increasing).
    static func inserting(_ positions: [Int], into b: [UInt8]) -> [UInt8] {
        if positions.isEmpty { return b }
        var out: [UInt8] = []
        out.reserveCapacity(b.count + positions.count)
        var from = 0
        for p in positions {
            out.append(contentsOf: b[from..<p])
            out.append(0x20)
            from = p
        }
        out.append(contentsOf: b[from...])
        return out
    }

    /// Both repairs, in the order that keeps each one simple.
    static func repair(_ b: [UInt8]) -> [UInt8] {
        unglueDigits(unglueSentences(b))
    }

    /// Short French words that scrapers glue to a following number (`de15`, `le20`).
    static let wordsBeforeNumbers: Set<[UInt8]> = Set(["de", "du", "des", "le", "la", "les", "à", "au", "aux", "en",
        "sur", "dans", "pour", "et", "par", "avec", "plus", "contre", "environ", "vers", "depuis", "entre"].map { Array($0.utf8) })

    /// Puts back the space lost between a word and a number: `de15` → `de 15`,
    /// `68,8millions` → `68,8 millions`. Deliberately narrow: only the listed function
    /// words before a number, and only a word of 4+ letters after one, so `G20`, `H5N1`,
    /// `COVID-19`, `5e`, `1er`, `14ème`, `10h30`, `3km` are left as written. URLs are skipped.
    static func unglueDigits(_ b: [UInt8]) -> [UInt8] {
        let n = b.count
        guard n > 2 else { return b }
        // Only the bytes around a digit can take a space, so the scan jumps from digit to
        // digit and works out what it needs by looking back a little: whether a URL is open
        // (an `@` or `/` since the last space, tab, 0xA0 byte or `(`: looked for back to that
        // separator, or to the previous digit, whose answer carries on) and where the word
        // starts (a listed word is at most 7 bytes, so 8 bytes back at most). Each byte is
        // read about once, and a paragraph without digits costs one quick pass.
        let spaces = b.withUnsafeBufferPointer { u -> [Int] in
            var spaces: [Int] = []
            var previous = -1, previousInURL = false
            var d = 0
            while true {
                while d + 8 <= n, !ByteWord.hasDigit(in: ByteWord.load(u, d)) { d += 8 }
                while d < n, u[d] &- 0x30 > 9 { d += 1 }
                if d == n { break }
                var inURL = false, closed = false
                var q = d - 1
                while q > previous {
                    let c = u[q]
                    if c == 0x40 || c == 0x2F { inURL = true; break }
                    if closesURL(c) { closed = true; break }
                    q -= 1
                }
                if !inURL && !closed { inURL = previousInURL }
                if !inURL {
                    // `de15`: the digit after a listed word (separators: those above, `'`, `-`).
                    var k = d - 1
                    while k >= 0, k >= d - 8 {
                        let c = u[k]
                        if startsWordAfter(c) { break }
                        k -= 1
                    }
                    let wordStart = k + 1
                    if wordStart < d, d - wordStart <= 7, ByteText.isLower(b, ByteText.scalarStart(b, before: d)),
                       wordsBeforeNumbers.contains(Array(u[wordStart..<d])) {
                        spaces.append(d)
                    }
                    // `8millions`: four small letters or more after the last digit of a number.
                    let i = d + 1
                    if i < n, Self.startsGluedWord(u[i]), ByteText.isLower(b, i), u[i] != 0x65, !ByteText.matches(b, i, "\u{E8}") {
                        var j = i, letters = 0
                        while j < n, letters < 4, ByteText.isLower(b, j) { j += ByteText.scalar(b, j).1; letters += 1 }
                        if letters >= 4 { spaces.append(i) }
                    }
                }
                previous = d
                previousInURL = inURL
                d += 1
            }
            return spaces
        }
        return inserting(spaces, into: b)
    }

    /// Space, tab, a 0xA0 byte (alone or inside a character) or `(`: a URL ends there, and a
    /// word starts after it.
    @inline(__always) private static func closesURL(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x28 }

    /// A byte a word starts after: those above, `'` and `-` (which do not end a URL).
    @inline(__always) private static func startsWordAfter(_ c: UInt8) -> Bool { closesURL(c) || c == 0x27 || c == 0x2D }

    /// A byte after a digit that may start a glued word: not a separator, `@`, `/` or digit
    /// (which the scan handles on their own).
    @inline(__always) private static func startsGluedWord(_ c: UInt8) -> Bool {
        !(startsWordAfter(c) || c == 0x40 || c == 0x2F || (c &- 0x30) <= 9)
    }

    static func startsNewSentence(_ b: [UInt8], dot i: Int) -> Bool {
        let prevStart = ByteText.scalarStart(b, before: i)
        let prevIsLetter = ByteText.isLetter(b, prevStart)
        let p = b[i - 1]
        let prevClosing = p == 0x29 || p == 0x22 || (p == 0xBB && i >= 2 && b[i - 2] == 0xC2)
        guard prevIsLetter || prevClosing else { return false }
        guard ByteText.isUpper(b, i + 1) else { return false }
        let j = i + 1 + ByteText.scalar(b, i + 1).1
        // `Il`, `Le`, `Nguyen`: a capital then a small letter starts a word
        if ByteText.isLower(b, j) { return true }
        // `pays.À cette`, `pays.L'ambassadeur`: one capital letter as a word, but only after
        // a lowercase letter (so `D.C` and `U.S.` stay as they are)
        if ByteText.isLower(b, prevStart) {
            if j >= b.count || b[j] == 0x20 || b[j] == 0x27 { return true }
            if ByteText.matches(b, j, "\u{2019}") { return true }
        }
        return false
    }

    /// Whitespace-insensitive equality, for spotting a lead repeated as the first body
    /// paragraph (the copy may differ in spaces or NBSPs).
    static func sameText(_ a: [UInt8], _ b: [UInt8]) -> Bool {
        var i = 0, j = 0
        while true {
            while i < a.count, ByteText.whitespaceWidth(a, i) > 0 { i += ByteText.whitespaceWidth(a, i) }
            while j < b.count, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
            if i == a.count || j == b.count { return i == a.count && j == b.count }
            if a[i] != b[j] { return false }
            i += 1; j += 1
        }
    }
}
