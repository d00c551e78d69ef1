import Testing
import DispatchModel
@testable import OfficialsExtraction

func m(_ name: String, _ role: String? = nil) -> OfficialMention { OfficialMention(name: name, role: role) }

@Suite struct IdentityTests {
    @Test func diacriticsCaseAndHonorificsMerge() {
        let people = IdentityResolver().resolve([
            [m("To Lam", "ministre de la Sécurité publique")],
            [m("Tô Lâm", "secrétaire général du Comité central du PCV")],
            [m("TÔ LAM", "secrétaire général")],
            [m("M. Tô Lam", "président")],
        ])
        #expect(people.count == 1)
        let p = people[0]
        #expect(p.displayName == "Tô Lâm")
        #expect(p.spellings == ["To Lam", "TÔ LAM", "Tô Lam", "Tô Lâm"])
        #expect(p.appearances.map(\.dispatch) == [0, 1, 2, 3])
        #expect(p.appearances[0].role == "ministre de la Sécurité publique")
        #expect(p.organisations == ["PCV"])
        #expect(p.country == "Vietnam")
    }

    @Test func sharedSurnameOrGivenNameDoesNotMerge() {
        let people = IdentityResolver().resolve([
            [m("Nguyen Van Binh", "ministre"), m("Wang Gang", "ambassadeur de Chine au Vietnam")],
            [m("Nguyen Van Hai", "vice-ministre"), m("Wang Yi", "ministre chinois des Affaires étrangères")],
            [m("Tran Van Binh", "maire"), m("Li Gang", "chef adjoint")],
        ])
        #expect(people.map(\.displayName) == ["Li Gang", "Nguyen Van Binh", "Nguyen Van Hai", "Tran Van Binh", "Wang Gang", "Wang Yi"])
    }

    @Test func displayNameIndependentOfOrderAndTiesDeterministic() {
        let a = [[m("Tô Lam", "x")], [m("To Lâm", "y")], [m("To Lam", "z")]]
        let r1 = IdentityResolver().resolve(a)
        let r2 = IdentityResolver().resolve(a.reversed())
        #expect(r1.count == 1 && r2.count == 1)
        #expect(r1[0].displayName == r2[0].displayName)
        #expect(r1[0].displayName == "To Lâm") // equal diacritics: smallest text wins
        #expect(r1[0].spellings == r2[0].spellings)
    }

    @Test func sortedPeopleAndAppearances() {
        let people = IdentityResolver().resolve([
            [m("Zhao Lei", "ambassadeur de Chine au Vietnam"), m("Ánh Dương", "ministre")],
            [m("Bui Thanh Son", "ministre des Affaires étrangères")],
            [m("Zhao Lei", "ambassadeur")],
        ])
        #expect(people.map(\.displayName) == ["Ánh Dương", "Bui Thanh Son", "Zhao Lei"])
        #expect(people[2].appearances.map(\.dispatch) == [0, 2])
        #expect(people[2].country == "Chine")
    }

    @Test func countryAndOrganisationsFromRoles() {
        #expect(RoleAnalysis.country(of: "ambassadeur du Vietnam en Chine") == "Vietnam")
        #expect(RoleAnalysis.country(of: "ambassadeur de Chine au Vietnam") == "Chine")
        #expect(RoleAnalysis.country(of: "vice-ministre chinois du Commerce") == "Chine")
        #expect(RoleAnalysis.country(of: "Premier ministre cambodgien") == "Cambodge")
        #expect(RoleAnalysis.country(of: "secrétaire général du Parti populaire révolutionnaire lao (PPRL)") == "Laos")
        #expect(RoleAnalysis.country(of: "consule générale de France à Hô Chi Minh-Ville") == "France")
        #expect(RoleAnalysis.country(of: "secrétaire du Comité du Parti de Hô Chi Minh-Ville") == "Vietnam")
        #expect(RoleAnalysis.country(of: "membre du Bureau politique et secrétaire du Comité central du PCV") == "Vietnam")
        #expect(RoleAnalysis.country(of: "vice-ministre des Affaires étrangères") == nil)
        #expect(RoleAnalysis.organisations(in: [
            "chef du Département de liaison internationale du Comité central (CC) du Parti communiste chinois (PCC)",
            "directeur général de l'Agence vietnamienne d'information (VNA)",
        ]) == ["PCC", "VNA"])
    }
}

@Suite struct RegistryTests {
    static let yaml = """
        # editorial registry
        people:
          - name: Saysomphone Phomvihane
            spellings: [Xaysomphone Phomvihane]
            description: Président de l'Assemblée nationale lao.
            portrait_credit: "Photo : VNA"
          - name: Nguyễn Văn Bình (banquier)
            spellings: [Nguyen Van Binh]
            roles: [banque, gouverneur]
          - name: Nguyễn Văn Bình (diplomate)
            spellings: [Nguyen Van Binh]
            roles: [ambassadeur]
          - name: Lam Khanh
            exclude: true
          - name: Tô Lâm
            spellings: To Lam
            country: Vietnam
        """

    @Test func loadsEveryField() throws {
        let r = try OfficialsRegistry.load(yaml: Self.yaml, path: "officials.yaml")
        #expect(r.entries.count == 5)
        #expect(r.entries[0].spellings == ["Xaysomphone Phomvihane"])
        #expect(r.entries[0].portraitCredit == "Photo : VNA")
        #expect(r.entries[1].roles == ["banque", "gouverneur"])
        #expect(r.entries[3].exclude)
        #expect(r.entries[4].spellings == ["To Lam"])
        #expect(r.entries[0].line == 3)
    }

