import DispatchModel

/// One tag's page: its dispatches in timeline order.
public struct TagEntry: Sendable {
    public let tag: Tag
    /// The slug and the tag's folder (`tags/slug/`), stored: read for every link to the tag.
    public let slug: String
    public let path: String
    /// `path` + `index.html`: what links to the tag name.
    public let page: String
    /// Article indexes, timeline order.
    public var articles: [Int]

    public init(tag: Tag, slug: String, articles: [Int]) {
        self.tag = tag
        self.slug = slug
        self.articles = articles
        path = "tags/\(slug)/"
        page = path + "index.html"
    }
}
