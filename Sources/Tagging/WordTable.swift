import DispatchModel

/// A fixed map from words to values, looked up by a word's UTF-8 bytes (`ByteStringTable`)
/// so that the tagger need not make a `String` of every word it meets.
struct WordTable<Value: Sendable>: Sendable {
    private let keys: ByteStringTable
    private let values: [Value]

    init(_ map: [String: Value]) {
        var bytes: [[UInt8]: Value] = [:]
        for (k, v) in map { bytes[Array(k.utf8)] = v }
        self.init(bytes: bytes)
    }

    init(bytes map: [[UInt8]: Value]) {
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

    @inline(__always)
    func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        keys.find(word).map { values[$0] }
    }
}
