import DispatchModel

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

    public var dispatchesFile: OutputFile { OutputFile(path: "data/dispatches.json", text: dispatches()) }
    public var officialsFile: OutputFile { OutputFile(path: "data/officials.json", text: officials()) }
    public var tagsFile: OutputFile { OutputFile(path: "data/tags.json", text: tags()) }

    static func q(_ s: String?) -> String { s.map(JSONString.quote) ?? "null" }

    static func array(_ records: [String]) -> String {
        records.isEmpty ? "[]\n" : "[\n" + records.joined(separator: ",\n") + "\n]\n"
    }

    public func dispatches() -> String {
        Self.array(site.articles.map { a in
            let d = a.dispatch
            var s = "{\"file\":\(Self.q(d.file)),\"slug\":\(Self.q(a.slug)),\"url\":\(Self.q(a.path + "index.html"))"
            s += ",\"title\":\(Self.q(d.title)),\"titleDerived\":\(d.titleDerived)"
            s += ",\"date\":\(Self.q(d.date.iso)),\"datePrecision\":\(Self.q(d.date.precision.rawValue))"
            s += ",\"eventDate\":\(Self.q(d.eventDate?.iso))"
            s += ",\"place\":\(Self.q(d.place)),\"agency\":\(Self.q(d.agency))"
            s += ",\"officials\":[" + a.people.map { ref in
                let p = site.people[ref.person]
                return "{\"name\":\(Self.q(p.name)),\"slug\":\(Self.q(p.slug)),\"role\":\(Self.q(ref.role))}"
            }.joined(separator: ",") + "]"
            s += ",\"tags\":[" + a.tags.map { t in
                "{\"name\":\(Self.q(site.tags[t].tag.name)),\"slug\":\(Self.q(site.tags[t].slug)),\"kind\":\(Self.q(site.tags[t].tag.kind.rawValue))}"
            }.joined(separator: ",") + "]}"
            return s
        })
    }

    public func officials() -> String {
        Self.array(site.people.map { p in
            var s = "{\"name\":\(Self.q(p.name)),\"slug\":\(Self.q(p.slug)),\"url\":\(Self.q(p.path + "index.html"))"
            s += ",\"aliases\":[" + p.resolved.spellings.filter { $0 != p.name }.map { Self.q($0) }.joined(separator: ",") + "]"
            s += ",\"roles\":[" + p.roles.map { r in
                "{\"role\":\(Self.q(r.role)),\"first\":\(Self.q(r.first?.iso)),\"last\":\(Self.q(r.last?.iso)),\"count\":\(r.count)}"
            }.joined(separator: ",") + "]"
            s += ",\"organisations\":[" + p.resolved.organisations.map { Self.q($0) }.joined(separator: ",") + "]"
            s += ",\"country\":\(Self.q(p.resolved.country))"
            s += ",\"description\":\(Self.q(p.resolved.description))"
            s += ",\"dispatches\":[" + p.articles.map { Self.q(site.articles[$0].slug) }.joined(separator: ",") + "]"
            s += ",\"coAppearances\":[" + p.coAppearances.map { "{\"slug\":\(Self.q(site.people[$0.person].slug)),\"count\":\($0.count)}" }.joined(separator: ",") + "]}"
            return s
        })
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
    /// Splits already folded text (`TextFolding.key`) into words.
    public static func split(_ folded: String) -> [String] {
        var out: [String] = []
        var cur = ""
        for u in folded.unicodeScalars {
            if (u.value >= 97 && u.value <= 122) || (u.value >= 48 && u.value <= 57) {
                cur.unicodeScalars.append(u)
            } else if !cur.isEmpty {
                out.append(cur)
                cur = ""
            }
        }
        if !cur.isEmpty { out.append(cur) }
        return out
    }

    /// Folds and splits in one pass over the UTF-8 bytes, with no intermediate string: the
    /// same words as `split(TextFolding.key(text))` (letters that fold to ASCII join a word,
    /// combining marks are dropped, anything else separates), at a fraction of the cost, since
    /// the search index reads the whole text of every dispatch.
    public struct Collector {
        /// Every word seen, in order, repeats included.
        public internal(set) var words: [String] = []
        var cur: [UInt8] = []

        public init() {}

        public mutating func add(_ text: String) {
            var text = text
            text.withUTF8 { src in
                let n = src.count
                var i = 0
                while i < n {
                    let b = src[i]
                    if b < 0x80 {
                        if (b >= 0x61 && b <= 0x7A) || (b >= 0x30 && b <= 0x39) {
                            cur.append(b)
                        } else if b >= 0x41 && b <= 0x5A {
                            cur.append(b + 32)
                        } else {
                            flush()
                        }
                        i += 1
                        continue
                    }
                    let len = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2
                    var v = UInt32(b) & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07)
                    var k = 1
                    while k < len && i + k < n { v = (v << 6) | (UInt32(src[i + k]) & 0x3F); k += 1 }
                    i += k
                    if let f = TextFolding.bytesTable[v] {
                        for c in f {
                            if c >= 0x41 && c <= 0x5A { cur.append(c + 32) } else if c >= 0x61 && c <= 0x7A { cur.append(c) } else { flush() }
                        }
                    } else if v >= 0x300 && v <= 0x36F {
                        continue // combining mark: dropped, the word goes on
                    } else {
                        flush()
                    }
                }
            }
            flush()
        }

        mutating func flush() {
            guard !cur.isEmpty else { return }
            if cur.count >= 2 {
                let w = String(decoding: cur, as: UTF8.self)
                if !SearchIndex.stopWords.contains(w) { words.append(w) }
            }
            cur.removeAll(keepingCapacity: true)
        }

        /// The words seen, distinct and sorted.
        public func distinct() -> [String] {
            var out: [String] = []
            out.reserveCapacity(words.count)
            for w in words.sorted() where out.last != w { out.append(w) }
            return out
        }
    }
}
