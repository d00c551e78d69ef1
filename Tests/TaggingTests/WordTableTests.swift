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
}
