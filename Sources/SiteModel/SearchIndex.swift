import DispatchModel

/// Client-side search that stays small whatever the corpus size, and works from `file://`
/// (scripts, not fetched JSON):
/// - `search/meta.js`: counts and the list of word shards;
/// - `search/w-XX.js`: an inverted index of the words starting with `XX` (folded: no accents,
///   lowercase) -> ids of the dispatches that contain them, in timeline order;
/// - `search/d-N.js`: titles, slugs and dates of dispatches `N*1000 ..< (N+1)*1000`.
/// A query loads only the word shards of its terms and the document shards of the results it
/// shows. Words come from titles, officials (every spelling), tags, places, leads, paragraphs
/// and captions; frequent French words are left out (they would match everything).
public struct SearchIndex: Sendable {
    public let site: SiteIndex
    public static let docsPerShard = 1000

    public init(site: SiteIndex) { self.site = site }

    /// Every word occurrence of dispatch `i`'s indexed text: title, place, paragraphs,
    /// captions, every spelling of its officials and its tag names. The words of people and
    /// tags, named by thousands of dispatches, are found once per collector (`known`).
    func collect(_ i: Int, into w: inout SearchWords.Collector, known: inout Known) {
        let a = site.articles[i]
        w.addText(of: a.dispatch)
        for ref in a.people {
            if known.people[ref.person] == nil { known.people[ref.person] = w.ids(of: site.people[ref.person].resolved.spellings) }
            w.append(known.people[ref.person]!)
        }
        for t in a.tags {
            if known.tags[t] == nil { known.tags[t] = w.ids(of: [site.tags[t].tag.name]) }
            w.append(known.tags[t]!)
        }
    }

    /// The word ids of each person's spellings and each tag's name, by index, once found.
    struct Known {
        var people: [[Int]?]
        var tags: [[Int]?]

        init(_ site: SiteIndex) {
            people = Array(repeating: nil, count: site.people.count)
            tags = Array(repeating: nil, count: site.tags.count)
        }
    }

    /// Every file of the index (for tests and small sites).
    public func files(jobs: Int = 1) -> [OutputFile] {
        (wordFiles(jobs: jobs) + (0..<documentShardCount).map(documentShard)).sorted { $0.path < $1.path }
    }

    /// `search/w-XX.js` and `search/meta.js`: the inverted index, whose words depend on the
    /// text of every dispatch. Words are collected per dispatch on all cores, then merged in
    /// timeline order so each list of ids comes out sorted.
    public func wordFiles(jobs: Int = 1) -> [OutputFile] {
        // Each thread indexes a contiguous run of dispatches; the runs are then concatenated
        // in order. A word seen again in the same dispatch is the last id of its list already.
        let count = site.articles.count
        let parts = max(1, min(jobs, count))
        // Ids as 32 bits: the lists hold every word of every dispatch (millions at 50,000).
        let partial = Parallel.map(parts, jobs: jobs) { p -> (ByteStringTable, [[Int32]]) in
            var postings: [[Int32]] = []
            var w = SearchWords.Collector()
            var known = Known(site)
            for i in (count * p / parts)..<(count * (p + 1) / parts) {
                w.removeAll()
                collect(i, into: &w, known: &known)
                if postings.count < w.table.count { postings += Array(repeating: [], count: w.table.count - postings.count) }
                for id in w.ids { postings[id].appendUnlessLast(Int32(i)) }
            }
            return (w.table, postings)
        }
        // The parts' tables merged into the first by their bytes: a word becomes a `String`
        // nowhere (there are a hundred thousand of them at 10,000 dispatches).
        var (table, postings) = partial[0]
        for (t, ids) in partial.dropFirst() {
            t.withView { view in
                for (id, list) in ids.enumerated() where !list.isEmpty {
                    let merged = table.insert(view[id]).id
                    if postings.count <= merged { postings += Array(repeating: [], count: merged + 1 - postings.count) }
                    postings[merged].append(contentsOf: list)
                }
            }
        }
        // Shards by the first two bytes of the word (words are runs of `a-z0-9`, at least two
        // long, so bytes are characters and byte order is the words' order).
        var shards: [UInt16: [Int]] = [:]
        table.withView { view in
            for id in postings.indices where !postings[id].isEmpty {
                let w = view[id]
                shards[UInt16(w[0]) << 8 | UInt16(w[1]), default: []].append(id)
            }
        }
        let codes = shards.keys.sorted()
        @Sendable func keyName(_ code: UInt16) -> String { String(decoding: [UInt8(code >> 8), UInt8(code & 0xFF)], as: UTF8.self) }
        let words = table
        let lists = postings
        let groups = shards
        var out = Parallel.map(codes.count, jobs: jobs) { k -> OutputFile in
            let key = keyName(codes[k])
            var head: [UInt8] = []
            head.append(literal: "SITEGEN_SEARCH.words(")
            JSONString.appendQuoted(key, to: &head)
            head.append(literal: ", {")
            let tail: StaticString = "});\n"
            // Written through a pointer into a buffer sized beforehand (each id at most ten
            // digits and a comma, each word its bytes and `"":[],\n`): the lists hold millions
            // of ids, and an append per id (a slice of digits) was most of the shards' time.
            let contents: [UInt8] = words.withView { view in
                let ids = groups[codes[k]]!.sorted { a, b in view[a].lexicographicallyPrecedes(view[b]) }
                var bound = head.count + tail.utf8CodeUnitCount
                for id in ids { bound += view[id].count + 7 + 11 * lists[id].count }
                return [UInt8](unsafeUninitializedCapacity: bound) { buf, initialized in
                    let base = buf.baseAddress!
                    var at = 0
                    @inline(__always) func put(_ b: UInt8) { base[at] = b; at += 1 }
                    @inline(__always) func put(_ u: UnsafeBufferPointer<UInt8>) {
                        if let src = u.baseAddress, u.count > 0 { (base + at).update(from: src, count: u.count) }
                        at += u.count
                    }
                    head.withUnsafeBufferPointer { put($0) }
                    for (n, id) in ids.enumerated() {
                        if n > 0 { put(0x2C); put(0x0A) }
                        put(0x22)
                        put(view[id])
                        put(0x22); put(0x3A); put(0x5B)
                        for (m, doc) in lists[id].enumerated() {
                            if m > 0 { put(0x2C) }
                            // Digits written from the last, in place.
                            var v = Int(doc), len = 1, t = v
                            while t >= 10 { t /= 10; len += 1 }
                            var j = at + len
                            repeat { j -= 1; base[j] = 0x30 + UInt8(v % 10); v /= 10 } while v > 0
                            at += len
                        }
                        put(0x5D)
                    }
                    put(UnsafeBufferPointer(start: tail.utf8Start, count: tail.utf8CodeUnitCount))
                    precondition(at <= bound, "search shard larger than its bound")
                    initialized = at
                }
            }
            return OutputFile(path: "search/w-\(key).js", contents: contents)
        }
        let keys = codes.map(keyName)
        let list = keys.map(JSONString.quote).joined(separator: ",")
        out.append(OutputFile(path: "search/meta.js", text:
            "SITEGEN_SEARCH.meta({\"version\":2,\"count\":\(site.articles.count),\"docsPerShard\":\(Self.docsPerShard),\"shards\":[\(list)]});\n"))
        return out
    }

