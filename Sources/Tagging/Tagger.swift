import DispatchModel
import OfficialsExtraction

/// Tags a dispatch with the organisations (acronyms), countries, place (dateline) and topics
/// it is about. Reads the dispatch's tokens (`DispatchTokens`, made once for the officials
/// extractor too): what a key can name (a topic phrase's first word, an organisation or a
/// country) is looked up once per distinct word of the dispatch, not once per occurrence.
public struct Tagger: Sendable {
    /// Each topic phrase as its words' keys (folded, as the tokenizer makes them), and its topic.
    let phrases: [(words: [[UInt8]], topic: Int)]
    /// What a word's key can start or name, found with one lookup: the index in
    /// `phraseLists` of the topic phrases it starts, and the index in `namedLists` of the
    /// organisation and country words that fold to it (-1: none).
    let starts: WordTable<(phrases: Int32, named: Int32)>
    let phraseLists: [[Int]]
    /// Organisation and country words, each as written (they match as written: `chinois`,
    /// not `Chinois`), with their tags and each tag's sort key.
    let namedLists: [[(written: [UInt8], tags: [(tag: Tag, key: String)])]]
    let topicNames: [String]
    /// `TextFolding.key` of each topic name: tags sort by it.
    let topicKeys: [String]
    let minimumTopicHits: Int
    /// This tagger's values memoized in the tokens' vocabulary (what each key starts or names).
    let memoOwner = TokenMemoOwner()

    public init(vocabulary: TopicVocabulary = .standard, minimumTopicHits: Int = 2) {
        self.minimumTopicHits = minimumTopicHits
        topicNames = vocabulary.topics.map(\.name)
        var phrases: [(words: [[UInt8]], topic: Int)] = []
        var byFirst: [[UInt8]: [Int]] = [:]
        // Every keyword tokenized at once (one set of keys for all): the tagger is made on the
        // serial path at the start of a build, and a tokenizer per keyword was most of it.
        let keywords = vocabulary.topics.enumerated().flatMap { topic, t in t.keywords.map { (topic, $0) } }
        let words = Self.phraseWords(keywords.map(\.1))
        for (k, (topic, _)) in keywords.enumerated() {
            guard let first = words[k].first else { continue }
            byFirst[first, default: []].append(phrases.count)
            phrases.append((words[k], topic))
        }
        self.phrases = phrases
        topicKeys = topicNames.map(TextFolding.key)
        var named: [[UInt8]: [(written: [UInt8], tags: [(tag: Tag, key: String)])]] = [:]
        for (word, tags) in Self.wordTags.sorted(by: { $0.key < $1.key }) {
            named[Array(TextFolding.key(word).utf8), default: []].append((Array(word.utf8), tags.map { ($0, TextFolding.key($0.name)) }))
        }
        let (phraseIDs, phraseLists) = Self.indexed(byFirst)
        let (namedIDs, namedLists) = Self.indexed(named)
        self.phraseLists = phraseLists
        self.namedLists = namedLists
        var both: [[UInt8]: (phrases: Int32, named: Int32)] = [:]
        for (k, id) in phraseIDs { both[k] = (id, -1) }
        for (k, id) in namedIDs { both[k, default: (-1, -1)].named = id }
        starts = WordTable(bytes: both)
    }

