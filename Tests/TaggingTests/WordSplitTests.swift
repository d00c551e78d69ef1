import Testing
import TestSupport
@testable import Tagging

/// `Tokenizer.forEachWord` reads ASCII through a class table, letters and digits a run at a
/// time; this compares it, on random text made of the bytes it treats specially, with the
/// byte-by-byte definition it replaced.
@Suite struct WordSplitTests {
    static let pieces = ["a", "Le", "é", "À", " ", "\t", "-", "'", "\u{2019}", "\u{2018}", "l'", "d\u{2019}", "3", "COVID-19",
                         "Minh-Ville", "×", "÷", "«", "»", "\u{A0}", "\u{202F}", "…", "–", "、", "ệ", "😀", ".", ",", "(", "x-"]

    static func reference(_ u: UnsafeBufferPointer<UInt8>) -> [[UInt8]] {
        var out: [[UInt8]] = []
        var start = -1, end = -1
        func flush() {
            if start >= 0 && end > start { out.append(Array(u[start..<end])) }
            start = -1
            end = -1
        }
        var i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            let len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let word: Bool
            var apostrophe = false
            if b < 0x80 {
                word = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                apostrophe = b == 0x27
            } else if len == 2 {
                let b1 = i + 1 < n ? u[i + 1] : 0
                word = b != 0xC2 && !(b == 0xC3 && (b1 == 0x97 || b1 == 0xB7))
            } else if len == 3 {
                let b1 = i + 1 < n ? u[i + 1] : 0
                word = !((b == 0xE2 && (b1 == 0x80 || b1 == 0x81)) || (b == 0xE3 && b1 == 0x80))
                apostrophe = b == 0xE2 && b1 == 0x80 && i + 2 < n && u[i + 2] == 0x99
            } else {
                word = true
            }
            if word {
                if start < 0 { start = i }
                end = min(i + len, n)
            } else if b == 0x2D && start >= 0 {
            } else if apostrophe {
                start = -1; end = -1
            } else {
                flush()
            }
            i += len
        }
        flush()
        return out
    }

    @Test func wordsMatchTheByteByByteDefinition() {
        var rng = SeededRandom(seed: 31)
        var words = 0
        for _ in 0..<20000 {
            let text = Array(rng.text(from: Self.pieces, count: 1 + rng.below(14)).utf8)
            text.withUnsafeBufferPointer { u in
                var got: [[UInt8]] = []
                Tokenizer.forEachWord(u) { got.append(Array($0)) }
                #expect(got == Self.reference(u), "\(text)")
                words += got.count
            }
        }
        #expect(words > 20000)
    }
}
