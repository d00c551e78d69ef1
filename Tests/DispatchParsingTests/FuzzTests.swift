import Testing
import Foundation
import DispatchModel
@testable import DispatchParsing

/// Never crash: truncations and byte mutations of realistic dispatches, and fragments made
/// of the markers the parser looks for, cut at every possible place.
@Suite struct FuzzTests {
    struct Rng { var s: UInt64; mutating func next() -> UInt64 { s ^= s << 13; s ^= s >> 7; s ^= s << 17; return s } }

    static let pieces = [" date 2021-07", " date 2025-02-30 ", "Hanoï, 30 novembre (VNA) - ", "(VNA) -", "Photo : VNA", "Photo\u{00A0}:",
                         "(Photo: ", "(Source: VNA)", " |", "\n", "\r\n", "\n\n", " hinh anh 1", "ảnh ", ">>", " -VNA", "./.", "VNA/CVN",
                         ".-NDEL/VNA", "le 1er mars", "31 avril 2021", "M.Nguyen", "nationale.Il", "07/09/2018 14:04", "–", "\u{FEFF}", "é", "(", ")",
                         "Le ministre a reçu la délégation.", "Titre court sans point"]

    @Test func randomMarkerSoup() {
        var rng = Rng(s: 0x9E3779B97F4A7C15)
        let parser = DispatchParser()
        let rounds = Int(ProcessInfo.processInfo.environment["SITEGEN_FUZZ"] ?? "") ?? 10_000
        for _ in 0..<rounds {
            var s = ""
            for _ in 0..<(Int(rng.next() % 24)) { s += Self.pieces[Int(rng.next() % UInt64(Self.pieces.count))] }
            var bytes = Array(s.utf8)
            // cut anywhere, possibly inside a UTF-8 sequence, and flip a byte now and then
            if !bytes.isEmpty && rng.next() % 3 == 0 { bytes = Array(bytes.prefix(Int(rng.next() % UInt64(bytes.count)))) }
            if !bytes.isEmpty && rng.next() % 4 == 0 { bytes[Int(rng.next() % UInt64(bytes.count))] = UInt8(truncatingIfNeeded: rng.next()) }
            let o = parser.parse(bytes: bytes, file: "f.txt", path: "f.txt")
            if let d = o.dispatch {
                #expect(!d.title.isEmpty)
                #expect(d.date.precision == .unknown || d.date.isValid)
            } else {
                #expect(o.diagnostics.contains { $0.severity == .error })
            }
        }
    }

    @Test func everyPrefixOfTheRealSeeds() {
        let parser = DispatchParser()
        for name in ["000_737f40d1634c7eec.txt", "004_96b83adbe4ecf584.txt"] {
            let url = packageRoot.appendingPathComponent("../shared/seeds/\(name)")
            let bytes = [UInt8](FileManager.default.contents(atPath: url.path)!)
            var n = 0
            while n <= bytes.count {
                _ = parser.parse(bytes: Array(bytes.prefix(n)), file: name, path: name)
                n += 7
            }
        }
    }
}
