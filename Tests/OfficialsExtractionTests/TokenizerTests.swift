import Testing
import DispatchModel
@testable import OfficialsExtraction

@Suite struct TokenizerTests {
    @Test func keysMatchTextFolding() {
        let words = ["Nguyễn", "Đặng", "coopération", "Œuvre", "Straße", "Ærø", "Hanoï", "Tô", "Lâm", "QUÂN",
                     "Nguye\u{0302}\u{0303}n", "Αθήνα", "Ελλάδα", "vice-présidente", "Minh-Ville"]
        for w in words {
            let t = Tokenizer.tokenize(w)
            #expect(t.count == 1)
            #expect(t.first?.key == TextFolding.key(w), "\(w)")
            #expect(t.first?.text == w)
        }
    }

    @Test func sentencesAbbreviationsAndGlue() {
        let t = Tokenizer.tokenize("nationale.Il a vu M.Nguyen à Washington D.C. le 3.618 TranKim Chung l’Premierministre")
        #expect(t.map(\.text) == ["nationale", ".", "Il", "a", "vu", "M", ".", "Nguyen", "à", "Washington", "D", ".", "C", ".",
                                  "le", "3.618", "Tran", "Kim", "Chung", "l", "'", "Premier", "ministre"])
        #expect(t[2].sentenceStart)      // `Il` after a glued full stop
        #expect(!t[7].sentenceStart)     // `Nguyen` after `M.`
        #expect(!t[12].sentenceStart)    // `C` after `D.`
        #expect(t.first { $0.text == "Tran" }!.cap)
    }

    /// A glued role word with diacritics splits at the same scalar in its text and its key,
    /// and the parts' byte ranges, keys and accent counts are those of the words apart.
    @Test func gluedWordWithDiacriticsSplitsOnScalars() {
        let t = Tokenizer.tokenize("le Secrétairegénéral Lê")
        #expect(t.map(\.text) == ["le", "Secrétaire", "général", "Lê"])
        #expect(t.map(\.key) == ["le", "secretaire", "general", "le"])
        #expect(t.map(\.accents) == [0, 1, 2, 1])
        #expect(t[1].token.head == 1 && t[1].cap && !t[2].cap && t[2].spaceBefore)
    }

    /// Keys are interned once per dispatch: equal keys have equal ids in every paragraph, so
    /// the extractor compares names across paragraphs by id.
    @Test func keysAreSharedAcrossParagraphs() {
        let texts = TokenizedTexts(["Le ministre Nguyen Van Binh a dit.", "M. NGUYỄN et nguyen, ministre."])
        let a = texts.docs[0], b = texts.docs[1]
        #expect(a[2].key == b[2].key && b[2].key == b[4].key)   // Nguyen, NGUYỄN, nguyen
        #expect(a[1].key == b[6].key)                             // ministre
        #expect(texts.text(1, b[2]) == "NGUYỄN" && texts.key(b[2]) == "nguyen")
        #expect(texts.keys.strings.count == Set(texts.keys.strings).count)
    }
}
