import CByteScan
import TestSupport
import Testing

/// The vector scans against their byte-by-byte definitions: every length up to three steps
/// of sixteen, each byte the scan stops at put at every position (first in a step, last,
/// in the overlapping last load), over fillers that are close to them but not in the set.
@Suite struct ByteScanTests {
    typealias Scan = (UnsafePointer<UInt8>?, Int) -> Int

    static var scans: [(name: String, scan: Scan, set: (UInt8) -> Bool)] { [
        ("html", sitegen_scan_html, { [0x3C, 0x3E, 0x26, 0x22, 0x27].contains($0) }),
        ("json", sitegen_scan_json, { $0 < 0x20 || [0x7F, 0x22, 0x5C, 0x3C, 0x3E, 0x26, 0xC2, 0xE2, 0xEF].contains($0) }),
        ("markdown", sitegen_scan_markdown, { [0x09, 0x0A, 0x0D, 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x26].contains($0) }),
        ("line end", sitegen_scan_line_end, { $0 == 0x0A || $0 == 0x0D }),
    ] }

    static func reference(_ bytes: [UInt8], _ set: (UInt8) -> Bool) -> Int {
        bytes.firstIndex(where: set) ?? bytes.count
    }

    @Test func stopsAtTheFirstByteOfTheSet() {
        for (name, scan, set) in Self.scans {
            let fillers = (0...255).map(UInt8.init).filter { !set($0) }
            let stops = (0...255).map(UInt8.init).filter(set)
            for n in 0...48 {
                let plain = (0..<n).map { fillers[($0 * 7) % fillers.count] }
                #expect(plain.withUnsafeBufferPointer { scan($0.baseAddress, n) } == n, "\(name) n \(n)")
                for at in 0..<n {
                    for stop in stops {
                        var bytes = plain
                        bytes[at] = stop
                        if at + 1 < n { bytes[n - 1] = stops[(at + Int(stop)) % stops.count] } // a later one too
                        let got = bytes.withUnsafeBufferPointer { scan($0.baseAddress, n) }
                        #expect(got == Self.reference(bytes, set), "\(name) n \(n) at \(at) byte \(stop)")
                    }
                }
            }
        }
    }

    @Test func agreesOnRandomBytes() {
        var rng = SeededRandom(seed: 47)
        for (name, scan, set) in Self.scans {
            for _ in 0..<5000 {
                let n = rng.below(80)
                let bytes = (0..<n).map { _ in rng.below(8) == 0 ? UInt8(rng.below(256)) : UInt8(0x61 + rng.below(26)) }
                let got = bytes.withUnsafeBufferPointer { scan($0.baseAddress, n) }
                #expect(got == Self.reference(bytes, set), "\(name) \(bytes)")
            }
        }
    }

