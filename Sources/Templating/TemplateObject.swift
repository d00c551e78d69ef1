import DispatchModel

/// A view-model object (`TemplateValue.object`, a page's root): a few keys, each found by a
/// 64-bit hash of its bytes and a scan of the object's hashes.
///
/// Why not `[String: TemplateValue]`: a page builds a dozen such objects and the templates
/// look up every `{{name}}` in them, and a `Dictionary` of strings hashes each key with
/// SipHash on every insertion and lookup (3 % of a build). The templates' own names are
/// hashed once when they are compiled; an object of at most a few dozen keys is scanned
/// faster than it is hashed into.
public struct TemplateObject: Sendable, ExpressibleByDictionaryLiteral {
    /// One array of entries, not one per field: a page makes dozens of small objects (a
    /// tag's link, an official's), and three arrays were three allocations each.
    /// A struct, not a tuple: an array of tuples is copied and destroyed through the
    /// runtime's generic tuple witnesses, element by element.
    private struct Entry {
        var hash: UInt64
        var key: String
        var value: TemplateValue
    }

    private var entries: [Entry] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// A key given twice keeps its last value (as `Dictionary(_:uniquingKeysWith:)` would).
    init(_ elements: [(String, TemplateValue)]) {
        entries.reserveCapacity(elements.count)
        for (k, v) in elements { self[k] = v }
    }

    static func hash(_ key: String) -> UInt64 {
        key.withUTF8Bytes { ByteStringTable.hash($0) }
    }

    private func index(of key: String, hash: UInt64) -> Int? {
        var i = 0
        while i < entries.count {
            if entries[i].hash == hash, entries[i].key == key { return i }
            i += 1
        }
        return nil
    }

    public var count: Int { entries.count }

    public subscript(key: String) -> TemplateValue? {
        get { self[key, hash: Self.hash(key)] }
        set {
            let h = Self.hash(key)
            if let i = index(of: key, hash: h) {
                if let newValue { entries[i].value = newValue } else { entries.remove(at: i) }
            } else if let newValue {
                entries.append(Entry(hash: h, key: key, value: newValue))
            }
        }
    }

    /// The value of `key`, whose `hash(_:)` the caller computed once (compiled templates).
    subscript(key: String, hash hash: UInt64) -> TemplateValue? {
        index(of: key, hash: hash).map { entries[$0].value }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> TemplateValue? {
        guard let i = index(of: key, hash: Self.hash(key)) else { return nil }
        return entries.remove(at: i).value
    }

    /// The same object as a dictionary (swift-mustache's `Any` tree, tests).
    public var dictionary: [String: TemplateValue] {
        Dictionary(entries.map { ($0.key, $0.value) }, uniquingKeysWith: { _, last in last })
    }
}
