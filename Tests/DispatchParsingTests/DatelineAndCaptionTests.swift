import Testing
import DispatchModel
@testable import DispatchParsing

/// Catalogue §3 (datelines) and §5 (photo credits and captions).
@Suite struct DatelineTests {
    @Test(arguments: [
        ("Hanoï, 30 novembre (VNA) - Texte.", "Hanoï, 30 novembre (VNA)", "Hanoï"),
        ("Phnom Penh, 2 mars (VNA) – Texte.", "Phnom Penh, 2 mars (VNA)", "Phnom Penh"),
        ("Pékin (VNA) -Texte.", "Pékin (VNA)", "Pékin"),
        ("Hano, 8 juin (VNA) - Texte.", "Hano, 8 juin (VNA)", "Hano"),
        ("Washington D.C, 4 juillet (VNA) - Texte.", "Washington D.C, 4 juillet (VNA)", "Washington D.C"),
        ("Hô Chi Minh-Ville (VNA) - Texte.", "Hô Chi Minh-Ville (VNA)", "Hô Chi Minh-Ville"),
        ("L'Aquila, 6 avril (AVI) — Texte.", "L'Aquila, 6 avril (AVI)", "L'Aquila"),
    ])
    func datelineShapes(_ line: String, _ dateline: String, _ place: String) {
        let d = parse(line + "\n").dispatch!
        #expect(d.dateline == dateline)
        #expect(d.place == place)
        #expect(d.lead == "Texte.")
        #expect(d.agency == (dateline.contains("AVI") ? "AVI" : "VNA"))
    }

    @Test func datelineBrokenAcrossTwoLines() {
        let d = parse("Hanoi, 21 mai\n(VNA) - Le forum s'est ouvert.\n\nSuite du texte.\n").dispatch!
        #expect(d.dateline == "Hanoi, 21 mai (VNA)")
        #expect(d.place == "Hanoi")
        #expect(d.date.iso == "--05-21")
        #expect(d.lead == "Le forum s'est ouvert.")
        #expect(d.titleDerived)
    }

    @Test func datelineBrokenByABlankLine() {
        let d = parse("Hanoi, 21 mai\n\n(VNA) - Le forum s'est ouvert.\n").dispatch!
        #expect(d.dateline == "Hanoi, 21 mai (VNA)")
        #expect(d.titleDerived)
    }

    @Test func sentenceWithAcronymAndDashIsNotADateline() {
        let d = parse("Le Parti communiste du Vietnam (PCV) - au pouvoir depuis 1975 - a tenu son congrès.\n").dispatch!
        #expect(d.dateline == nil && d.place == nil)
    }

    @Test func placeWithLowercaseParticle() {
        let d = parse("Rio de Janeiro, 3 mars (VNA) - Texte.\n").dispatch!
        #expect(d.place == "Rio de Janeiro" && d.date.iso == "--03-03")
    }

    @Test func roleWithAcronymIsNotADateline() {
        let d = parse("Le chef du Département (PCC) Song Tao a reçu la délégation.\n").dispatch!
        #expect(d.dateline == nil && d.place == nil)
        #expect(d.lead == "Le chef du Département (PCC) Song Tao a reçu la délégation.")
    }
}

@Suite struct CaptionTests {
    @Test(arguments: [
        ("Photo : VNA", "Photo : VNA"),
        ("Photo: VNA", "Photo: VNA"),
        ("Photo : VNA/CVN", "Photo : VNA/CVN"),
        ("Photo : VNA/CVN |", "Photo : VNA/CVN"),
        ("Photo : Nguyen Van Tuan/VNA/CVN", "Photo : Nguyen Van Tuan/VNA/CVN"),
        ("Photo: AFP/VNA", "Photo: AFP/VNA"),
        ("Photo d'illustration : VNA", "Photo d'illustration : VNA"),
        ("Photo d’illustration: VNA", "Photo d’illustration: VNA"),
        ("(Photo: Reuters)", "Photo: Reuters"),
        ("(Source: VNA)", "Source: VNA"),
        ("Photo\u{00A0}: VNA", "Photo\u{00A0}: VNA"),
    ])
    func creditForms(_ creditLine: String, _ credit: String) {
        let d = parse("Hanoi (VNA) - Le texte de la dépêche.\n\nLes deux dirigeants (à droite) au siège. \(creditLine)\n\n\(creditLine)\n\nFin.\n").dispatch!
        #expect(d.captions == [Caption(text: "Les deux dirigeants (à droite) au siège.", credit: credit),
                               Caption(text: "", credit: credit)])
        #expect(paragraphs(d) == ["Fin."])
    }

    @Test func captionEndingWithBarThenCreditLine() {
        let d = parse("""
            Titre de la dépêche du jour

            Le texte de la dépêche.

            Nguyen Van A (gauche) et Tran Van B. |
            Photo : VNA/CVN |

            Suite du texte.
            """).dispatch!
        #expect(d.captions == [Caption(text: "Nguyen Van A (gauche) et Tran Van B.", credit: "Photo : VNA/CVN")])
        #expect(paragraphs(d) == ["Suite du texte."])
    }

    @Test func creditRunningIntoTheBody() {
        let d = parse("""
            Hanoi (VNA) - Le texte de la dépêche.

            Le ministre (centre) et les délégués. Photo : VNA Le ministre a ensuite visité l'usine.
            Il a salué les ouvriers.
            """).dispatch!
        #expect(d.body == [.caption(Caption(text: "Le ministre (centre) et les délégués.", credit: "Photo : VNA")),
                           .paragraph("Le ministre a ensuite visité l'usine. Il a salué les ouvriers.")])
    }

    @Test func photographerCreditRunningIntoTheBody() {
        let d = parse("Hanoi (VNA) - Texte.\n\nLe président (debout). Photo : Lam Khanh/VNA Le président a pris la parole.\n").dispatch!
        #expect(d.body == [.caption(Caption(text: "Le président (debout).", credit: "Photo : Lam Khanh/VNA")),
                           .paragraph("Le président a pris la parole.")])
    }

    @Test func creditEndsBeforeASentenceWithASlash() {
        let d = parse("Texte.\n\nLa réunion. Photo : VNA Le Vietnam/Laos ont parlé. Photo : Thanh Tung/Vietnam+\n").dispatch!
        #expect(d.body == [.caption(Caption(text: "La réunion.", credit: "Photo : VNA")),
                           .caption(Caption(text: "Le Vietnam/Laos ont parlé.", credit: "Photo : Thanh Tung/Vietnam+"))])
    }

    @Test func positionMarkersStayInTheCaption() {
        let d = parse("Texte de la dépêche.\n\nA (à droite), B (gauche), C (centre) et D (debout). Photo : VNA\n").dispatch!
        #expect(d.captions.first?.text == "A (à droite), B (gauche), C (centre) et D (debout).")
    }

    @Test func captionsAreNeverParagraphs() {
        let d = parseSeed("000_737f40d1634c7eec.txt").dispatch!
        #expect(!d.paragraphs.contains { $0.contains("Photo") })
        let d4 = parseSeed("004_96b83adbe4ecf584.txt").dispatch!
        #expect(!d4.paragraphs.contains { $0.contains("Photo") || $0.contains("hinh anh") })
    }
}
