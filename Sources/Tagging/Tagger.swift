import DispatchModel

/// Tags a dispatch with the organisations (acronyms), countries, place (dateline) and topics
/// it is about. Works on the folded, tokenised text once; each lookup is a hash probe.
public struct Tagger: Sendable {
    let topicIndex: PhraseIndex
    let topicNames: [String]
    let minimumTopicHits: Int

    public init(vocabulary: TopicVocabulary = .standard, minimumTopicHits: Int = 2) {
        self.minimumTopicHits = minimumTopicHits
        var index = PhraseIndex()
        topicNames = vocabulary.topics.map(\.name)
        for (i, t) in vocabulary.topics.enumerated() {
            for k in t.keywords { index.add(k, value: i) }
        }
        topicIndex = index
    }

    /// Tags sorted by kind, then name, without duplicates.
    public func tags(for d: Dispatch) -> [Tag] {
        var text = d.title + "\n"
        for p in d.paragraphs { text += p + "\n" }
        for c in d.captions { text += c.text + "\n" }

        var tags = Set<Tag>()
        for acronym in Self.definedAcronyms(in: text) where !Self.notOrganisations.contains(acronym) {
            tags.insert(Tag(name: acronym, kind: .organisation))
        }
        let tokens = Tokenizer.words(text)
        for w in tokens {
            if let org = Self.knownOrganisations[w] { tags.insert(Tag(name: org, kind: .organisation)) }
            if let country = Countries.byWord[w] { tags.insert(Tag(name: country, kind: .country)) }
        }
        // A topic needs its keywords at least twice: one passing word ("paix", "jeunes") in a
        // diplomatic dispatch would otherwise tag nearly every dispatch with nearly every topic.
        let folded = Tokenizer.words(TextFolding.key(text))
        for (topic, hits) in topicIndex.counts(in: folded) where hits >= minimumTopicHits {
            tags.insert(Tag(name: topicNames[topic], kind: .topic))
        }
        if let place = d.place, !place.isEmpty { tags.insert(Tag(name: place, kind: .place)) }
        return tags.sorted { ($0.kind, TextFolding.key($0.name), $0.name) < ($1.kind, TextFolding.key($1.name), $1.name) }
    }

    /// Acronyms introduced as `Nom complet (ABC)`: 2–8 capital letters in parentheses.
    static func definedAcronyms(in text: String) -> [String] {
        var out: [String] = []
        let u = Array(text.utf8)
        var i = 0
        while i < u.count {
            if u[i] == 0x28 { // (
                var j = i + 1
                while j < u.count, u[j] >= 65, u[j] <= 90 { j += 1 }
                let n = j - i - 1
                if n >= 2, n <= 8, j < u.count, u[j] == 0x29 {
                    out.append(String(decoding: u[(i + 1)..<j], as: UTF8.self))
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
}

/// Splits text into words: letters, digits, `-` and `'` inside words; apostrophe elisions
/// (`l'importance`) keep the word after the apostrophe as well.
enum Tokenizer {
    static func words(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { u -> [String] in
            var out: [String] = []
            var start = -1 // first byte of the current word
            var end = -1   // one past its last letter (a trailing hyphen is not part of it)
            func flush() {
                if start >= 0 && end > start { out.append(String(decoding: u[start..<end], as: UTF8.self)) }
                start = -1
                end = -1
            }
            var i = 0
            let n = u.count
            while i < n {
                let b = u[i]
                let len = b < 0x80 ? 1 : b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                let word: Bool
                var apostrophe = false
                if b < 0x80 {
                    word = (b >= 0x61 && b <= 0x7A) || (b >= 0x41 && b <= 0x5A) || (b >= 0x30 && b <= 0x39)
                    apostrophe = b == 0x27
                } else if len == 2 {
                    let b1 = i + 1 < n ? u[i + 1] : 0
                    word = b != 0xC2 && !(b == 0xC3 && (b1 == 0x97 || b1 == 0xB7))
                } else if len == 3 {
                    let b1 = i + 1 < n ? u[i + 1] : 0
                    let punct = (b == 0xE2 && (b1 == 0x80 || b1 == 0x81)) || (b == 0xE3 && b1 == 0x80)
                    word = !punct
                    apostrophe = b == 0xE2 && b1 == 0x80 && i + 2 < n && u[i + 2] == 0x99 // U+2019
                } else {
                    word = true
                }
                if word {
                    if start < 0 { start = i }
                    end = i + len
                } else if b == 0x2D && start >= 0 {
                    // a hyphen inside a word (Hô Chi Minh-Ville, COVID-19) is kept
                } else if apostrophe {
                    start = -1; end = -1 // drop the elided article: l', d', qu'
                } else {
                    flush()
                }
                i += len
            }
            flush()
            return out
        }
    }
}

/// Multi-word phrase lookup on folded tokens.
struct PhraseIndex: Sendable {
    /// first folded token -> [(remaining tokens, value)]
    var entries: [String: [([String], Int)]] = [:]

    mutating func add(_ phrase: String, value: Int) {
        let toks = Tokenizer.words(phrase).map { TextFolding.key($0) }
        guard let first = toks.first else { return }
        entries[first, default: []].append((Array(toks.dropFirst()), value))
    }

    /// How many times each value's phrases occur (each position counts once per value).
    func counts(in tokens: [String]) -> [Int: Int] {
        var found: [Int: Int] = [:]
        for (i, t) in tokens.enumerated() {
            guard let cands = entries[t] else { continue }
            var here = Set<Int>()
            for (rest, v) in cands where !here.contains(v) {
                if rest.isEmpty || (i + rest.count < tokens.count && tokens[(i + 1)...(i + rest.count)].elementsEqual(rest)) {
                    here.insert(v)
                    found[v, default: 0] += 1
                }
            }
        }
        return found
    }
}
