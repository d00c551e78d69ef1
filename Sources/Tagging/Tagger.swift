import DispatchModel
import OfficialsExtraction

/// Tags a dispatch with the organisations (acronyms), countries, place (dateline) and topics
/// it is about. Reads the dispatch's tokens (`DispatchTokens`, made once for the officials
/// extractor too): what a key can name (a topic phrase's first word, an organisation or a
/// country) is looked up once per distinct word of the dispatch, not once per occurrence.
public struct Tagger: Sendable {
    /// Each topic phrase as its words' keys (folded, as the tokenizer makes them), and its topic.
    let phrases: [(words: [[UInt8]], topic: Int)]
    /// A first word's key -> the index in `phraseLists` of the phrases it starts.
    let phraseStarts: WordTable<Int32>
    let phraseLists: [[Int]]
    /// A word's key -> the index in `namedLists` of the organisation and country words that
    /// fold to it, each as written (they match as written: `chinois`, not `Chinois`).
    let namedStarts: WordTable<Int32>
    let namedLists: [[(written: [UInt8], tags: [Tag])]]
    let topicNames: [String]
    let minimumTopicHits: Int

    public init(vocabulary: TopicVocabulary = .standard, minimumTopicHits: Int = 2) {
        self.minimumTopicHits = minimumTopicHits
        topicNames = vocabulary.topics.map(\.name)
        var phrases: [(words: [[UInt8]], topic: Int)] = []
        var byFirst: [[UInt8]: [Int]] = [:]
        for (topic, t) in vocabulary.topics.enumerated() {
            for keyword in t.keywords {
                let words = Self.phraseWords(keyword)
                guard let first = words.first else { continue }
                byFirst[first, default: []].append(phrases.count)
                phrases.append((words, topic))
            }
        }
        self.phrases = phrases
        (phraseStarts, phraseLists) = Self.indexed(byFirst)
        var named: [[UInt8]: [(written: [UInt8], tags: [Tag])]] = [:]
        for (word, tags) in Self.wordTags.sorted(by: { $0.key < $1.key }) {
            named[Array(TextFolding.key(word).utf8), default: []].append((Array(word.utf8), tags))
        }
        (namedStarts, namedLists) = Self.indexed(named)
    }

    /// A table from keys to list indexes, and the lists, in key order (the same every run).
    private static func indexed<V>(_ map: [[UInt8]: V]) -> (WordTable<Int32>, [V]) {
        var ids: [[UInt8]: Int32] = [:]
        var lists: [V] = []
        for (k, v) in map.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            ids[k] = Int32(lists.count)
            lists.append(v)
        }
        return (WordTable(bytes: ids), lists)
    }

    /// A keyword's words as the tokenizer keys them (`COVID-19`: `covid`, `19`).
    static func phraseWords(_ phrase: String) -> [[UInt8]] {
        let t = DispatchTokens(texts: [phrase])
        return wordKeys(t.documents[0], apostrophe: t.keyID(ascii: 0x27)).map { k in t.withKeyBytes(k) { Array($0) } }
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
        var tags = Set<Tag>()
        let docs = tokens.documents
        for doc in docs.indices {
            tokens.withSource(doc) { u in
                for acronym in Self.definedAcronyms(in: u) where !Self.notOrganisations.contains(acronym) {
                    tags.insert(Tag(name: acronym, kind: .organisation))
                }
            }
        }
        // What each distinct word can be, looked up once.
        let keyCount = tokens.keyCount
        var starts = [Int32](repeating: -1, count: keyCount)
        var named = [Int32](repeating: -1, count: keyCount)
        for k in 0..<keyCount {
            tokens.withKeyBytes(Int32(k)) { b in
                if let i = phraseStarts.value(for: b) { starts[k] = i }
                if let i = namedStarts.value(for: b) { named[k] = i }
            }
        }
        let apostrophe = tokens.keyID(ascii: 0x27)
        // A topic needs its keywords at least twice: one passing word ("paix", "jeunes") in a
        // diplomatic dispatch would otherwise tag nearly every dispatch with nearly every topic.
        var hits = [Int](repeating: 0, count: topicNames.count)
        var here: [Int] = []
        for doc in docs.indices {
            let toks = docs[doc]
            for t in toks where t.kind == .word && named[Int(t.key)] >= 0 {
                tokens.withSource(doc) { u in
                    let written = UnsafeBufferPointer(rebasing: u[Int(t.start)..<Int(t.end)])
                    for entry in namedLists[Int(named[Int(t.key)])] where entry.written.elementsEqual(written) {
                        for tag in entry.tags { tags.insert(tag) }
                    }
                }
            }
            let words = Self.wordKeys(toks, apostrophe: apostrophe)
            for (i, k) in words.enumerated() where starts[Int(k)] >= 0 {
                // Each position counts once per topic.
                here.removeAll(keepingCapacity: true)
                for c in phraseLists[Int(starts[Int(k)])] {
                    let (phrase, topic) = phrases[c]
                    if here.contains(topic) || i + phrase.count > words.count { continue }
                    var all = true
                    for m in 1..<max(1, phrase.count) where !tokens.withKeyBytes(words[i + m], { $0.elementsEqual(phrase[m]) }) {
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
        for (topic, n) in hits.enumerated() where n >= minimumTopicHits {
            tags.insert(Tag(name: topicNames[topic], kind: .topic))
        }
        if let place = d.place, !place.isEmpty { tags.insert(Tag(name: place, kind: .place)) }
        return tags.map { ($0, TextFolding.key($0.name)) }
            .sorted { ($0.0.kind, $0.1, $0.0.name) < ($1.0.kind, $1.1, $1.0.name) }
            .map(\.0)
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
