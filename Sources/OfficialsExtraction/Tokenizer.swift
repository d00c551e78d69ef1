import DispatchModel

/// One word, number or punctuation mark of a paragraph.
struct Token {
    enum Kind: UInt8 { case word, number, punct }
    var kind: Kind
    /// As written; typographic apostrophes become `'`, glued words are already split.
    var text: String
    /// Folded and lowercased (`TextFolding.key`).
    var key: String
    /// First letter is uppercase.
    var cap: Bool
    /// Two or more letters, all uppercase (`PCC`).
    var allCaps: Bool
    /// Whitespace before this token in the source.
    var spaceBefore: Bool
    /// First word of a sentence.
    var sentenceStart: Bool
    /// Count of non-ASCII scalars (diacritics), to rank spellings.
    var accents: Int
    /// Role head kind (`Lexicon.headKeys`): 0 none, 1 head, 2 head before `ministre`.
    var head: UInt8 = 0
    /// A capitalised word that is never part of a name (`Lexicon.nonName`).
    var nonName: Bool = false

    mutating func classify() {
        guard kind == .word, !allCaps || cap else { return }
        var k = key
        k.withUTF8 { u in
            if !allCaps { head = Lexicon.headKind(u) }
            if cap { nonName = Lexicon.nonNameTable[u] != nil }
        }
    }

    var isWord: Bool { kind == .word }
    var isCapWord: Bool { kind == .word && cap }
    func isPunct(_ c: String) -> Bool { kind == .punct && text == c }
}

