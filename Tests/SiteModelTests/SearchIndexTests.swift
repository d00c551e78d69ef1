import DispatchModel
import SiteModel
import Testing

@Suite struct SearchIndexTests {
    func files(_ ds: [Dispatch]) -> [String: String] {
        let site = SiteIndex(config: SiteConfig(), dispatches: ds)
        var out: [String: String] = [:]
        for f in SearchIndex(site: site).files() { out[f.path] = String(decoding: f.contents, as: UTF8.self) }
        return out
    }

    @Test func wordsAreFoldedShardedByTheirFirstTwoLettersAndStopWordsLeftOut() {
        let f = files([
            Dispatch(file: "a.txt", title: "Économie et Énergie", date: DispatchDate(year: 2024, month: 1, day: 2),
                     lead: "Le Vietnam et la Chine.", officials: [OfficialMention(name: "Tô Lâm", role: "président")]),
            Dispatch(file: "b.txt", title: "Énergie", date: DispatchDate(year: 2023, month: 5), lead: "Hanoï."),
        ])
        #expect(f["search/w-ec.js"]?.contains("\"economie\":[0]") == true)
        #expect(f["search/w-en.js"]?.contains("\"energie\":[0,1]") == true, "ids in timeline order")
        #expect(f["search/w-to.js"]?.contains("\"to\":[0]") == true)
        #expect(f["search/w-la.js"]?.contains("\"lam\":[0]") == true)
        #expect(f["search/w-le.js"] == nil && f["search/w-et.js"] == nil, "stop words are not indexed")
        #expect(f["search/d-0.js"]?.contains("[\"Énergie\",\"energie\",\"mai 2023\"]") == true)
        #expect(f["search/meta.js"]?.contains("\"count\":2") == true)
    }

    @Test func documentsAreSplitInShardsOfAThousand() {
        let ds = (0..<2500).map { Dispatch(file: "\($0).txt", title: "Titre \($0)", date: DispatchDate(year: 2020, month: 1, day: 1)) }
        let f = files(ds)
        #expect(f.keys.filter { $0.hasPrefix("search/d-") }.sorted() == ["search/d-0.js", "search/d-1.js", "search/d-2.js"])
    }

    /// The one-pass collector gives the words of folding then splitting, on text with accents,
    /// Vietnamese letters, combining marks, ligatures, punctuation, digits and other scripts.
    @Test(arguments: [
        "Économie et Énergie: le Vietnam, la Chine (PCC) — 2024!",
        "Tô Lâm, Nguyễn Xuân Phúc, Phạm Minh Chính; Đà Nẵng, Huế.",
        "Cafe\u{0301} co\u{0302}ng nghe\u{0323}", // decomposed accents
        "cœur Œuvre Straße ÆON l’État « guillemets » x²",
        "Москва 北京 Ελλάδα ﬁn",
        "a b cd 12 3 A1 éé", "", "   ", "ĐẠI HỘI XIII", "\u{212A}ELVIN", // Kelvin sign: lowercases to ASCII k
    ])
    func collectorMatchesFoldThenSplit(_ text: String) {
        var c = SearchWords.Collector()
        c.add(text)
        let expected = Set(Self.split(TextFolding.key(text)).filter { $0.utf8.count >= 2 && !SearchIndex.stopWords.contains($0) })
        #expect(Set(c.words) == expected)
    }

    /// The reference: folded text split on anything but ASCII letters and digits.
    static func split(_ folded: String) -> [String] {
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

    @Test func indexTextCannotCloseAScript() {
        let f = files([Dispatch(file: "x.txt", title: "</script><script>alert(1)</script>", date: .unknown, lead: "x")])
        for (_, text) in f { #expect(!text.contains("<")) }
    }
}
