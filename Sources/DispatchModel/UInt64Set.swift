/// A set of 64-bit hashes. Swift's `Set` runs SipHash (seeding and finalising a `Hasher`)
/// on every insert and lookup, which the link check paid for every link of every page; its
/// keys are already hashes, so here they index an open-addressing table directly.
public struct UInt64Set: Sendable {
    /// 0 marks an empty slot; the key 0 itself is kept aside.
    private var slots: [UInt64]
    private var hasZero = false
    public private(set) var count = 0

    public init(minimumCapacity: Int = 8) {
        var size = 16
        while size < minimumCapacity * 2 { size *= 2 }
        slots = [UInt64](repeating: 0, count: size)
    }

    @inline(__always)
    private static func slot(_ k: UInt64, _ mask: Int) -> Int {
        Int(truncatingIfNeeded: (k ^ (k >> 29)) &* 0xBF58_476D_1CE4_E5B9 >> 32) & mask
    }

    public func contains(_ k: UInt64) -> Bool {
        if k == 0 { return hasZero }
        let mask = slots.count - 1
        var s = Self.slot(k, mask)
        while true {
            let v = slots[s]
            if v == k { return true }
            if v == 0 { return false }
            s = (s + 1) & mask
        }
    }

    /// Adds `k`; whether it was new.
    @discardableResult
    public mutating func insert(_ k: UInt64) -> Bool {
        if k == 0 {
            if hasZero { return false }
            hasZero = true
            count += 1
            return true
        }
        if (count + 1) * 2 > slots.count { grow() }
        let mask = slots.count - 1
        var s = Self.slot(k, mask)
        while true {
            let v = slots[s]
            if v == k { return false }
            if v == 0 {
                slots[s] = k
                count += 1
                return true
            }
            s = (s + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        let mask = slots.count - 1
        for k in old where k != 0 {
            var s = Self.slot(k, mask)
            while slots[s] != 0 { s = (s + 1) & mask }
            slots[s] = k
        }
    }
}
