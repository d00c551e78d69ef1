/// A fixed map from words to values, looked up by a word's UTF-8 bytes so that a scanner
/// need not make a `String` of every word it meets. Open addressing over FNV-1a hashes; each
/// hit is confirmed by comparing the bytes, so it answers exactly what a `[String: V]` keyed
/// by the same bytes would.
struct WordTable<Value: Sendable>: Sendable {
    /// The map it was built from.
    let entries: [[UInt8]: Value]
    private let keys: [[UInt8]]
    private let values: [Value]
    /// Index into `keys` + 1, or 0 for an empty slot.
    private let slots: [Int32]
    private let mask: Int

    init(_ map: [String: Value]) {
        var bytes: [[UInt8]: Value] = [:]
        for (k, v) in map { bytes[Array(k.utf8)] = v }
        self.init(bytes: bytes)
    }

    init(bytes map: [[UInt8]: Value]) {
        entries = map
        // Sorted, so the layout (and any probe sequence) is the same on every run.
        let sorted = map.sorted { $0.key.lexicographicallyPrecedes($1.key) }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
        var size = 16
        while size < keys.count * 2 { size *= 2 }
        var slots = [Int32](repeating: 0, count: size)
        for (i, k) in keys.enumerated() {
            var s = k.withUnsafeBufferPointer { Self.hash($0) } & (size - 1)
            while slots[s] != 0 { s = (s + 1) & (size - 1) }
            slots[s] = Int32(i + 1)
        }
        self.slots = slots
        mask = size - 1
    }

    @inline(__always)
    static func hash(_ word: UnsafeBufferPointer<UInt8>) -> Int {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in word { h = (h ^ UInt64(b)) &* 0x100_0000_01b3 }
        return Int(truncatingIfNeeded: h ^ (h >> 29))
    }

    func value(for word: UnsafeBufferPointer<UInt8>) -> Value? {
        var s = Self.hash(word) & mask
        while true {
            let k = Int(slots[s])
            if k == 0 { return nil }
            if keys[k - 1].elementsEqual(word) { return values[k - 1] }
            s = (s + 1) & mask
        }
    }
}
