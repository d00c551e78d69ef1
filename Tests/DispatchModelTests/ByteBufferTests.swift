import DispatchModel
import TestSupport
import Testing

/// `ByteBuffer` against a `[UInt8]` given the same appends: pieces of every length around
/// the copy's thresholds (1–3, 4–7, 8–15, 16+), across regrowths, and into memory it was
/// given, where it spills into its own once that is full.
@Suite struct ByteBufferTests {
    static func piece(_ rng: inout SeededRandom) -> [UInt8] {
        let n = rng.below(5) == 0 ? rng.below(200) : rng.below(20)
        return (0..<n).map { _ in UInt8(rng.below(256)) }
    }

    @Test func appendsWhatAnArrayAppends() {
        var rng = SeededRandom(seed: 41)
        for round in 0..<200 {
            var buffer = ByteBuffer(capacity: rng.below(64))
            var reference: [UInt8] = []
            for _ in 0..<rng.below(300) {
                switch rng.below(4) {
                case 0:
                    let b = UInt8(rng.below(256))
                    buffer.append(b)
                    reference.append(b)
                case 1:
                    let p = Self.piece(&rng)
                    buffer.append(p)
                    reference += p
                case 2:
                    buffer.append(literal: "&quot;")
                    reference += Array("&quot;".utf8)
                default:
                    let p = Self.piece(&rng)
                    p.withUnsafeBufferPointer { buffer.append(bytes: $0) }
                    reference += p
                }
            }
            #expect(buffer.bytes == reference, "round \(round)")
            #expect(buffer.count == reference.count)
            #expect(buffer.last == reference.last)
            if reference.count >= 2 { #expect(buffer[reference.count - 2] == reference[reference.count - 2]) }
            if !reference.isEmpty {
                let k = rng.below(reference.count + 1)
                buffer.removeLast(k)
                reference.removeLast(k)
                #expect(buffer.bytes == reference)
            }
        }
    }

    @Test func writesIntoGivenMemoryThenSpills() {
        var rng = SeededRandom(seed: 43)
        for size in [0, 8, 16, 40, 100] {
            var reference: [UInt8] = []
            let pieces = (0..<12).map { _ in Self.piece(&rng) }
            var spilled = false
            let stored = [UInt8](unsafeUninitializedCapacity: size) { memory, initialized in
                var buffer = ByteBuffer(writingInto: memory)
                for p in pieces {
                    buffer.append(p)
                    reference += p
                }
                // The bytes read back the same either way; they stay in the given memory
                // only while they fit.
                #expect(buffer.bytes == reference)
                spilled = buffer.ownsMemory
                initialized = spilled ? 0 : buffer.count
            }
            #expect(spilled == (reference.count > size || size < 16), "size \(size)")
            if !spilled { #expect(stored == reference) }
        }
    }

    @Test func appendsNonNativeStrings() {
        var buffer = ByteBuffer()
        let bridged = String(decoding: Array("Hà Nội, «test»".utf8), as: UTF8.self)
        buffer.append(utf8: bridged)
        buffer.append(utf8: "")
        buffer.append(utf8: String(repeating: "é", count: 40))
        #expect(buffer.bytes == Array(("Hà Nội, «test»" + String(repeating: "é", count: 40)).utf8))
    }
}
