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
}
