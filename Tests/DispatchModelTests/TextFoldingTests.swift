import DispatchModel
import Testing

/// The folding key: accents folded through the table, then lowercase. Only scalars that have
/// a lowercase are mapped (the rest is copied), which must give what folding the accents and
/// then lowercasing the whole string gives.
@Suite struct TextFoldingTests {
    @Test(arguments: [
        "Tô Lâm", "Nguyễn Phú Trọng", "ĐÀ NẴNG", "« Guillemets » – tiret — l’État", "ÆON Œuvre Straße",
        "ΑΘΗΝΑ Ελλάδα ΟΔΟΣ", "МОСКВА Москва", "北京 ＡＢＣ", "İstanbul", "Cafe\u{0301}", "ǅ ǈ ǋ", "ÅNGSTRÖM K", "",
    ])
    func keyIsFoldThenLowercase(_ s: String) {
        #expect(TextFolding.key(s) == TextFolding.foldAccents(s).lowercased())
    }

    @Test func keysOfNames() {
        #expect(TextFolding.key("Tô Lâm") == TextFolding.key("To Lam"))
        #expect(TextFolding.key("Nguyễn Phú Trọng") == "nguyen phu trong")
        #expect(TextFolding.key("ĐÀ NẴNG") == "da nang")
        #expect(TextFolding.key("L’ÉTAT") == "l’etat", "apostrophes are kept, letters folded and lowercased")
    }

    /// `appendKey` (the scanners' fold: ASCII runs, then a flat table below U+2200) equals
    /// `key` (scalar by scalar through `forEachFoldedByte`) for every scalar up to U+2400, and
    /// on random text mixing them.
    @Test func appendKeyEqualsKeyForEveryScalar() {
        func appended(_ s: String) -> [UInt8] {
            var s = s
            var out: [UInt8] = [0x7C] // appends after what is there
            s.withUTF8 { TextFolding.appendKey($0, to: &out) }
            return out
        }
        var scalars: [String] = []
        for v in 0x20..<0x2400 {
            guard let u = Unicode.Scalar(v) else { continue }
            let s = String(Character(u))
            scalars.append(s)
            #expect(appended(s) == [0x7C] + Array(TextFolding.key(s).utf8), "U+\(String(v, radix: 16))")
        }
        var state: UInt64 = 7
        for _ in 0..<2000 {
            var s = ""
            for _ in 0..<12 {
                state = state &* 6364136223846793005 &+ 1442695040888963407
                s += scalars[Int(state >> 33) % scalars.count]
            }
            #expect(appended(s) == [0x7C] + Array(TextFolding.key(s).utf8), "\(s)")
        }
    }
}
