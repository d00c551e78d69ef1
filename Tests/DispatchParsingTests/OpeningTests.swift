import Testing
import DispatchModel
@testable import DispatchParsing

/// Catalogue §1: how a file begins. Fixtures are written for these tests, in the shapes
/// the catalogue describes.
@Suite struct OpeningTests {
    @Test func dateHeaderThenCaption() {
        let o = parse("""
             date 2019-11 La présidente Tran Thi Mai (à droite) et son invité, le 12 novembre. Photo : VNA

            Hanoï, 12 novembre (VNA) - La présidente Tran Thi Mai a accueilli le 12 novembre un visiteur venu de Vientiane.

            Les deux responsables ont passé en revue la coopération. - VNA
            """)
        let d = o.dispatch!
        #expect(d.titleDerived)
        #expect(d.date.iso == "2019-11-12" && d.date.precision == .day)
        #expect(d.body.first == .caption(Caption(text: "La présidente Tran Thi Mai (à droite) et son invité, le 12 novembre.", credit: "Photo : VNA")))
        #expect(d.place == "Hanoï" && d.agency == "VNA")
        #expect(d.lead == "La présidente Tran Thi Mai a accueilli le 12 novembre un visiteur venu de Vientiane.")
        #expect(paragraphs(d) == ["Les deux responsables ont passé en revue la coopération."])
        #expect(d.signOff == "- VNA")
    }

    @Test func dateHeaderThenDatelineAndLead() {
        let o = parse("""
             date 2021-07 Hanoi (VNA) – L'Assemblée nationale a ouvert le 20 juillet sa première session.

            Les députés ont élu le bureau.-VNA
            """)
        let d = o.dispatch!
        #expect(d.date.iso == "2021-07-20")
        #expect(d.dateline == "Hanoi (VNA)" && d.place == "Hanoi")
        #expect(d.lead == "L'Assemblée nationale a ouvert le 20 juillet sa première session.")
        #expect(d.titleDerived && codes(o).contains("title.derived"))
        #expect(d.eventDate == nil)
    }

    @Test func dateHeaderWithTitleOnTheSameLine() {
        let o = parse("""
             date 2023-03 Les deux pays renforcent leur coopération agricole

            Le ministre de l'Agriculture a reçu le 1er mars son homologue lao.
            """)
        let d = o.dispatch!
        #expect(d.title == "Les deux pays renforcent leur coopération agricole" && !d.titleDerived)
        #expect(d.date.iso == "2023-03-01" && d.date.precision == .day)
        #expect(d.lead == "Le ministre de l'Agriculture a reçu le 1er mars son homologue lao.")
    }

    @Test func fullDayHeaderWithTitleIsRealSeed000() throws {
        let d = try #require(parseSeed("000_737f40d1634c7eec.txt").dispatch)
        #expect(d.title == "Renforcement des échanges entre les Partis communistes vietnamien et chinois")
        #expect(!d.titleDerived)
        #expect(d.date.iso == "2025-08-29" && d.date.precision == .day)
        #expect(d.eventDate?.iso == "2025-08-28")
        #expect(d.lead!.hasPrefix("L'ambassadeur du Vietnam en Chine, Pham Thanh Binh, a rencontré le 28 août"))
        #expect(d.captions == [Caption(text: "", credit: "Photo : VNA/CVN"), Caption(text: "", credit: "Photo : VNA/CVN")])
        #expect(paragraphs(d).count == 5)
        #expect(paragraphs(d).last!.hasPrefix("Enfin, le responsable chinois"))
        #expect(d.signOff == "VNA/CVN")
        #expect(d.place == nil && d.dateline == nil)
        #expect(d.officials.isEmpty && d.tags.isEmpty)
    }

    @Test func titleLineFirstWithoutDate() {
        let o = parse("""
            Le ministre reçoit l'ambassadeur de France

            Le ministre des Affaires étrangères a reçu dimanche matin l'ambassadeur de France.

            Ils ont parlé d'éducation.
            """)
        let d = o.dispatch!
        #expect(d.title == "Le ministre reçoit l'ambassadeur de France" && !d.titleDerived)
        #expect(d.lead == "Le ministre des Affaires étrangères a reçu dimanche matin l'ambassadeur de France.")
        #expect(d.date == .unknown)   // a weekday alone is no date
        #expect(codes(o).contains("date.missing"))
    }

