/// Tests on eight bytes at once, read as one little-endian word ("SWAR"): the scanners that
/// read every byte of every dispatch (the decoder, the control-character check) skip the
/// words that hold nothing they look for, and look at bytes one by one only around a hit.
/// Each test may report a hit that is not there in a byte above the first real one (a
/// borrow), never a miss: callers confirm byte by byte.
public enum ByteWord {
    @usableFromInline static let ones: UInt64 = 0x0101_0101_0101_0101
    @usableFromInline static let highs: UInt64 = 0x8080_8080_8080_8080

    /// Eight bytes from `offset` (unaligned).
    @inlinable @inline(__always)
    public static func load(_ base: UnsafeRawPointer, _ offset: Int) -> UInt64 {
        UInt64(littleEndian: base.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
    }

    /// Eight bytes of `p` from `offset` (`p` holds at least `offset + 8`).
    @inlinable @inline(__always)
    public static func load(_ p: UnsafeBufferPointer<UInt8>, _ offset: Int) -> UInt64 {
        load(UnsafeRawPointer(p.baseAddress!), offset)
    }

    /// Whether some byte of `w` is below `n` (`n` at most 0x80).
    @inlinable @inline(__always)
    public static func hasByte(below n: UInt8, in w: UInt64) -> Bool {
        (w &- ones &* UInt64(n)) & ~w & highs != 0
    }

    /// Whether some byte of `w` equals `b`.
    @inlinable @inline(__always)
    public static func hasByte(_ b: UInt8, in w: UInt64) -> Bool {
        let x = w ^ (ones &* UInt64(b))
        return (x &- ones) & ~x & highs != 0
    }

    /// Whether some byte of `w` is an ASCII digit: the digits xor `0` are the bytes 0–9, and
    /// only they.
    @inlinable @inline(__always)
    public static func hasDigit(in w: UInt64) -> Bool {
        hasByte(below: 10, in: w ^ (ones &* 0x30))
    }

    /// How many bytes `a`–`z` open `w` (in memory order), 0 to 8: exact, no borrow (each
    /// byte is tested on its low seven bits, which cannot carry into the next one). The
    /// tokenizer reads the small letters of a word eight at a time with it.
    @inlinable @inline(__always)
    public static func leadingLowercaseCount(_ w: UInt64) -> Int {
        let x = w & ~highs
        let atLeastA = (x &+ ones &* 0x1F) & highs // x >= 0x61
        let aboveZ = (x &+ ones &* 0x05) & highs // x >= 0x7B
        let notLower = ~(atLeastA & ~aboveZ & ~w) & highs
        return notLower.trailingZeroBitCount >> 3
    }

    /// Whether every byte of `w` is ASCII.
    @inlinable @inline(__always)
    public static func isASCII(_ w: UInt64) -> Bool { w & highs == 0 }
}
