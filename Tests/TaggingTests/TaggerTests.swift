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

    /// How many times `text` counts for the topic (the highest threshold that still tags it).
    func hits(_ keywords: [String], _ others: [String] = [], in text: String) -> Int {
        var n = 0
        while n < 10 {
            let vocab = TopicVocabulary(topics: [.init(name: "a", keywords: keywords), .init(name: "b", keywords: others)])
            let t = Tagger(vocabulary: vocab, minimumTopicHits: n + 1)
            guard t.tags(for: Dispatch(file: "a", title: "", lead: text)).contains(DTag(name: "a", kind: .topic)) else { break }
            n += 1
        }
        return n
    }

    @Test func phrasesCountOncePerPositionAndTopic() {
        let text = "les energies renouvelables et l'energie, energies fossiles"
        #expect(hits(["énergies renouvelables"], in: text) == 1)
        #expect(hits(["énergie", "energies"], in: text) == 3)
        // two keywords of one topic starting at one word count once
        #expect(hits(["énergies renouvelables", "energies"], in: text) == 2)
    }

    @Test func keywordsReadLikeTheText() {
        // a keyword is split into words as the text is: `COVID-19` is `covid` then `19`
        #expect(hits(["COVID-19"], in: "la covid-19, le Covid-19 et COVID-19") == 3)
        // an elided article is left out of both
        #expect(hits(["protection de l'environnement"], in: "la protection de l’environnement, protection de l'Environnement") == 2)
        #expect(hits(["parti"], in: "Il est parti. Le Parti. PARTI") == 3)
        // a phrase does not run from one paragraph into the next
        let t = Tagger(vocabulary: TopicVocabulary(topics: [.init(name: "a", keywords: ["visite officielle"])]), minimumTopicHits: 1)
        #expect(t.tags(for: Dispatch(file: "a", title: "", lead: "une visite", body: [.paragraph("officielle")])).isEmpty)
    }

    @Test func countryWordsMatchAsWritten() {
        let countries = { (text: String) in self.tags(text).filter { $0.kind == .country }.map(\.name) }
        #expect(countries("le ministre chinois") == ["Chine"])
        #expect(countries("les Chinois et les CHINOIS") == [])
        #expect(countries("les Etats-Unis") == ["États-Unis"])
        #expect(countries("l'Inde, d’Égypte") == ["Égypte", "Inde"])
        #expect(countries("aucun pays") == [])
    }

    @Test func theTitleIsRead() {
        #expect(tags("rien", title: "Visite au Japon (ASEAN)").contains(DTag(name: "Japon", kind: .country)))
        #expect(tags("rien", title: "Sommet de l'Association (ABCD)").contains(DTag(name: "ABCD", kind: .organisation)))
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
