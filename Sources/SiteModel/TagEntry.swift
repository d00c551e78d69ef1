import DispatchModel

/// One tag's page: its dispatches in timeline order.
public struct TagEntry: Sendable {
    public var tag: Tag
    public var slug: String
    /// Article indexes, timeline order.
    public var articles: [Int]

    public var path: String { "tags/\(slug)/" }
}
