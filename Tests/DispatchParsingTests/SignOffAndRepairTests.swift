import Testing
import DispatchModel
@testable import DispatchParsing

/// Catalogue §6 (sign-offs and what follows them) and §7 (scraping damage).
@Suite struct SignOffTests {
    @Test(arguments: [
        ("La séance a pris fin. -VNA", "La séance a pris fin.", "-VNA"),
        ("La séance a pris fin. - VNA", "La séance a pris fin.", "- VNA"),
        ("La séance a pris fin. – VNA", "La séance a pris fin.", "– VNA"),
        ("La séance a pris fin.-VNA", "La séance a pris fin.", "-VNA"),
        ("La séance a pris fin.-NDEL/VNA", "La séance a pris fin.", "-NDEL/VNA"),
        ("La séance a pris fin. - AVI", "La séance a pris fin.", "- AVI"),
        ("La séance a pris fin. -AVI", "La séance a pris fin.", "-AVI"),
        ("La séance a pris fin. -NDEL/VNA", "La séance a pris fin.", "-NDEL/VNA"),
        ("La séance a pris fin./.", "La séance a pris fin.", "./."),
        ("La séance a pris fin.\n\nVNA", "La séance a pris fin.", "VNA"),
        ("La séance a pris fin.\n\nVNA/CVN", "La séance a pris fin.", "VNA/CVN"),
    ])
    func signOffForms(_ last: String, _ text: String, _ signOff: String) {
        let o = parse("Hanoi (VNA) - Le texte.\n\n\(last)\n\nLe Japon et le Vietnam renforcent leur coopération\nUn autre article commence ici.\n")
        let d = o.dispatch!
        #expect(d.signOff == signOff)
        #expect(paragraphs(d) == [text])
        #expect(o.droppedCharacters == "Le Japon et le Vietnam renforcent leur coopération".count + "Un autre article commence ici.".count)
        #expect(o.diagnostics.contains { $0.code == "signoff.dropped" && $0.severity == .note && $0.message.contains("\(o.droppedCharacters)") })
    }

    @Test func footerAndCommentFormDropped() {
        let o = parse("""
            Texte de la dépêche.

            VNA/CVN

            Voir plus
            Rédaction : 79, rue Ly Thuong Kiet, Hanoï
            back to top
            Votre commentaire
            """)
        let d = o.dispatch!
        #expect(d.signOff == "VNA/CVN")
        #expect(d.lead == "Texte de la dépêche." && d.body.isEmpty)
        #expect(o.droppedCharacters > 50)
        #expect(o.diagnostics.first { $0.code == "signoff.dropped" }?.location.line == 5)
    }

    @Test func creditsAndInSentenceAgencyAreNotSignOffs() {
        let o = parse("""
            Le directeur de la VNA a reçu les journalistes de l'agence VNA
            et de la presse étrangère, selon la VNA.

            Le directeur (gauche). Photo : VNA

            Photo : Lam Khanh/VNA

            Il a parlé du groupe Viettel-VNA.
            """)
        let d = o.dispatch!
        #expect(d.signOff == nil)
        #expect(o.droppedCharacters == 0)
        #expect(d.captions.count == 2)
        #expect(paragraphs(d) == ["Il a parlé du groupe Viettel-VNA."])
    }
}

@Suite struct RepairTests {
    @Test func gluedSentencesAreSplit() {
        let d = parse("Le texte.\n\nIl a salué l'Assemblée nationale.Il a rencontré Li Qiang.Le sommet continue.À cette occasion, M.Nguyen a parlé.\n").dispatch!
        #expect(paragraphs(d) == ["Il a salué l'Assemblée nationale. Il a rencontré Li Qiang. Le sommet continue. À cette occasion, M. Nguyen a parlé."])
    }

    @Test func abbreviationsNumbersAndUrlsAreNotSentenceEnds() {
        let text = "Les exportations ont atteint 3.618 millions de dollars vers Washington D.C et les U.S. selon https://fr.vietnamplus.vn/Actu.Html et www.VNA.Vn ou l'O.N.U."
        let d = parse("Le texte.\n\n\(text)\n").dispatch!
        #expect(paragraphs(d) == [text])
    }

    @Test func leadRepeatedAsFirstBodyParagraph() {
        let d = parse("""
            Titre de la dépêche du jour

            Hanoï, 12 mai 2021 (VNA) – Le ministre a reçu le 12 mai une délégation.

            Le ministre a reçu le 12 mai une délégation.

            Ils ont parlé de commerce.
            """).dispatch!
        #expect(d.lead == "Le ministre a reçu le 12 mai une délégation.")
        #expect(paragraphs(d) == ["Ils ont parlé de commerce."])
    }

