import CByteScan
import DispatchModel

/// Turns a seed's raw bytes into UTF-8 bytes, whatever encoding the scraper saved.
///
/// Everything downstream works on UTF-8 bytes (all the markers we look for are ASCII or
/// short UTF-8 sequences), so decoding once here keeps the rest of the parser simple and
/// linear. No Foundation: `String.Encoding` conversions are slow on Linux and we only need
/// four encodings.
struct TextDecoder {
    enum Outcome {
        /// UTF-8 text without BOM. `fallbackLine` is set when the input was not valid UTF-8
        /// and was read as Windows-1252: the 1-based line of the first invalid byte.
        case text([UInt8], fallbackLine: Int?)
        case binary
        case blank
    }

    static func decode(_ bytes: [UInt8]) -> Outcome {
        let utf8: [UInt8]
        var fallbackLine: Int? = nil
        if bytes.count >= 2 && bytes[0] == 0xFF && bytes[1] == 0xFE {
            utf8 = fromUTF16(bytes, from: 2, bigEndian: false)
        } else if bytes.count >= 2 && bytes[0] == 0xFE && bytes[1] == 0xFF {
            utf8 = fromUTF16(bytes, from: 2, bigEndian: true)
        } else if let bigEndian = utf16WithoutBOM(bytes) {
            utf8 = fromUTF16(bytes, from: 0, bigEndian: bigEndian)
        } else {
            let start = (bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF) ? 3 : 0
            if let bad = firstInvalidUTF8(bytes, from: start) {
                fallbackLine = lineNumber(of: bad, in: bytes)
                utf8 = fromWindows1252(bytes, from: start)
            } else {
                utf8 = start == 0 ? bytes : Array(bytes[start...])
            }
        }
        if isBinary(utf8) { return .binary }
        if isBlank(utf8) { return .blank }
        return .text(utf8, fallbackLine: fallbackLine)
    }

    /// UTF-16 saved without a BOM: Latin text then has a NUL in every other byte, on the
    /// same side. Real binary files scatter their NULs. Returns big-endian-ness, or nil.
    static func utf16WithoutBOM(_ b: [UInt8]) -> Bool? {
        let n = min(b.count, 4096) & ~1
        guard n >= 4, b[0] == 0 || b[1] == 0 else { return nil }
        var evenZeros = 0, oddZeros = 0
        for i in stride(from: 0, to: n, by: 2) {
            if b[i] == 0 { evenZeros += 1 }
            if b[i + 1] == 0 { oddZeros += 1 }
        }
        let pairs = n / 2
        if oddZeros * 10 >= pairs * 9 && evenZeros * 10 <= pairs { return false }
        if evenZeros * 10 >= pairs * 9 && oddZeros * 10 <= pairs { return true }
        return nil
    }

    /// Index of the first byte that breaks UTF-8 well-formedness, or nil.
    static func firstInvalidUTF8(_ b: [UInt8], from start: Int) -> Int? {
        // In C: ASCII, most of a French text, is skipped sixteen bytes at a time.
        let bad = b.withUnsafeBufferPointer { u -> Int in
            guard let base = u.baseAddress, start < u.count else { return u.count }
            return start + sitegen_first_invalid_utf8(base + start, u.count - start)
        }
        return bad < b.count ? bad : nil
    }

    static func lineNumber(of offset: Int, in b: [UInt8]) -> Int {
        var line = 1
        var i = 0
        while i < offset {
            if b[i] == 0x0A { line += 1 }
            i += 1
        }
        return line
    }

    /// Windows-1252: Latin-1 plus typographic punctuation in 0x80–0x9F (curly quotes,
    /// dashes, the euro sign) which is what old French pages use.
    static let cp1252High: [UInt32] = [
        0x20AC, 0xFFFD, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
        0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0xFFFD, 0x017D, 0xFFFD,
        0xFFFD, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
        0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0xFFFD, 0x017E, 0x0178,
    ]