    @Test func captionFirst() {
        let o = parse("""
            Le Premier ministre Pham Van Long (gauche) et son homologue. Photo : VNA

            Hanoi (VNA) - Le Premier ministre Pham Van Long a reçu le 3 mai son homologue cambodgien.

            Ils ont signé trois accords.
            """)
        let d = o.dispatch!
        #expect(d.captions == [Caption(text: "Le Premier ministre Pham Van Long (gauche) et son homologue.", credit: "Photo : VNA")])
        #expect(d.date.iso == "--05-03" && d.date.precision == .dayNoYear)
        #expect(d.place == "Hanoi")
        #expect(d.titleDerived)
        #expect(paragraphs(d) == ["Ils ont signé trois accords."])
    }

    @Test func datelineFirstIsRealSeed004() throws {
        let o = parseSeed("004_96b83adbe4ecf584.txt")
        let d = try #require(o.dispatch)
        #expect(d.dateline == "Hanoï, 30 novembre (VNA)")
        #expect(d.place == "Hanoï" && d.agency == "VNA")
        #expect(d.title == "Des responsables du PCV et du PCC s'entretiennent virtuellement" && !d.titleDerived)
        #expect(d.captions == [Caption(text: "Panorama de l'entretien en ligne le 30 novembre.", credit: "Photo : VNA")])
        #expect(d.lead!.hasPrefix("Le chef de la Commission des relations extérieures"))
        #expect(d.lead!.hasSuffix("ont eu un entretien en ligne le 30 novembre."))
        #expect(d.date.iso == "--11-30" && d.date.precision == .dayNoYear)
        #expect(d.eventDate == nil)
        #expect(codes(o).contains("date.missing-year"))
        #expect(d.signOff == "- VNA")
        #expect(paragraphs(d).count == 9)
        #expect(paragraphs(d).last == "Le fonctionnaire a également salué les efforts déployés par les organisations du Parti dans les localités des deux pays pour mener des activités d’échange et de coopération.")
        #expect(o.droppedCharacters == 0)
    }

    @Test func bodyOnlyStartingMidArticle() {
        let o = parse("""
            et les deux parties ont convenu de poursuivre la coopération dans les années à venir.

            Le ministre a ajouté que la visite marquait une étape importante.
            """)
        let d = o.dispatch!
        #expect(d.titleDerived)
        #expect(d.lead == "et les deux parties ont convenu de poursuivre la coopération dans les années à venir.")
        #expect(d.dateline == nil && d.place == nil)
        #expect(paragraphs(d) == ["Le ministre a ajouté que la visite marquait une étape importante."])
    }

    @Test func relatedLinksAreDropped() {
        let o = parse("""
            >> Le vice-ministre reçoit une délégation japonaise
            >>Un forum sur l'économie numérique se tient à Da Nang
            >>>> Une exposition de photos à Hanoï

            Les jeunes des deux pays renforcent leurs liens

            Une délégation de jeunes a été reçue le 5 juin à Hanoï.

            Elle a visité plusieurs écoles.
            """)
        let d = o.dispatch!
        #expect(d.title == "Les jeunes des deux pays renforcent leurs liens" && !d.titleDerived)
        #expect(d.lead == "Une délégation de jeunes a été reçue le 5 juin à Hanoï.")
        #expect(!d.paragraphs.joined().contains(">"))
        #expect(!d.paragraphs.joined().contains("forum"))
        #expect(d.date.iso == "--06-05")
    }

    @Test func timestampLineGivesAFullDate() {
        let o = parse("""
            07/09/2018 14:04

            Le Vietnam accueille un sommet régional

            Hanoi (VNA) - Le sommet s'est ouvert dans la capitale.
            """)
        let d = o.dispatch!
        #expect(d.date.iso == "2018-09-07" && d.date.precision == .day)
        #expect(d.title == "Le Vietnam accueille un sommet régional")
        #expect(d.lead == "Le sommet s'est ouvert dans la capitale.")
    }
}