    /// The well-formed sequence at `i` (a byte at or above 0x80), by the definition: lead
    /// byte, continuation bytes, no overlong form, no surrogate, nothing above U+10FFFF.
    static func sequenceLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        let (need, min, lead): (Int, UInt32, UInt8) = c & 0xE0 == 0xC0 ? (1, 0x80, 0x1F) : c & 0xF0 == 0xE0 ? (2, 0x800, 0x0F)
            : c & 0xF8 == 0xF0 ? (3, 0x10000, 0x07) : (0, 0, 0)
        guard need > 0, i + need < b.count else { return 0 }
        var v = UInt32(c & lead)
        for k in 1...need {
            guard b[i + k] & 0xC0 == 0x80 else { return 0 }
            v = v << 6 | UInt32(b[i + k] & 0x3F)
        }
        return v < min || v > 0x10FFFF || (0xD800...0xDFFF).contains(v) ? 0 : need + 1
    }

    static func firstInvalid(_ b: [UInt8]) -> Int {
        var i = 0
        while i < b.count {
            if b[i] < 0x80 { i += 1; continue }
            let n = sequenceLength(b, i)
            if n == 0 { return i }
            i += n
        }
        return b.count
    }

    /// Text with every kind of sequence (two to four bytes, the edges of each range) and
    /// every kind of fault (a lone continuation, a cut sequence, overlong, a surrogate,
    /// above U+10FFFF, 0xF8 and up), around the sixteen-byte steps.
    @Test func findsTheFirstInvalidUTF8() {
        let good: [[UInt8]] = [[0x61], [0x20], [0xC3, 0xA9], [0xC2, 0x80], [0xDF, 0xBF], [0xE0, 0xA0, 0x80], [0xE1, 0xBB, 0x87],
                               [0xED, 0x9F, 0xBF], [0xEE, 0x80, 0x80], [0xEF, 0xBF, 0xBF], [0xF0, 0x90, 0x80, 0x80], [0xF4, 0x8F, 0xBF, 0xBF]]
        let bad: [[UInt8]] = [[0x80], [0xBF], [0xC3], [0xC0, 0xAF], [0xC1, 0xBF], [0xE0, 0x80, 0xAF], [0xED, 0xA0, 0x80],
                              [0xE1, 0xBB], [0xF0, 0x80, 0x80, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80], [0xFF], [0xC3, 0x41]]
        var rng = SeededRandom(seed: 53)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            let pieces = rng.below(30)
            for _ in 0..<pieces {
                if rng.below(12) == 0 { bytes += rng.pick(bad) }
                else if rng.below(3) == 0 { bytes += rng.pick(good) }
                else { bytes += [UInt8](repeating: 0x61 + UInt8(rng.below(26)), count: 1 + rng.below(20)) }
            }
            let got = bytes.withUnsafeBufferPointer { sitegen_first_invalid_utf8($0.baseAddress, $0.count) }
            #expect(got == Self.firstInvalid(bytes), "\(bytes)")
            // A text cut anywhere: a sequence cut at the end is invalid there.
            let cut = Array(bytes.prefix(rng.below(bytes.count + 1)))
            #expect(cut.withUnsafeBufferPointer { sitegen_first_invalid_utf8($0.baseAddress, $0.count) } == Self.firstInvalid(cut))
        }
    }

    @Test func countsControlCharacters() {
        var rng = SeededRandom(seed: 59)
        for _ in 0..<5000 {
            let n = rng.below(90)
            let bytes = (0..<n).map { _ in rng.below(6) == 0 ? UInt8(rng.below(0x21)) : rng.below(20) == 0 ? 0x7F : UInt8(0x20 + rng.below(0xE0)) }
            var nul: Int32 = 0
            let count = bytes.withUnsafeBufferPointer { sitegen_count_controls($0.baseAddress, $0.count, &nul) }
            let controls = bytes.filter { ($0 < 0x20 && ![0x09, 0x0A, 0x0C, 0x0D].contains($0)) || $0 == 0x7F }.count
            #expect(count == controls, "\(bytes)")
            #expect((nul != 0) == bytes.contains(0), "\(bytes)")
        }
    }

    /// The run `LineReader.appendNormalized` copies whole, by its definition: it stops at a
    /// tab, 0xC2 or 0xE2, and at a space that ends the text or comes before a space or one of them.
    @Test func plainRunStopsWhereSpacesNeedALook() {
        let pieces: [[UInt8]] = [[0x61], [0x62, 0x63], [0x20], [0x20, 0x20], [0x09], [0xC2, 0xA0], [0xC2, 0xAB], [0xE2, 0x80, 0xAF],
                                 [0xE2, 0x80, 0x99], [0xC3, 0xA9], [0x2E], [0x20, 0x09]]
        func reference(_ b: [UInt8]) -> Int {
            let special: (UInt8) -> Bool = { $0 == 0x09 || $0 == 0xC2 || $0 == 0xE2 }
            for k in b.indices {
                if special(b[k]) { return k }
                if b[k] == 0x20 && (k + 1 == b.count || b[k + 1] == 0x20 || special(b[k + 1])) { return k }
            }
            return b.count
        }
        var rng = SeededRandom(seed: 61)
        for _ in 0..<20_000 {
            var bytes: [UInt8] = []
            for _ in 0..<rng.below(40) {
                bytes += rng.below(3) == 0 ? rng.pick(pieces) : [UInt8](repeating: 0x61 + UInt8(rng.below(26)), count: 1 + rng.below(12))
                if rng.below(3) == 0 { bytes.append(0x20) }
            }
            let got = bytes.withUnsafeBufferPointer { sitegen_scan_plain_run($0.baseAddress, $0.count) }
            #expect(got == reference(bytes), "\(bytes)")
        }
    }
}
