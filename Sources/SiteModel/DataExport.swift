import DispatchModel
import OfficialsExtraction

/// The JSON data files (`data/*.json`) and the search index script. Written by hand with
/// `JSONString` rather than `JSONEncoder` so key order and formatting are fixed (stable
/// diffs) and large sites do not pay for Foundation's encoder. One record per line.
public struct DataExport: Sendable {
    public let site: SiteIndex

    public init(site: SiteIndex) { self.site = site }

    /// Every data file and the search index (for tests and `check`; a build renders them as
    /// separate jobs, so that an edit re-renders only the files it can change).
    public func files() -> [OutputFile] {
        [dispatchesFile, officialsFile, tagsFile] + SearchIndex(site: site).files()
    }

    public var dispatchesFile: OutputFile { OutputFile(path: "data/dispatches.json", contents: dispatchesBytes()) }
    public var officialsFile: OutputFile { OutputFile(path: "data/officials.json", contents: officialsBytes()) }
    public var tagsFile: OutputFile { OutputFile(path: "data/tags.json", text: tags()) }

    static func q(_ s: String?) -> String { s.map(JSONString.quote) ?? "null" }

    static func array(_ records: [String]) -> String {
        records.isEmpty ? "[]\n" : "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    public func dispatches() -> String { String(decoding: dispatchesBytes(), as: UTF8.self) }

    /// Written as bytes, record by record: the file is tens of megabytes on a large site,
    /// which records joined into a string, then copied to bytes, held several times over.
    func dispatchesBytes() -> [UInt8] {
        guard !site.articles.isEmpty else { return Array("[]\n".utf8) }
        var s = ByteBuffer(capacity: site.articles.count * 1200)
        func raw(_ t: StaticString) { s.append(literal: t) }
        func q(_ t: String?) { JSONString.appendQuoted(t, to: &s) }
        raw("[\n")
        for (i, a) in site.articles.enumerated() {
            let d = a.dispatch
            if i > 0 { raw(",\n") }
            raw("{\"file\":"); q(d.file); raw(",\"slug\":"); q(a.slug); raw(",\"url\":"); q(a.page)
            raw(",\"title\":"); q(d.title); raw(",\"titleDerived\":"); raw(d.titleDerived ? "true" : "false")
            raw(",\"date\":"); q(d.date.iso); raw(",\"datePrecision\":"); q(d.date.precision.rawValue)
            raw(",\"eventDate\":"); q(d.eventDate?.iso)
            raw(",\"place\":"); q(d.place); raw(",\"agency\":"); q(d.agency)
            raw(",\"officials\":[")
            // Fields read through the arrays, not a copy of each person or tag (a copy of a
            // `Person` retains every one of its arrays and strings).
            for (n, ref) in a.people.enumerated() {
                if n > 0 { raw(",") }
                raw("{\"name\":"); q(site.people[ref.person].name); raw(",\"slug\":"); q(site.people[ref.person].slug)
                raw(",\"role\":"); q(ref.role); raw("}")
            }
            raw("],\"tags\":[")
            for (n, t) in a.tags.enumerated() {
                if n > 0 { raw(",") }
                raw("{\"name\":"); q(site.tags[t].tag.name); raw(",\"slug\":"); q(site.tags[t].slug)
                raw(",\"kind\":"); q(site.tags[t].tag.kind.rawValue); raw("}")
            }
            raw("]}")
        }
        raw("\n]\n")
        return s.bytes
    }

    public func officials() -> String { String(decoding: officialsBytes(), as: UTF8.self) }

    /// As bytes, quoted in place (as `dispatchesBytes`): each person's list of dispatches,
    /// joined as strings, cost more than the rest of the file.
    func officialsBytes() -> [UInt8] {
        guard !site.people.isEmpty else { return Array("[]\n".utf8) }
        var s = ByteBuffer(capacity: site.people.count * 1500)
        func raw(_ t: StaticString) { s.append(literal: t) }
        func q(_ t: String?) { JSONString.appendQuoted(t, to: &s) }
        func int(_ n: Int) { s.append(utf8: String(n)) }
        func list<C: Collection>(_ items: C, _ each: (C.Element) -> Void) {
            var first = true
            for item in items {
                if !first { raw(",") }
                first = false
                each(item)
            }
        }
        raw("[\n")
        for (i, p) in site.people.enumerated() {
            if i > 0 { raw(",\n") }
            raw("{\"name\":"); q(p.name); raw(",\"slug\":"); q(p.slug); raw(",\"url\":"); q(p.path + "index.html")
            raw(",\"aliases\":["); list(p.resolved.spellings.lazy.filter { $0 != p.name }) { q($0) }
            raw("],\"roles\":[")
            list(p.roles) { r in
                raw("{\"role\":"); q(r.role); raw(",\"first\":"); q(r.first?.iso); raw(",\"last\":"); q(r.last?.iso)
                raw(",\"count\":"); int(r.count); raw("}")
            }
            raw("],\"organisations\":["); list(p.resolved.organisations) { q($0) }
            raw("],\"country\":"); q(p.resolved.country)
            raw(",\"description\":"); q(p.resolved.description)
            raw(",\"dispatches\":["); list(p.articles) { q(site.articles[$0].slug) }
            raw("],\"coAppearances\":[")
            list(p.coAppearances) { c in
                raw("{\"slug\":"); q(site.people[c.person].slug); raw(",\"count\":"); int(c.count); raw("}")
            }
            raw("]}")
        }
        raw("\n]\n")
        return s.bytes
    }

    public func tags() -> String {
        Self.array(site.tags.map { t in
            "{\"name\":\(Self.q(t.tag.name)),\"slug\":\(Self.q(t.slug)),\"kind\":\(Self.q(t.tag.kind.rawValue)),\"url\":\(Self.q(t.path + "index.html")),\"count\":\(t.articles.count)}"
        })
    }

}

/// The words of the search index: folded (no accents, lowercase) runs of ASCII letters and
/// digits, as the search script folds queries.
public enum SearchWords {
    /// Collects the words of texts from `TextFolding`'s folded bytes as they come, with no
    /// intermediate string (the search index reads the whole text of every dispatch): the words
    /// of `TextFolding.key(text)` split on anything but `a-z0-9`, two letters or more, stop
    /// words left out.
    public struct Collector {
        /// Every distinct word met so far, stop words included, with ids in order of first meeting.
        public private(set) var table = ByteStringTable()
        /// By word id: whether it is indexed (not a stop word).
        private var indexed: [Bool] = []
        /// Ids of the indexed words of the texts added since `removeAll`, in order, repeats included.
        public private(set) var ids: [Int] = []
        /// The bytes of each indexed word the first time it is met, space-separated (`words(of:)`).
        private var firstSeen: [UInt8]?

