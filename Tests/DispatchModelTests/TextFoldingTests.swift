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
}
