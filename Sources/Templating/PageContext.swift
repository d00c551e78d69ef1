import DispatchModel
import SiteModel

/// Builds the view-model dictionaries the templates read. Everything a template shows is
/// computed here (dates in French, relative URLs, counts, `last` flags for separators), so
/// templates stay logic-less; a key a template misspells renders empty, which the golden
/// tests catch.
struct PageContext {
    let site: SiteIndex
    /// Each tag's link object (`name`, `url`) for the two roots nearly every link is made
    /// with: the list entries' marker and an article page's `../`. Made once, not once per
    /// tag of every entry and page.
    private let entryTagLinks: [TemplateValue]
    private let articleTagLinks: [TemplateValue]

    init(site: SiteIndex) {
        self.site = site
        func links(_ root: String) -> [TemplateValue] {
            site.tags.map { ["name": .text($0.tag.name), "url": .text(root + $0.page)] }
        }
        entryTagLinks = links(ItemHTML.marker)
        articleTagLinks = links("../")
    }

    /// `../` repeated once per folder level of the page, so links work from `file://` and
    /// under any sub-path.
    static func root(depth: Int) -> String { String(repeating: "../", count: depth) }

    /// Slashes in the path, counted on its bytes in one loop (`utf8.reduce` went through the
    /// generic view, 2,400 instructions per page).
    static func depth(of path: String) -> Int {
        return path.withUTF8Bytes { u in
            var n = 0
            for c in u where c == 0x2F { n += 1 }
            return n
        }
    }

    func base(path: String, title: String, nav: String? = nil) -> TemplateContext {
        var c: TemplateContext = [
            "lang": .text(site.config.language),
            "siteTitle": .text(site.config.title),
            "description": .text(site.config.description),
            "root": .text(Self.root(depth: Self.depth(of: path))),
            "pageTitle": .text(title),
            "canonical": .text(site.config.absoluteURL(path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path)),
        ]
        if let nav { c[nav] = true }
        return c
    }

    func articleURL(_ i: Int, root: String) -> String { root + site.articles[i].page }
    func personURL(_ i: Int, root: String) -> String { root + site.people[i].page }
    func tagURL(_ i: Int, root: String) -> String { root + site.tags[i].page }

    /// One entry of a dispatch list (timeline, tag, profile, home).
    func item(_ i: Int, root: String) -> TemplateContext {
        item(i, site.articles[i], root: root)
    }

    /// `a` is `site.articles[i]`, borrowed, so the body reads it without copies of its own (the
    /// array's subscript still copies it once on the way in: a profile shows it, four retains
    /// now that `Dispatch` is one reference).
    private func item(_ i: Int, _ a: borrowing Article, root: String) -> TemplateContext {
        var c: TemplateContext = [
            "url": .text(articleURL(i, root: root)),
            "title": .text(a.dispatch.title),
            "dateText": .text(FrenchDates.text(a.dispatch.date)),
        ]
        if a.dispatch.titleDerived { c["titleDerived"] = true }
        if let iso = FrenchDates.htmlDatetime(a.dispatch.date) { c["dateISO"] = .text(iso) }
        if let p = a.dispatch.place { c["place"] = .text(p) }
        var officials: [TemplateValue] = []
        officials.reserveCapacity(a.people.count)
        for (n, ref) in a.people.enumerated() {
            officials.append(["name": .text(site.people[ref.person].name), "url": .text(personURL(ref.person, root: root)),
                              "last": .bool(n == a.people.count - 1)])
        }
        if !officials.isEmpty { c["officials"] = .list(officials); c["hasOfficials"] = true }
        if !a.tags.isEmpty { c["tags"] = tagLinks(a.tags, root: root); c["hasTags"] = true }
        return c
    }

    /// A dispatch's tags as links (`name`, `url`), for its page and its list entry.
    func tagLinks(_ tags: [Int], root: String) -> TemplateValue {
        let made = root == ItemHTML.marker ? entryTagLinks : root == "../" ? articleTagLinks : nil
        var links: [TemplateValue] = []
        links.reserveCapacity(tags.count)
        for t in tags { links.append(made?[t] ?? ["name": .text(site.tags[t].tag.name), "url": .text(tagURL(t, root: root))]) }
        return .list(links)
    }

    static func listed(_ names: [String]) -> TemplateValue {
        .list(names.enumerated().map { ["name": .text($1), "last": .bool($0 == names.count - 1)] })
    }
}
