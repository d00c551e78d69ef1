/// Distinct byte strings (words), each with a small integer id in the order first added.
/// Scanners look words up by their UTF-8 bytes, so they need not make a `String` of every
/// word they meet (the tagger and the search index read every word of every dispatch).
/// Open addressing over a multiply-xorshift hash; a hit is confirmed on the bytes, so the answers are
/// exactly those of a `[String: Int]` keyed by the same bytes.
public struct ByteStringTable: Sendable {
    /// Every string's bytes, one after the other.
    private var arena: [UInt8] = []
    /// String `id` is `arena[starts[id] ..< starts[id + 1]]`.
    private var starts: [Int] = [0]
    private var hashes: [UInt64] = []
    /// Per slot: `id + 1` of its string in the low 32 bits (0: empty) and the top 32 bits of
    /// the string's hash in the high ones, so that a probe rejects another string without
    /// reading `hashes` (one memory access fewer per lookup; `hashes` serves to grow). The
    /// size is a power of two.
    private var slots = [UInt64](repeating: 0, count: 16)

    public init() {}

    /// Room for about `capacity` strings without growing (a table per dispatch grew six
    /// times from the default size).
    public init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size <<= 1 }
        slots = [UInt64](repeating: 0, count: size)
        hashes.reserveCapacity(capacity)
        starts.reserveCapacity(capacity + 1)
        arena.reserveCapacity(capacity * 8)
    }

    public var count: Int { hashes.count }

    /// Eight bytes per step, the tail read as one or two overlapping loads (no loop over its
    /// bytes): most words fit in one or two steps, where a byte-at-a-time hash paid a
    /// dependent multiply per byte. The length is mixed in first, so overlapping reads of
    /// different words cannot make them equal.
    @inline(__always)
    public static func hash(_ word: UnsafeBufferPointer<UInt8>) -> UInt64 {
        let n = word.count
        var h = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: n)
        guard let base = word.baseAddress else { return h }
        let raw = UnsafeRawPointer(base)
        var i = 0
        while i + 8 <= n {
            h = (h ^ UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: i, as: UInt64.self))) &* 0xFF51_AFD7_ED55_8CCD
            h ^= h >> 32
            i += 8
        }
        let tail: UInt64
        if i == n {
            tail = 0
        } else if n >= 8 {
            tail = UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self))
        } else if n >= 4 {
            tail = UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                | UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))) << 32
        } else {
            tail = UInt64(base[0]) | UInt64(base[n >> 1]) << 8 | UInt64(base[n - 1]) << 16
        }
        h = (h ^ tail) &* 0xC4CE_B9FE_1A85_EC53
        return h ^ (h >> 29)
    }

    /// The id of `word`, or nil.
    public func find(_ word: UnsafeBufferPointer<UInt8>) -> Int? {
        let h = Self.hash(word)
        let slot = probe(word, h)
        let id = Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1
        return id >= 0 ? id : nil
    }

    /// The id of `word`, added if new (ids count up from 0 in order of addition).
    @discardableResult
    public mutating func insert(_ word: UnsafeBufferPointer<UInt8>) -> (id: Int, inserted: Bool) {
        let h = Self.hash(word)
        let slot = probe(word, h)
        if slots[slot] != 0 { return (Int(truncatingIfNeeded: slots[slot] & 0xFFFF_FFFF) - 1, false) }
        let id = hashes.count
        arena.append(contentsOf: word)
        starts.append(arena.count)
        hashes.append(h)
        slots[slot] = Self.slot(id, h)
        if hashes.count * 2 > slots.count { grow() }
        return (id, true)
    }

    @discardableResult
    public mutating func insert(_ word: String) -> (id: Int, inserted: Bool) {
        word.withUTF8Bytes { insert($0) }
    }

    public func find(_ word: String) -> Int? {
        word.withUTF8Bytes { find($0) }
    }

    /// String `id` as text.
    public func string(_ id: Int) -> String {
        arena.withUnsafeBufferPointer { String(decoding: UnsafeBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]]), as: UTF8.self) }
    }

    /// String `id`'s bytes, without making a `String`.
    @inline(__always)
    public func withBytes<R>(_ id: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        arena.withUnsafeBufferPointer { body(UnsafeBufferPointer(rebasing: $0[starts[id]..<starts[id + 1]])) }
    }

    /// Every string's bytes, read without copying the table: for readers that look up one
    /// id after another (a dispatch's keys, by the search words). Reading `withBytes` once per
    /// id from another module retained and released the table's arrays on every call (the
    /// call is not specialized there): 3 % of a build.
    public struct View {
        @usableFromInline let arena: UnsafePointer<UInt8>?
        @usableFromInline let starts: UnsafePointer<Int>
        public let count: Int

        /// String `id`'s bytes, valid in the scope that made the view.
        @inlinable @inline(__always)
        public subscript(_ id: Int) -> UnsafeBufferPointer<UInt8> {
            precondition(id >= 0 && id < count, "string id out of range")
            let from = starts[id]
            return UnsafeBufferPointer(start: arena.map { $0 + from }, count: starts[id + 1] - from)
        }
    }

    /// `body` of a view of every string; the view must not leave `body`.
    public func withView<R>(_ body: (View) throws -> R) rethrows -> R {
        try arena.withUnsafeBufferPointer { a in
            try starts.withUnsafeBufferPointer { st in
                try body(View(arena: a.baseAddress, starts: st.baseAddress!, count: hashes.count))
            }
        }
    }

    /// The slot holding `word`, or the empty slot where it would go. Through raw buffers:
    /// every word of every dispatch is looked up here (the tagger, the officials' keys, the
    /// search words), and the four arrays' bounds checks were a good part of a lookup.
    @inline(__always)
    private func probe(_ word: UnsafeBufferPointer<UInt8>, _ h: UInt64) -> Int {
        slots.withUnsafeBufferPointer { sl in
            starts.withUnsafeBufferPointer { st in
                arena.withUnsafeBufferPointer { a in
                    let mask = sl.count - 1
                    let tag = h & 0xFFFF_FFFF_0000_0000
                    var s = Int(truncatingIfNeeded: h) & mask
                    while true {
                        let v = sl[s]
                        if v == 0 { return s }
                        if v & 0xFFFF_FFFF_0000_0000 == tag {
                            let k = Int(truncatingIfNeeded: v & 0xFFFF_FFFF) - 1
                            let from = st[k]
                            if st[k + 1] - from == word.count,
                               word.count == 0 || sameBytes(a.baseAddress! + from, word.baseAddress!, word.count) {
                                return s
                            }
                        }
                        s = (s + 1) & mask
                    }
                }
            }
        }
    }

    /// The slot value of string `id` with hash `h`.
    @inline(__always)
    private static func slot(_ id: Int, _ h: UInt64) -> UInt64 {
        (h & 0xFFFF_FFFF_0000_0000) | UInt64(id + 1)
    }

    private mutating func grow() {
        let size = slots.count * 2
        var next = [UInt64](repeating: 0, count: size)
        for (id, h) in hashes.enumerated() {
            var s = Int(truncatingIfNeeded: h) & (size - 1)
            while next[s] != 0 { s = (s + 1) & (size - 1) }
            next[s] = Self.slot(id, h)
        }
        slots = next
    }
}

/// Whether `n` bytes at `a` and `b` are equal, eight at a time (the hashes already agree,
/// so this nearly always confirms).
@inline(__always)
func sameBytes(_ a: UnsafePointer<UInt8>, _ b: UnsafePointer<UInt8>, _ n: Int) -> Bool {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b)
    // The tail as overlapping loads inside the `n` bytes (most words are shorter than eight:
    // a loop over their bytes was a tenth of a lookup's time).
    if n < 8 {
        if n >= 4 {
            return ra.loadUnaligned(as: UInt32.self) == rb.loadUnaligned(as: UInt32.self)
                && ra.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self) == rb.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self)
        }
        if n >= 2 {
            return ra.loadUnaligned(as: UInt16.self) == rb.loadUnaligned(as: UInt16.self)
                && ra.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self) == rb.loadUnaligned(fromByteOffset: n - 2, as: UInt16.self)
        }
        return n == 0 || a[0] == b[0]
    }
    var i = 0
    while i + 8 <= n {
        if ra.loadUnaligned(fromByteOffset: i, as: UInt64.self) != rb.loadUnaligned(fromByteOffset: i, as: UInt64.self) { return false }
        i += 8
    }
    return i == n || ra.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self) == rb.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)
}
