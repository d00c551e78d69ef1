import DispatchModel
import Foundation
import SiteModel

/// Stage 4: renders every page, feed and data file of the site from the model. Pages are
/// offered as `PageJob`s, each with a signature of everything its files are made from, so an
/// incremental build renders only the jobs whose signature changed. Nothing touches the disk.
public struct SiteRenderer: Sendable {
    public let site: SiteIndex
    public let templates: TemplateSet
    /// HTML of an article body (index into `site.articles`), computed only for rendered articles.
    let body: @Sendable (Int) -> [UInt8]
    /// Hash of the templates, the configuration and the generator version: every page depends on it.
    public let theme: UInt64
    let sig: PageSignatures
    /// Each article's list entry, rendered once with a marker where the page's root goes.
    let listItems: ListItems
    var items: [ItemHTML] { listItems.all }
    /// Each article's Atom timestamp (nil without year and month), computed once per date.
    let updated: [String?]
    /// The feeds' entries, and each entry as rendered by the first feed that lists it.
    let feedEntries: FeedEntries
    let memo = RenderMemo()
    /// Threads for the work inside one job (the search index), which an incremental build
    /// may render alone.
    let workers: Int
    /// Whether jobs carry signatures (`PageJob.signature` is 0 otherwise).
    let signed: Bool

    /// - Parameters:
    ///   - cachedItems: list entries from a previous build, by item signature (read only
    ///     when entries are made).
    ///   - lazyItems: make the list entries only when a page needs them (incremental builds),
    ///     instead of at once.
    ///   - signatures: whether to sign the jobs; a build that keeps no cache has no use for
    ///     signatures (nor for cached entries).
    public init(site: SiteIndex, templates: TemplateSet, generator: String, jobs: Int = 1,
                cachedItems: @escaping @Sendable () -> [UInt64: String] = { [:] }, lazyItems: Bool = false,
                signatures: Bool = true,
                body: @escaping @Sendable (Int) -> [UInt8]) {
        self.site = site
        self.templates = templates
        self.body = body
        workers = jobs
        signed = signatures
        var h = StableHasher("theme")
        h.combine(generator)
        h.combine(templates.signature)
        site.config.stableHash(into: &h)
        theme = h.value
        let sig = PageSignatures(site: site, theme: theme, jobs: jobs, perArticle: signatures)
        self.sig = sig
        let clock = AtomClock(timeZone: site.config.timeZone)
        var stamps: [DispatchDate: String?] = [:]
        updated = site.articles.map { a in
            if let s = stamps[a.dispatch.date] { return s }
            let s = clock.timestamp(a.dispatch.date)
            stamps[a.dispatch.date] = s
            return s
        }
        feedEntries = FeedEntries(site: site, updated: updated)
        let ctx = PageContext(site: site)
        self.ctx = ctx
        listItems = ListItems(eager: !lazyItems) {
            let cached = signatures ? cachedItems() : [:]
            return Parallel.map(site.articles.count, jobs: jobs) { i in
                if !cached.isEmpty, let c = cached[sig.item[i]] { return ItemHTML(c) }
                return ItemHTML(bytes: templates.renderBytes("item", ctx.item(i, root: ItemHTML.marker)))
            }
        }
    }

    /// The list entries of this site (for the build cache), one per item signature in
    /// increasing order, each as its pieces to join with `listEntryMarker`; nil when no page
    /// needed them (the cached ones are then still right: any change to an entry re-renders
    /// the timeline page that lists it). Pieces, not joined strings: at 50,000 dispatches the
    /// entries joined are a hundred megabytes the cache would hold twice.
    public var renderedItems: [(signature: UInt64, parts: [String])]? {
        guard signed, let items = listItems.ifMade else { return nil }
        var out: [(signature: UInt64, parts: [String])] = []
        for i in items.indices.sorted(by: { sig.item[$0] < sig.item[$1] }) where sig.item[i] != out.last?.signature {
            out.append((sig.item[i], items[i].parts))
        }
        return out
    }