    @Test func mergeSplitRenameExcludeAnnotate() throws {
        let r = try OfficialsRegistry.load(yaml: Self.yaml, path: "officials.yaml")
        let people = IdentityResolver(registry: r).resolve([
            [m("Saysomphone Phomvihane", "président de l'Assemblée nationale lao"), m("Nguyen Van Binh", "gouverneur de la Banque d'État")],
            [m("Xaysomphone Phomvihane", "président"), m("Nguyen Van Binh", "ambassadeur du Vietnam en France")],
            [m("Lam Khanh", "photographe"), m("To Lam", "ministre"), m("Nguyen Van Binh", "maire de Hué")],
        ])
        let names = people.map(\.displayName)
        #expect(names == ["Nguyen Van Binh", "Nguyễn Văn Bình (banquier)", "Nguyễn Văn Bình (diplomate)", "Saysomphone Phomvihane", "Tô Lâm"])
        let lao = people.first { $0.displayName == "Saysomphone Phomvihane" }!
        #expect(lao.appearances.map(\.dispatch) == [0, 1])
        #expect(lao.spellings == ["Saysomphone Phomvihane", "Xaysomphone Phomvihane"])
        #expect(lao.description == "Président de l'Assemblée nationale lao.")
        #expect(lao.portraitCredit == "Photo : VNA")
        #expect(lao.country == "Laos")
        #expect(people.first { $0.displayName.hasSuffix("(banquier)") }!.appearances.map(\.dispatch) == [0])
        #expect(people.first { $0.displayName.hasSuffix("(diplomate)") }!.appearances.map(\.dispatch) == [1])
        // unmatched role: automatic identity
        #expect(people[0].appearances.map(\.dispatch) == [2])
        #expect(people.last!.country == "Vietnam")
        #expect(!names.contains("Lam Khanh"))
    }

    @Test func errorsNameFileAndLine() {
        func err(_ y: String) -> String {
            do { _ = try OfficialsRegistry.load(yaml: y, path: "data/officials.yaml"); return "no error" }
            catch { return "\(error)" }
        }
        #expect(err("people:\n  - name: A B\n    nickname: x\n").hasPrefix("data/officials.yaml:3: unknown key `nickname`"))
        #expect(err("people:\n  - spellings: [A B]\n").hasPrefix("data/officials.yaml:2: person without a `name`"))
        #expect(err("people:\n  - name: A B\n    exclude: maybe\n").hasPrefix("data/officials.yaml:3: `exclude` must be true or false"))
        #expect(err("people:\n  - name: [A\n").hasPrefix("data/officials.yaml:"))
        #expect(err("persons: []\n").hasPrefix("data/officials.yaml:1: unknown key `persons`"))
        #expect(err("people:\n  - name: A B\n  - name: C D\n    spellings: [a b]\n").hasPrefix("data/officials.yaml:2: spelling `a b` is listed for 2 people"))
        #expect(err("people:\n  - name: A B\n    roles: {x: 1}\n").hasPrefix("data/officials.yaml:3: `roles` must be a list of strings"))
    }

    @Test func emptyRegistry() throws {
        #expect(try OfficialsRegistry.load(yaml: "", path: "x.yaml").entries.isEmpty)
        #expect(try OfficialsRegistry.load(yaml: "people:\n", path: "x.yaml").entries.isEmpty)
    }
}

@Suite struct ReportTests {
    @Test func oneBlockPerPerson() {
        let people = IdentityResolver().resolve([
            [m("Tô Lâm", "secrétaire général du Comité central du PCV"), m("Wang Gang", "chef adjoint du Département de l'information du Parti communiste chinois (PCC)")],
            [m("To Lam", "secrétaire général du Comité central du PCV")],
        ])
        let text = OfficialsReport.text(people: people, files: ["a.txt", "b.txt"])
        #expect(text == """
            2 personnes

            Tô Lâm — 2 dépêches
              graphies : To Lam ; Tô Lâm
              fonctions : secrétaire général du Comité central du PCV (2)
              organisations : PCV
              pays : Vietnam
              dépêches : a.txt ; b.txt

            Wang Gang — 1 dépêche
              graphies : Wang Gang
              fonctions : chef adjoint du Département de l'information du Parti communiste chinois (PCC) (1)
              organisations : PCC
              pays : Chine
              dépêches : a.txt

            """)
    }
}

@Suite struct PipelineIdentityTests {
    @Test func extractedSpellingsReachTheResolver() {
        let d1 = Dispatch(file: "a", lead: "Le secrétaire général To Lam a reçu l'ambassadeur Wang Gang.",
                          body: [.paragraph("Tô Lâm a salué la coopération.")])
        let d2 = Dispatch(file: "b", lead: "Le secrétaire général du Comité central du PCV Tô Lam a présidé la séance.")
        let ex = OfficialsExtractor()
        let a = ex.extractDetailed(from: d1)
        #expect(a.first?.spellings == ["To Lam", "Tô Lâm"])
        let people = IdentityResolver().resolve(extracted: [a, ex.extractDetailed(from: d2)])
        #expect(people.map(\.displayName) == ["Tô Lâm", "Wang Gang"])
        #expect(people[0].spellings == ["To Lam", "Tô Lam", "Tô Lâm"])
        #expect(people[0].appearances.map(\.role) == ["secrétaire général", "secrétaire général du Comité central du PCV"])
    }
}
