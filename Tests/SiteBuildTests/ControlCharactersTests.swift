import DispatchModel
@testable import SiteBuild
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
}