    /// Every article's list entry: its bytes without the root prefix, and the offsets where
    /// the prefix goes (what the link check reads once for all listings). Makes the entries
    /// if no page has yet.
    public var listEntries: [(bytes: [UInt8], cuts: [Int])] { items.map { ($0.bytes, $0.cuts) } }

    /// What stands for the page's root in a list entry's pieces.
    public static var listEntryMarker: String { ItemHTML.marker }

    /// The list entries of `articles` for a page whose root prefix is `root`.
    func listing<C: Collection>(_ articles: C, root: String) -> ListingHTML where C.Element == Int {
        ListingHTML(items: items, articles: Array(articles), root: Array(root.utf8))
    }

    /// Made once: a `PageContext` holds the whole `SiteIndex`, and making one per use (several
    /// per page) retained every array of the index each time.
    let ctx: PageContext

    /// One unit of rendering: the files of one page (or feed, or data file) and the signature
    /// of their inputs.
    public struct PageJob: Sendable {
        public var key: String
        public var signature: UInt64
        /// Whether the job uses every core itself (the search words): work nested in a
        /// parallel map runs on one thread, so a build with few jobs runs these alone.
        public var parallel = false
        let make: @Sendable () -> [OutputFile]
        public func render() -> [OutputFile] { make() }
    }

    /// Every job of the site, in a fixed order (longest first).
    public func pageJobs() -> [PageJob] {
        // The jobs' closures share one reference to the renderer: a closure that captured the
        // renderer itself held a copy of the struct (each of its references retained), made
        // once per job, eleven thousand times on the serial path before rendering.
        let box = Box(self)
        var jobs: [PageJob] = []
        func job(_ key: String, _ parts: @autoclosure () -> [UInt64], parallel: Bool = false, _ make: @escaping @Sendable () -> [OutputFile]) {
            guard signed else {
                jobs.append(PageJob(key: key, signature: 0, parallel: parallel, make: make))
                return
            }
            var h = StableHasher(key)
            h.combine(theme)
            for p in parts() { h.combine(p) }
            jobs.append(PageJob(key: key, signature: h.value, parallel: parallel, make: make))
        }
        // Data files, the search index and the sitemap list the whole site; each has a
        // signature of only what it shows, so that an edit re-renders only those it changes.
        // They are the longest jobs, so they come first, then the listings (tens of pages
        // each for a large tag): the jobs still running when the others are done are then
        // short pages, and both cores stay busy to the end.
        let data = DataExport(site: site)
        job("data:dispatches", [sig.dispatchRecords()]) { [data.dispatchesFile] }
        job("data:officials", [sig.officialsData()]) { [data.officialsFile] }
        job("data:tags", [sig.tagsIndex()]) { [data.tagsFile] }
        job("sitemap", [sig.sitemap()]) { [box.r.sitemap()] }
        let search = SearchIndex(site: site)
        job("search:words", [sig.searchWords()], parallel: true) { search.wordFiles(jobs: box.r.workers) }
        for n in 0..<search.documentShardCount {
            job("search:docs:\(n)", [sig.searchDocuments(search.documentRange(n))]) { [search.documentShard(n)] }
        }
        // Listings, largest first: a large tag is tens of pages.
        let bySize = { (counts: [Int]) in counts.indices.sorted { (counts[$0], $1) > (counts[$1], $0) } }
        for i in bySize(site.tags.map(\.articles.count)) {
            job("tag:" + site.tags[i].slug, [sig.tag(i)]) { box.r.tag(i) + [box.r.tagFeed(i)] }
        }
        for i in bySize(site.people.map(\.articles.count)) {
            job("official:" + site.people[i].slug, [sig.person(i)]) { [box.r.person(i: i), box.r.personFeed(i)] }
        }
        for (n, page) in site.timelinePages.pages.enumerated() {
            job("timeline:" + page.path, [sig.timelinePage(n)]) { [box.r.timelinePage(page)] }
        }
        job("home", [sig.list(Array(box.r.latest)), UInt64(site.articles.count), UInt64(site.people.count), UInt64(site.tags.count)]) { [box.r.home()] }
        job("timeline", [sig.timelineIndex()]) { [box.r.timelineIndex()] }
        job("officials", [sig.officialsIndex()]) { [box.r.officialsIndex()] }
        job("tags", [sig.tagsIndex()]) { [box.r.tagsIndex()] }
        // Article pages last: many short jobs, they keep both cores busy to the end.
        for i in site.articles.indices { job("article:" + site.articles[i].slug, [sig.article[i]]) { [box.r.article(i)] } }
        job("search", []) { [box.r.search()] }
        job("404", []) { [box.r.notFound()] }
        job("feed", [sig.feed(Array(box.r.siteFeedArticles))]) { [box.r.siteFeed()] }
        job("assets", []) { box.r.templates.assets.sorted(by: { $0.key < $1.key }).map { OutputFile(path: $0.key, text: $0.value) } }
        return jobs
    }

