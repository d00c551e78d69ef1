/// Small helpers over UTF-8 bytes. The parser matches ASCII markers (`Photo :`, `(VNA)`,
/// `-VNA`) and a few multi-byte ones (`–`, NBSP, `ảnh`) directly on bytes: it is linear,
/// allocation-free, and several times faster than walking `Character`s.
enum ByteText {
    static let space: UInt8 = 0x20
    static let tab: UInt8 = 0x09

    /// Width in bytes of a whitespace character starting at `i` (0 if none): ASCII
    /// whitespace, NBSP U+00A0, narrow NBSP U+202F, thin space U+2009, zero-width space
    /// U+200B and a stray BOM U+FEFF (scrapers leave them at line starts).
    @inline(__always)
    static func whitespaceWidth<C: RandomAccessCollection>(_ b: C, _ i: C.Index) -> Int
    where C.Element == UInt8, C.Index == Int {
        let c = b[i]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B { return 1 }
        if c == 0xC2, i + 1 < b.endIndex, b[i + 1] == 0xA0 { return 2 }
        if c == 0xE2, i + 2 < b.endIndex, b[i + 1] == 0x80,
           b[i + 2] == 0xAF || b[i + 2] == 0x89 || b[i + 2] == 0x8B { return 3 }
        if c == 0xEF, i + 2 < b.endIndex, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return 3 }
        return 0
    }

    /// Width of the whitespace character that ends at `end` (exclusive), or 0.
    @inline(__always)
    static func whitespaceWidthBefore<C: RandomAccessCollection>(_ b: C, _ end: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard end > b.startIndex else { return 0 }
        let c = b[end - 1]
        if c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C || c == 0x0B { return 1 }
        if c == 0xA0, end - 2 >= b.startIndex, b[end - 2] == 0xC2 { return 2 }
        if end - 3 >= b.startIndex {
            if b[end - 3] == 0xE2, b[end - 2] == 0x80, c == 0xAF || c == 0x89 || c == 0x8B { return 3 }
            if b[end - 3] == 0xEF, b[end - 2] == 0xBB, c == 0xBF { return 3 }
        }
        return 0
    }

    /// `b[lo..<hi]` without leading and trailing whitespace.
    static func trimmed<C: RandomAccessCollection>(_ b: C, _ lo: Int, _ hi: Int) -> Range<Int>
    where C.Element == UInt8, C.Index == Int {
        var lo = lo, hi = hi
        while lo < hi { let w = whitespaceWidth(b, lo); if w == 0 { break }; lo += w }
        while hi > lo { let w = whitespaceWidthBefore(b, hi); if w == 0 { break }; hi -= w }
        return lo..<hi
    }

    static func trimmed(_ s: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        s[trimmed(s, s.startIndex, s.endIndex)]
    }

    @inline(__always)
    static func matches<C: RandomAccessCollection>(_ b: C, _ i: Int, _ pattern: StaticString) -> Bool
    where C.Element == UInt8, C.Index == Int {
        let n = pattern.utf8CodeUnitCount
        guard i >= b.startIndex, i + n <= b.endIndex else { return false }
        let p = pattern.utf8Start
        for k in 0..<n where b[i + k] != p[k] { return false }
        return true
    }

    /// Width of a dash at `i`: `-`, en dash `–`, em dash `—`; 0 if none.
    @inline(__always)
    static func dashWidth<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        guard i < b.endIndex else { return 0 }
        if b[i] == 0x2D { return 1 }
        if b[i] == 0xE2, i + 2 < b.endIndex, b[i + 1] == 0x80, b[i + 2] == 0x93 || b[i + 2] == 0x94 { return 3 }
        return 0
    }

    @inline(__always) static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }
    @inline(__always) static func isUpperASCII(_ c: UInt8) -> Bool { c >= 0x41 && c <= 0x5A }
    @inline(__always) static func isLowerASCII(_ c: UInt8) -> Bool { c >= 0x61 && c <= 0x7A }
    @inline(__always) static func isLetterASCII(_ c: UInt8) -> Bool { isUpperASCII(c) || isLowerASCII(c) }

    /// The scalar starting at byte `i` (assumes well-formed UTF-8) and its width.
    static func scalar<C: RandomAccessCollection>(_ b: C, _ i: Int) -> (Unicode.Scalar, Int)
    where C.Element == UInt8, C.Index == Int {
        let c = b[i]
        var v: UInt32, n: Int
        if c < 0x80 { return (Unicode.Scalar(c), 1) }
        else if c & 0xE0 == 0xC0 { v = UInt32(c & 0x1F); n = 2 }
        else if c & 0xF0 == 0xE0 { v = UInt32(c & 0x0F); n = 3 }
        else { v = UInt32(c & 0x07); n = 4 }
        guard i + n <= b.endIndex else { return ("\u{FFFD}", 1) }
        for k in 1..<n { v = (v << 6) | UInt32(b[i + k] & 0x3F) }
        return (Unicode.Scalar(v) ?? "\u{FFFD}", n)
    }

    /// Start index of the scalar that ends at `end` (exclusive).
    static func scalarStart<C: RandomAccessCollection>(_ b: C, before end: Int) -> Int
    where C.Element == UInt8, C.Index == Int {
        var i = end - 1
        while i > b.startIndex && b[i] & 0xC0 == 0x80 { i -= 1 }
        return i
    }

    /// Letter classes at `i`: an ASCII fast path, the Unicode property otherwise (`À`, `É`, `Đ`).
    static func isUpper<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        classify(b, i, ascii: isUpperASCII) { $0.isUppercase }
    }

    static func isLower<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        classify(b, i, ascii: isLowerASCII) { $0.isLowercase }
    }

    static func isLetter<C: RandomAccessCollection>(_ b: C, _ i: Int) -> Bool
    where C.Element == UInt8, C.Index == Int {
        classify(b, i, ascii: isLetterASCII) { $0.isAlphabetic }
    }

    @inline(__always)
    private static func classify<C: RandomAccessCollection>(_ b: C, _ i: Int, ascii: (UInt8) -> Bool,
                                                             unicode: (Unicode.Scalar.Properties) -> Bool) -> Bool
    where C.Element == UInt8, C.Index == Int {
        guard i >= b.startIndex, i < b.endIndex else { return false }
        let c = b[i]
        return c < 0x80 ? ascii(c) : unicode(scalar(b, i).0.properties)
    }

    static func string<C: Collection>(_ b: C) -> String where C.Element == UInt8 {
        String(decoding: b, as: UTF8.self)
    }

    /// Characters (approximated by scalars: continuation bytes are not counted).
    static func scalarCount<C: Collection>(_ b: C) -> Int where C.Element == UInt8 {
        var n = 0
        for c in b where c & 0xC0 != 0x80 { n += 1 }
        return n
    }
}
