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
}
