import DispatchModel

/// One dispatch's page.
public struct Article: Sendable {
    public var dispatch: Dispatch
    public let slug: String
    /// Site-relative path of the page, e.g. `articles/slug.html`. A file, not a folder with
    /// an `index.html`: links name the file anyway (they must work from `file://`), and a
    /// folder per dispatch doubles the inodes a build creates and deletes; on ext4 a
    /// `mkdir` costs more than the file in it (the Orlov allocator), up to ten times the
    /// whole write on a file system with many recently deleted inodes. Stored: it is read
    /// for every link to the page, and was a string built each time.
    public let page: String
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
        page = "articles/\(slug).html"
    }
}