    /// One renderer shared by reference.
    final class Box: Sendable {
        let r: SiteRenderer
        init(_ r: SiteRenderer) { self.r = r }
    }

    /// Every output file, rendered in parallel, sorted by path.
    public func renderAll(jobs workers: Int = 1) -> [OutputFile] {
        let all = pageJobs()
        return Parallel.map(all.count, jobs: workers) { all[$0].render() }.flatMap { $0 }.sorted { $0.path < $1.path }
    }

    var latest: ArraySlice<Int> {
        site.latestDated(site.config.homeCount)
    }

    var siteFeedArticles: ArraySlice<Int> {
        site.articles.indices.filter { site.articles[$0].dispatch.date.year != nil && site.articles[$0].dispatch.date.month != nil }
            .prefix(site.config.feedCount)
    }

    // MARK: pages

    public func article(_ i: Int) -> OutputFile {
        article(i, site.articles[i])
    }

    /// `a` is `site.articles[i]`, passed borrowed, so the body reads it without copies of its
    /// own (the array's subscript still copies it once on the way in: a profile shows it,
    /// four retains now that `Dispatch` is one reference).
    private func article(_ i: Int, _ a: borrowing Article) -> OutputFile {
        let path = a.page
        let root = PageContext.root(depth: PageContext.depth(of: path))
        var c = ctx.base(path: path, title: a.dispatch.title)
        c["title"] = .init(a.dispatch.title)
        if a.dispatch.titleDerived { c["titleDerived"] = true }
        c["dateText"] = .init(FrenchDates.text(a.dispatch.date))
        if let iso = FrenchDates.htmlDatetime(a.dispatch.date) { c["dateISO"] = .init(iso) }
        if let e = a.dispatch.eventDate, e != a.dispatch.date { c["eventDateText"] = .init(FrenchDates.text(e)) }
        if let p = a.dispatch.place { c["place"] = .init(p) }
        if let ag = a.dispatch.agency { c["agency"] = .init(ag) }
        if let s = a.dispatch.signOff { c["signOff"] = .init(s) }
        c["bodyHTML"] = .html(body(i))
        c["file"] = .init(a.dispatch.file)
        var officials: [TemplateValue] = []
        officials.reserveCapacity(a.people.count)
        for ref in a.people {
            var o: TemplateContext = ["name": .text(site.people[ref.person].name), "url": .text(ctx.personURL(ref.person, root: root))]
            if let r = ref.role { o["role"] = .text(r) }
            officials.append(.object(o))
        }
        if !officials.isEmpty { c["officials"] = .list(officials); c["hasOfficials"] = true }
        if !a.tags.isEmpty { c["tags"] = ctx.tagLinks(a.tags, root: root); c["hasTags"] = true }
        if i > 0 { c["newer"] = ["url": .text(ctx.articleURL(i - 1, root: root)), "title": .text(site.articles[i - 1].dispatch.title)] }
        if i + 1 < site.articles.count {
            c["older"] = ["url": .text(ctx.articleURL(i + 1, root: root)), "title": .text(site.articles[i + 1].dispatch.title)]
        }
        return OutputFile(path: path, contents: templates.renderBytes("article", c))
    }

