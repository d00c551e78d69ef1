import DispatchModel

/// One person across the whole corpus.
public struct ResolvedPerson: Hashable, Sendable {
    /// The most complete spelling seen (diacritics preferred), or the registry's name.
    public var displayName: String
    /// Every spelling seen, display name included; sorted accent-insensitively, then exactly.
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

    /// Distinct roles with how many dispatches give each, most frequent first, then by text.
    public var roleCounts: [(role: String, count: Int)] {
        var c: [String: Int] = [:]
        for a in appearances { if let r = a.role { c[r, default: 0] += 1 } }
        return c.map { ($0.key, $0.value) }.sorted { $0.1 != $1.1 ? $0.1 > $1.1 : $0.0 < $1.0 }
    }
}

/// Merges mentions across dispatches into people.
///
/// Spellings that differ only by diacritics, case or honorifics (`M.`, `Mme`) are one
/// person; nothing else merges automatically (a shared surname or given name never does).
/// The registry then merges, splits (by role keyword), renames, excludes and annotates.
public struct IdentityResolver: Sendable {
    public var registry: OfficialsRegistry

    public init() { registry = OfficialsRegistry() }

    public init(registry: OfficialsRegistry) { self.registry = registry }

    /// - Parameter mentions: for each dispatch (by index), its officials.
    /// - Returns: people sorted by display name (accent-insensitively, then exactly);
    ///   appearances sorted by dispatch index, one per dispatch (first role given there).
    ///   The result does not depend on the order of mentions within a dispatch.
    public func resolve(_ mentions: [[OfficialMention]]) -> [ResolvedPerson] {
        resolve(extracted: mentions.map { $0.map { ExtractedOfficial(mention: $0, spellings: []) } })
    }

