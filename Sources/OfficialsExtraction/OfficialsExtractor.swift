import DispatchModel

/// Finds the officials (people named with a role) in one dispatch.
public struct OfficialsExtractor: Sendable {
    public init() {}

    /// Mentions in order of first appearance, one per person within the dispatch.
    public func extract(from dispatch: Dispatch) -> [OfficialMention] {
        []
    }
}