    @Test func blankAndWhitespaceOnlyRunsAndCRLF() {
        let d = parse("Premier paragraphe\r\nsur deux lignes.\r\n \r\n\t\r\n\u{00A0}\u{00A0}\r\n\r\nSecond   paragraphe.\r\n").dispatch!
        #expect(d.lead == "Premier paragraphe sur deux lignes.")
        #expect(d.body == [.paragraph("Second paragraphe.")])
    }

    @Test func nonBreakingSpacesKeptWhereFrenchTypographyPutsThem() {
        let s = "Il a déclaré\u{00A0}: «\u{00A0}Nous avancerons\u{00A0}!\u{00A0}» Pourquoi\u{00A0}? Voici\u{00A0}; fin."
        let d = parse("Le texte.\n\n\(s)\n").dispatch!
        #expect(paragraphs(d) == [s])
    }
}

@Suite struct OneLineArticleTests {
    @Test func signOffOnTheHeaderLine() {
        let o = parse(" date 2021-07 Hanoi (VNA) – Le Parlement a siégé le 2 juillet. -VNA\nAutre article.\n")
        let d = o.dispatch!
        #expect(d.lead == "Le Parlement a siégé le 2 juillet.")
        #expect(d.signOff == "-VNA" && o.droppedCharacters == "Autre article.".count)
        #expect(d.date.iso == "2021-07-02")
    }
}

@Suite struct LeadRepeatTests {
    @Test func leadRepeatedAfterAPhotoWithItsDateline() {
        let d = parse("""
            Hanoï (VNA) - Le ministre a reçu une délégation.

            Photo : VNA

            Hanoï (VNA) - Le ministre a reçu une délégation.

            Ils ont parlé de commerce.
            """).dispatch!
        #expect(d.body == [.caption(Caption(text: "", credit: "Photo : VNA")), .paragraph("Ils ont parlé de commerce.")])
    }

    @Test func differentSecondParagraphIsKept() {
        let d = parse("Le ministre a reçu une délégation.\n\nLe ministre a reçu une autre délégation.\n").dispatch!
        #expect(paragraphs(d) == ["Le ministre a reçu une autre délégation."])
    }
}

@Suite struct GluedWordTests {
    @Test func digitsGluedToWordsAreSplit() {
        let d = parse("Le texte.\n\nLe projet de15 hectares a coûté 68,8millions de dollars, soit le20 % du budget.\n").dispatch!
        #expect(paragraphs(d) == ["Le projet de 15 hectares a coûté 68,8 millions de dollars, soit le 20 % du budget."])
    }

    @Test func codesOrdinalsAndUnitsAreKept() {
        let s = "Le G20, le virus H5N1, le COVID-19, le 5e plénum, le 1er mai, la 14ème session, à 10h30, sur 3km, le A320 et https://vnanet.vn/de15millions."
        let d = parse("Le texte.\n\n\(s)\n").dispatch!
        #expect(paragraphs(d) == [s])
    }

    /// Words glued without a separator (`ahautement`, `Premierministre`, `TranKim`) cannot be
    /// split without a dictionary and brand names are CamelCase (`VinFast`): kept as written.
    /// Honorifics and name spellings are kept too; extraction deals with them.
    @Test func gluedWordsHonorificsAndSpellingsKeptAsWritten() {
        let s = "Le Premierministre TranKim Chung ahautement apprécié VinFast. Mme Nguyen Thi Kim Ngan et M. Tô Lâm (To Lam) ont parlé."
        let d = parse("Le texte.\n\n\(s)\n").dispatch!
        #expect(paragraphs(d) == [s])
    }
}

@Suite struct BylineTests {
    @Test func agencyBylineBeforeTheTextIsNotASignOff() {
        let o = parse("Le Vietnam et le Laos signent un accord\n\nVNA\n\nLes deux pays ont signé un accord.\n\nVNA/CVN\n")
        let d = o.dispatch!
        #expect(d.signOff == "VNA/CVN")
        #expect(d.lead == "Les deux pays ont signé un accord.")
    }
}

@Suite struct NoBreakSpaceTests {
    @Test func strayNoBreakSpacesBecomePlainSpaces() {
        let d = parse("Le texte.\n\nLe\u{00A0}ministre a\u{00A0} reçu 3\u{00A0}618 visiteurs\u{202F}!\n").dispatch!
        #expect(paragraphs(d) == ["Le ministre a reçu 3\u{00A0}618 visiteurs\u{202F}!"])
    }
}
