import DispatchModel

/// Topics and the French keywords or phrases that signal them. Matching is accent- and
/// case-insensitive on whole words, so `Economie`, `économique` (listed) and `ÉCONOMIE` agree.
/// The editor can replace the default with a data file (see `SiteBuild`).
public struct TopicVocabulary: Sendable, Hashable {
    public struct Topic: Sendable, Hashable {
        public var name: String
        public var keywords: [String]
        public init(name: String, keywords: [String]) {
            self.name = name
            self.keywords = keywords
        }
    }

    public var topics: [Topic]

    public init(topics: [Topic]) {
        self.topics = topics
    }

    /// A sensible default for diplomacy/economy/health/culture/security dispatches.
    public static let standard = TopicVocabulary(topics: [
        Topic(name: "diplomatie", keywords: ["diplomatie", "diplomatique", "diplomatiques", "ambassade", "ambassadeur", "relations bilatérales", "visite officielle", "partenariat stratégique", "affaires étrangères"]),
        Topic(name: "économie", keywords: ["économie", "économique", "économiques", "commerce", "commercial", "commerciaux", "commerciales", "investissement", "investissements", "exportation", "exportations", "importation", "croissance", "PIB"]),
        Topic(name: "santé", keywords: ["santé", "médical", "médicale", "médicaux", "vaccin", "vaccins", "pandémie", "COVID-19", "hôpital", "épidémie"]),
        Topic(name: "culture", keywords: ["culture", "culturel", "culturels", "culturelle", "culturelles", "patrimoine", "tourisme", "festival", "exposition", "ouvrages"]),
        Topic(name: "sécurité", keywords: ["sécurité", "défense", "paix", "stabilité", "maritime", "maritimes", "militaire", "militaires", "terrorisme"]),
        Topic(name: "éducation", keywords: ["éducation", "formation", "université", "universitaire", "bourses", "étudiants", "enseignement"]),
        Topic(name: "jeunesse", keywords: ["jeunesse", "jeunes", "jeunes générations"]),
        Topic(name: "énergie", keywords: ["énergie", "énergétique", "énergies renouvelables", "électricité", "pétrole"]),
        Topic(name: "agriculture", keywords: ["agriculture", "agricole", "agricoles", "sécurité alimentaire", "riz", "pêche"]),
        Topic(name: "environnement", keywords: ["environnement", "climat", "climatique", "catastrophes naturelles", "inondations"]),
        Topic(name: "politique", keywords: ["Parti", "Comité central", "Bureau politique", "Assemblée nationale", "congrès", "plénum"]),
        Topic(name: "science et technologie", keywords: ["technologie", "numérique", "innovation", "science", "scientifique"]),
    ])
}
