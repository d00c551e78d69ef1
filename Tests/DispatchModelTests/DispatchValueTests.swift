import DispatchModel
import Testing

/// `Dispatch` keeps its fields behind one reference, copied on write: it must still behave
/// as a value (a copy never sees the other's changes) and compare and hash by content.
@Suite struct DispatchValueTests {
    static func sample() -> Dispatch {
        Dispatch(file: "a.txt", title: "Titre", date: DispatchDate(year: 2025, month: 3, day: 4), place: "Hanoï",
                 lead: "Le lead.", body: [.paragraph("Un."), .caption(Caption(text: "Photo", credit: "VNA"))],
                 officials: [OfficialMention(name: "Tô Lâm", role: "secrétaire général")], tags: [Tag(name: "Vietnam", kind: .country)])
    }

    @Test func aCopyNeverSeesTheOthersChanges() {
        let original = Self.sample()
        var a = original
        var b = a
        b.title = "Autre"
        b.body.append(.paragraph("Deux."))
        b.officials[0].role = nil
        b.searchWords = "autre"
        a.tags.removeAll()
        #expect(original.title == "Titre" && original.body.count == 2 && original.officials[0].role == "secrétaire général")
        #expect(original.tags.count == 1 && original.searchWords == nil)
        #expect(a.title == "Titre" && a.body.count == 2 && a.tags.isEmpty)
        #expect(b.title == "Autre" && b.body.count == 3 && b.tags.count == 1 && b.officials[0].role == nil)
    }

    @Test func equalityAndHashingGoByContent() {
        let a = Self.sample()
        var b = Self.sample() // same content, other storage
        #expect(a == b)
        #expect(a.hashValue == b.hashValue)
        #expect(Set([a, b]).count == 1)
        b.place = "Hué"
        #expect(a != b)
        b.place = "Hanoï"
        #expect(a == b)
        var c = a
        c.titleDerived = true
        #expect(a != c)
    }
}
