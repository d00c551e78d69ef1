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
            let (tags, articleTags) = Self.tagIndex(of: sorted)
            return .slugsAndTags(Self.articleSlugs(of: sorted, input: dispatches, order: order), tags, articleTags,
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
        // Keep each article's officials in the order the dispatch names them. Each article on
        // its own, so on both cores: this and the co-appearances were most of the index's
        // serial end.
        let spellingKeys = people.map { Set($0.resolved.spellings.map(TextFolding.key)) }
        let unordered = articles.map(\.people)
        let slugs = people.map(\.slug)
        let mentions = mentionKeys
        let ordered = Parallel.map(articles.count, jobs: jobs) { i -> [Article.PersonRef] in
            let refs = unordered[i]
            guard refs.count > 1 else { return refs }
            let names = mentions[i]
            // Position of the first mention that is one of the person's spellings.
            func position(_ ref: Article.PersonRef) -> Int {
                names.firstIndex(where: spellingKeys[ref.person].contains) ?? Int.max
            }
            return refs
                .map { (position($0), slugs[$0.person], $0) }
                .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
                .map(\.2)
        }
        for i in articles.indices { articles[i].people = ordered[i] }
        Person.linkCoAppearances(&people, articles: articles, jobs: jobs)

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

    /// The same slugs, for `sorted` = `order.map { input[$0] }`. A build's input comes in
    /// file-name order already (the seeds folder is listed sorted), so file order is `order`
    /// inverted: no sort of ten thousand names. Any other input is sorted as above.
    static func articleSlugs(of sorted: [Dispatch], input: [Dispatch], order: [Int]) -> [String] {
        let inFileOrder = zip(input, input.dropFirst()).allSatisfy { $0.file < $1.file }
        guard inFileOrder, input.count == sorted.count else { return articleSlugs(of: sorted) }
        var position = [Int](repeating: 0, count: order.count)
        for (p, i) in order.enumerated() { position[i] = p }
        var slugs = [String](repeating: "", count: sorted.count)
        var alloc = SlugAllocator()
        for (i, d) in input.enumerated() { slugs[position[i]] = alloc.allocate(d.title) }
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

    /// Tags, slugged in (kind, name) order, each with its articles (timeline order). The plain
    /// statement of what `tagIndex` computes, kept as the tests' reference (a build calls
    /// `tagIndex`).
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

    /// `tagEntries` and `articleTags` in one pass, each tag of each dispatch looked up once by
    /// its bytes: a `[Tag: …]` lookup hashes the name with SipHash, and the two functions made
    /// two per tag of every dispatch (seventy thousand each at 10,000 dispatches). Tags equal
    /// as strings but not as bytes (one name in NFC, one in NFD) are merged afterwards, on
    /// the few distinct ones, so the answer is the same as theirs.
    static func tagIndex(of sorted: [Dispatch]) -> (tags: [TagEntry], articleTags: [[Int]]) {
        var table = ByteStringTable()
        var distinct: [Tag] = []
        var key: [UInt8] = []
        var local: [[Int32]] = []
        local.reserveCapacity(sorted.count)
        for d in sorted {
            let dtags = d.tags
            var ids: [Int32] = []
            ids.reserveCapacity(dtags.count)
            for t in dtags {
                key.removeAll(keepingCapacity: true)
                key.append(kindByte(t.kind))
                key.append(contentsOf: t.name.utf8)
                let (id, inserted) = key.withUnsafeBufferPointer { table.insert($0) }
                if inserted { distinct.append(t) }
                ids.append(Int32(truncatingIfNeeded: id))
            }
            local.append(ids)
        }
        // Distinct byte strings to tags (`==`, as a dictionary keys them), first seen first.
        var group = [Int](repeating: 0, count: distinct.count)
        var groupOf: [Tag: Int] = [:]
        var groups: [Tag] = []
        for (i, t) in distinct.enumerated() {
            if let g = groupOf[t] { group[i] = g } else { groupOf[t] = groups.count; group[i] = groups.count; groups.append(t) }
        }
        var articles = [[Int]](repeating: [], count: groups.count)
        for (i, ids) in local.enumerated() {
            for id in ids { articles[group[Int(id)]].append(i) }
        }
        let folded = groups.map { TextFolding.key($0.name) }
        let order = groups.indices.sorted {
            (groups[$0].kind, folded[$0], groups[$0].name) < (groups[$1].kind, folded[$1], groups[$1].name)
        }
        var final = [Int](repeating: 0, count: groups.count)
        var tagAlloc = SlugAllocator()
        var tags: [TagEntry] = []
        tags.reserveCapacity(groups.count)
        for (n, g) in order.enumerated() {
            final[g] = n
            tags.append(TagEntry(tag: groups[g], slug: tagAlloc.allocate(groups[g].name), articles: articles[g]))
        }
        let articleTags = local.map { ids in ids.map { final[group[Int($0)]] } }
        return (tags, articleTags)
    }

    private static func kindByte(_ k: TagKind) -> UInt8 {
        switch k {
        case .organisation: return 0
        case .country: return 1
        case .place: return 2
        case .topic: return 3
        }
    }

    /// Each article's tags as indexes into `tags`, in the order its dispatch lists them (the
    /// tests' reference for `tagIndex`, like `tagEntries`).
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
