import Testing
import DispatchModel
@testable import DispatchParsing
import TestSupport

/// Catalogue §2 (titles, alt text) and §4 (dates and their precision).
@Suite struct TitleTests {
    /// The alt-text marker search skips eight bytes at a time; it must find what looking at
    /// every byte finds, wherever a marker falls against the eight-byte steps.
    @Test func altTextMarkerFindsWhatAByteScanFinds() {
        func reference(_ b: [UInt8]) -> (titleEnd: Int, captionStart: Int)? {
            var i = 0
            let n = b.count
            while i < n {
                var after = -1
                if (b[i] == 0x68 || b[i] == 0x48), ByteText.matches(b, i + 1, "inh anh") { after = i + 8 }
                else if b[i] == 0xE1, ByteText.matches(b, i, "\u{1EA3}nh") { after = i + 5 }
                if after >= 0 {
                    var j = after
                    while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
                    let digits = j
                    while j < n, ByteText.isDigit(b[j]) { j += 1 }
                    if j > digits && (i == 0 || ByteText.whitespaceWidthBefore(b, i) > 0) {
                        let titleEnd = ByteText.trimmed(b, 0, i).upperBound
                        while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
                        return (titleEnd, j)
                    }
                    i = max(j, i + 1)
                    continue
                }
                i += 1
            }
            return nil
        }
        var random = SeededRandom(seed: 0xA17)
        let pieces = ["a", "b", " ", "  ", "h", "H", "hinh anh", "Hinh anh", " hinh anh 1", "ảnh", " ảnh 2", "ả", "á", "1", "é",
                      "chef", "\u{A0}", "x hinh anh", "anh 3", "ảnh3"]
        for _ in 0..<4000 {
            let b = Array(random.text(from: pieces, count: random.below(24)).utf8)
            let found = TitleDeriver.altTextMarker(b), expected = reference(b)
            #expect(found?.titleEnd == expected?.titleEnd && found?.captionStart == expected?.captionStart, "\(String(decoding: b, as: UTF8.self))")
        }
    }

    @Test func altTextTitleWithVietnameseMarker() {
        let o = parse("""
            Da Nang, 4 avril (VNA) - Le port a accueilli le 4 avril un navire de croisière.

            Da Nang accueille un navire de croisière ảnh 2Le navire à quai le 4 avril. Photo: VNA

            Plus de 2.000 passagers ont débarqué.
            """)
        let d = o.dispatch!
        #expect(d.title == "Da Nang accueille un navire de croisière" && !d.titleDerived)
        #expect(d.captions == [Caption(text: "Le navire à quai le 4 avril.", credit: "Photo: VNA")])
        #expect(!codes(o).contains("title.derived"))
    }

    @Test func titleLineWinsOverRepeatedAltText() {
        let d = parse("""
            Le Vietnam et le Laos signent un accord

            Vientiane (VNA) - Les deux pays ont signé un accord le 2 mai.

            Le Vietnam et le Laos signent un accord hinh anh 1Les ministres lors de la signature. Photo : VNA
            """).dispatch!
        #expect(d.title == "Le Vietnam et le Laos signent un accord")
        #expect(d.captions == [Caption(text: "Les ministres lors de la signature.", credit: "Photo : VNA")])
        #expect(paragraphs(d).isEmpty)
    }

    @Test func derivedTitleIsCutOnAWordBoundary() {
        let o = parse("""
            Hanoï, 2 juin (VNA) - Le vice-président de l'Assemblée nationale a reçu le 2 juin une délégation de parlementaires japonais venus préparer le forum. Ils ont parlé.
            """)
        let d = o.dispatch!
        #expect(d.titleDerived)
        #expect(d.title.hasSuffix("…"))
        #expect(d.title.count <= 90)
        #expect(d.title.hasPrefix("Le vice-président de l'Assemblée nationale a reçu"))   // no dateline
        #expect(!d.title.contains("VNA"))
        let words = d.title.dropLast().split(separator: " ")
        #expect(d.lead!.contains(words.joined(separator: " ")))
        #expect(o.diagnostics.contains { $0.code == "title.derived" && $0.severity == .note })
    }

    @Test func shortDerivedTitleIsTheFirstSentence() {
        let d = parse("M. Nguyen Van An a inauguré le pont. La cérémonie a duré une heure.").dispatch!
        #expect(d.title == "M. Nguyen Van An a inauguré le pont")
        #expect(d.titleDerived)
    }
}

@Suite struct DateTests {
    @Test func headerMonthCompletedByTheLeadDay() {
        let d = parse(" date 2020-03 Titre du jour ici\n\nLe forum a eu lieu le 1er mars à Hanoï.\n").dispatch!
        #expect(d.date == DispatchDate(year: 2020, month: 3, day: 1))
        #expect(d.eventDate == nil)
    }

