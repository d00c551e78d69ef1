import DispatchModel
@testable import SiteBuild
import TestSupport
import Testing

@Suite struct ControlCharactersTests {
    /// Controls (not tab, newline, return) and the non-characters U+FFFE/U+FFFF are removed
    /// from every text field and counted; text without them is left as it is.
    @Test func forbiddenCharactersAreRemovedFromEveryField() {
        var d = Dispatch(file: "a.txt", title: "Ti\u{1}tre", place: "Hà\u{FFFE}nội", lead: "Un\u{7}\tdeux\nl\u{FFFF}ead",
                         body: [.paragraph("p\u{0}ara"), .caption(Caption(text: "lé\u{1B}gende", credit: "V\u{2}NA"))],
                         officials: [OfficialMention(name: "Tô\u{1F} Lâm", role: "pré\u{3}sident")],
                         tags: [Tag(name: "é\u{4}co", kind: .topic)])
        #expect(ControlCharacters.clean(&d) == 10)
        #expect(d.title == "Titre" && d.place == "Hànội" && d.lead == "Un\tdeux\nlead")
        #expect(d.body == [.paragraph("para"), .caption(Caption(text: "légende", credit: "VNA"))])
        #expect(d.officials == [OfficialMention(name: "Tô Lâm", role: "président")])
        #expect(d.tags == [Tag(name: "éco", kind: .topic)])

        var clean = Dispatch(file: "b.txt", title: "Đà Nẵng \u{FFFD} \u{FEFF}", lead: "ligne\r\nsuivante\t.")
        let before = clean
        #expect(ControlCharacters.clean(&clean) == 0)
        #expect(clean == before)
    }

    /// The word-at-a-time test against its definition on scalars, on random texts made of
    /// the bytes it must tell apart (controls, allowed whitespace, U+FFFD–U+FFFF, other
    /// characters whose UTF-8 starts with 0xEF or holds 0xBF), at every length and offset.
    @Test func forbiddenTestAgreesWithItsDefinition() {
        var rng = SeededRandom(seed: 11)
        let pieces = ["a", "é", " ", "\t", "\n", "\r", "\u{1}", "\u{1F}", "\u{0}", "\u{7F}", "\u{FFFE}", "\u{FFFF}",
                      "\u{FFFD}", "\u{FEFF}", "\u{F8FF}", "ợ", "\u{1F600}", "Đà Nẵng, le 3 mai. "]
        for _ in 0..<20_000 {
            // Mostly clean text with at most one piece that matters, at a random place.
            var s = rng.text(from: ["a", "é", " ", "Nẵng ", "ợ", "\u{FFFD}", "\u{FEFF}"], count: rng.below(40))
            if rng.below(2) == 0 { s += rng.pick(pieces) + rng.text(from: ["b", "ü "], count: rng.below(20)) }
            let expected = s.unicodeScalars.contains { ControlCharacters.isForbidden($0.value) }
            #expect(ControlCharacters.hasForbidden(s) == expected, "\(s.debugDescription)")
        }
    }
}