        public init() {}

        /// Sized for about `expectedWords` distinct words.
        init(expectedWords: Int) {
            table = ByteStringTable(capacity: expectedWords)
            indexed.reserveCapacity(expectedWords)
        }

        /// The words added since `removeAll`, in order, repeats included.
        public var words: [String] { ids.map { table.string($0) } }

        /// Forgets the words added (keeps the table: ids stay valid across dispatches).
        public mutating func removeAll() { ids.removeAll(keepingCapacity: true) }

        /// The ids of the indexed words of `texts`, without adding them.
        public mutating func ids(of texts: [String]) -> [Int] {
            let start = ids.count
            for t in texts { add(t) }
            let found = Array(ids[start...])
            ids.removeLast(ids.count - start)
            return found
        }

        /// Adds words by id (from `ids(of:)` on this collector).
        public mutating func append(_ more: [Int]) { ids += more }

        /// The stop words by their bytes, so a word is checked without making a `String` of it.
        static let stopTable: ByteStringTable = {
            var t = ByteStringTable()
            for w in SearchIndex.stopWords.sorted() { t.insert(w) }
            return t
        }()

        static let stopLength = SearchIndex.stopWords.map(\.utf8.count).max() ?? 0

        /// This collector's values in the tokens' vocabulary (`keyFacts`).
        static let memoOwner = TokenMemoOwner()

        /// Of a key's bytes: 1 if all are word bytes (`a-z0-9`: the key is one search word),
        /// 2 if it is a stop word.
        @Sendable static func keyFacts(_ b: UnsafeBufferPointer<UInt8>) -> UInt64 {
            guard b.allSatisfy(isWordByte) else { return 0 }
            return b.count <= stopLength && stopTable.find(b) != nil ? 3 : 1
        }

