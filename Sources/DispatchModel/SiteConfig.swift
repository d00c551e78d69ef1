/// The digest's settings. Every field has a default, so a site builds with no config file.
public struct SiteConfig: Sendable, Hashable {
    public var title: String = "Dépêches — Vietnam"
    public var description: String = "Les dépêches de l'Agence vietnamienne d'information, par date, par personnalité et par thème."
    /// Absolute URL of the published site, ending with `/`. Feeds and the sitemap need it;
    /// pages themselves only use relative links.
    public var baseURL: String = "https://example.org/digest/"
    public var language: String = "fr"
    /// IANA time zone in which dispatch dates are read (for feed timestamps).
    public var timeZone: String = "Asia/Ho_Chi_Minh"
    /// Latest dispatches on the home page and in the site feed.
    public var homeCount: Int = 20
    public var feedCount: Int = 50
    /// Entries per page on timeline and tag listings.
    public var pageSize: Int = 200
    public var author: String = "Agence vietnamienne d'information (VNA)"

    public init() {}

    /// `baseURL` + a site-relative path.
    public func absoluteURL(_ path: String) -> String {
        (baseURL.hasSuffix("/") ? baseURL : baseURL + "/") + path
    }
}

extension SiteConfig {
    public func stableHash(into h: inout StableHasher) {
        h.combine(title); h.combine(description); h.combine(baseURL); h.combine(language); h.combine(timeZone)
        h.combine(homeCount); h.combine(feedCount); h.combine(pageSize); h.combine(author)
    }
}
