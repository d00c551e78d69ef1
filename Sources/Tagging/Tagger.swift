import DispatchModel

/// Tags a dispatch with the organisations (acronyms), countries, place (dateline) and topics
/// it is about. Works on the text's bytes in two passes (as written, then folded), finding
/// words as byte ranges and looking them up in byte-keyed tables: no `String` per word, as
/// every dispatch of a build is tagged.
public struct Tagger: Sendable {
    let topicIndex: PhraseIndex
    let topicNames: [String]
    let minimumTopicHits: Int

    public init(vocabulary: TopicVocabulary = .standard, minimumTopicHits: Int = 2) {
        self.minimumTopicHits = minimumTopicHits
        topicNames = vocabulary.topics.map(\.name)
        topicIndex = PhraseIndex(vocabulary.topics.enumerated().flatMap { i, t in t.keywords.map { ($0, i) } })
    }

    /// Tags sorted by kind, then name, without duplicates.
    public func tags(for d: Dispatch) -> [Tag] {
        var folded: [UInt8] = []
        return tags(for: d, foldedText: &folded)
    }

    /// - Parameter foldedText: receives the folded text it read (title, paragraphs and
    ///   captions, one per line: `TextFolding.key` of each), for the search index's words.
    public func tags(for d: Dispatch, foldedText folded: inout [UInt8]) -> [Tag] {
        var text: [UInt8] = []
        text.reserveCapacity(d.title.utf8.count + d.paragraphs.reduce(0) { $0 + $1.utf8.count + 1 } + 64)
        func add(_ s: String) { text.append(contentsOf: s.utf8); text.append(0x0A) }
        add(d.title)
        for p in d.paragraphs { add(p) }
        for c in d.captions { add(c.text) }

        var tags = Set<Tag>()
        text.withUnsafeBufferPointer { u in
            for acronym in Self.definedAcronyms(in: u) where !Self.notOrganisations.contains(acronym) {
                tags.insert(Tag(name: acronym, kind: .organisation))
            }
            let wordTags = Self.wordTags // once: a static's lazy-initialisation check per word showed in profiles
            Tokenizer.forEachWord(u) { w in
                if let found = wordTags.value(for: w) { for t in found { tags.insert(t) } }
            }
        }
        // A topic needs its keywords at least twice: one passing word ("paix", "jeunes") in a
        // diplomatic dispatch would otherwise tag nearly every dispatch with nearly every topic.
        folded.removeAll(keepingCapacity: true)
        folded.reserveCapacity(text.count)
        text.withUnsafeBufferPointer { TextFolding.appendKey($0, to: &folded) }
        folded.withUnsafeBufferPointer { u in
            for (topic, hits) in topicIndex.counts(in: u) where hits >= minimumTopicHits {
                tags.insert(Tag(name: topicNames[topic], kind: .topic))
            }
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

    /// The organisation and country each word names, in one table (one lookup per word).
    static let wordTags: WordTable<[Tag]> = {
        var map: [String: [Tag]] = [:]
        for (w, org) in knownOrganisations { map[w, default: []].append(Tag(name: org, kind: .organisation)) }
        for (w, country) in Countries.byWord { map[w, default: []].append(Tag(name: country, kind: .country)) }
        return WordTable(map)
    }()
}

/// Splits text into words: letters, digits, `-` and `'` inside words; apostrophe elisions
/// (`l'importance`) keep the word after the apostrophe as well.
enum Tokenizer {
    static func words(_ text: String) -> [String] {
        var text = text
        return text.withUTF8 { u -> [String] in
            var out: [String] = []
            forEachWord(u) { out.append(String(decoding: $0, as: UTF8.self)) }
            return out
        }
    }

    /// Calls `body` with the bytes of each word, in order.
    static func forEachWord(_ u: UnsafeBufferPointer<UInt8>, _ body: (UnsafeBufferPointer<UInt8>) -> Void) {
        var start = -1 // first byte of the current word
        var end = -1   // one past its last letter (a trailing hyphen is not part of it)
        @inline(__always) func flush() {
            if start >= 0 && end > start { body(UnsafeBufferPointer(rebasing: u[start..<end])) }
            start = -1
            end = -1
        }
        let classes = wordByteClasses // once: a static's initialisation check per byte is not free
        var i = 0
        let n = u.count
        while i < n {
            let b = u[i]
            if b < 0x80 {
                // ASCII, most of the text: a run of letters and digits in one tight loop.
                switch classes[Int(b)] {
                case 1:
                    if start < 0 { start = i }
                    i += 1
                    while i < n, classes[Int(u[i])] == 1 { i += 1 }
                    end = i
                    continue
                case 2 where start >= 0: break // a hyphen inside a word (Hô Chi Minh-Ville, COVID-19) is kept
                case 3: start = -1; end = -1   // drop the elided article: l', d', qu'
                default: flush()
                }
                i += 1
                continue
            }
            let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
            let word: Bool
            var apostrophe = false
            if len == 2 {
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
                end = min(i + len, n)
            } else if apostrophe {
                start = -1; end = -1
            } else {
                flush()
            }
            i += len
        }
        flush()
    }

    /// Bytes for `forEachWord`: 1 ASCII letter or digit, 2 hyphen, 3 apostrophe, 0 other
    /// (every byte of a multi-byte character included, so a run stops at one).
    static let wordByteClasses: [UInt8] = (0..<256).map { (c: Int) -> UInt8 in
        switch c {
        case 0x30...0x39, 0x41...0x5A, 0x61...0x7A: 1
        case 0x2D: 2
        case 0x27: 3
        default: 0
        }
    }
}

/// Multi-word phrase lookup on folded words.
struct PhraseIndex: Sendable {
    /// The phrases, as folded words.
    let phrases: [(words: [[UInt8]], value: Int)]
    /// First folded word -> indexes into `phrases`.
    let byFirstWord: WordTable<[Int]>

    /// - Parameter phrases: each phrase with the value it counts for.
    init(_ phrases: [(String, Int)]) {
        var list: [(words: [[UInt8]], value: Int)] = []
        var first: [[UInt8]: [Int]] = [:]
        for (phrase, value) in phrases {
            let words = Tokenizer.words(phrase).map { Array(TextFolding.key($0).utf8) }
            guard let head = words.first else { continue }
            list.append((words, value))
            first[head, default: []].append(list.count - 1)
        }
        self.phrases = list
        byFirstWord = WordTable(bytes: first)
    }

    /// How many times each value's phrases occur in the folded text (each position counts
    /// once per value).
    func counts(in text: UnsafeBufferPointer<UInt8>) -> [Int: Int] {
        var words: [Range<Int>] = []
        let base = text.baseAddress
        Tokenizer.forEachWord(text) { w in
            let start = base.map { w.baseAddress! - $0 } ?? 0
            words.append(start..<(start + w.count))
        }
        var found: [Int: Int] = [:]
        var here: [Int] = []
        for (i, r) in words.enumerated() {
            guard let cands = byFirstWord.value(for: UnsafeBufferPointer(rebasing: text[r])) else { continue }
            here.removeAll(keepingCapacity: true)
            for c in cands {
                let (phrase, v) = phrases[c]
                if here.contains(v) { continue }
                let rest = phrase.count - 1
                guard i + rest < words.count else { continue }
                var all = true
                for k in 0..<rest where !text[words[i + 1 + k]].elementsEqual(phrase[1 + k]) { all = false; break }
                if all {
                    here.append(v)
                    found[v, default: 0] += 1
                }
            }
        }
        return found
    }
}
