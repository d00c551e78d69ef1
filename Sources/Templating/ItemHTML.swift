/// A list entry rendered once per article and reused on every page that lists it (timeline,
/// tags, profiles, home): only the relative prefix to the site root differs between pages, so
/// it is rendered with a marker in its place and the pieces are joined with each page's root.
/// This turns hundreds of thousands of template renders on a large site into one per article.
struct ItemHTML: Sendable {
    /// Cannot appear in rendered text: dispatch text is decoded into printable characters,
    /// and even if it did, the root prefix (`../`) put in its place is not markup.
    static let marker = "\u{1}"

    let parts: [String]

    init(_ rendered: String) {
        parts = rendered.split(separator: Character(Self.marker), omittingEmptySubsequences: false).map(String.init)
    }

    func append(root: String, to out: inout String) {
        for (n, p) in parts.enumerated() {
            if n > 0 { out += root }
            out += p
        }
    }
}