    func home() -> OutputFile {
        var c = ctx.base(path: "index.html", title: "Accueil")
        c["pageTitle"] = "Accueil"
        c["articleCount"] = .init(site.articles.count)
        c["personCount"] = .init(site.people.count)
        c["tagCount"] = .init(site.tags.count)
        let entries = listing(latest, root: "")
        c["itemsHTML"] = .listing(entries)
        return templates.renderFile("index.html", "home", c, extra: entries.size)
    }

    /// `timeline/index.html`: every year with its months and counts (each linking to the page
    /// where that month starts), then the latest dispatches.
    func timelineIndex() -> OutputFile {
        let path = "timeline/index.html"
        let root = "../"
        var c = ctx.base(path: path, title: "Chronologie", nav: "navTimeline")
        c["articleCount"] = .init(site.articles.count)
        c["years"] = .list(site.timeline.years.map { y -> TemplateValue in
            [
                "year": .int(y.year),
                "count": .int(y.count),
                "url": .text(root + "timeline/\(y.year)/index.html"),
                "months": .list(y.months.map { m -> TemplateValue in
                    [
                        "monthName": .text(FrenchDates.monthName(m.month)),
                        "count": .int(m.articles.count),
                        "url": .text(root + (site.timelinePages.monthPage[TimelinePages.key(year: y.year, month: m.month)] ?? "") + "#" + Self.monthAnchor(y.year, m.month)),
                    ]
                }),
            ]
        })
        if !site.timeline.incomplete.isEmpty {
            c["hasIncomplete"] = true
            c["incompleteCount"] = .init(site.timeline.incomplete.count)
            c["incompleteURL"] = .init(root + TimelinePages.incompleteFolder + "index.html")
        }
        let entries = listing(latest, root: root)
        c["itemsHTML"] = .listing(entries)
        return templates.renderFile(path, "timeline", c, extra: entries.size)
    }

    static func monthAnchor(_ year: Int, _ month: Int) -> String { "mois-\(year)-" + (month < 10 ? "0\(month)" : "\(month)") }

    /// One page of a year (or of the incomplete-date group).
    func timelinePage(_ page: TimelinePages.Page) -> OutputFile {
        let path = page.path
        let root = PageContext.root(depth: PageContext.depth(of: path))
        let title = page.year.map { "Chronologie \($0)" } ?? "Date incomplète"
        var c = ctx.base(path: path, title: page.count > 1 ? "\(title) (page \(page.number))" : title, nav: "navTimeline")
        c["heading"] = .init(title)
        if page.year == nil { c["incompleteNote"] = true }
        c["yearNav"] = .list(site.timeline.years.map { y -> TemplateValue in
            var o: TemplateContext = ["year": .int(y.year), "url": .text(root + "timeline/\(y.year)/index.html"), "count": .int(y.count)]
            if y.year == page.year { o["current"] = true }
            return .object(o)
        })
        if !site.timeline.incomplete.isEmpty {
            c["incompleteURL"] = .init(root + TimelinePages.incompleteFolder + "index.html")
            c["incompleteCount"] = .init(site.timeline.incomplete.count)
        }
        var extra = 0
        c["groups"] = .list(page.groups.map { g -> TemplateValue in
            let entries = listing(g.articles, root: root)
            extra += entries.size
            var o: TemplateContext = ["itemsHTML": .listing(entries), "count": .int(g.articles.count)]
            if let m = g.month, let y = page.year {
                o["label"] = .init("\(FrenchDates.monthName(m).capitalizedFirst) \(y)")
                o["anchor"] = .init(Self.monthAnchor(y, m))
            } else {
                o["label"] = "Date incomplète"
                o["anchor"] = "date-incomplete"
            }
            if g.continued { o["continued"] = true; o.removeValue(forKey: "anchor") }
            return .object(o)
        })
        if page.count > 1 {
            var p: TemplateContext = ["page": .int(page.number), "pageCount": .int(page.count)]
            let folder = root + page.folder
            if page.number > 1 { p["prevURL"] = .init(folder + (page.number == 2 ? "" : "page/\(page.number - 1)/") + "index.html") }
            if page.number < page.count { p["nextURL"] = .init(folder + "page/\(page.number + 1)/index.html") }
            c["pagination"] = .object(p)
        }
        return templates.renderFile(path, "timeline-page", c, extra: extra)
    }

