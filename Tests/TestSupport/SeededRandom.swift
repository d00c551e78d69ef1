/// A small deterministic random generator (SplitMix64), so that "random" tests are seeded and
/// a failure names a case that comes back on every run.
public struct SeededRandom: RandomNumberGenerator {
    public var state: UInt64
    public init(seed: UInt64) { state = seed }

    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A number in `0..<n`.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }

    public mutating func pick<T>(_ xs: [T]) -> T { xs[below(xs.count)] }

    /// `count` pieces picked at random, joined: random text made of the cases that matter
    /// (escapes, multi-byte letters, combining marks…).
    public mutating func text(from pieces: [String], count: Int) -> String {
        var s = ""
        for _ in 0..<count { s += pick(pieces) }
        return s
    }
}