        /// The distinct words of a dispatch's own text (title, place, paragraphs, captions),
        /// space-separated in order of first occurrence: `Dispatch.searchWords`.
        public static func words(of d: Dispatch) -> String {
            var c = Collector(expectedWords: 256)
            c.firstSeen = []
            c.addText(of: d)
            return String(decoding: c.firstSeen ?? [], as: UTF8.self)
        }

        /// Same, from the dispatch's tokens (`DispatchTokens`: lead, body, captions, title)
        /// and its place: the same words as the folded text's runs of `a-z0-9`, found per
        /// distinct key instead of per occurrence. A token's key is its folded text, so a
        /// token standing alone (between spaces, or punctuation that folds to no letter or
        /// digit) gives its key's runs; tokens that touch (`TranKim`, `1er`, `km²`) are folded
        /// together, as the text would be. In order of first key, which the index ignores.
        public static func words(tokens: DispatchTokens, place: String?) -> String {
            var w = TokenWords(keyCount: tokens.keyCount)
            var folded: [UInt8] = []
            let docs = tokens.documents
            tokens.withKeys { keys in
                for doc in docs.indices {
                    let toks = docs[doc]
                    var i = 0
                    while i < toks.count {
                        if w.breaks(toks[i], keys) { i += 1; continue }
                        var j = i + 1
                        while j < toks.count, toks[j].start == toks[j - 1].end, !w.breaks(toks[j], keys) { j += 1 }
                        let t = toks[i]
                        if j == i + 1 && t.kind != .punct {
                            w.addKey(t, keys, tokens)
                        } else {
                            tokens.withSource(doc) { u in
                                folded.removeAll(keepingCapacity: true)
                                TextFolding.appendKey(UnsafeBufferPointer(rebasing: u[Int(t.start)..<Int(toks[j - 1].end)]), to: &folded)
                            }
                            folded.withUnsafeBufferPointer { w.addRuns(ofFolded: $0, tokens) }
                        }
                        i = j
                    }
                }
            }
            if let place {
                folded.removeAll(keepingCapacity: true)
                place.withUTF8Bytes { TextFolding.appendKey($0, to: &folded) }
                folded.withUnsafeBufferPointer { w.addRuns(ofFolded: $0, tokens) }
            }
            return w.out.string
        }

        /// The distinct words of one dispatch's tokens (`words(tokens:place:)`). A word that is
        /// one of the dispatch's keys (most are: a key is a folded word) is marked done by the
        /// key's id, with no hashing when it comes from that key; only words that are no key
        /// (parts of `vice-président`, glued tokens) go through a table of their own.
        /// The tokens are passed to each call, not kept: a struct holding them was copied
        /// (a dozen retains) on every call that read them from a mutating method.
        struct TokenWords: ~Copyable {
            /// Per key: 0 not met yet, 1 done (its words added), 2 punctuation that breaks a
            /// run, 3 punctuation whose folded text has a letter or digit (`²`).
            var state: [UInt8]
            /// Per key: the word with the key's bytes was added.
            var added: [Bool]
            var others = ByteStringTable()
            /// The words, space-separated (appended a word at a time: a buffer of its own).
            var out: ByteBuffer
            var folded: [UInt8] = []

            init(keyCount: Int) {
                state = [UInt8](repeating: 0, count: keyCount)
                added = [Bool](repeating: false, count: keyCount)
                out = ByteBuffer(capacity: keyCount * 8)
            }

            /// Whether `t` is punctuation that ends a run of touching tokens.
            mutating func breaks(_ t: Token, _ keys: KeyBytes) -> Bool {
                guard t.kind == .punct else { return false }
                let k = Int(t.key)
                if state[k] == 0 {
                    folded.removeAll(keepingCapacity: true)
                    TextFolding.appendKey(keys[t.key], to: &folded)
                    // Punctuation that folds to a letter (the Kelvin sign to `k`) or to
                    // nothing joins its neighbours' runs, as in the folded text.
                    state[k] = folded.isEmpty || folded.contains(where: Collector.isWordByte) ? 3 : 2
                }
                return state[k] == 2
            }

