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

    public init(config: SiteConfig, dispatches: [Dispatch], resolver: IdentityResolver = IdentityResolver(), jobs: Int = 1) {
        self.config = config
        let order = TimelineOrder.sorted(dispatches)
        let sorted = order.map { dispatches[$0] }

        // People (identity resolution, the longest part) on one core, article slugs and tags
        // on the other: neither reads the other.
        enum Part: Sendable {
            case people([Person])
            case slugsAndTags([String], [TagEntry], [[Int]], [[String]])
        }
        var people: [Person] = [], articleSlugs: [String] = [], tags: [TagEntry] = []
        var articleTags: [[Int]] = [], mentionKeys: [[String]] = []
        for part in Parallel.map(2, jobs: jobs, { k -> Part in
            if k == 0 { return .people(Self.people(of: sorted, resolver: resolver)) }
            let tags = Self.tagEntries(of: sorted)
            return .slugsAndTags(Self.articleSlugs(of: sorted), tags, Self.articleTags(of: sorted, tags: tags),
                                 sorted.map { $0.officials.map { TextFolding.key($0.name) } })
        }) {
            switch part {
            case .people(let p): people = p
            case .slugsAndTags(let s, let t, let at, let m): articleSlugs = s; tags = t; articleTags = at; mentionKeys = m
            }
        }
        var articles = sorted.enumerated().map { i, d in
            Article(dispatch: d, slug: articleSlugs[i])
        }

        for (pi, p) in people.enumerated() {
            for a in p.resolved.appearances where !articles[a.dispatch].people.contains(where: { $0.person == pi }) {
                articles[a.dispatch].people.append(.init(person: pi, role: a.role))
            }
        }
        // Keep each article's officials in the order the dispatch names them.
        let spellingKeys = people.map { Set($0.resolved.spellings.map(TextFolding.key)) }
        for i in articles.indices {
            let names = mentionKeys[i]
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

        for i in articles.indices { articles[i].tags = articleTags[i] }

        self.articles = articles
        self.people = people
        self.tags = tags
        self.timeline = Timeline(articles: articles)
        self.timelinePages = TimelinePages(timeline: timeline, pageSize: config.pageSize)
    }

    /// Slugs are allocated in file-name order so that adding a seed rarely renames another.
    static func articleSlugs(of sorted: [Dispatch]) -> [String] {
        var slugs = [String](repeating: "", count: sorted.count)
        var alloc = SlugAllocator()
        let files = sorted.map(\.file)
        for i in sorted.indices.sorted(by: { files[$0] < files[$1] }) {
            slugs[i] = alloc.allocate(sorted[i].title)
        }
        return slugs
    }

    /// One identity per person across the corpus; profiles listed by name, accent- and
    /// case-insensitively, for a stable order.
    static func people(of sorted: [Dispatch], resolver: IdentityResolver) -> [Person] {
        let resolved = resolver.resolve(sorted.map(\.officials))
            .map { (TextFolding.key($0.displayName), $0) }
            .sorted { ($0.0, $0.1.displayName) < ($1.0, $1.1.displayName) }
            .map(\.1)
        var personAlloc = SlugAllocator()
        let dates = sorted.map(\.date)
        return resolved.map { Person(resolved: $0, slug: personAlloc.allocate($0.displayName), dates: dates) }
    }

    /// Tags, slugged in (kind, name) order, each with its articles (timeline order).
    static func tagEntries(of sorted: [Dispatch]) -> [TagEntry] {
        var tagArticles: [Tag: [Int]] = [:]
        for (i, d) in sorted.enumerated() {
            for t in d.tags { tagArticles[t, default: []].append(i) }
        }
        var tagAlloc = SlugAllocator()
        var tags: [TagEntry] = []
        for t in tagArticles.keys.sorted(by: { ($0.kind, TextFolding.key($0.name), $0.name) < ($1.kind, TextFolding.key($1.name), $1.name) }) {
            tags.append(TagEntry(tag: t, slug: tagAlloc.allocate(t.name), articles: tagArticles[t]!))
        }
        return tags
    }

    /// Each article's tags as indexes into `tags`, in the order its dispatch lists them.
    static func articleTags(of sorted: [Dispatch], tags: [TagEntry]) -> [[Int]] {
        var tagIndexByTag: [Tag: Int] = [:]
        for (i, t) in tags.enumerated() { tagIndexByTag[t.tag] = i }
        return sorted.map { $0.tags.compactMap { tagIndexByTag[$0] } }
    }

    /// The newest dispatches with a known year, at most `count` (home page, timeline, feeds).
    public func latestDated(_ count: Int) -> ArraySlice<Int> {
        articles.indices.filter { articles[$0].dispatch.date.year != nil }.prefix(count)
    }
}
