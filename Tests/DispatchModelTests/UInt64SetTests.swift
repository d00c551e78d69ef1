import DispatchModel
import TestSupport
import Testing

@Suite struct UInt64SetTests {
    /// Answers as `Set<UInt64>` does, through growth, zero included.
    @Test func answersLikeASet() {
        var fast = UInt64Set()
        var reference = Set<UInt64>()
        var rng = SeededRandom(seed: 9)
        for n in 0..<50_000 {
            let r = rng.next()
            // Small keys and repeats as well as spread ones.
            let k = n % 7 == 0 ? UInt64(n % 50) : (n % 5 == 0 ? r >> 40 : r)
            #expect(fast.insert(k) == reference.insert(k).inserted)
        }
        #expect(fast.count == reference.count)
        for k in reference { #expect(fast.contains(k)) }
        for k: UInt64 in [1 << 63, 12_345_678_901, 77] where !reference.contains(k) { #expect(!fast.contains(k)) }
    }
}
