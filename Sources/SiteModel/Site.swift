import DispatchModel
import OfficialsExtraction

/// The whole digest as data, ready to render: articles in timeline order (newest first),
/// people, tags and the timeline, with every page's path decided. Built once from the
/// parsed dispatches; everything here is deterministic for the same input.
public struct SiteIndex: Sendable {
    public var config: SiteConfig
    /// In timeline order: dated newest first, then the incomplete-date group.
    public var articles: [Article]
    public var people: [Person]
    public var tags: [TagEntry]
    public var timeline: Timeline
    public var timelinePages: TimelinePages

    public init(config: SiteConfig, dispatches: [Dispatch], resolver: IdentityResolver = IdentityResolver()) {
        self.config = config
        let order = TimelineOrder.sorted(dispatches)
        let sorted = order.map { dispatches[$0] }

        // Slugs are allocated in file-name order so that adding a seed rarely renames another.
        var articleSlugs = [String](repeating: "", count: sorted.count)
        var alloc = SlugAllocator()
        let files = sorted.map(\.file)
        for i in sorted.indices.sorted(by: { files[$0] < files[$1] }) {
            articleSlugs[i] = alloc.allocate(sorted[i].title)
        }
        var articles = sorted.enumerated().map { i, d in
            Article(dispatch: d, slug: articleSlugs[i])
        }

        // People: one identity per person across the corpus.
        // Profiles listed by name, accent- and case-insensitively, for a stable order.
        let resolved = resolver.resolve(sorted.map(\.officials))
            .map { (TextFolding.key($0.displayName), $0) }
            .sorted { ($0.0, $0.1.displayName) < ($1.0, $1.1.displayName) }
            .map(\.1)
        var personAlloc = SlugAllocator()
        let dates = sorted.map(\.date)
        var people: [Person] = []
        for r in resolved {
            let p = Person(resolved: r, slug: personAlloc.allocate(r.displayName), dates: dates)
            people.append(p)
        }
        for (pi, p) in people.enumerated() {
            for a in p.resolved.appearances where !articles[a.dispatch].people.contains(where: { $0.person == pi }) {
                articles[a.dispatch].people.append(.init(person: pi, role: a.role))
            }
        }
        // Keep each article's officials in the order the dispatch names them.
        let spellingKeys = people.map { Set($0.resolved.spellings.map(TextFolding.key)) }
        for i in articles.indices {
            let names = articles[i].dispatch.officials.map { TextFolding.key($0.name) }
            // Position of the first mention that is one of the person's spellings.
            func position(_ ref: Article.PersonRef) -> Int {
                names.firstIndex(where: spellingKeys[ref.person].contains) ?? Int.max
            }
            articles[i].people = articles[i].people
                .map { (position($0), people[$0.person].slug, $0) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                .map(\.2)
        }
        Person.linkCoAppearances(&people, articles: articles)

        // Tags, slugged in (kind, name) order.
        var tagArticles: [Tag: [Int]] = [:]
        for (i, a) in articles.enumerated() {
            for t in a.dispatch.tags { tagArticles[t, default: []].append(i) }
        }
        var tagAlloc = SlugAllocator()
        var tags: [TagEntry] = []
        for t in tagArticles.keys.sorted(by: { ($0.kind, TextFolding.key($0.name), $0.name) < ($1.kind, TextFolding.key($1.name), $1.name) }) {
            tags.append(TagEntry(tag: t, slug: tagAlloc.allocate(t.name), articles: tagArticles[t]!))
        }
        var tagIndexByTag: [Tag: Int] = [:]
        for (i, t) in tags.enumerated() { tagIndexByTag[t.tag] = i }
        for i in articles.indices {
            articles[i].tags = articles[i].dispatch.tags.compactMap { tagIndexByTag[$0] }
        }

        self.articles = articles
        self.people = people
        self.tags = tags
        self.timeline = Timeline(articles: articles)
        self.timelinePages = TimelinePages(timeline: timeline, pageSize: config.pageSize)
    }

    /// The newest dispatches with a known year, at most `count` (home page, timeline, feeds).
    public func latestDated(_ count: Int) -> ArraySlice<Int> {
        articles.indices.filter { articles[$0].dispatch.date.year != nil }.prefix(count)
    }
}
