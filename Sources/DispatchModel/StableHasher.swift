/// A hash that is the same in every process and on every machine (64 bits), for the
/// build cache: Swift's `Hasher` is seeded per process, so it cannot key anything on disk.
/// Not cryptographic: it detects changes, it does not defend against forgery.
public struct StableHasher: Sendable {
    public private(set) var value: UInt64 = Self.fnvBasis

    /// FNV-1a's start and one step, for the bytes this hashes one at a time (and for the
    /// link check's hashes, which must stream byte by byte).
    @inlinable public static var fnvBasis: UInt64 { 0xcbf2_9ce4_8422_2325 }
    @inlinable @inline(__always) public static func fnvStep(_ v: UInt64, _ b: UInt8) -> UInt64 {
        (v ^ UInt64(b)) &* 0x0000_0100_0000_01B3
    }

    public init() {}

    public init(_ label: String) { combine(label) }

    @inline(__always) public mutating func combine(byte: UInt8) {
        value = Self.fnvStep(value, byte)
    }

    public mutating func combine<C: Collection>(bytes: C) where C.Element == UInt8 {
        if let done: Void = bytes.withContiguousStorageIfAvailable({ combine(buffer: UnsafeRawBufferPointer($0)) }) {
            return done
        }
        var v = value
        for b in bytes { v = Self.fnvStep(v, b) }
        value = v
    }

    /// Eight bytes per step (multiply-xorshift over little-endian words, FNV for the tail):
    /// seeds and output files are hashed on every build, so this is on the hot path.
    public mutating func combine(buffer: UnsafeRawBufferPointer) {
        var v = value
        let n = buffer.count
        var i = 0
        while i + 8 <= n {
            let w = UInt64(littleEndian: buffer.loadUnaligned(fromByteOffset: i, as: UInt64.self))
            v = (v ^ w) &* 0x9E37_79B9_7F4A_7C15
            v ^= v >> 29
            i += 8
        }
        while i < n {
            v = Self.fnvStep(v, buffer[i])
            i += 1
        }
        value = v
    }

    public mutating func combine(_ s: String) {
        s.withUTF8Bytes { combine(buffer: UnsafeRawBufferPointer($0)) }
        combine(byte: 0xFF) // separator: ("ab", "c") != ("a", "bc"); 0xFF never occurs in UTF-8
    }

    public mutating func combine(_ s: String?) {
        if let s { combine(byte: 1); combine(s) } else { combine(byte: 0) }
    }

    public mutating func combine(_ i: Int) {
        var x = UInt64(bitPattern: Int64(i))
        for _ in 0..<8 { combine(byte: UInt8(x & 0xFF)); x >>= 8 }
    }

    public mutating func combine(_ i: Int?) {
        if let i { combine(byte: 1); combine(i) } else { combine(byte: 0) }
    }

    public mutating func combine(_ b: Bool) { combine(byte: b ? 1 : 0) }

    public mutating func combine(_ h: UInt64) { combine(Int(Int64(bitPattern: h))) }

    public static func hash(bytes: [UInt8]) -> UInt64 {
        var h = StableHasher()
        bytes.withUnsafeBytes { h.combine(buffer: $0) }
        return h.value
    }

    public static func hash(_ s: String) -> UInt64 {
        var h = StableHasher()
        h.combine(s)
        return h.value
    }
}

extension DispatchDate {
    public func stableHash(into h: inout StableHasher) {
        h.combine(year)
        h.combine(month)
        h.combine(day)
    }
}

extension Dispatch {
    /// Every field, in a fixed order.
    public func stableHash(into h: inout StableHasher) {
        h.combine(file)
        h.combine(title)
        h.combine(titleDerived)
        date.stableHash(into: &h)
        h.combine(eventDate != nil)
        eventDate?.stableHash(into: &h)
        h.combine(place)
        h.combine(agency)
        h.combine(dateline)
        h.combine(lead)
        h.combine(body.count)
        for b in body {
            switch b {
            case .paragraph(let p): h.combine(byte: 1); h.combine(p)
            case .caption(let c): h.combine(byte: 2); h.combine(c.text); h.combine(c.credit)
            }
        }
        h.combine(signOff)
        h.combine(officials.count)
        for o in officials { h.combine(o.name); h.combine(o.role) }
        h.combine(tags.count)
        for t in tags { h.combine(t.name); h.combine(t.kind.rawValue) }
    }

    public var stableHash: UInt64 {
        var h = StableHasher()
        stableHash(into: &h)
        return h.value
    }
}
