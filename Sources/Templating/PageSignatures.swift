import DispatchModel
import SiteModel

/// Signatures of what each page is made from, for incremental builds: a page is rendered
/// again only when its signature changes. Each signature must cover every model value the
/// page's view model reads (see `PageContext` and `SiteRenderer`); the incremental-build tests
/// compare incremental output with a full build to keep them honest.
struct PageSignatures: Sendable {
    let site: SiteIndex
    let theme: UInt64
    /// What a list entry shows: slug, title, date, place, officials, tags.
    let item: [UInt64]
    /// What an article page shows: the whole dispatch, its officials and tags, its neighbours.
    let article: [UInt64]
    /// What a feed entry shows.
    let entry: [UInt64]

    /// - Parameter perArticle: whether to hash every article now (a build without a cache
    ///   uses no signature, and hashing every dispatch's text was a few percent of it).
    init(site: SiteIndex, theme: UInt64, jobs: Int = 1, perArticle: Bool = true) {
        self.site = site
        self.theme = theme
        guard perArticle else {
            item = []; entry = []; article = []
            return
        }
        // Each article's three signatures depend on that article (and its neighbours' titles)
        // only, so they are computed on all cores; an article's hashes its whole dispatch.
        let all = Parallel.map(site.articles.count, jobs: jobs) { i -> (item: UInt64, entry: UInt64, article: UInt64) in
            let a = site.articles[i]
            let d = a.dispatch
            var h = StableHasher("item")
            h.combine(a.slug); h.combine(d.title); h.combine(d.titleDerived); d.date.stableHash(into: &h); h.combine(d.place)
            for ref in a.people { h.combine(site.people[ref.person].name); h.combine(site.people[ref.person].slug) }
            h.combine(byte: 0)
            for t in a.tags { h.combine(site.tags[t].tag.name); h.combine(site.tags[t].slug) }

            var e = StableHasher("entry")
            e.combine(h.value); e.combine(d.lead)

            var g = StableHasher("article")
            d.stableHash(into: &g)
            g.combine(a.slug)
            for ref in a.people { g.combine(site.people[ref.person].name); g.combine(site.people[ref.person].slug); g.combine(ref.role) }
            g.combine(byte: 0)
            for t in a.tags { g.combine(site.tags[t].tag.name); g.combine(site.tags[t].slug) }
            for n in [i - 1, i + 1] {
                if n >= 0 && n < site.articles.count { g.combine(site.articles[n].slug); g.combine(site.articles[n].dispatch.title) } else { g.combine(byte: 0) }
            }
            return (h.value, e.value, g.value)
        }
        item = all.map(\.item)
        entry = all.map(\.entry)
        article = all.map(\.article)
    }

    func list(_ articles: [Int]) -> UInt64 {
        var h = StableHasher("list")
        for i in articles { h.combine(item[i]) }
        return h.value
    }

    func feed(_ articles: [Int]) -> UInt64 {
        var h = StableHasher("feed")
        for i in articles { h.combine(entry[i]) }
        return h.value
    }

    func timelineIndex() -> UInt64 {
        var h = StableHasher("timeline")
        h.combine(site.articles.count)
        for y in site.timeline.years {
            h.combine(y.year)
            for m in y.months {
                h.combine(m.month); h.combine(m.articles.count)
                h.combine(site.timelinePages.monthPage[TimelinePages.key(year: y.year, month: m.month)])
            }
        }
        h.combine(site.timeline.incomplete.count)
        h.combine(list(Array(site.latestDated(site.config.homeCount))))
        return h.value
    }

    func timelinePage(_ n: Int) -> UInt64 {
        let page = site.timelinePages.pages[n]
        var h = StableHasher("timeline-page")
        h.combine(page.path); h.combine(page.year); h.combine(page.number); h.combine(page.count)
        for g in page.groups { h.combine(g.month); h.combine(g.continued); h.combine(list(g.articles)) }
        for y in site.timeline.years { h.combine(y.year); h.combine(y.count) }
        h.combine(site.timeline.incomplete.count)
        return h.value
    }

    func officialsIndex() -> UInt64 {
        var h = StableHasher("officials")
        for p in site.people { h.combine(p.name); h.combine(p.slug); h.combine(p.articles.count); h.combine(p.latestRole) }
        return h.value
    }

