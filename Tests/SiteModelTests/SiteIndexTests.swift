import DispatchModel
import SiteModel
import Testing

typealias DTag = DispatchModel.Tag

@Suite struct SiteIndexTests {
    func d(_ file: String, _ title: String, _ date: DispatchDate, officials: [OfficialMention] = [], tags: [DTag] = []) -> Dispatch {
        Dispatch(file: file, title: title, date: date, officials: officials, tags: tags)
    }

    @Test func timelineIsNewestFirstWithMonthOnlyAtTheEndOfItsMonth() {
        let site = SiteIndex(config: SiteConfig(), dispatches: [
            d("1.txt", "Jour 3", DispatchDate(year: 2020, month: 11, day: 3)),
            d("2.txt", "Mois", DispatchDate(year: 2020, month: 11)),
            d("3.txt", "Jour 30", DispatchDate(year: 2020, month: 11, day: 30)),
            d("4.txt", "Décembre", DispatchDate(year: 2020, month: 12, day: 1)),
            d("5.txt", "Sans année", DispatchDate(month: 5, day: 2)),
            d("6.txt", "Inconnue", .unknown),
            d("7.txt", "2019", DispatchDate(year: 2019, month: 1, day: 1)),
        ])
        #expect(site.articles.map(\.dispatch.title) == ["Décembre", "Jour 30", "Jour 3", "Mois", "2019", "Sans année", "Inconnue"])
        #expect(site.timeline.years.map(\.year) == [2020, 2019])
        #expect(site.timeline.years[0].months.map(\.month) == [12, 11])
        #expect(site.timeline.years[0].months[1].articles.map { site.articles[$0].dispatch.title } == ["Jour 30", "Jour 3", "Mois"])
        #expect(site.timeline.incomplete.map { site.articles[$0].dispatch.title } == ["Sans année", "Inconnue"])
    }

    @Test func orderDoesNotDependOnInputOrder() {
        let ds = (0..<20).map { d("\($0).txt", "Même titre", DispatchDate(year: 2020, month: 1 + $0 % 3)) }
        let a = SiteIndex(config: SiteConfig(), dispatches: ds)
        let b = SiteIndex(config: SiteConfig(), dispatches: ds.reversed())
        #expect(a.articles.map(\.slug) == b.articles.map(\.slug))
        #expect(a.articles.map(\.dispatch.file) == b.articles.map(\.dispatch.file))
    }

    @Test func sameTitlesGetDistinctSlugsInFileOrder() {
        let site = SiteIndex(config: SiteConfig(), dispatches: [
            d("b.txt", "Visite", DispatchDate(year: 2021, month: 1)),
            d("a.txt", "Visite", DispatchDate(year: 2020, month: 1)),
        ])
        let byFile = Dictionary(uniqueKeysWithValues: site.articles.map { ($0.dispatch.file, $0.slug) })
        #expect(byFile == ["a.txt": "visite", "b.txt": "visite-2"])
    }

    @Test func profilesCollectRolesWithFirstAndLastDates() {
        let site = SiteIndex(config: SiteConfig(), dispatches: [
            d("1.txt", "A", DispatchDate(year: 2019, month: 3, day: 1), officials: [.init(name: "Tô Lâm", role: "ministre"), .init(name: "Wang Yi", role: "ministre chinois")]),
            d("2.txt", "B", DispatchDate(year: 2021, month: 6), officials: [.init(name: "To Lam", role: "ministre")]),
            d("3.txt", "C", DispatchDate(year: 2024, month: 8, day: 3), officials: [.init(name: "Tô Lâm", role: "président"), .init(name: "Wang Yi", role: nil)]),
        ])
        #expect(site.people.count == 2)
        let to = site.people.first { $0.name.hasPrefix("T") }!
        #expect(to.articles.count == 3)
        #expect(to.roles.map(\.role) == ["ministre", "président"])
        #expect(to.roles[0].first == DispatchDate(year: 2019, month: 3, day: 1))
        #expect(to.roles[0].last == DispatchDate(year: 2021, month: 6))
        #expect(to.latestRole == "président")
        #expect(to.coAppearances.map(\.count) == [2])
    }

    @Test func tagsListTheirArticlesInTimelineOrder() {
        let t = DTag(name: "PCV", kind: .organisation)
        let site = SiteIndex(config: SiteConfig(), dispatches: [
            d("1.txt", "Ancien", DispatchDate(year: 2019, month: 1), tags: [t]),
            d("2.txt", "Récent", DispatchDate(year: 2022, month: 1), tags: [t]),
        ])
        #expect(site.tags.count == 1)
        #expect(site.tags[0].articles.map { site.articles[$0].dispatch.title } == ["Récent", "Ancien"])
        #expect(site.tags[0].slug == "pcv")
    }
}
