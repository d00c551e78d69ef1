import DispatchModel
import Testing

@Suite struct ByteStringTableTests {
    /// Ids in order of first insertion, and every lookup answers as a dictionary would,
    /// through many rounds of growth.
    @Test func answersLikeADictionary() {
        var table = ByteStringTable()
        var reference: [String: Int] = [:]
        var state: UInt64 = 3
        let letters = Array("abcé xyzđ0".unicodeScalars)
        for _ in 0..<20_000 {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            var word = ""
            for k in 0..<Int((state >> 60) % 6) { word.unicodeScalars.append(letters[Int((state >> UInt64(8 + 4 * k)) % UInt64(letters.count))]) }
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
    }
}
