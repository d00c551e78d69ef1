import DispatchModel
import TestSupport
import Testing

/// The eight-byte tests against their byte-by-byte definitions, on random words biased
/// towards the values that matter (around the thresholds, the searched byte, 0x80).
@Suite struct ByteWordTests {
    @Test func wordTestsAgreeWithTheBytes() {
        var rng = SeededRandom(seed: 23)
        let interesting: [UInt8] = [0x00, 0x01, 0x09, 0x0A, 0x0D, 0x1F, 0x20, 0x21, 0x2F, 0x30, 0x39, 0x3A, 0x68, 0x7E, 0x7F, 0x80, 0x81,
                                    0xB0, 0xB9, 0xBF, 0xC2, 0xC3, 0xE1, 0xE2, 0xEE, 0xEF, 0xF0, 0xFF]
        for _ in 0..<50_000 {
            let bytes = (0..<8).map { _ in rng.below(3) == 0 ? UInt8(rng.below(256)) : rng.pick(interesting) }
            let w = bytes.withUnsafeBytes { ByteWord.load($0.baseAddress!, 0) }
            for n: UInt8 in [0x01, 0x20, 0x7F, 0x80] {
                #expect(ByteWord.hasByte(below: n, in: w) == bytes.contains { $0 < n }, "\(bytes) below \(n)")
            }
            for b: UInt8 in [0x00, 0x09, 0x0A, 0x0D, 0x68, 0x7F, 0xC2, 0xE1, 0xE2, 0xEF, 0xFF] {
                #expect(ByteWord.hasByte(b, in: w) == bytes.contains(b), "\(bytes) has \(b)")
            }
            #expect(ByteWord.hasDigit(in: w) == bytes.contains { $0 >= 0x30 && $0 <= 0x39 }, "\(bytes) digit")
            #expect(ByteWord.isASCII(w) == bytes.allSatisfy { $0 < 0x80 }, "\(bytes)")
        }
    }

    /// The count of small letters opening a word is exact (the tokenizer advances by it):
    /// bytes next to `a` and `z`, capitals, and the same bytes with the high bit set.
    @Test func leadingLowercaseCountIsExact() {
        var rng = SeededRandom(seed: 29)
        let interesting: [UInt8] = [0x40, 0x41, 0x5A, 0x5B, 0x60, 0x61, 0x62, 0x79, 0x7A, 0x7B, 0x7F, 0x80, 0xC3, 0xE1, 0xE2, 0xFA, 0xFB, 0x20, 0x2D]
        for _ in 0..<50_000 {
            // Mostly small letters, so that runs of every length come up.
            let bytes = (0..<8).map { _ -> UInt8 in
                switch rng.below(4) {
                case 0: return rng.pick(interesting)
                case 1: return UInt8(rng.below(256))
                default: return UInt8(0x61 + rng.below(26))
                }
            }
            let w = bytes.withUnsafeBytes { ByteWord.load($0.baseAddress!, 0) }
            let expected = bytes.prefix { $0 >= 0x61 && $0 <= 0x7A }.count
            #expect(ByteWord.leadingLowercaseCount(w) == expected, "\(bytes)")
        }
    }
}