    @Test func headerMonthIsNotCompletedByAnotherMonth() {
        let o = parse(" date 2020-03 Titre du jour ici\n\nLe forum a eu lieu le 28 février à Hanoï.\n")
        let d = o.dispatch!
        #expect(d.date.iso == "2020-03" && d.date.precision == .month)
        #expect(d.eventDate?.iso == "--02-28")
        #expect(!codes(o).contains { $0.hasPrefix("date.") })
    }

    @Test func headerMonthCompletedByTheDateline() {
        let d = parse(" date 2022-12\n\nHanoï, 9 décembre (VNA) - Un accord a été conclu.\n").dispatch!
        #expect(d.date.iso == "2022-12-09")
    }

    @Test func datelineDayWithoutYear() {
        let o = parse("Hanoï, 30 novembre (VNA) - Une réunion s'est tenue.\n")
        #expect(o.dispatch!.date.iso == "--11-30")
        #expect(o.dispatch!.date.precision == .dayNoYear)
        let w = o.diagnostics.first { $0.code == "date.missing-year" }!
        #expect(w.severity == .warning && w.message.contains("sidecar") && w.location.line == 1)
    }

    @Test func datelineWithYear() {
        let o = parse("Titre de la dépêche du jour\n\nHanoï, 12 mai 2021 (VNA) – Une réunion s'est tenue le 12 mai.\n")
        #expect(o.dispatch!.date.iso == "2021-05-12" && o.dispatch!.date.precision == .day)
        #expect(o.dispatch!.eventDate == nil)
        #expect(!codes(o).contains { $0.hasPrefix("date.") })
    }

    @Test(arguments: [("le 15 Aout", 8, 15), ("le 3 AOÛT", 8, 3), ("le 2 fevrier", 2, 2), ("le 1er Décembre", 12, 1), ("le 31 janvier", 1, 31)])
    func frenchMonthsAccentAndCaseInsensitive(_ phrase: String, _ month: Int, _ day: Int) {
        let d = parse("Le sommet s'est tenu \(phrase) à Hanoï.\n").dispatch!
        #expect(d.date == DispatchDate(month: month, day: day))
    }

    @Test func publicationDayAndEventDayBothKept() {
        let d = parse(" date 2016-04-05 Titre de la dépêche\n\nLe ministre a rencontré le 4 avril son homologue.\n").dispatch!
        #expect(d.date.iso == "2016-04-05")
        #expect(d.eventDate?.iso == "2016-04-04")
    }

    @Test(arguments: [" date 2025-02-30 Un titre pour la dépêche", " date 2025-13 Un titre pour la dépêche"])
    func invalidHeaderDateIsUnknown(_ header: String) {
        let o = parse(header + "\n\nLe ministre a parlé le 3 mars.\n", file: "bad.txt")
        #expect(o.dispatch!.date == .unknown)
        let w = o.diagnostics.first { $0.code == "date.invalid" }!
        #expect(w.severity == .warning && w.location.path == "seeds/bad.txt" && w.location.line == 1)
        #expect(w.message.contains(header.contains("13") ? "`2025-13`" : "`2025-02-30`"))
    }

    @Test func invalidDatelineDateNamesItsLine() {
        let o = parse("Un titre pour la dépêche\r\n\r\n\r\nHanoï, 31 avril (VNA) - Texte de la dépêche.\r\n")
        #expect(o.dispatch!.date == .unknown)
        let w = o.diagnostics.first { $0.code == "date.invalid" }!
        #expect(w.location.line == 4)
        #expect(w.description.hasPrefix("seeds/fixture.txt:4: warning:"))
    }

    @Test func noDateAtAll() {
        let o = parse("Le ministre a parlé dimanche matin de la coopération.\n")
        #expect(o.dispatch!.date == .unknown)
        #expect(o.diagnostics.contains { $0.code == "date.missing" && $0.severity == .warning })
    }
}

@Suite struct AltTextFirstTests {
    @Test func altTextLineFirstWithoutCredit() {
        let d = parse("""
            Le Vietnam et le Laos signent un accord hinh anh 1Les ministres lors de la signature

            Vientiane (VNA) - Les deux pays ont signé un accord le 2 mai.
            """).dispatch!
        #expect(d.title == "Le Vietnam et le Laos signent un accord" && !d.titleDerived)
        #expect(d.captions == [Caption(text: "Les ministres lors de la signature", credit: nil)])
        #expect(d.place == "Vientiane")
    }

    @Test func titleThenAltTextCaptionThenDatelineLead() {
        let d = parse("""
            Le Vietnam et le Laos signent un accord

            Le Vietnam et le Laos signent un accord hinh anh 1Les ministres lors de la signature. Photo: VNA

            Vientiane (VNA) - Les deux pays ont signé un accord le 2 mai.

            Le texte continue.
            """).dispatch!
        #expect(d.title == "Le Vietnam et le Laos signent un accord")
        #expect(d.body == [.caption(Caption(text: "Les ministres lors de la signature.", credit: "Photo: VNA")), .paragraph("Le texte continue.")])
        #expect(d.lead == "Les deux pays ont signé un accord le 2 mai.")
    }
}