    func officialsIndex() -> OutputFile {
        let path = "officials/index.html"
        var c = ctx.base(path: path, title: "Personnalités", nav: "navOfficials")
        c["personCount"] = .init(site.people.count)
        c["people"] = .list(site.people.indices.map { i -> TemplateValue in
            let p = site.people[i]
            var o: TemplateContext = [
                "name": .text(p.name), "url": .text(ctx.personURL(i, root: "../")), "count": .int(p.articles.count),
                "sortKey": .text(TextFolding.key(p.name)),
            ]
            if let r = p.latestRole { o["latestRole"] = .text(r) }
            return .object(o)
        })
        return OutputFile(path: path, contents: templates.renderBytes("officials", c))
    }

    func person(i: Int) -> OutputFile {
        let p = site.people[i]
        let path = p.path + "index.html"
        let root = "../../"
        var c = ctx.base(path: path, title: p.name, nav: "navOfficials")
        c["name"] = .init(p.name)
        c["count"] = .init(p.articles.count)
        let aliases = p.resolved.spellings.filter { $0 != p.name }
        if !aliases.isEmpty { c["aliases"] = PageContext.listed(aliases); c["hasAliases"] = true }
        if let country = p.resolved.country { c["country"] = .init(country) }
        if !p.resolved.organisations.isEmpty {
            c["organisations"] = PageContext.listed(p.resolved.organisations); c["hasOrganisations"] = true
        }
        if let d = p.resolved.description { c["personDescription"] = .init(d) }
        if let pc = p.resolved.portraitCredit { c["portraitCredit"] = .init(pc) }
        c["roles"] = .list(p.roles.map { r -> TemplateValue in
            ["role": .text(r.role), "span": .text(Self.span(r))]
        })
        let entries = listing(p.articles, root: root)
        c["itemsHTML"] = .listing(entries)
        let co = p.coAppearances.map {
            ["name": .text(site.people[$0.person].name), "url": .text(ctx.personURL($0.person, root: root)), "count": .int($0.count)] as TemplateValue
        }
        if !co.isEmpty { c["coAppearances"] = .list(co); c["hasCoAppearances"] = true }
        return templates.renderFile(path, "official", c, extra: entries.size)
    }

    static func span(_ r: Person.RoleSpan) -> String {
        let n = r.count == 1 ? "1 dépêche" : "\(r.count) dépêches"
        guard let f = r.first, let l = r.last else { return "\(n), date incomplète" }
        if f == l { return "\(FrenchDates.text(f)) (\(n))" }
        return "du \(FrenchDates.text(f)) au \(FrenchDates.text(l)) (\(n))"
    }

    func tagsIndex() -> OutputFile {
        let path = "tags/index.html"
        var c = ctx.base(path: path, title: "Thèmes", nav: "navTags")
        c["tagCount"] = .init(site.tags.count)
        var groups: [TemplateValue] = []
        for kind in TagKind.allCases {
            let members = site.tags.indices.filter { site.tags[$0].tag.kind == kind }
            guard !members.isEmpty else { continue }
            groups.append([
                "kind": .text(kind.rawValue), "label": .text(kind.label), "count": .int(members.count),
                "tags": .list(members.map {
                    ["name": .text(site.tags[$0].tag.name), "url": .text(ctx.tagURL($0, root: "../")), "count": .int(site.tags[$0].articles.count)]
                }),
            ])
        }
        c["groups"] = .list(groups)
        return OutputFile(path: path, contents: templates.renderBytes("tags", c))
    }