    /// Ids of the keys, numbered in key order (the same every run), and the lists by id.
    private static func indexed<V>(_ map: [[UInt8]: V]) -> ([[UInt8]: Int32], [V]) {
        var ids: [[UInt8]: Int32] = [:]
        var lists: [V] = []
        for (k, v) in map.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            ids[k] = Int32(lists.count)
            lists.append(v)
        }
        return (ids, lists)
    }

    /// Keywords' words as the tokenizer keys them (`COVID-19`: `covid`, `19`).
    static func phraseWords(_ phrases: [String]) -> [[[UInt8]]] {
        let t = DispatchTokens(texts: phrases)
        let apostrophe = t.keyID(ascii: 0x27)
        return t.documents.map { doc in wordKeys(doc, apostrophe: apostrophe).map { k in t.withKeyBytes(k) { Array($0) } } }
    }

    /// The keys of a text's words and numbers in order, punctuation skipped and an elided
    /// article (`l'`, `d'`, `qu'`: a word right before an apostrophe) left out, so that
    /// `protection de l'environnement` reads as `protection de environnement`.
    static func wordKeys(_ toks: [Token], apostrophe: Int32) -> [Int32] {
        var out: [Int32] = []
        out.reserveCapacity(toks.count)
        for i in toks.indices where toks[i].kind != .punct {
            if i + 1 < toks.count, toks[i + 1].key == apostrophe, toks[i + 1].start == toks[i].end { continue }
            out.append(toks[i].key)
        }
        return out
    }

    /// Tags sorted by kind, then name, without duplicates.
    public func tags(for d: Dispatch) -> [Tag] {
        tags(for: d, tokens: DispatchTokens(d))
    }

    /// - Parameter tokens: `d`'s tokens (`DispatchTokens(d)`).
    public func tags(for d: Dispatch, tokens: DispatchTokens) -> [Tag] {
        // Each tag once, with its sort key (`TextFolding.key` of its name), known in advance
        // for topics, countries and organisations by word.
        // A dispatch has a dozen tags or so, named again and again: a list searched from the
        // end (the tag just named is most often named next) costs less than hashing each
        // tag's name; a tag named again takes the last sort key given, as a dictionary would.
        var found = FoundTags()
        let docs = tokens.documents
        for doc in docs.indices {
            tokens.withSource(doc) { u in
                for acronym in Self.definedAcronyms(in: u) where !Self.notOrganisations.contains(acronym) {
                    found.set(Tag(name: acronym, kind: .organisation), acronym.lowercased())
                }
            }
        }
        // What each distinct word can be, looked up once.
        let keyCount = tokens.keyCount
        var phraseStart = [Int32](repeating: -1, count: keyCount)
        var named = [Int32](repeating: -1, count: keyCount)
        for k in 0..<keyCount {
            // (phrases + 1, named + 1), each in 32 bits: never UInt64.max.
            let v = tokens.memoized(memoOwner, Int32(k)) { b in
                guard let v = starts.value(for: b) else { return 0 }
                return UInt64(UInt32(bitPattern: v.phrases &+ 1)) << 32 | UInt64(UInt32(bitPattern: v.named &+ 1))
            }
            phraseStart[k] = Int32(bitPattern: UInt32(truncatingIfNeeded: v >> 32)) &- 1
            named[k] = Int32(bitPattern: UInt32(truncatingIfNeeded: v)) &- 1
        }
        let apostrophe = tokens.keyID(ascii: 0x27)
        // A topic needs its keywords at least twice: one passing word ("paix", "jeunes") in a
        // diplomatic dispatch would otherwise tag nearly every dispatch with nearly every topic.
        var hits = [Int](repeating: 0, count: topicNames.count)
        var here: [Int] = []
        // The keys' and texts' bytes are read in one scope each: a call per token cost a copy
        // of the tokens' storage (retains) each time.
        tokens.withKeys { keys in
            for doc in docs.indices {
                let toks = docs[doc]
                tokens.withSource(doc) { u in
                    for t in toks where t.kind == .word && named[Int(t.key)] >= 0 {
                        let written = UnsafeBufferPointer(rebasing: u[Int(t.start)..<Int(t.end)])
                        for entry in namedLists[Int(named[Int(t.key)])] where entry.written.elementsEqual(written) {
                            for (tag, key) in entry.tags { found.set(tag, key) }
                        }
                    }
                }
                let words = Self.wordKeys(toks, apostrophe: apostrophe)
                for (i, k) in words.enumerated() where phraseStart[Int(k)] >= 0 {
                    // Each position counts once per topic.
                    here.removeAll(keepingCapacity: true)
                    for c in phraseLists[Int(phraseStart[Int(k)])] {
                        let (phrase, topic) = phrases[c]
                        if here.contains(topic) || i + phrase.count > words.count { continue }
                        var all = true
                        for m in 1..<max(1, phrase.count) where !keys[words[i + m]].elementsEqual(phrase[m]) {
                            all = false
                            break
                        }
                        if all {
                            here.append(topic)
                            hits[topic] += 1
                        }
                    }
                }
            }
        }
        for (topic, n) in hits.enumerated() where n >= minimumTopicHits {
            found.set(Tag(name: topicNames[topic], kind: .topic), topicKeys[topic])
        }
        if let place = d.place, !place.isEmpty {
            let tag = Tag(name: place, kind: .place)
            if !found.contains(tag) { found.set(tag, TextFolding.key(place)) }
        }
        // Indices sorted, the entries compared in place: sorting the entries themselves
        // moved them, and comparing tuples of their strings copied the strings, a retain and a
        // release each.
        let e = found.entries
        return e.indices.sorted { a, b in
            if e[a].tag.kind != e[b].tag.kind { return e[a].tag.kind < e[b].tag.kind }
            if e[a].key != e[b].key { return e[a].key < e[b].key }
            return e[a].tag.name < e[b].tag.name
        }.map { e[$0].tag }
    }

    /// Acronyms introduced as `Nom complet (ABC)`: 2–8 capital letters in parentheses.
    static func definedAcronyms(in u: UnsafeBufferPointer<UInt8>) -> [String] {
        var out: [String] = []
        var i = 0
        while i < u.count {
            if u[i] == 0x28 { // (
                var j = i + 1
                while j < u.count, u[j] >= 65, u[j] <= 90 { j += 1 }
                let n = j - i - 1
                if n >= 2, n <= 8, j < u.count, u[j] == 0x29 {
                    out.append(String(decoding: UnsafeBufferPointer(rebasing: u[(i + 1)..<j]), as: UTF8.self))
                }
                i = j
            } else {
                i += 1
            }
        }
        return out
    }

    /// Agencies and generic abbreviations that are not subjects of a dispatch.
    static let notOrganisations: Set<String> = ["VNA", "AVI", "CVN", "AFP", "NDEL", "CC", "TTXVN", "PM"]

    /// Organisations often named by acronym without being introduced.
    static let knownOrganisations: [String: String] = [
        "ASEAN": "ASEAN", "ONU": "ONU", "UNESCO": "UNESCO", "OMC": "OMC", "APEC": "APEC",
        "OTAN": "OTAN", "FMI": "FMI", "OMS": "OMS", "PCV": "PCV", "PCC": "PCC", "PPRL": "PPRL",
        "UE": "UE", "G20": "G20", "BRICS": "BRICS",
    ]

    /// The organisations and countries each word names, as written.
    static let wordTags: [String: [Tag]] = {
        var map: [String: [Tag]] = [:]
        for (w, org) in knownOrganisations { map[w, default: []].append(Tag(name: org, kind: .organisation)) }
        for (w, country) in Countries.byWord { map[w, default: []].append(Tag(name: country, kind: .country)) }
        return map
    }()
}

/// A dispatch's tags so far, each once, with its sort key.
struct FoundTags {
    private(set) var entries: [(tag: Tag, key: String)] = []

    mutating func set(_ tag: Tag, _ key: String) {
        if let i = index(tag) { entries[i].key = key } else { entries.append((tag, key)) }
    }

    func contains(_ tag: Tag) -> Bool { index(tag) != nil }

    private func index(_ tag: Tag) -> Int? {
        var i = entries.count - 1
        while i >= 0 {
            if entries[i].tag == tag { return i }
            i -= 1
        }
        return nil
    }
}