    /// Bytes that do not form valid UTF-8 are read as Windows-1252; well-formed UTF-8
    /// sequences are kept. A UTF-8 file with one stray byte thus keeps its accents instead
    /// of turning every `é` into `Ã©`, and a real Windows-1252 file is decoded fully (its
    /// accented letters are almost never followed by what UTF-8 needs as continuation bytes).
    static func fromWindows1252(_ b: [UInt8], from start: Int) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(b.count + b.count / 8)
        var i = start
        while i < b.count {
            let c = b[i]
            if c < 0x80 { out.append(c); i += 1; continue }
            let n = validSequenceLength(b, i)
            if n > 0 {
                out.append(contentsOf: b[i..<(i + n)])
                i += n
                continue
            }
            let v = c < 0xA0 ? cp1252High[Int(c - 0x80)] : UInt32(c)
            appendUTF8(v, to: &out)
            i += 1
        }
        return out
    }

    /// Length of the well-formed UTF-8 sequence starting at `i`, or 0.
    static func validSequenceLength(_ b: [UInt8], _ i: Int) -> Int {
        let c = b[i]
        var need = 0, min: UInt32 = 0, v: UInt32 = 0
        if c & 0xE0 == 0xC0 { need = 1; min = 0x80; v = UInt32(c & 0x1F) }
        else if c & 0xF0 == 0xE0 { need = 2; min = 0x800; v = UInt32(c & 0x0F) }
        else if c & 0xF8 == 0xF0 { need = 3; min = 0x10000; v = UInt32(c & 0x07) }
        else { return 0 }
        guard i + need < b.count else { return 0 }
        for k in 1...need {
            let cc = b[i + k]
            if cc & 0xC0 != 0x80 { return 0 }
            v = (v << 6) | UInt32(cc & 0x3F)
        }
        if v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF) { return 0 }
        return need + 1
    }

    static func fromUTF16(_ b: [UInt8], from start: Int, bigEndian: Bool) -> [UInt8] {
        var units: [UInt16] = []
        units.reserveCapacity((b.count - start) / 2)
        var i = start
        while i + 1 < b.count {   // an odd trailing byte is dropped
            let u = bigEndian ? (UInt16(b[i]) << 8 | UInt16(b[i + 1])) : (UInt16(b[i + 1]) << 8 | UInt16(b[i]))
            units.append(u)
            i += 2
        }
        // The stdlib transcoder replaces lone surrogates with U+FFFD instead of failing.
        var out: [UInt8] = []
        out.reserveCapacity(units.count * 2)
        _ = transcode(units.makeIterator(), from: UTF16.self, to: UTF8.self, stoppingOnError: false) {
            out.append($0)
        }
        if out.count >= 3 && out[0] == 0xEF && out[1] == 0xBB && out[2] == 0xBF { out.removeFirst(3) }
        return out
    }

    static func appendUTF8(_ v: UInt32, to out: inout [UInt8]) {
        if v < 0x80 { out.append(UInt8(v)) }
        else if v < 0x800 { out.append(UInt8(0xC0 | (v >> 6))); out.append(UInt8(0x80 | (v & 0x3F))) }
        else if v < 0x10000 {
            out.append(UInt8(0xE0 | (v >> 12))); out.append(UInt8(0x80 | ((v >> 6) & 0x3F)))
            out.append(UInt8(0x80 | (v & 0x3F)))
        } else {
            out.append(UInt8(0xF0 | (v >> 18))); out.append(UInt8(0x80 | ((v >> 12) & 0x3F)))
            out.append(UInt8(0x80 | ((v >> 6) & 0x3F))); out.append(UInt8(0x80 | (v & 0x3F)))
        }
    }

    /// A NUL byte never occurs in text; many other C0 controls mean an image or archive
    /// that was saved with a .txt name.
    static func isBinary(_ b: [UInt8]) -> Bool {
        // The whole file is read, and nearly all of it is text: counted in C, sixteen bytes
        // at a time.
        var nul: Int32 = 0
        let controls = b.withUnsafeBufferPointer { u in u.baseAddress.map { sitegen_count_controls($0, u.count, &nul) } ?? 0 }
        return nul != 0 || (controls > 0 && controls * 10 > b.count)
    }

    static func isBlank(_ b: [UInt8]) -> Bool {
        var i = 0
        while i < b.count {
            let w = ByteText.whitespaceWidth(b, i)
            if w == 0 { return false }
            i += w
        }
        return true
    }
}