    /// A tag's pages: `tags/<slug>/index.html`, then `page/2/index.html`… of `pageSize` entries.
    func tag(_ i: Int) -> [OutputFile] {
        let t = site.tags[i]
        let size = max(1, site.config.pageSize)
        let pages = stride(from: 0, to: max(t.articles.count, 1), by: size).map { Array(t.articles[$0..<min($0 + size, t.articles.count)]) }
        return pages.enumerated().map { n, slice in
            let path = t.path + (n == 0 ? "" : "page/\(n + 1)/") + "index.html"
            let root = PageContext.root(depth: PageContext.depth(of: path))
            var c = ctx.base(path: path, title: t.tag.name, nav: "navTags")
            c["name"] = .init(t.tag.name)
            c["kindLabel"] = .init(t.tag.kind.label)
            c["count"] = .init(t.articles.count)
            let entries = listing(slice, root: root)
            c["itemsHTML"] = .listing(entries)
            if pages.count > 1 {
                var p: TemplateContext = ["page": .int(n + 1), "pageCount": .int(pages.count)]
                let tagRoot = root + t.path
                if n > 0 { p["prevURL"] = .init(tagRoot + (n == 1 ? "" : "page/\(n)/") + "index.html") }
                if n + 1 < pages.count { p["nextURL"] = .init(tagRoot + "page/\(n + 2)/index.html") }
                c["pagination"] = .object(p)
            }
            return templates.renderFile(path, "tag", c, extra: entries.size)
        }
    }

    func search() -> OutputFile {
        let path = "search/index.html"
        let c = ctx.base(path: path, title: "Recherche", nav: "navSearch")
        return OutputFile(path: path, contents: templates.renderBytes("search", c))
    }

    func notFound() -> OutputFile {
        var c = ctx.base(path: "404.html", title: "Page introuvable")
        // Served for any missing path, so relative links would break: use the site's URL.
        c["root"] = .init(site.config.baseURL.hasSuffix("/") ? site.config.baseURL : site.config.baseURL + "/")
        c.removeValue(forKey: "canonical")
        return OutputFile(path: "404.html", contents: templates.renderBytes("404", c))
    }

    // MARK: feeds and sitemap

    func siteFeed() -> OutputFile {
        feed(path: "feed.xml", pagePath: "", title: site.config.title, articles: Array(siteFeedArticles))
    }

    func personFeed(_ i: Int) -> OutputFile {
        let p = site.people[i]
        return feed(path: p.path + "feed.xml", pagePath: p.path, title: "\(p.name) — \(site.config.title)", articles: Array(p.articles.prefix(site.config.feedCount)))
    }

    func tagFeed(_ i: Int) -> OutputFile {
        let t = site.tags[i]
        return feed(path: t.path + "feed.xml", pagePath: t.path, title: "\(t.tag.name) — \(site.config.title)", articles: Array(t.articles.prefix(site.config.feedCount)))
    }

    func feed(path: String, pagePath: String, title: String, articles: [Int]) -> OutputFile {
        var latest = "1970-01-01T00:00:00Z"
        var first = true
        var entries: [TemplateValue] = []
        entries.reserveCapacity(articles.count)
        for i in articles {
            guard let updated = updated[i] else { continue }
            if first || updated > latest { latest = updated; first = false }
            entries.append(.keyed(KeyedObject(id: i, provider: feedEntries)))
        }
        let c: TemplateContext = [
            "lang": .text(site.config.language),
            "title": .text(title),
            "id": .text(site.config.absoluteURL(path)),
            "selfURL": .text(site.config.absoluteURL(path)),
            "pageURL": .text(site.config.absoluteURL(pagePath)),
            "updated": .text(latest),
            "author": .text(site.config.author),
            "entries": .list(entries),
        ]
        return templates.renderFile(path, "feed", c, memo: memo)
    }

