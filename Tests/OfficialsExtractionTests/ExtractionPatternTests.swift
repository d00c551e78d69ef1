import Foundation
import Testing
import DispatchModel
import DispatchParsing
@testable import OfficialsExtraction

/// Extracts from a dispatch built directly: first text is the lead, the rest paragraphs.
func officials(_ lead: String, _ paragraphs: String..., captions: [String] = []) -> [OfficialMention] {
    var d = Dispatch(file: "t.txt", lead: lead, body: paragraphs.map { .paragraph($0) })
    d.body += captions.map { .caption(Caption(text: $0, credit: "Photo : VNA")) }
    return OfficialsExtractor().extract(from: d)
}

func pairs(_ m: [OfficialMention]) -> [String] { m.map { "\($0.name) | \($0.role ?? "-")" } }

@Suite struct SeedTests {
    static let seeds = Gold.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/seeds")

    func extractSeed(_ name: String) throws -> [OfficialMention] {
        let url = Self.seeds.appendingPathComponent(name)
        let bytes = try [UInt8](Data(contentsOf: url))
        let d = try #require(DispatchParser().parse(bytes: bytes, file: name, path: url.path).dispatch)
        return OfficialsExtractor().extract(from: d)
    }

    @Test func seedCourrier() throws {
        let got = try extractSeed("000_737f40d1634c7eec.txt")
        #expect(pairs(got) == [
            "Pham Thanh Binh | ambassadeur du Vietnam en Chine",
            "Wang Gang | chef adjoint du Département de l'information du Comité central du Parti communiste chinois (PCC)",
        ])
    }

    @Test func seedPlus() throws {
        let got = try extractSeed("004_96b83adbe4ecf584.txt")
        #expect(pairs(got) == [
            "Hoang Binh Quân | chef de la Commission des relations extérieures du Comité central (CC) du Parti communiste du Vietnam (PCV)",
            "Song Tao | chef du Département de liaison internationale du CC du Parti communiste chinois (PCC)",
        ])
    }
}

@Suite struct ExtractionPatternTests {
    @Test func roleCommaNameComma() {
        let got = officials("Le ministre des Affaires étrangères, Bui Thanh Son, a accueilli mardi une délégation japonaise.")
        #expect(pairs(got) == ["Bui Thanh Son | ministre des Affaires étrangères"])
    }

    @Test func nameCommaRole() {
        let got = officials("Kikeo Chanthaboury, ambassadrice du Laos au Vietnam, a assisté à la cérémonie d'ouverture.")
        #expect(pairs(got) == ["Kikeo Chanthaboury | ambassadrice du Laos au Vietnam"])
    }

    @Test func nameCommaArticleRoleAtSentenceEnd() {
        let got = officials("La délégation a été reçue par Li Qiang, le Premier ministre chinois.")
        #expect(pairs(got) == ["Li Qiang | Premier ministre chinois"])
    }

    @Test func roleThenName() {
        let got = officials("Le vice-Premier ministre Tran Hong Ha a présidé la réunion sur les inondations.")
        #expect(pairs(got) == ["Tran Hong Ha | vice-Premier ministre"])
    }

