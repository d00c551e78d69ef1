import DispatchModel
import SiteModel

/// Builds the view-model dictionaries the templates read. Everything a template shows is
/// computed here (dates in French, relative URLs, counts, `last` flags for separators), so
/// templates stay logic-less; a key a template misspells renders empty, which the golden
/// tests catch.
struct PageContext {
    let site: SiteIndex

    /// `../` repeated once per folder level of the page, so links work from `file://` and
    /// under any sub-path.
    static func root(depth: Int) -> String { String(repeating: "../", count: depth) }

    static func depth(of path: String) -> Int { path.reduce(0) { $1 == "/" ? $0 + 1 : $0 } }

    func base(path: String, title: String, nav: String? = nil) -> [String: Any] {
        var c: [String: Any] = [
            "lang": site.config.language,
            "siteTitle": site.config.title,
            "description": site.config.description,
            "root": Self.root(depth: Self.depth(of: path)),
            "pageTitle": title,
            "canonical": site.config.absoluteURL(path.hasSuffix("index.html") ? String(path.dropLast("index.html".count)) : path),
        ]
        if let nav { c[nav] = true }
        return c
    }

    func articleURL(_ i: Int, root: String) -> String { root + site.articles[i].path + "index.html" }
    func personURL(_ i: Int, root: String) -> String { root + site.people[i].path + "index.html" }
    func tagURL(_ i: Int, root: String) -> String { root + site.tags[i].path + "index.html" }

    /// One entry of a dispatch list (timeline, tag, profile, home).
    func item(_ i: Int, root: String) -> [String: Any] {
        let a = site.articles[i]
        let d = a.dispatch
        var c: [String: Any] = [
            "url": articleURL(i, root: root),
            "title": d.title,
            "dateText": FrenchDates.text(d.date),
        ]
        if d.titleDerived { c["titleDerived"] = true }
        if let iso = FrenchDates.htmlDatetime(d.date) { c["dateISO"] = iso }
        if let p = d.place { c["place"] = p }
        let officials = a.people.enumerated().map { n, ref -> [String: Any] in
            ["name": site.people[ref.person].name, "url": personURL(ref.person, root: root), "last": n == a.people.count - 1]
        }
        if !officials.isEmpty { c["officials"] = officials; c["hasOfficials"] = true }
        let tags = a.tags.map { ["name": site.tags[$0].tag.name, "url": tagURL($0, root: root)] as [String: Any] }
        if !tags.isEmpty { c["tags"] = tags; c["hasTags"] = true }
        return c
    }

    static func listed(_ names: [String]) -> [[String: Any]] {
        names.enumerated().map { ["name": $1, "last": $0 == names.count - 1] }
    }
}
