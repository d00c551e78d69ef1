@testable import DispatchModel
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

/// The byte comparison that confirms a hit (its tail read as overlapping loads): equal
/// strings of every length up to 24 are equal, and one differing byte anywhere is seen.
@Suite struct SameBytesTests {
    @Test func everyDifferingByteIsSeen() {
        var rng = SeededRandom(seed: 31)
        for n in 0...24 {
            for _ in 0..<20 {
                let a = (0..<n).map { _ in UInt8(rng.below(256)) }
                a.withUnsafeBufferPointer { pa in
                    let same = a
                    same.withUnsafeBufferPointer { pb in
                        #expect(sameBytes(pa.baseAddress ?? UnsafePointer(bitPattern: 1)!, pb.baseAddress ?? UnsafePointer(bitPattern: 1)!, n))
                    }
                    for k in 0..<n {
                        var b = a
                        b[k] ^= UInt8(1 + rng.below(255))
                        b.withUnsafeBufferPointer { pb in
                            #expect(!sameBytes(pa.baseAddress!, pb.baseAddress!, n), "length \(n), byte \(k)")
                        }
                    }
                }
            }
        }
    }
}