    @Test func roleEndingInPlaceThenName() {
        let got = officials("Le président du Comité populaire de Hanoï Tran Sy Thanh a inauguré le pont.",
                            "Il était accompagné du secrétaire du Comité du Parti du Guangxi Chen Gang.")
        #expect(pairs(got) == ["Tran Sy Thanh | président du Comité populaire de Hanoï",
                               "Chen Gang | secrétaire du Comité du Parti du Guangxi"])
    }

    @Test func conjunctionList() {
        let got = officials("La cérémonie s'est déroulée en présence du vice-ministre Le Hoai Trung et de l'ambassadeur Nguyen Minh Vu.")
        #expect(pairs(got) == ["Le Hoai Trung | vice-ministre", "Nguyen Minh Vu | ambassadeur"])
    }

    @Test func twoRolesJoinedByEtWithArticles() {
        let got = officials("Le chef de la Commission de l'économie Nguyen Van Binh et la présidente du groupe d'amitié Anne-Marie Lefèvre ont signé l'accord.")
        #expect(pairs(got) == ["Nguyen Van Binh | chef de la Commission de l'économie",
                               "Anne-Marie Lefèvre | présidente du groupe d'amitié"])
    }

    @Test func compoundRoleWithEt() {
        let got = officials("Le membre du Bureau politique et secrétaire du Comité central du PCV Luong Cuong a pris la parole.")
        #expect(pairs(got) == ["Luong Cuong | membre du Bureau politique et secrétaire du Comité central du PCV"])
    }

    @Test func honorifics() {
        let got = officials("M. Nguyen Van Thanh, directeur du Département consulaire, a présenté le projet.",
                            "Mme Ton Thi Ngoc Huong, vice-présidente de la Commission des affaires sociales, a salué l'initiative.",
                            "Selon M. Thanh, le texte sera adopté en mai.")
        #expect(pairs(got) == ["Nguyen Van Thanh | directeur du Département consulaire",
                               "Ton Thi Ngoc Huong | vice-présidente de la Commission des affaires sociales"])
    }

    @Test func gluedHonorific() {
        let got = officials("Le ministre de la Santé, M.Dao Hong Lan, a visité l'hôpital.")
        #expect(pairs(got) == ["Dao Hong Lan | ministre de la Santé"])
    }

    @Test func nestedOrganisationsAndAcronyms() {
        let got = officials("Le chef du Département de liaison internationale du Comité central (CC) du Parti communiste chinois (PCC) Liu Jianchao a reçu la délégation.")
        #expect(pairs(got) == ["Liu Jianchao | chef du Département de liaison internationale du Comité central (CC) du Parti communiste chinois (PCC)"])
    }

    @Test func feminineForms() {
        let got = officials("La vice-présidente de l'Assemblée nationale Nguyen Thi Thanh a ouvert la séance.",
                            "La consule générale de France à Hô Chi Minh-Ville, Emmanuelle Pavillon-Grosser, était présente.")
        #expect(pairs(got) == ["Nguyen Thi Thanh | vice-présidente de l'Assemblée nationale",
                               "Emmanuelle Pavillon-Grosser | consule générale de France à Hô Chi Minh-Ville"])
    }

    @Test func nationalityAdjective() {
        let got = officials("Le Premier ministre cambodgien Hun Manet a effectué une visite officielle au Vietnam.")
        #expect(pairs(got) == ["Hun Manet | Premier ministre cambodgien"])
    }

    @Test func namesOfEveryOrigin() {
        let got = officials(
            "Le ministre lao des Affaires étrangères Saleumxay Kommasith a rencontré le vice-Premier ministre cambodgien Prak Sokhonn.",
            "Le Premier ministre japonais Fumio Kishida a salué le président de l'Assemblée nationale Nguyen Thi Kim Ngan.",
            "Le maire de Lyon, Jean-Marc Dubois, a signé avec le ministre chinois du Commerce Wang Wentao.")
        #expect(pairs(got) == [
            "Saleumxay Kommasith | ministre lao des Affaires étrangères",
            "Prak Sokhonn | vice-Premier ministre cambodgien",
            "Fumio Kishida | Premier ministre japonais",
            "Nguyen Thi Kim Ngan | président de l'Assemblée nationale",
            "Jean-Marc Dubois | maire de Lyon",
            "Wang Wentao | ministre chinois du Commerce",
        ])
    }

    @Test func diacriticsKeptAndMostCompleteSpellingChosen() {
        let got = officials("Le secrétaire général To Lam a reçu l'ambassadeur Nguyễn Minh Vũ.",
                            "Tô Lâm a souligné l'importance de la coopération. Tô Lam a ajouté que le pays était prêt.",
                            "Nguyen Minh Vu a remercié la partie chinoise.")
        #expect(pairs(got) == ["Tô Lâm | secrétaire général", "Nguyễn Minh Vũ | ambassadeur"])
    }

    @Test func laterMentionsAddNoOneAndCaptionsLinkOnly() {
        let got = officials("Le vice-ministre Do Hung Viet a reçu une délégation.",
                            "Pham Quang Hieu a assisté à la réunion. Pour sa part, Đỗ Hùng Việt a rappelé les accords.",
                            captions: ["Nguyen Van Long (à droite) et Đỗ Hùng Việt, le 3 mai."])
        #expect(pairs(got) == ["Đỗ Hùng Việt | vice-ministre"])
    }

    @Test func samePersonTwiceKeepsFirstRole() {
        let got = officials("L'ambassadeur Pham Sao Mai a rencontré des étudiants.",
                            "Le diplomate Pham Sao Mai, ambassadeur du Vietnam en Inde, a ensuite visité le port.")
        #expect(pairs(got) == ["Pham Sao Mai | ambassadeur"])
    }

    @Test func gluedWordsUndone() {
        let got = officials("Le Premierministre Pham Minh Chinh a reçu le vice-ministre TranKim Chung.")
        #expect(pairs(got) == ["Pham Minh Chinh | Premier ministre", "Tran Kim Chung | vice-ministre"])
    }

    @Test func gluedSentences() {
        let got = officials("La rencontre a eu lieu à Hanoï.Le vice-ministre Nguyen Minh Hang a salué les résultats.Elle a ajouté que tout allait bien.")
        #expect(pairs(got) == ["Nguyen Minh Hang | vice-ministre"])
    }

    @Test func placeBeforeNameIsNotPartOfIt() {
        let got = officials("Le ministre Nguyen Hong Dien a rencontré à Luang Prabang Sonexay Siphandone, Premier ministre du Laos.",
                            "Il a aussi reçu à Hô Chi Minh-Ville Nguyen Van Nen, secrétaire du Comité du Parti de la ville.")
        #expect(pairs(got) == ["Nguyen Hong Dien | ministre",
                               "Sonexay Siphandone | Premier ministre du Laos",
                               "Nguyen Van Nen | secrétaire du Comité du Parti de la ville"])
    }

    @Test func notPeople() {
        // places, streets, airports, agencies, countries, openers, the word Photo, credits
        let got = officials("Hô Chi Minh-Ville (VNA) - L'ambassadeur du Vietnam en Chine a déclaré que Noi Bai serait agrandi.",
                            "Pour sa part, le ministre a visité la rue Ly Thuong Kiet à Hanoï.",
                            "Intervenant, le président de l'Assemblée nationale a salué la Chine et le Laos.",
                            "Photo : Lam Khanh/VNA",
                            captions: ["Lam Khanh et Thong Nhat, le 3 mai."])
        #expect(got.isEmpty)
    }

    @Test func selonAndOpeners() {
        let got = officials("Selon le vice-ministre des Finances Ta Anh Tuan, le budget sera équilibré.",
                            "Selon Vo Thi Anh Xuan, vice-présidente du Vietnam, la coopération progresse.",
                            "Intervenant, le ministre de la Santé Dao Hong Lan a appelé à la vigilance.",
                            "Pour sa part, le ministre de l'Industrie et du Commerce Nguyen Hong Dien a répondu.")
        #expect(pairs(got) == ["Ta Anh Tuan | vice-ministre des Finances",
                               "Vo Thi Anh Xuan | vice-présidente du Vietnam",
                               "Dao Hong Lan | ministre de la Santé",
                               "Nguyen Hong Dien | ministre de l'Industrie et du Commerce"])
    }

    @Test func sentenceInitialRoleIsLowered() {
        let got = officials("Vice-ministre des Finances, Ta Anh Tuan a signé le document.",
                            "Premier ministre depuis 2021, Pham Minh Chinh a présidé la séance.")
        #expect(pairs(got).first == "Ta Anh Tuan | vice-ministre des Finances")
    }

    @Test func typographicApostrophesBecomeStraight() {
        let got = officials("Nguyen Van Binh, ministre de l’Industrie et du Commerce, a reçu l’ambassadeur Claire Dubois.")
        #expect(pairs(got) == ["Nguyen Van Binh | ministre de l'Industrie et du Commerce", "Claire Dubois | ambassadeur"])
    }

    @Test func roleWithoutNameIsNothing() {
        let got = officials("L’ambassadeur a proposé plusieurs axes de coopération. Le responsable chinois a salué ces propositions.")
        #expect(got.isEmpty)
    }

    @Test func registryAliasesAreOnePersonInADispatch() throws {
        let reg = try OfficialsRegistry.load(yaml: """
            people:
              - name: Saysomphone Phomvihane
                spellings: [Xaysomphone Phomvihane]
              - name: Lam Khanh
                exclude: true
            """, path: "officials.yaml")
        let d = Dispatch(file: "x", lead: "Le président de l'Assemblée nationale lao Saysomphone Phomvihane a rencontré le photographe Lam Khanh.",
                         body: [.paragraph("Le président Xaysomphone Phomvihane a ensuite visité Hanoï.")])
        let got = OfficialsExtractor(registry: reg).extract(from: d)
        #expect(pairs(got) == ["Saysomphone Phomvihane | président de l'Assemblée nationale lao"])
    }
}