    func person(_ i: Int) -> UInt64 {
        let p = site.people[i]
        var h = StableHasher("person")
        h.combine(p.name); h.combine(p.slug)
        for s in p.resolved.spellings { h.combine(s) }
        h.combine(p.resolved.country); h.combine(p.resolved.description); h.combine(p.resolved.portraitCredit)
        for o in p.resolved.organisations { h.combine(o) }
        for r in p.roles {
            h.combine(r.role); h.combine(r.count)
            h.combine(r.first != nil); r.first?.stableHash(into: &h)
            h.combine(r.last != nil); r.last?.stableHash(into: &h)
        }
        for c in p.coAppearances { h.combine(site.people[c.person].name); h.combine(site.people[c.person].slug); h.combine(c.count) }
        h.combine(list(p.articles))
        h.combine(feed(Array(p.articles.prefix(site.config.feedCount))))
        return h.value
    }

    func tagsIndex() -> UInt64 {
        var h = StableHasher("tags")
        for t in site.tags { h.combine(t.tag.kind.rawValue); h.combine(t.tag.name); h.combine(t.slug); h.combine(t.articles.count) }
        return h.value
    }

    func tag(_ i: Int) -> UInt64 {
        let t = site.tags[i]
        var h = StableHasher("tag")
        h.combine(t.tag.kind.rawValue); h.combine(t.tag.name); h.combine(t.slug)
        h.combine(list(t.articles))
        h.combine(feed(Array(t.articles.prefix(site.config.feedCount))))
        return h.value
    }

    /// `data/dispatches.json`: each dispatch's record (its list entry's fields, plus file,
    /// agency, event date, roles and tag kinds).
    func dispatchRecords() -> UInt64 {
        var h = StableHasher("dispatch-records")
        for (i, a) in site.articles.enumerated() {
            let d = a.dispatch
            h.combine(item[i]); h.combine(d.file); h.combine(d.agency); h.combine(d.date.precision.rawValue)
            h.combine(d.eventDate != nil); d.eventDate?.stableHash(into: &h)
            for ref in a.people { h.combine(ref.role) }
            for t in a.tags { h.combine(site.tags[t].tag.kind.rawValue) }
        }
        return h.value
    }

    /// `data/officials.json`: each person's name, aliases, roles, dispatches (by slug) and
    /// co-appearances.
    func officialsData() -> UInt64 {
        var h = StableHasher("officials-data")
        for p in site.people {
            h.combine(p.name); h.combine(p.slug)
            for s in p.resolved.spellings { h.combine(s) }
            h.combine(byte: 0)
            h.combine(p.resolved.country); h.combine(p.resolved.description)
            for o in p.resolved.organisations { h.combine(o) }
            h.combine(byte: 0)
            for r in p.roles {
                h.combine(r.role); h.combine(r.count)
                h.combine(r.first != nil); r.first?.stableHash(into: &h)
                h.combine(r.last != nil); r.last?.stableHash(into: &h)
            }
            h.combine(byte: 0)
            for i in p.articles { h.combine(site.articles[i].slug) }
            h.combine(byte: 0)
            for c in p.coAppearances { h.combine(site.people[c.person].slug); h.combine(c.count) }
            h.combine(byte: 0)
        }
        return h.value
    }

    /// `sitemap.xml`: every page's address, and each article's day.
    func sitemap() -> UInt64 {
        var h = StableHasher("sitemap")
        for a in site.articles {
            h.combine(a.slug)
            h.combine(a.dispatch.date.precision == .day ? a.dispatch.date.iso : nil)
        }
        for p in site.people { h.combine(p.slug) }
        for t in site.tags { h.combine(t.slug); h.combine(t.articles.count) }
        for p in site.timelinePages.pages { h.combine(p.path) }
        return h.value
    }

    /// The words of the search index: the text of every dispatch (its article signature
    /// covers it), the spellings of its officials and its tag names, in timeline order.
    func searchWords() -> UInt64 {
        var h = StableHasher("search-words")
        for (i, a) in site.articles.enumerated() {
            h.combine(article[i])
            for ref in a.people { for s in site.people[ref.person].resolved.spellings { h.combine(s) } }
        }
        return h.value
    }

    /// One document shard of the search index: title, slug and date of its dispatches.
    func searchDocuments(_ range: Range<Int>) -> UInt64 {
        var h = StableHasher("search-docs")
        for i in range {
            let a = site.articles[i]
            h.combine(a.dispatch.title); h.combine(a.slug); a.dispatch.date.stableHash(into: &h)
        }
        return h.value
    }
}
