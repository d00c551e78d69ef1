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

    /// Words of one dispatch, folded, distinct, without stop words.
    func words(_ i: Int) -> Set<String> {
        let a = site.articles[i]
        let d = a.dispatch
        var text = d.title + " " + (d.place ?? "")
        for p in d.paragraphs { text += " " + p }
        for c in d.captions { text += " " + c.text }
        for ref in a.people { text += " " + site.people[ref.person].resolved.spellings.joined(separator: " ") }
        for t in a.tags { text += " " + site.tags[t].tag.name }
        var out = Set<String>()
        for w in SearchWords.split(TextFolding.key(text)) where w.utf8.count >= 2 && !Self.stopWords.contains(w) {
            out.insert(w)
        }
        return out
    }

    static func shardKey(_ word: String) -> String { String(word.prefix(2)) }

    public func files() -> [OutputFile] {
        var postings: [String: [Int]] = [:]
        for i in site.articles.indices {
            for w in words(i) { postings[w, default: []].append(i) }
        }
        var shards: [String: [(String, [Int])]] = [:]
        for (w, ids) in postings { shards[Self.shardKey(w), default: []].append((w, ids)) }
        var out: [OutputFile] = []
        for (key, entries) in shards {
            var s = "SITEGEN_SEARCH.words(\(JSONString.quote(key)), {"
            for (n, (w, ids)) in entries.sorted(by: { $0.0 < $1.0 }).enumerated() {
                if n > 0 { s += ",\n" }
                s += JSONString.quote(w) + ":[" + ids.map(String.init).joined(separator: ",") + "]"
            }
            s += "});\n"
            out.append(OutputFile(path: "search/w-\(key).js", text: s))
        }
        let count = site.articles.count
        for n in 0..<((count + Self.docsPerShard - 1) / Self.docsPerShard) {
            var s = "SITEGEN_SEARCH.docs(\(n), [\n"
            let range = (n * Self.docsPerShard)..<min((n + 1) * Self.docsPerShard, count)
            for i in range {
                let d = site.articles[i].dispatch
                s += "[" + JSONString.quote(d.title) + "," + JSONString.quote(site.articles[i].slug) + "," + JSONString.quote(FrenchDates.text(d.date)) + "]"
                s += i + 1 < range.upperBound ? ",\n" : "\n"
            }
            s += "]);\n"
            out.append(OutputFile(path: "search/d-\(n).js", text: s))
        }
        let keys = shards.keys.sorted().map(JSONString.quote).joined(separator: ",")
        out.append(OutputFile(path: "search/meta.js", text:
            "SITEGEN_SEARCH.meta({\"version\":2,\"count\":\(count),\"docsPerShard\":\(Self.docsPerShard),\"shards\":[\(keys)]});\n"))
        return out.sorted { $0.path < $1.path }
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