@Suite struct ShapeChoiceTests {
    @Test func roleEndingInCapitalisedNameThenCommaName() {
        let got = officials("Le directeur de l'hôpital Bach Mai, Dao Xuan Co, a présenté le bilan.")
        #expect(pairs(got) == ["Dao Xuan Co | directeur de l'hôpital Bach Mai"])
    }

    @Test func nameCommaRoleEndingInCapitalisedName() {
        let got = officials("Pham Nhat Vuong, président du groupe Vingroup Holding, a signé l'accord.")
        #expect(pairs(got) == ["Pham Nhat Vuong | président du groupe Vingroup Holding"])
    }

    @Test func subordinateNameBeforeRoleWithArticle() {
        let got = officials("Lors de sa rencontre avec Nguyen Van Long, le ministre Tran Hong Minh a salué les résultats.")
        #expect(pairs(got) == ["Tran Hong Minh | ministre"])
    }

    @Test func nameParticles() {
        let got = officials("Ursula von der Leyen, présidente de la Commission européenne, a reçu le Premier ministre néerlandais Dick Schoof.")
        #expect(pairs(got) == ["Ursula von der Leyen | présidente de la Commission européenne", "Dick Schoof | Premier ministre néerlandais"])
    }

    @Test func modifiersAndCompoundRoles() {
        let got = officials("L'ancien Premier ministre Nguyen Tan Dung a rencontré le vice-Premier ministre et ministre des Affaires étrangères Bui Thanh Son.",
                            "Le secrétaire d'État américain Antony Blinken était présent, ainsi que le président chinois Xi Jinping et son épouse Peng Liyuan.")
        #expect(pairs(got) == ["Nguyen Tan Dung | ancien Premier ministre",
                               "Bui Thanh Son | vice-Premier ministre et ministre des Affaires étrangères",
                               "Antony Blinken | secrétaire d'État américain",
                               "Xi Jinping | président chinois"])
    }

    @Test func nameListAfterPluralRoleIsNotGuessed() {
        let got = officials("Les ministres Nguyen Van A et Tran Van B ont assisté à la réunion.")
        #expect(got.isEmpty)
    }
}

@Suite struct LaterMentionTests {
    @Test func fullNameAndHonorificSurnameCount() {
        let d = Dispatch(file: "x", lead: "Le vice-ministre Nguyen Van Thanh a reçu l'ambassadeur Claire Dubois.",
                         body: [.paragraph("M. Thanh a rappelé les accords. Mme Dubois a remercié M. Thanh. Nguyên Van Thanh a conclu."),
                                .paragraph("M. Long, directeur adjoint, était présent.")])
        let got = OfficialsExtractor().extractDetailed(from: d)
        #expect(got.map(\.mention.name) == ["Nguyên Van Thanh", "Claire Dubois"])
        #expect(got.map(\.mentionCount) == [4, 2])
        #expect(got[0].spellings == ["Nguyen Van Thanh", "Nguyên Van Thanh"])
    }
}
