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

    static func tokenize(_ text: String) -> [Token] {
        let s = Array(text.unicodeScalars)
        var out: [Token] = []
        out.reserveCapacity(s.count / 5)
        var i = 0
        var space = false
        var sentenceStart = true
        let n = s.count
        while i < n {
            let v = s[i].value
            if isSpace(v) { space = true; i += 1; continue }
            if isLetter(v) {
                // a word: letters, digits, inner hyphens; split at `lowerUpper` (TranKim)
                var segStart = i
                var j = i + 1
                var lettersInSeg = 1
                while j < n {
                    let w = s[j].value
                    if isLetter(w) || isDigit(w) || (w >= 0x300 && w <= 0x36F) {
                        if lettersInSeg >= 3, isUpper(s[j]), isLower(s[j - 1]) {
                            // glued words: emit the first part
                            appendWord(s, segStart, j, &out, space, &sentenceStart)
                            space = true // undone glue reads as a space
                            segStart = j
                            lettersInSeg = 0
                        }
                        lettersInSeg += 1
                        j += 1
                    } else if isHyphen(w), j + 1 < n, isLetter(s[j + 1].value) {
                        lettersInSeg = 0
                        j += 1
                    } else {
                        break
                    }
                }
                appendWord(s, segStart, j, &out, space, &sentenceStart)
                space = false
                i = j
                continue
            }
            if isDigit(v) {
                var j = i + 1
                while j < n {
                    let w = s[j].value
                    if isDigit(w) { j += 1 }
                    else if (w == 46 || w == 44), j + 1 < n, isDigit(s[j + 1].value) { j += 2 }
                    else if w < 0x80 && isLetter(w), j + 1 < n, !isDigit(s[j + 1].value) && j - i < 4 && (w | 0x20) == 101 { j += 1 } // 15e
                    else { break }
                }
                var str = String.UnicodeScalarView()
                str.append(contentsOf: s[i..<j])
                let t = String(str)
                out.append(Token(kind: .number, text: t, key: t, cap: false, allCaps: false,
                                 spaceBefore: space, sentenceStart: false, accents: 0))
                sentenceStart = false
                space = false
                i = j
                continue
            }
            // punctuation: one scalar per token
            var p: String
            if isApostrophe(v) { p = "'" }
            else if v == 0x2013 || v == 0x2014 { p = "–" }
            else if isHyphen(v) { p = "-" }
            else if v == 0x2026 { p = "…" }
            else { p = String(Character(s[i])) }
            if v == 46 || v == 33 || v == 63 || v == 0x2026 {
                // a full stop after `M` or a single capital (`D.C`, `U.S.`) is no sentence end
                var abbreviation = false
                if v == 46, let last = out.last, last.kind == .word, !last.spaceBefore || true {
                    if Lexicon.honorifics.contains(last.key) { abbreviation = true }
                    else if last.text.unicodeScalars.count == 1 && last.cap { abbreviation = true }
                }
                if !abbreviation { sentenceStart = true }
            }
            if p == "|" { sentenceStart = true }
            out.append(Token(kind: .punct, text: p, key: p, cap: false, allCaps: false,
                             spaceBefore: space, sentenceStart: false, accents: 0))
            space = false
            i += 1
        }
        return out
    }

    private static func appendWord(_ s: [Unicode.Scalar], _ a: Int, _ b: Int, _ out: inout [Token],
                                   _ space: Bool, _ sentenceStart: inout Bool) {
        var text = String.UnicodeScalarView()
        var key = String.UnicodeScalarView()
        var ascii = true
        var accents = 0
        var upper = 0, lower = 0
        for k in a..<b {
            let u = s[k]
            let v = u.value
            text.append(u)
            if v < 0x80 {
                if v >= 65 && v <= 90 { upper += 1; key.append(Unicode.Scalar(v + 32)!) }
                else { if v >= 97 && v <= 122 { lower += 1 }; key.append(u) }
            } else {
                ascii = false
                accents += 1
                if u.properties.isUppercase { upper += 1 } else if u.properties.isLowercase { lower += 1 }
            }
        }
        let textStr = String(text)
        let keyStr = ascii ? String(key) : TextFolding.key(textStr)
        let cap = isUpper(s[a])
        var tok = Token(kind: .word, text: textStr, key: keyStr, cap: cap,
                        allCaps: upper >= 2 && lower == 0, spaceBefore: space,
                        sentenceStart: sentenceStart, accents: accents)
        sentenceStart = false
        // glued role words: `Premierministre` -> `Premier` `ministre`
        if keyStr.utf8.count >= 9, !tok.allCaps, !Lexicon.roleHeads.contains(keyStr) {
            for prefix in Lexicon.gluedPrefixes where keyStr.hasPrefix(prefix) {
                let rest = String(keyStr.dropFirst(prefix.count))
                if Lexicon.gluedSecond.contains(rest), textStr.unicodeScalars.count == keyStr.unicodeScalars.count {
                    let scalars = Array(textStr.unicodeScalars)
                    var first = String.UnicodeScalarView(); first.append(contentsOf: scalars[0..<prefix.count])
                    var second = String.UnicodeScalarView(); second.append(contentsOf: scalars[prefix.count...])
                    let f = String(first), sc = String(second)
                    tok.text = f
                    tok.key = prefix
                    tok.accents = f.unicodeScalars.filter { $0.value >= 0x80 }.count
                    out.append(tok)
                    out.append(Token(kind: .word, text: sc, key: rest, cap: false, allCaps: false,
                                     spaceBefore: true, sentenceStart: false,
                                     accents: sc.unicodeScalars.filter { $0.value >= 0x80 }.count))
                    return
                }
            }
        }
        out.append(tok)
    }
}
