/// A fixed map from words to values, looked up by a word's UTF-8 bytes (`ByteStringTable`),
/// so that the scanners that look up every word of every dispatch (the tagger, the officials
/// lexicon) need not make a `String` of each.
/// Inlinable: it is generic and used on hot paths of other modules, which must get a
/// specialised copy rather than calls through generic code.
public struct WordTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: ByteStringTable
    @usableFromInline let values: [Value]

    public init(_ map: [String: Value]) {
        var bytes: [[UInt8]: Value] = [:]
        for (k, v) in map { bytes[Array(k.utf8)] = v }
        self.init(bytes: bytes)
    }

    public init(bytes map: [[UInt8]: Value]) {
        var keys = ByteStringTable()
        var values: [Value] = []
        // Sorted, so that ids (and the table's layout) are the same on every run.
        for (k, v) in map.sorted(by: { $0.key.lexicographicallyPrecedes($1.key) }) {
            k.withUnsafeBufferPointer { _ = keys.insert($0) }
            values.append(v)
        }
        self.keys = keys
        self.values = values
    }

    @inlinable @inline(__always)
    public func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        keys.find(word).map { values[$0] }
    }
}
