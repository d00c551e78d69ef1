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
            // Bytes, with ids formatted by hand: the lists hold millions of ids.
            let key = keyName(codes[k])
            var s: [UInt8] = []
            s.append(literal: "SITEGEN_SEARCH.words(")
            JSONString.appendQuoted(key, to: &s)
            s.append(literal: ", {")
            var digits = [UInt8](repeating: 0, count: 12)
            // Through one view of the words: `withBytes` per comparison, from this module, was
            // an unspecialized call (and retains) a million times at 10,000 dispatches.
            words.withView { view in
                let ids = groups[codes[k]]!.sorted { a, b in view[a].lexicographicallyPrecedes(view[b]) }
                for (n, id) in ids.enumerated() {
                    if n > 0 { s.append(literal: ",\n") }
                    s.append(0x22)
                    s.append(contentsOf: view[id])
                    s.append(literal: "\":[")
                    for (m, doc) in lists[id].enumerated() {
                        if m > 0 { s.append(0x2C) }
                        var v = Int(doc), d = digits.count
                        repeat { d -= 1; digits[d] = 0x30 + UInt8(v % 10); v /= 10 } while v > 0
                        s.append(contentsOf: digits[d...])
                    }
                    s.append(literal: "]")
                }
            }
            s.append(literal: "});\n")
            return OutputFile(path: "search/w-\(key).js", contents: s)
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
