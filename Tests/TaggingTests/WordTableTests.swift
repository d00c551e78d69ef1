import DispatchModel
@testable import Tagging
import Testing

@Suite struct WordTableTests {
    /// Byte lookups answer what the `[String: V]` they were built from answers.
    @Test func answersLikeTheDictionary() {
        let map = Countries.byWord
        let table = WordTable(map)
        var probes = Array(map.keys)
        probes += ["", "x", "Vietna", "Vietnamm", "vietnam", "États", "Etats-Unis", "Royaume-Uni", "lao", "LAO"]
        for w in probes {
            var w = w
            let found = w.withUTF8 { table.value(for: $0) }
            #expect(found == map[w], "\(w)")
        }
    }

    @Test func tokenizerWordsAreTheBytesOfEachWord() {
        #expect(Tokenizer.words("L'ambassadeur du Viet Nam, Hô Chi Minh-Ville — COVID-19 ; d’abord- x") ==
            ["ambassadeur", "du", "Viet", "Nam", "Hô", "Chi", "Minh-Ville", "COVID-19", "abord", "x"])
    }

    @Test func phrasesCountOncePerPositionAndValue() {
        let index = PhraseIndex([("énergies renouvelables", 0), ("énergie", 1), ("energies", 1)])
        var text = Array("les energies renouvelables et l'energie, energies fossiles".utf8)
        let counts = text.withUnsafeMutableBufferPointer { index.counts(in: UnsafeBufferPointer($0)) }
        #expect(counts == [0: 1, 1: 3])
    }
}
