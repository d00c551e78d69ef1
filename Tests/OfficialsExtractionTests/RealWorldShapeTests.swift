import Testing
import DispatchModel
@testable import OfficialsExtraction

/// Sentences in the agency's style, beyond the synthetic corpus's shapes.
@Suite struct RealWorldShapeTests {
    func check(_ text: String, _ expected: [String]) {
        #expect(pairs(OfficialsExtractor().extract(texts: [text])) == expected, "\(text)")
    }

    @Test func countryBeforeName() {
        check("Le président de la République de Corée Yoon Suk Yeol a été accueilli par le Président Luong Cuong.",
              ["Yoon Suk Yeol | président de la République de Corée", "Luong Cuong | Président"])
    }

    @Test func honorificInsideApposition() {
        check("La présidente de l'Union des femmes du Vietnam, Mme Ha Thi Nga, a assisté à la cérémonie avec le gouverneur de la Banque d'État Nguyen Thi Hong.",
              ["Ha Thi Nga | présidente de l'Union des femmes du Vietnam", "Nguyen Thi Hong | gouverneur de la Banque d'État"])
    }

    @Test func adjectivesAfterHead() {
        check("Au nom du gouvernement, le vice-Premier ministre permanent Nguyen Hoa Binh a remercié l'ambassadeur américain Marc Knapper.",
              ["Nguyen Hoa Binh | vice-Premier ministre permanent", "Marc Knapper | ambassadeur américain"])
    }

    @Test func counterpart() {
        check("Le Premier ministre Pham Minh Chinh et son homologue thaïlandais Srettha Thavisin ont coprésidé la réunion à Bangkok.",
              ["Pham Minh Chinh | Premier ministre", "Srettha Thavisin | homologue thaïlandais"])
    }

    @Test func provinceInRole() {
        check("Le chef du Département de la propagande du Comité du Parti de la province de Quang Ninh, Dang Huy Hau, a visité Ha Long.",
              ["Dang Huy Hau | chef du Département de la propagande du Comité du Parti de la province de Quang Ninh"])
    }

    @Test func nameBelongsToInnermostRole() {
        check("Nguyen Phu Trong, secrétaire général du Comité central du Parti communiste du Vietnam (PCV), a reçu le 12 mai à Hanoï l'envoyé spécial du président russe Vladimir Poutine.",
              ["Nguyen Phu Trong | secrétaire général du Comité central du Parti communiste du Vietnam (PCV)",
               "Vladimir Poutine | président russe"])
    }

    @Test func listWithCommas() {
        check("Étaient présents le vice-président de l'Assemblée nationale Tran Quang Phuong, le ministre des Finances Ho Duc Phoc et la vice-ministre de la Santé Nguyen Thi Lien Huong.",
              ["Tran Quang Phuong | vice-président de l'Assemblée nationale", "Ho Duc Phoc | ministre des Finances",
               "Nguyen Thi Lien Huong | vice-ministre de la Santé"])
    }

    @Test func cityInRoleAndForeignConsul() {
        check("Le président du Comité populaire de Hô Chi Minh-Ville Phan Van Mai a reçu le consul général des États-Unis Susan Burns.",
              ["Phan Van Mai | président du Comité populaire de Hô Chi Minh-Ville", "Susan Burns | consul général des États-Unis"])
    }

    @Test func nameFollowedByDate() {
        check("Le Premier ministre lao Sonexay Siphandone a rencontré le président de l'Assemblée nationale Vuong Dinh Hue le 5 juin.",
              ["Sonexay Siphandone | Premier ministre lao", "Vuong Dinh Hue | président de l'Assemblée nationale"])
    }

    @Test func institutionIsNotAPerson() {
        check("Selon le Bureau général des statistiques, le PIB a progressé. Le directeur général Nguyen Thi Huong a précisé que la croissance atteindrait 6%.",
              ["Nguyen Thi Huong | directeur général"])
    }

    @Test func royalty() {
        check("L'ambassadeur Nguyen Minh Vu a remis ses lettres de créance au roi Norodom Sihamoni.",
              ["Nguyen Minh Vu | ambassadeur", "Norodom Sihamoni | roi"])
    }

    @Test func gluedNameBeforeRole() {
        check("TranKim Chung, vice-ministre de la Justice, a salué le projet.", ["Tran Kim Chung | vice-ministre de la Justice"])
    }

    @Test func honorificBeforeNameCommaRole() {
        check("Hanoï, 3 mai (VNA) – Le président Vo Van Thuong a reçu M. Wang Yi, ministre chinois des Affaires étrangères.",
              ["Vo Van Thuong | président", "Wang Yi | ministre chinois des Affaires étrangères"])
    }

    @Test func provincesKnownAndUnknown() {
        check("Le vice-président du Comité populaire de la province de Lao Cai Hoang Quoc Khanh a reçu le président du Comité populaire de la province de Binh Long Nguyen Van Tuan.",
              ["Hoang Quoc Khanh | vice-président du Comité populaire de la province de Lao Cai",
               "Nguyen Van Tuan | président du Comité populaire de la province de Binh Long"])
    }

    @Test func westernNamesAndAcronymInRole() {
        check("Le ministre français de l'Europe et des Affaires étrangères Jean-Noël Barrot a rencontré le secrétaire général de l'ONU, António Guterres, à New York.",
              ["Jean-Noël Barrot | ministre français de l'Europe et des Affaires étrangères", "António Guterres | secrétaire général de l'ONU"])
    }

    @Test func nobodyNamedWithARole() {
        check("Le chef de l'Etat a reçu à Hanoï Nguyen Van An et Tran Binh Minh. Le Vietnam, membre de l'ASEAN, soutient l'initiative.", [])
    }

    @Test func captionWithRoleAndPhotographer() {
        check("Le Premier ministre Pham Minh Chinh (au centre) lors de la réunion. Photo : Duong Giang/VNA", ["Pham Minh Chinh | Premier ministre"])
    }

    @Test func accentedGluedRole() {
        check("Lors de l'entretien, le Premierministre Phạm Minh Chính a salué les résultats de la coopération.", ["Phạm Minh Chính | Premier ministre"])
    }

    @Test func rankInAppositionKeepsTheFunction() {
        check("Le ministre de la Sécurité publique, le général Luong Tam Quang, a reçu le 4 juin l'ambassadeur du Japon au Vietnam Ito Naoki.",
              ["Luong Tam Quang | ministre de la Sécurité publique", "Ito Naoki | ambassadeur du Japon au Vietnam"])
    }
}