/// Splits text into tokens in one pass over its scalars; no regular expressions.
enum Tokenizer {
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
        if v < 0xC0 || v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v <= 0x2BFF { return false }
        if v >= 0x3000 && v <= 0x303F { return false }
        if v == 0xFEFF { return false }
        return true
    }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
    @inline(__always) static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x2BC
    }
    @inline(__always) static func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0x2011 }
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 32 || v == 9 || v == 10 || v == 13 || v == 0xA0 || v == 0x202F || v == 0x2009 || v == 0xFEFF
    }
    @inline(__always) static func isUpper(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 65 && v <= 90 }
        return u.properties.isUppercase
    }
    @inline(__always) static func isLower(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 97 && v <= 122 }
        return u.properties.isLowercase
    }

    /// Uppercase test without the Unicode property tables for the Latin letters that occur.
    @inline(__always) static func isUpperValue(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 65 && v <= 90 }
        if v < 0xC0 { return false }
        if v <= 0xDE { return v != 0xD7 }
        if v < 0x100 { return false }
        if v < 0x180 {
            if v <= 0x137 { return v & 1 == 0 }
            if v == 0x138 || v == 0x149 { return false }
            if v <= 0x148 { return v & 1 == 1 }
            if v <= 0x177 { return v & 1 == 0 }
            if v == 0x178 { return true }
            return v <= 0x17E && v & 1 == 1
        }
        if v == 0x1A0 || v == 0x1AF { return true }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 0 }
        return Unicode.Scalar(v).map { $0.properties.isUppercase } ?? false
    }
    @inline(__always) static func isLowerValue(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 97 && v <= 122 }
        if v < 0xC0 { return false }
        if (v >= 0xDF && v <= 0xFF) { return v != 0xF7 }
        if v < 0x180 { return !isUpperValue(v) }
        if v == 0x1A1 || v == 0x1B0 { return true }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 1 }
        return Unicode.Scalar(v).map { $0.properties.isLowercase } ?? false
    }

    /// Decodes the scalar at `i` of valid UTF-8 (Swift strings are): value and byte length.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, 1) }
        if c0 < 0xE0 { return ((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c0 < 0xF0 { return ((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    static func tokenize(_ text: String) -> [Token] {
        var text = text
        return text.withUTF8 { tokenize(utf8: $0) }
    }

    static func tokenize(utf8 b: UnsafeBufferPointer<UInt8>) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(b.count / 6)
        var i = 0
        var space = false
        var sentenceStart = true
        let n = b.count
        while i < n {
            let (v, len) = decode(b, i)
            if isSpace(v) { space = true; i += len; continue }
            if isLetter(v) {
                // a word: letters, digits, inner hyphens; split at `lowerUpper` (TranKim).
                // The counts `appendWord` needs are taken in this one pass over the scalars.
                var segStart = i
                var j = i + len
                var lettersInSeg = 1
                var stats = WordStats(first: v)
                var prevLower = isLowerValue(v)
                while j < n {
                    let (w, wl) = decode(b, j)
                    if isLetter(w) || isDigit(w) || (w >= 0x300 && w <= 0x36F) {
                        let up = isUpperValue(w)
                        if lettersInSeg >= 3, up, prevLower {
                            appendWord(b, segStart, j, stats, &out, space, &sentenceStart)
                            space = true // undone glue reads as a space
                            segStart = j
                            lettersInSeg = 0
                            stats = WordStats(cap: true)
                        }
                        prevLower = !up && isLowerValue(w)
                        stats.add(w, upper: up, lower: prevLower)
                        lettersInSeg += 1
                        j += wl
                    } else if isHyphen(w), j + wl < n, isLetter(decode(b, j + wl).0) {
                        stats.add(w, upper: false, lower: false)
                        lettersInSeg = 0
                        prevLower = false
                        j += wl
                    } else {
                        break
                    }
                }
                appendWord(b, segStart, j, stats, &out, space, &sentenceStart)
                space = false
                i = j
                continue
            }
            if isDigit(v) {
                var j = i + 1
                while j < n {
                    let w = UInt32(b[j])
                    if isDigit(w) { j += 1 }
                    else if (w == 46 || w == 44), j + 1 < n, isDigit(UInt32(b[j + 1])) { j += 2 }
                    else if (w | 0x20) == 101, j - i < 4, j + 1 >= n || !isLetter(UInt32(b[j + 1])) { j += 1 } // 15e
                    else { break }
                }
                let t = String(decoding: UnsafeBufferPointer(rebasing: b[i..<j]), as: UTF8.self)
                out.append(Token(kind: .number, text: t, key: t, cap: false, allCaps: false,
                                 spaceBefore: space, sentenceStart: false, accents: 0))
                sentenceStart = false
                space = false
                i = j
                continue
            }
            // punctuation: one scalar per token
            let p: String
            if isApostrophe(v) { p = "'" }
            else if v == 0x2013 || v == 0x2014 { p = "–" }
            else if isHyphen(v) { p = "-" }
            else if v == 0x2026 { p = "…" }
            else if v < 0x80 { p = String(UnicodeScalar(UInt8(v))) }
            else { p = String(decoding: UnsafeBufferPointer(rebasing: b[i..<(i + len)]), as: UTF8.self) }
            if v == 46 || v == 33 || v == 63 || v == 0x2026 {
                // a full stop after `M` or a single capital (`D.C`, `U.S.`) is no sentence end
                var abbreviation = false
                if v == 46, let last = out.last, last.kind == .word {
                    if Lexicon.honorifics.contains(last.key) { abbreviation = true }
                    else if last.text.utf8.count == 1 && last.cap { abbreviation = true }
                }
                if !abbreviation { sentenceStart = true }
            }
            if v == 124 { sentenceStart = true } // `|`
            out.append(Token(kind: .punct, text: p, key: p, cap: false, allCaps: false,
                             spaceBefore: space, sentenceStart: false, accents: 0))
            space = false
            i += len
        }
        return out
    }

    /// `TextFolding.key` of Latin scalars below U+2000, precomputed from it: up to two
    /// lowercase ASCII bytes packed (low byte first); 0xFFFF = drop (combining mark);
    /// 0 = not foldable here.
    static let foldTable: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x2000)
        for v in 0..<0x80 {
            t[v] = UInt16((v >= 65 && v <= 90) ? v + 32 : v)
        }
        for v in 0x80..<0x2000 {
            if v >= 0x300 && v <= 0x36F { t[v] = 0xFFFF; continue }
            guard let u = Unicode.Scalar(v) else { continue }
            let f = Array(TextFolding.key(String(Character(u))).utf8)
            if f.count == 1 && f[0] < 0x80 { t[v] = UInt16(f[0]) }
            else if f.count == 2 && f[0] < 0x80 && f[1] < 0x80 { t[v] = UInt16(f[0]) | UInt16(f[1]) << 8 }
        }
        return t
    }()

    /// Folded, lowercased key of a word whose scalars the table covers; nil otherwise.
    static func foldedKey(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int) -> String? {
        let table = foldTable
        // On the stack: this runs for every word with a diacritic of every dispatch.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 2 * (e - a)) { out -> String? in
            var n = 0
            var k = a
            while k < e {
                let (v, l) = decode(b, k)
                k += l
                guard v < 0x2000 else { return nil }
                let f = table[Int(v)]
                if f == 0xFFFF { continue }
                if f == 0 { return nil }
                out[n] = UInt8(f & 0xFF); n += 1
                if f > 0xFF { out[n] = UInt8(f >> 8); n += 1 }
            }
            return String(decoding: UnsafeBufferPointer(rebasing: out[0..<n]), as: UTF8.self)
        }
    }

    /// What `appendWord` needs to know of a word's scalars, counted while it is scanned.
    struct WordStats {
        var upper = 0, lower = 0
        /// Scalars at or above U+0080: the word is ASCII when there are none.
        var accents = 0
        /// Its first letter is uppercase.
        var cap: Bool

        init(cap: Bool) { self.cap = cap }

        init(first v: UInt32) {
            cap = isUpperValue(v)
            add(v, upper: cap, lower: !cap && isLowerValue(v))
        }

        @inline(__always) mutating func add(_ v: UInt32, upper up: Bool, lower low: Bool) {
            if v >= 0x80 { accents += 1 }
            if up { upper += 1 } else if low { lower += 1 }
        }
    }

    private static func appendWord(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int, _ stats: WordStats,
                                   _ out: inout [Token], _ space: Bool, _ sentenceStart: inout Bool) {
        let ascii = stats.accents == 0
        let accents = stats.accents
        let upper = stats.upper, lower = stats.lower
        let bytes = UnsafeBufferPointer(rebasing: b[a..<e])
        let textStr = String(decoding: bytes, as: UTF8.self)
        let keyStr: String
        if ascii {
            keyStr = upper == 0 ? textStr : String(unsafeUninitializedCapacity: e - a) { buf in
                for (x, c) in bytes.enumerated() { buf[x] = (c >= 65 && c <= 90) ? c + 32 : c }
                return e - a
            }
        } else {
            keyStr = foldedKey(b, a, e) ?? TextFolding.key(textStr)
        }
        let cap = stats.cap
        var tok = Token(kind: .word, text: textStr, key: keyStr, cap: cap,
                        allCaps: upper >= 2 && lower == 0, spaceBefore: space,
                        sentenceStart: sentenceStart, accents: accents)
        sentenceStart = false
        tok.classify()
        // glued role words: `Premierministre` -> `Premier` `ministre` (a word that is a head
        // itself is never cut; `classify` looked that up already)
        var gluedCut: Int? = nil
        if keyStr.utf8.count >= 9, !tok.allCaps, tok.head == 0 {
            var k = keyStr
            gluedCut = k.withUTF8 { Lexicon.gluedTable[$0] }
        }
        if let cut = gluedCut,
           textStr.unicodeScalars.count == keyStr.unicodeScalars.count {
            let scalars = Array(textStr.unicodeScalars)
            var first = String.UnicodeScalarView(); first.append(contentsOf: scalars[0..<cut])
            var second = String.UnicodeScalarView(); second.append(contentsOf: scalars[cut...])
            let f = String(first), sc = String(second)
            tok.text = f
            tok.key = String(keyStr.unicodeScalars.prefix(cut))
            tok.accents = f.unicodeScalars.filter { $0.value >= 0x80 }.count
            tok.classify()
            out.append(tok)
            var second2 = Token(kind: .word, text: sc, key: String(keyStr.unicodeScalars.dropFirst(cut)), cap: false, allCaps: false,
                                spaceBefore: true, sentenceStart: false,
                                accents: sc.unicodeScalars.filter { $0.value >= 0x80 }.count)
            second2.classify()
            out.append(second2)
            return
        }
        out.append(tok)
    }
}
