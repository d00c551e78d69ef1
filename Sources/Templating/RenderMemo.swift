import Foundation

/// Objects that stand for the same thing wherever they are listed (an article's feed entry:
/// absolute URLs, the same in every feed that lists it), made by a provider from an id.
/// A section over a list of them renders each once for the whole site (`RenderMemo`).
public protocol KeyedObjects: AnyObject, Sendable {
    func object(_ id: Int) -> TemplateObject
}

/// One element of such a list (`TemplateValue.keyed`): made only if it has to be rendered.
public struct KeyedObject: Sendable {
    let id: Int
    let provider: any KeyedObjects

    public init(id: Int, provider: any KeyedObjects) {
        self.id = id
        self.provider = provider
    }

    var object: TemplateObject { provider.object(id) }
}

/// What a section rendered for a keyed element, kept for the next page that lists it: a
/// person's feed and a tag's feed list the same entries, rendered once. Kept only when the
/// rendering read nothing below the element on the context stack (no name fell through to
/// the page's own values), so the bytes are the same on any page; the key holds what else a
/// rendering depends on (which section, the escaping in force).
final class RenderMemo: @unchecked Sendable {
    struct Key: Hashable {
        var op: Int32
        var id: Int
        var provider: ObjectIdentifier
        var escaping: CompiledTemplate.Escaping
    }

    private let lock = NSLock()
    private var kept: [Key: [UInt8]] = [:]

    func get(_ key: Key) -> [UInt8]? {
        lock.lock()
        defer { lock.unlock() }
        return kept[key]
    }

    func set(_ key: Key, _ bytes: [UInt8]) {
        lock.lock()
        kept[key] = bytes
        lock.unlock()
    }
}