            /// The words of a word or number standing alone: its key's runs (a word's key is
            /// folded already; a number's is its text, `15E`).
            mutating func addKey(_ t: Token, _ keys: KeyBytes, _ tokens: DispatchTokens) {
                guard state[Int(t.key)] == 0 else { return }
                state[Int(t.key)] = 1
                let b = keys[t.key]
                if t.kind == .word {
                    // Whether the key is one word, and a stop word, depends on its bytes
                    // only: found once per worker's vocabulary, not once per dispatch.
                    let facts = tokens.memoized(Collector.memoOwner, t.key, Collector.keyFacts)
                    if facts & 1 != 0 {
                        if b.count >= 2, facts & 2 == 0, !added[Int(t.key)] {
                            added[Int(t.key)] = true
                            if !out.isEmpty { out.append(0x20) }
                            out.append(bytes: b)
                        }
                        return
                    }
                }
                folded.removeAll(keepingCapacity: true)
                if t.kind == .number { TextFolding.appendKey(b, to: &folded) } else { folded.append(contentsOf: b) }
                let f = folded
                f.withUnsafeBufferPointer { addRuns(ofFolded: $0, tokens) }
            }

            /// The runs of `a-z0-9` of folded text.
            mutating func addRuns(ofFolded u: UnsafeBufferPointer<UInt8>, _ tokens: DispatchTokens) {
                var start = -1
                for k in 0..<u.count {
                    if Collector.isWordByte(u[k]) {
                        if start < 0 { start = k }
                    } else if start >= 0 {
                        add(UnsafeBufferPointer(rebasing: u[start..<k]), key: nil, tokens)
                        start = -1
                    }
                }
                if start >= 0 { add(UnsafeBufferPointer(rebasing: u[start...]), key: nil, tokens) }
            }

            /// One word, if new and indexed; `key`: the id of the key with the word's bytes, if known.
            mutating func add(_ word: UnsafeBufferPointer<UInt8>, key: Int32?, _ tokens: DispatchTokens) {
                guard word.count >= 2 else { return }
                if let k = key ?? tokens.keyID(bytes: word) {
                    if added[Int(k)] { return }
                    added[Int(k)] = true
                } else if !others.insert(word).inserted {
                    return
                }
                if word.count <= Collector.stopLength, Collector.stopTable.find(word) != nil { return }
                if !out.isEmpty { out.append(0x20) }
                out.append(bytes: word)
            }
        }

        /// The words of a dispatch's own text: `searchWords` when computed, else the text.
        public mutating func addText(of d: Dispatch) {
            if let words = d.searchWords {
                // Already folded words, one space between them.
                words.withUTF8Bytes { addWords(ofFolded: $0) }
                return
            }
            add(d.title)
            if let p = d.place { add(p) }
            for p in d.paragraphs { add(p) }
            for c in d.captions { add(c.text) }
        }

        public mutating func add(_ text: String) {
            text.withUTF8Bytes { add(bytes: $0) }
        }

        /// The words of UTF-8 text not folded yet.
        mutating func add(bytes: UnsafeBufferPointer<UInt8>) {
            folded.removeAll(keepingCapacity: true)
            TextFolding.appendKey(bytes, to: &folded)
            let f = folded
            f.withUnsafeBufferPointer { addWords(ofFolded: $0) }
        }

        /// A byte of a word of folded text: `a-z0-9`.
        @inline(__always) static func isWordByte(_ b: UInt8) -> Bool { (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) }

        /// The words of folded text: runs of `a-z0-9`.
        mutating func addWords(ofFolded u: UnsafeBufferPointer<UInt8>) {
            var start = -1
            for k in 0..<u.count {
                if Self.isWordByte(u[k]) {
                    if start < 0 { start = k }
                } else if start >= 0 {
                    word(UnsafeBufferPointer(rebasing: u[start..<k]))
                    start = -1
                }
            }
            if start >= 0 { word(UnsafeBufferPointer(rebasing: u[start...])) }
        }

        /// Folded text of the current `add`, reused between calls.
        private var folded: [UInt8] = []

        private mutating func word(_ word: UnsafeBufferPointer<UInt8>) {
            guard word.count >= 2 else { return }
            let (id, inserted) = table.insert(word)
            if inserted {
                // No stop word is longer than `stopLength` bytes: most words need no lookup.
                let keep = word.count > Self.stopLength || Self.stopTable.find(word) == nil
                indexed.append(keep)
                if keep, firstSeen != nil {
                    if !firstSeen!.isEmpty { firstSeen!.append(0x20) }
                    firstSeen!.append(contentsOf: word)
                }
            }
            if indexed[id] { ids.append(id) }
        }
    }
}