    /// Each article's feed entry (absolute URLs: the same in every feed), made when a feed
    /// renders it and not already kept.
    final class FeedEntries: KeyedObjects {
        let site: SiteIndex
        let updated: [String?]

        init(site: SiteIndex, updated: [String?]) {
            self.site = site
            self.updated = updated
        }

        /// One `<entry>` of article `i` (which has an Atom timestamp).
        func object(_ i: Int) -> TemplateObject { entry(site.articles[i], updated: updated[i] ?? "") }

        /// `a` is borrowed (see `article(_:_:)`).
        private func entry(_ a: borrowing Article, updated: String) -> TemplateObject {
            var summary = a.dispatch.lead ?? ""
            // At most 400 characters; counted only that far (`count` walks the whole lead,
            // for every entry of every feed), and not at all when it has fewer bytes than that.
            if summary.utf8.count > 400, let cut = summary.index(summary.startIndex, offsetBy: 400, limitedBy: summary.endIndex),
               cut < summary.endIndex {
                summary = String(summary[..<cut]) + "…"
            }
            var categories: [TemplateValue] = []
            categories.reserveCapacity(a.tags.count)
            for t in a.tags { categories.append(["term": .text(site.tags[t].slug), "label": .text(site.tags[t].tag.name)]) }
            return [
                "title": .text(a.dispatch.title),
                "url": .text(site.config.absoluteURL(a.page)),
                "updated": .text(updated),
                "summary": .text(summary),
                "categories": .list(categories),
            ]
        }
    }

    func sitemap() -> OutputFile {
        var entries: [(loc: String, lastmod: String?)] = []
        func add(_ path: String, _ lastmod: String? = nil) {
            entries.append((site.config.absoluteURL(path), lastmod))
        }
        add("")
        add("timeline/")
        for page in site.timelinePages.pages { add(String(page.path.dropLast("index.html".count))) }
        add("officials/")
        add("tags/")
        add("search/")
        for a in site.articles { add(a.page, a.dispatch.date.precision == .day ? a.dispatch.date.iso : nil) }
        for p in site.people { add(p.path) }
        for t in site.tags {
            add(t.path)
            let size = max(1, site.config.pageSize)
            var n = 2
            while (n - 1) * size < t.articles.count { add(t.path + "page/\(n)/"); n += 1 }
        }
        entries.sort { $0.loc < $1.loc }
        let urls = entries.map { e -> TemplateValue in
            var u: TemplateContext = ["loc": .text(e.loc)]
            if let m = e.lastmod { u["lastmod"] = .text(m) }
            return .object(u)
        }
        return OutputFile(path: "sitemap.xml", contents: templates.renderBytes("sitemap", ["urls": .list(urls)]))
    }
}

/// Atom needs full timestamps; a dispatch has a calendar date in the site's time zone.
/// Midnight of that day in that zone is the honest instant (the first of the month for a
/// month-only date). Dates without a year are left out of feeds.
struct AtomClock {
    let zone: TimeZone

    init(timeZone: String) {
        zone = TimeZone(identifier: timeZone) ?? TimeZone(secondsFromGMT: 0)!
    }

    func timestamp(_ d: DispatchDate) -> String? {
        guard let y = d.year, let m = d.month else { return nil }
        let day = d.day ?? 1
        var cal = Calendar(identifier: .gregorian)
        cal.timeZone = zone
        guard let date = cal.date(from: DateComponents(year: y, month: m, day: day)) else { return nil }
        let off = zone.secondsFromGMT(for: date)
        let sign = off < 0 ? "-" : "+"
        let h = abs(off) / 3600, mi = (abs(off) % 3600) / 60
        func p2(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        let yy = String(y).count >= 4 ? String(y) : String(repeating: "0", count: 4 - String(y).count) + String(y)
        return "\(yy)-\(p2(m))-\(p2(day))T00:00:00\(sign)\(p2(h)):\(p2(mi))"
    }
}

extension String {
    /// `août` -> `Août`, for headings.
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
