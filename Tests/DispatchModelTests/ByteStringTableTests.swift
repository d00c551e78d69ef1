import DispatchModel
import TestSupport
import Testing

@Suite struct ByteStringTableTests {
    /// Ids in order of first insertion, and every lookup answers as a dictionary would,
    /// through many rounds of growth.
    @Test func answersLikeADictionary() {
        var table = ByteStringTable()
        var reference: [String: Int] = [:]
        var rng = SeededRandom(seed: 3)
        let letters = "abcé xyzđ0".map(String.init)
        for _ in 0..<20_000 {
            let word = rng.text(from: letters, count: rng.below(6))
            let (id, inserted) = table.insert(word)
            if let known = reference[word] {
                #expect(!inserted && id == known)
            } else {
                #expect(inserted && id == reference.count)
                reference[word] = id
            }
        }
        #expect(table.count == reference.count)
        for (word, id) in reference {
            #expect(table.find(word) == id)
            #expect(table.string(id) == word)
        }
        #expect(table.find("absent!") == nil)
        // The view reads the same bytes as `withBytes`, the empty string included.
        table.withView { view in
            #expect(view.count == table.count)
            for id in 0..<table.count {
                #expect(Array(view[id]) == table.withBytes(id) { Array($0) })
            }
        }
        #expect(ByteStringTable().withView { $0.count } == 0)
    }
}
