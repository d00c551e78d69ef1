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
}
