import Testing
import TestSupport
@testable import DispatchParsing

/// Line joining and the two repairs copy plain bytes a run at a time and rebuild a paragraph
/// only where they insert a space. These compare them, on random text made of the bytes they
/// treat specially, with the byte-by-byte definitions they replaced.
@Suite struct RunCopyTests {
    static let pieces = ["a", "Le", "é", "À", " ", "  ", "\t", ".", "..", "Il", "3", "15", "de", "le", "millions",
                         "www", "http:/", "/", "@", "(", "'", "-", "\u{A0}", "\u{202F}", ":", "?", "«", "»", "\u{2019}",
                         "e", "è", "U", "S", "x", "ệ", "M.Nguyen", "pays.L'", "à", "environ", "depuis", "2020", "1er"]

    /// `LineReader.appendNormalized` as it was, one byte at a time.
    static func referenceNormalized(_ s: ArraySlice<UInt8>, to out: inout [UInt8]) {
        if !out.isEmpty && out.last != 0x20 { out.append(0x20) }
        var lastSpace = out.isEmpty || out.last == 0x20
        var i = s.startIndex
        let end = s.endIndex
        func keeps(_ after: Int, _ written: [UInt8]) -> Bool {
            var j = after
            while j < end, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
            if j < end {
                let n = s[j]
                if n == 0x3A || n == 0x3B || n == 0x3F || n == 0x21 { return true }
                if n == 0xC2, j + 1 < end, s[j + 1] == 0xBB { return true }
                if n >= 0x30 && n <= 0x39, let p = written.last, p >= 0x30 && p <= 0x39 { return true }
            }
            return written.count >= 2 && written[written.count - 2] == 0xC2 && written[written.count - 1] == 0xAB
        }
        while i < end {
            let c = s[i]
            if c == 0x20 || c == 0x09 {
                if !lastSpace { out.append(0x20); lastSpace = true }
                i += 1
                continue
            }
            let nbsp = (c == 0xC2 && i + 1 < end && s[i + 1] == 0xA0) ? 2
                : (c == 0xE2 && i + 2 < end && s[i + 1] == 0x80 && s[i + 2] == 0xAF) ? 3 : 0
            if nbsp > 0 {
                if keeps(i + nbsp, out) {
                    if lastSpace, out.last == 0x20 { out.removeLast() }
                    out.append(contentsOf: s[i..<(i + nbsp)])
                    lastSpace = true
                } else if !lastSpace {
                    out.append(0x20)
                    lastSpace = true
                }
                i += nbsp
                continue
            }
            out.append(c)
            lastSpace = false
            i += 1
        }
        while out.last == 0x20 { out.removeLast() }
    }

    @Test func lineJoiningMatchesTheByteByByteDefinition() {
        var rng = SeededRandom(seed: 21)
        for _ in 0..<4000 {
            let first = Array(rng.text(from: Self.pieces, count: rng.below(4)).utf8)
            let line = Array(rng.text(from: Self.pieces, count: 1 + rng.below(30)).utf8)
            var expected = first, got = first
            Self.referenceNormalized(line[...], to: &expected)
            LineReader.appendNormalized(line[...], to: &got)
            #expect(got == expected, "\(first) + \(line)")
        }
    }

    /// Both repairs as they were: the text copied byte by byte, a space appended where needed.
    static func referenceSentences(_ b: [UInt8]) -> [UInt8] {
        let n = b.count
        guard n > 2, b.contains(0x2E) else { return b }
        var out: [UInt8] = []
        var inURL = false
        for i in 0..<n {
            let c = b[i]
            out.append(c)
            if c == 0x20 || c == 0x09 || c == 0x0A {
                inURL = false
            } else if c == 0x40 || (c == 0x2F && i > 0 && b[i - 1] == 0x3A) {
                inURL = true
            } else if c == 0x2E && !inURL && i > 0 && i + 1 < n {
                if i >= 3 && b[i - 3] == 0x77 && b[i - 2] == 0x77 && b[i - 1] == 0x77 { inURL = true }
                else if TextRepair.startsNewSentence(b, dot: i) { out.append(0x20) }
            }
        }
        return out
    }

    static func referenceDigits(_ b: [UInt8]) -> [UInt8] {
        let n = b.count
        guard n > 2, b.contains(where: ByteText.isDigit) else { return b }
        var out: [UInt8] = []
        var wordStart = 0
        var inURL = false
        for i in 0..<n {
            let c = b[i]
            if c == 0x20 || c == 0x09 || c == 0xA0 || c == 0x27 || c == 0x28 || c == 0x2D {
                wordStart = i + 1
                if c != 0x27 && c != 0x2D { inURL = false }
            } else if c == 0x40 || c == 0x2F {
                inURL = true
            } else if !inURL && i > wordStart {
                let p = b[i - 1]
                if ByteText.isDigit(c), ByteText.isLower(b, ByteText.scalarStart(b, before: i)),
                   i - wordStart <= 7, TextRepair.wordsBeforeNumbers.contains(Array(b[wordStart..<i])) {
                    out.append(0x20)
                } else if ByteText.isDigit(p), ByteText.isLower(b, i), c != 0x65, !ByteText.matches(b, i, "\u{E8}") {
                    var j = i, letters = 0
                    while j < n, letters < 4, ByteText.isLower(b, j) { j += ByteText.scalar(b, j).1; letters += 1 }
                    if letters >= 4 { out.append(0x20) }
                }
            }
            out.append(c)
        }
        return out
    }

    @Test func repairsMatchTheByteByByteDefinitions() {
        var rng = SeededRandom(seed: 22)
        var inserted = 0, digitsInserted = 0
        for _ in 0..<20000 {
            let text = Array(rng.text(from: Self.pieces, count: 1 + rng.below(16)).utf8)
            let sentences = TextRepair.unglueSentences(text)
            #expect(sentences == Self.referenceSentences(text), "\(text)")
            let digits = TextRepair.unglueDigits(text)
            #expect(digits == Self.referenceDigits(text), "\(text)")
            if sentences.count > text.count { inserted += 1 }
            if digits.count > text.count { digitsInserted += 1 }
        }
        // The random texts do exercise the insertions, not only the copies.
        #expect(inserted > 100)
        #expect(digitsInserted > 100)
    }
}
