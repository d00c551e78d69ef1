/// A fixed map from words to values, looked up by a word's UTF-8 bytes (`ByteStringTable`),
/// so that the scanners that look up every word of every dispatch (the tagger, the officials
/// lexicon) need not make a `String` of each.
/// Inlinable: it is generic and used on hot paths of other modules, which must get a
/// specialised copy rather than calls through generic code.
public struct WordTable<Value: Sendable>: Sendable {
    @usableFromInline let keys: ByteStringTable
    @usableFromInline let values: [Value]
    /// One bit per (length, first byte, last byte) class of the keys: most words of a text
    /// are in no table, and this rejects nearly all of them without hashing the word (two
    /// lookups per word of every dispatch in the tagger alone).
    @usableFromInline let filter: [UInt64]

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
        var filter = [UInt64](repeating: 0, count: Self.filterWords)
        for k in map.keys {
            k.withUnsafeBufferPointer { let b = Self.filterBit($0); filter[b >> 6] |= 1 << UInt64(b & 63) }
        }
        self.filter = filter
    }

    @usableFromInline static var filterWords: Int { 64 }

    /// The word's bit in `filter` (4,096 bits).
    @inlinable @inline(__always)
    static func filterBit(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        guard let first = word.first, let last = word.last else { return 0 }
        let x = (UInt32(first) &* 0x9E37_79B1) ^ (UInt32(last) &* 0x85EB_CA77) ^ (UInt32(truncatingIfNeeded: word.count) &* 0xC2B2_AE3D)
        return Int(x >> 20)
    }

    @inlinable @inline(__always)
    public func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        let b = Self.filterBit(word)
        guard filter[b >> 6] & (1 << UInt64(b & 63)) != 0 else { return nil }
        return keys.find(word).map { values[$0] }
    }
}