    public var documentShardCount: Int { (site.articles.count + Self.docsPerShard - 1) / Self.docsPerShard }

    /// The dispatches of document shard `n`, in timeline order.
    public func documentRange(_ n: Int) -> Range<Int> {
        (n * Self.docsPerShard)..<min((n + 1) * Self.docsPerShard, site.articles.count)
    }

    /// `search/d-N.js`: title, slug and date of the dispatches of shard `n`.
    public func documentShard(_ n: Int) -> OutputFile {
        // Bytes, quoted in place: strings joined per entry were most of this file's time.
        var s: [UInt8] = []
        s.append(contentsOf: "SITEGEN_SEARCH.docs(\(n), [\n".utf8)
        let range = documentRange(n)
        s.reserveCapacity(range.count * 160)
        for i in range {
            let d = site.articles[i].dispatch
            s.append(0x5B) // [
            JSONString.appendQuoted(d.title, to: &s)
            s.append(0x2C)
            JSONString.appendQuoted(site.articles[i].slug, to: &s)
            s.append(0x2C)
            JSONString.appendQuoted(FrenchDates.text(d.date), to: &s)
            s.append(0x5D) // ]
            if i + 1 < range.upperBound { s.append(0x2C) }
            s.append(0x0A)
        }
        s.append(literal: "]);\n")
        return OutputFile(path: "search/d-\(n).js", contents: s)
    }

    /// Frequent French words (folded): searching for them is useless and their lists are huge.
    /// The search script drops the same words from queries.
    public static let stopWords: Set<String> = [
        "le", "la", "les", "de", "des", "du", "un", "une", "et", "en", "au", "aux", "ce", "ces", "cet", "cette",
        "il", "elle", "ils", "elles", "on", "se", "sa", "son", "ses", "leur", "leurs", "que", "qui", "quoi", "dont",
        "ou", "par", "pour", "sur", "dans", "avec", "sans", "sous", "entre", "vers", "chez", "ont", "est", "sont",
        "etait", "ete", "etre", "avoir", "a", "ne", "pas", "plus", "ainsi", "aussi", "mais", "donc", "car", "ni",
        "nos", "notre", "vos", "votre", "lui", "eux", "meme", "tout", "tous", "toute", "toutes", "afin", "lors",
        "deux", "cet", "l", "d", "qu", "s", "n", "y",
    ]
}

extension Array where Element == Int32 {
    @inline(__always) mutating func appendUnlessLast(_ i: Int32) {
        if last != i { append(i) }
    }
}
