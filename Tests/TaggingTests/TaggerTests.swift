import DispatchModel
import Tagging
import Testing

typealias DTag = DispatchModel.Tag

@Suite struct TaggerTests {
    let tagger = Tagger()

    func tags(_ lead: String, title: String = "T", place: String? = nil) -> [DTag] {
        tagger.tags(for: Dispatch(file: "a.txt", title: title, place: place, lead: lead))
    }

    @Test func acronymsIntroducedInParenthesesAreOrganisations() {
        let t = tags("Le Comité central du Parti communiste chinois (PCC) et le Parti communiste du Vietnam (PCV).")
        #expect(t.contains(DTag(name: "PCC", kind: .organisation)))
        #expect(t.contains(DTag(name: "PCV", kind: .organisation)))
    }

    @Test func agenciesAndGenericAbbreviationsAreNot() {
        let t = tags("Hanoï (VNA) - Le Comité central (CC) a reçu (AFP).")
        #expect(!t.contains { $0.kind == .organisation })
    }

    @Test func countriesFromNamesAndAdjectives() {
        let t = tags("L'ambassadeur du Vietnam a rencontré le vice-ministre chinois et la délégation lao.")
        let countries = t.filter { $0.kind == .country }.map(\.name)
        #expect(countries == ["Chine", "Laos", "Vietnam"])
    }

    @Test func topicsMatchWithoutAccentsOrCase() {
        let t = tags("LA COOPERATION ECONOMIQUE, le COMMERCE et la lutte contre la pandémie, la SANTE.")
        let topics = t.filter { $0.kind == .topic }.map(\.name)
        #expect(topics.contains("économie"))
        #expect(topics.contains("santé"))
    }

    @Test func multiWordKeywordsNeedTheWholePhrase() {
        let vocab = TopicVocabulary(topics: [.init(name: "énergie", keywords: ["énergies renouvelables"])])
        let t = Tagger(vocabulary: vocab, minimumTopicHits: 1)
        #expect(t.tags(for: Dispatch(file: "a", title: "x", lead: "Les énergies renouvelables.")).contains(DTag(name: "énergie", kind: .topic)))
        #expect(!t.tags(for: Dispatch(file: "a", title: "x", lead: "Les énergies fossiles, renouvelables.")).contains { $0.kind == .topic })
    }

    @Test func oneKeywordInPassingIsNotATopic() {
        let t = tags("Les deux parties ont salué la paix régionale.")
        #expect(!t.contains(DTag(name: "sécurité", kind: .topic)))
        let u = tags("Les deux parties ont salué la paix et la stabilité régionales.")
        #expect(u.contains(DTag(name: "sécurité", kind: .topic)))
    }

    @Test func placeFromTheDateline() {
        #expect(tags("x", place: "Pékin").contains(DTag(name: "Pékin", kind: .place)))
    }

    @Test func sortedByKindThenName() {
        let t = tags("Le Vietnam et la Chine (ONU) : économie.", place: "Hanoï")
        #expect(t == t.sorted { ($0.kind, TextFolding.key($0.name)) < ($1.kind, TextFolding.key($1.name)) })
    }
}