    /// Same, also counting every spelling each dispatch used for the person (so that
    /// `spellings` lists `To Lam` even where a dispatch's mention kept `Tô Lâm`).
    public func resolve(extracted: [[ExtractedOfficial]]) -> [ResolvedPerson] {
        struct Acc {
            /// By cleaned name's id (`names`).
            var spellings: [Int32: Int] = [:]
            var appearances: [Int: String?] = [:]
            var entry: Int?
        }
        /// One raw spelling, cleaned and keyed once: a corpus names the same few thousand
        /// people tens of thousands of times, and each mention hashed three strings (its raw
        /// name, its identity, the registry's key) and counted a fourth.
        struct Spelling {
            var name: Int32
            var key: String
            var keyID: String
            /// The person's accumulator, when no registry entry can apply to the key (so the
            /// identity is `keyID` whatever the role).
            var slot: Int?
        }
        var accs: [Acc] = []
        var slotOf: [String: Int] = [:]
        var names: [String] = []
        var nameID: [String: Int32] = [:]
        var spellingsTable: [Spelling] = []
        var cleaned: [String: Int] = [:]
        func clean(_ raw: String) -> Int {
            if let c = cleaned[raw] { return c }
            let name = OfficialsResolverText.cleanName(raw)
            let key = OfficialsRegistry.nameKey(name)
            let id: Int32
            if let known = nameID[name] { id = known } else {
                id = Int32(names.count)
                nameID[name] = id
                names.append(name)
            }
            spellingsTable.append(Spelling(name: id, key: key, keyID: "k" + key, slot: nil))
            cleaned[raw] = spellingsTable.count - 1
            return spellingsTable.count - 1
        }
        for (i, list) in extracted.enumerated() {
            for x in list {
                let m = x.mention
                let si = clean(m.name)
                let sp = spellingsTable[si]
                if sp.key.isEmpty { continue }
                let slot: Int
                if let known = sp.slot {
                    slot = known
                } else {
                    let entry = registry.entryIndex(key: sp.key, role: m.role)
                    if let e = entry, registry.entries[e].exclude { continue }
                    let id = entry.map { "r\($0)" } ?? sp.keyID
                    if let s = slotOf[id] { slot = s } else {
                        slot = accs.count
                        slotOf[id] = slot
                        accs.append(Acc(entry: entry))
                    }
                    if !registry.mayMatch(key: sp.key) { spellingsTable[si].slot = slot }
                }
                let others = x.spellings.map { raw -> Spelling in
                    let k = clean(raw)
                    return spellingsTable[k]
                }
                    .filter { $0.name != sp.name && $0.key == sp.key }.map(\.name)
                // Updated in place: a copy taken out and stored back copied the person's
                // whole list of appearances at every mention (quadratic in their count).
                accs[slot].spellings[sp.name, default: 0] += 1
                for c in others { accs[slot].spellings[c, default: 0] += 1 }
                if let old = accs[slot].appearances[i] {
                    if old == nil, m.role != nil { accs[slot].appearances[i] = m.role }
                } else {
                    accs[slot].appearances[i] = .some(m.role)
                }
            }
        }
        var people: [ResolvedPerson] = []
        people.reserveCapacity(accs.count)
        // Roles repeat across people (every vice-minister of foreign affairs has the same
        // one): each distinct role is analysed once for the whole corpus.
        var roleCache = RoleAnalysis.Cache()
        for acc in accs {
            var counts: [String: Int] = [:]
            for (id, n) in acc.spellings { counts[names[Int(id)]] = n }
            let spellings = counts.keys.sorted()
            var display = OfficialsResolverText.bestSpelling(counts)
            let entry = acc.entry.map { registry.entries[$0] }
            var all = Set(spellings)
            if let e = entry { display = e.name; all.insert(e.name) }
            let apps = acc.appearances.keys.sorted().map { ResolvedPerson.Appearance(dispatch: $0, role: acc.appearances[$0]!) }
            let sortedSpellings = all.map { (TextFolding.key($0), $0) }.sorted { $0 < $1 }.map(\.1)
            var p = ResolvedPerson(displayName: display, spellings: sortedSpellings, appearances: apps)
            // Each distinct role with how many appearances give it, counted once for both
            // analyses (each hashed every role of every appearance).
            var roleCounts: [String: Int] = [:]
            for a in apps { if let r = a.role { roleCounts[r, default: 0] += 1 } }
            p.organisations = RoleAnalysis.organisations(inDistinct: roleCounts.keys, cache: &roleCache)
            p.country = entry?.country ?? RoleAnalysis.country(ofCounted: roleCounts, cache: &roleCache)
            p.description = entry?.description
            p.portraitCredit = entry?.portraitCredit
            people.append(p)
        }
        // Keys folded once per person, not twice per comparison.
        let keys = people.map { TextFolding.key($0.displayName) }
        return people.indices.sorted { i, j in
            let a = keys[i], b = keys[j]
            if a != b { return a < b }
            let x = people[i], y = people[j]
            if x.displayName != y.displayName { return x.displayName < y.displayName }
            return (x.appearances.first?.dispatch ?? 0) < (y.appearances.first?.dispatch ?? 0)
        }.map { people[$0] }
    }
}

enum OfficialsResolverText {
    /// Honorifics and extra spaces removed; typographic apostrophes straightened.
    static func cleanName(_ s: String) -> String {
        var words = s.replacingApostrophes.split(whereSeparator: { $0 == " " || $0 == "\u{a0}" || $0 == "\n" })
        while words.count > 1, ["M.", "Mme", "Mlle", "Mr", "Dr", "M"].contains(String(words[0])) { words.removeFirst() }
        return words.joined(separator: " ")
    }

    /// Most diacritics, then not all-capitals, then most frequent, then smallest text.
    static func bestSpelling(_ counts: [String: Int]) -> String {
        func score(_ s: String) -> (Int, Int, Int) {
            let accents = s.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x80 ? 1 : 0) }
            let hasLower = s.unicodeScalars.contains { $0.properties.isLowercase }
            return (accents, hasLower ? 1 : 0, counts[s] ?? 0)
        }
        return counts.keys.max { a, b in
            let sa = score(a), sb = score(b)
            if sa != sb { return sa < sb }
            return a > b
        } ?? ""
    }
}

