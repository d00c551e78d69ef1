import DispatchModel
@testable import SiteModel
import Testing

/// The index's faster parts against the plain statements they replace, on the same input:
/// tags found in one pass by their bytes (`tagIndex`) against dictionaries of tags
/// (`tagEntries`, `articleTags`), and slugs allocated in the input's file order against a sort
/// by file name.
@Suite struct IndexPartsTests {
    /// Deterministic pseudo-random numbers (the test must not depend on the run).
    struct Numbers {
        var state: UInt64
        mutating func below(_ n: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(n))
        }
    }

    /// Tags with the same name in two kinds, and one name in NFC and in NFD (equal as
    /// strings, not as bytes), named in random orders and sometimes twice by one dispatch.
    static let tagPool: [DispatchModel.Tag] = [
        .init(name: "Laos", kind: .country), .init(name: "Laos", kind: .place), .init(name: "PCV", kind: .organisation),
        .init(name: "énergie", kind: .topic), .init(name: "e\u{301}nergie", kind: .topic), .init(name: "Énergie", kind: .topic),
        .init(name: "Hà Nội", kind: .place), .init(name: "Ha Noi", kind: .place), .init(name: "culture", kind: .topic),
    ]

    static func dispatches(_ count: Int, seed: UInt64) -> [Dispatch] {
        var n = Numbers(state: seed)
        let titles = ["Visite", "Visite officielle", "Entretien", "Réunion à Hà Nội", "Visite"]
        return (0..<count).map { i in
            let tags = (0..<n.below(5)).map { _ in tagPool[n.below(tagPool.count)] }
            let date = n.below(4) == 0 ? DispatchDate.unknown : DispatchDate(year: 2018 + n.below(4), month: 1 + n.below(12))
            return Dispatch(file: "\(1000 + i).txt", title: titles[n.below(titles.count)], date: date, tags: tags)
        }
    }

    @Test(arguments: [1, 2, 3]) func tagIndexIsTagEntriesAndArticleTags(seed: UInt64) {
        let sorted = Self.dispatches(300, seed: seed)
        let (tags, articleTags) = SiteIndex.tagIndex(of: sorted)
        let plain = SiteIndex.tagEntries(of: sorted)
        #expect(tags.map(\.tag) == plain.map(\.tag))
        #expect(tags.map(\.slug) == plain.map(\.slug))
        #expect(tags.map(\.articles) == plain.map(\.articles))
        #expect(articleTags == SiteIndex.articleTags(of: sorted, tags: plain))
        // The NFC and NFD spellings are one tag, as a dictionary of tags makes them.
        #expect(tags.filter { $0.tag.kind == .topic && $0.tag.name.lowercased() == "énergie" }.count == 2)
    }

    @Test func slugsInFileOrderAreThoseOfTheSort() {
        let input = Self.dispatches(400, seed: 7)
        let order = TimelineOrder.sorted(input)
        let sorted = order.map { input[$0] }
        #expect(SiteIndex.articleSlugs(of: sorted, input: input, order: order) == SiteIndex.articleSlugs(of: sorted))
        // Input not in file order: the same answer, by the sort.
        let shuffled = Array(input.reversed())
        let order2 = TimelineOrder.sorted(shuffled)
        let sorted2 = order2.map { shuffled[$0] }
        #expect(SiteIndex.articleSlugs(of: sorted2, input: shuffled, order: order2) == SiteIndex.articleSlugs(of: sorted2))
    }

    /// Co-appearances and each article's officials, counted on several threads, are those of
    /// one thread.
    @Test func indexOnBothCoresIsTheIndexOnOne() {
        var n = Numbers(state: 11)
        let names = ["Tô Lâm", "Wang Yi", "Phạm Minh Chính", "Bounthong Kommasith", "Ly Minh Nam", "Do Minh Hoa"]
        let input = Self.dispatches(200, seed: 5).map { d -> Dispatch in
            var d = d
            d.officials = (0..<n.below(4)).map { _ in OfficialMention(name: names[n.below(names.count)], role: n.below(2) == 0 ? "ministre" : nil) }
            return d
        }
        let one = SiteIndex(config: SiteConfig(), dispatches: input, jobs: 1)
        let two = SiteIndex(config: SiteConfig(), dispatches: input, jobs: 2)
        #expect(one.articles.map { $0.people.map(\.person) } == two.articles.map { $0.people.map(\.person) })
        #expect(one.people.map { $0.coAppearances.map(\.person) } == two.people.map { $0.coAppearances.map(\.person) })
        #expect(one.people.map { $0.coAppearances.map(\.count) } == two.people.map { $0.coAppearances.map(\.count) })
        #expect(one.people.contains { !$0.coAppearances.isEmpty })
    }
}
