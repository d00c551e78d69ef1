import DispatchModel

/// One person across the whole corpus.
public struct ResolvedPerson: Hashable, Sendable {
    /// The most complete spelling seen (diacritics preferred).
    public var displayName: String
    /// Every spelling seen, sorted, display name included.
    public var spellings: [String]
    /// Each dispatch (index into the input) naming this person, with the role given there.
    public var appearances: [Appearance]
    /// Organisations (acronyms or names) seen in this person's roles, sorted.
    public var organisations: [String] = []
    /// Country, where the roles say it.
    public var country: String?
    /// Editorial additions from the registry.
    public var description: String?
    public var portraitCredit: String?

    public struct Appearance: Hashable, Sendable {
        public var dispatch: Int
        public var role: String?
        public init(dispatch: Int, role: String?) { self.dispatch = dispatch; self.role = role }
    }

    public init(displayName: String, spellings: [String], appearances: [Appearance]) {
        self.displayName = displayName
        self.spellings = spellings
        self.appearances = appearances
    }
}

/// Merges mentions across dispatches into people.
public struct IdentityResolver: Sendable {
    public init() {}

    /// - Parameter mentions: for each dispatch (by index), its officials.
    /// - Returns: people sorted by display name; appearances sorted by dispatch index.
    public func resolve(_ mentions: [[OfficialMention]]) -> [ResolvedPerson] {
        var byKey: [String: ResolvedPerson] = [:]
        for (i, list) in mentions.enumerated() {
            for m in list {
                let key = TextFolding.key(m.name)
                var p = byKey[key] ?? ResolvedPerson(displayName: m.name, spellings: [], appearances: [])
                if !p.spellings.contains(m.name) { p.spellings.append(m.name) }
                p.appearances.append(.init(dispatch: i, role: m.role))
                byKey[key] = p
            }
        }
        return byKey.values.map { var p = $0; p.spellings.sort(); return p }
            .sorted { $0.displayName < $1.displayName }
    }
}