extension String {
    var replacingApostrophes: String {
        guard unicodeScalars.contains(where: { $0.value == 0x2019 || $0.value == 0x2018 }) else { return self }
        return String(String.UnicodeScalarView(unicodeScalars.map { $0.value == 0x2019 || $0.value == 0x2018 ? "'" : $0 }))
    }
}

/// Organisations and country read from role strings.
public enum RoleAnalysis {
    /// Acronyms in the roles (`PCC` from `… chinois (PCC)` or `… du PCC`), sorted; generic
    /// ones that name no organisation alone (`CC`) are left out.
    public static func organisations(in roles: [String]) -> [String] {
        var cache = Cache()
        return organisations(in: roles, cache: &cache)
    }

    /// What each role string says, remembered across the people of a corpus (the resolver's).
    struct Cache {
        var organisations: [String: [String]] = [:]
        var country: [String: String?] = [:]
    }

    static func organisations(in roles: [String], cache: inout Cache) -> [String] {
        organisations(inDistinct: Set(roles), cache: &cache)
    }

    /// Same, from the distinct roles.
    static func organisations<S: Sequence<String>>(inDistinct roles: S, cache: inout Cache) -> [String] {
        var out = Set<String>()
        // A person's roles repeat (hundreds of dispatches, a few distinct roles): tokenize each once.
        for r in roles {
            if let known = cache.organisations[r] { out.formUnion(known); continue }
            var found: [String] = []
            for t in Tokenizer.tokenize(r) where t.isWord && t.allCaps && t.text.count >= 2 {
                if !Lexicon.genericAcronyms.contains(t.text) { found.append(t.text) }
            }
            cache.organisations[r] = found
            out.formUnion(found)
        }
        return out.sorted()
    }

    /// Country a role is about: the first nationality word, country (`du Vietnam`, not
    /// `en Chine`: the posting), known place or party acronym. Nil when none.
    public static func country(of role: String) -> String? {
        let t = Tokenizer.tokenize(role)
        var k = 0
        while k < t.count {
            defer { k += 1 }
            guard t[k].isWord else { continue }
            let prev = k > 0 ? t[k - 1].key : ""
            if prev == "en" || prev == "au" || prev == "aux" || prev == "a" { continue }
            if t[k].allCaps, let c = Lexicon.acronymCountry[t[k].text] { return c }
            if k + 2 < t.count, t[k + 1].isWord, t[k + 2].isWord,
               let c = Lexicon.countryWords[t[k].key + " " + t[k + 1].key + " " + t[k + 2].key] { return c }
            if k + 1 < t.count, t[k + 1].isWord, let c = Lexicon.countryWords[t[k].key + " " + t[k + 1].key] { return c }
            if let c = Lexicon.countryWords[t[k].key] { return c }
        }
        return nil
    }

    /// Most frequent country over a person's roles; ties go to the alphabetically first.
    public static func country(of roles: [String]) -> String? {
        var cache = Cache()
        return country(of: roles, cache: &cache)
    }

    static func country(of roles: [String], cache: inout Cache) -> String? {
        var distinct: [String: Int] = [:]
        for r in roles { distinct[r, default: 0] += 1 }
        return country(ofCounted: distinct, cache: &cache)
    }

    /// Same, from each distinct role with how many times it is given.
    static func country(ofCounted distinct: [String: Int], cache: inout Cache) -> String? {
        var c: [String: Int] = [:]
        for (r, n) in distinct {
            let found: String?
            if let known = cache.country[r] { found = known } else { found = country(of: r); cache.country[r] = found }
            if let x = found { c[x, default: 0] += n }
        }
        return c.max { $0.value != $1.value ? $0.value < $1.value : $0.key > $1.key }?.key
    }
}
