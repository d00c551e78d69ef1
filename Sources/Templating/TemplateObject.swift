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
    private var hashes: [UInt64] = []
    private var keys: [String] = []
    private var values: [TemplateValue] = []

    public init() {}

    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self.init(elements)
    }

    /// A key given twice keeps its last value (as `Dictionary(_:uniquingKeysWith:)` would).
    init(_ elements: [(String, TemplateValue)]) {
        hashes.reserveCapacity(elements.count)
        keys.reserveCapacity(elements.count)
        values.reserveCapacity(elements.count)
        for (k, v) in elements { self[k] = v }
    }

    static func hash(_ key: String) -> UInt64 {
        var key = key
        return key.withUTF8 { ByteStringTable.hash($0) }
    }

    private func index(of key: String, hash: UInt64) -> Int? {
        var i = 0
        while i < hashes.count {
            if hashes[i] == hash, keys[i] == key { return i }
            i += 1
        }
        return nil
    }

    public var count: Int { keys.count }

    public subscript(key: String) -> TemplateValue? {
        get { self[key, hash: Self.hash(key)] }
        set {
            let h = Self.hash(key)
            if let i = index(of: key, hash: h) {
                if let newValue { values[i] = newValue } else { remove(at: i) }
            } else if let newValue {
                hashes.append(h)
                keys.append(key)
                values.append(newValue)
            }
        }
    }

    /// The value of `key`, whose `hash(_:)` the caller computed once (compiled templates).
    subscript(key: String, hash hash: UInt64) -> TemplateValue? {
        index(of: key, hash: hash).map { values[$0] }
    }

    @discardableResult
    public mutating func removeValue(forKey key: String) -> TemplateValue? {
        guard let i = index(of: key, hash: Self.hash(key)) else { return nil }
        let v = values[i]
        remove(at: i)
        return v
    }

    private mutating func remove(at i: Int) {
        hashes.remove(at: i)
        keys.remove(at: i)
        values.remove(at: i)
    }

    /// The same object as a dictionary (swift-mustache's `Any` tree, tests).
    public var dictionary: [String: TemplateValue] {
        Dictionary(zip(keys, values), uniquingKeysWith: { _, last in last })
    }
}
