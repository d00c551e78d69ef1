import DispatchModel

/// One dispatch's page.
public struct Article: Sendable {
    public var dispatch: Dispatch
    public var slug: String
    /// Officials named, as indexes into `SiteIndex.people`, with the role given in this dispatch.
    public var people: [PersonRef] = []
    /// Indexes into `SiteIndex.tags`.
    public var tags: [Int] = []

    public struct PersonRef: Sendable, Hashable {
        public var person: Int
        public var role: String?
    }

    public init(dispatch: Dispatch, slug: String) {
        self.dispatch = dispatch
        self.slug = slug
    }

    /// Site-relative path of the page's folder, e.g. `articles/slug/`.
    public var path: String { "articles/\(slug)/" }
}
