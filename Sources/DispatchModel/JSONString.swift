import CByteScan

/// Quoting for JSON (and YAML double-quoted scalars, which accept the same escapes).
/// `<`, `>`, `&`, U+2028 and U+2029 are escaped too, so a quoted string is also safe
/// inside an HTML `<script>` element: dispatch text can never close the script.
/// Control characters (C0, DEL, C1) are escaped as `\uXXXX`, which YAML requires.
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        out.append("\"")
        return out
    }

    /// Works on UTF-8 bytes (the data files quote every text of the site): everything it
    /// escapes is ASCII or one of a few fixed multi-byte sequences.
    public static func append(_ s: String, to out: inout String) {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(s.utf8.count + 8)
        append(s, to: &bytes)
        out += String(decoding: bytes, as: UTF8.self)
    }

    /// `quote(s)` appended to a byte buffer.
    @inlinable
    public static func appendQuoted<Sink: ByteSink & ~Copyable>(_ s: String?, to out: inout Sink) {
        guard let s else { appendLiteral("null", to: &out); return }
        out.append(byte: 0x22)
        append(s, to: &out)
        out.append(byte: 0x22)
    }

    @inlinable @inline(__always)
    static func appendLiteral<Sink: ByteSink & ~Copyable>(_ t: StaticString, to out: inout Sink) {
        t.withUTF8Buffer { out.append(bytes: $0) }
    }

    /// `\uXXXX` of `v`.
    @inlinable
    static func appendHex<Sink: ByteSink & ~Copyable>(_ v: UInt32, to bytes: inout Sink) {
        bytes.append(byte: 0x5C); bytes.append(byte: 0x75) // \u
        for shift in stride(from: 12, through: 0, by: -4) {
            let d = UInt8((v >> UInt32(shift)) & 0xF)
            bytes.append(byte: d < 10 ? 0x30 + d : 0x61 + d - 10)
        }
    }

    /// The escaped text (without quotes) appended to a byte buffer.
    @inlinable
    public static func append<Sink: ByteSink & ~Copyable>(_ s: String, to bytes: inout Sink) {
        s.withUTF8Bytes { u in
            let n = u.count
            var i = 0
            while i < n {
                // Bytes that are copied as they are (nearly all), a run at a time.
                let run = i + sitegen_scan_json(u.baseAddress! + i, n - i)
                if run > i {
                    bytes.append(bytes: UnsafeBufferPointer(rebasing: u[i..<run]))
                    i = run
                    continue
                }
                let b = u[i]
                switch b {
                case 0x22: bytes.append(byte: 0x5C); bytes.append(byte: 0x22)
                case 0x5C: bytes.append(byte: 0x5C); bytes.append(byte: 0x5C)
                case 0x0A: bytes.append(byte: 0x5C); bytes.append(byte: 0x6E)
                case 0x0D: bytes.append(byte: 0x5C); bytes.append(byte: 0x72)
                case 0x09: bytes.append(byte: 0x5C); bytes.append(byte: 0x74)
                case 0x3C, 0x3E, 0x26: appendHex(UInt32(b), to: &bytes)
                // C0 controls and DEL; below, C1 controls (C2 80–9F), U+2028/2029
                // (E2 80 A8/A9), the BOM (EF BB BF) and U+FFFE/FFFF (EF BF BE/BF): JSON
                // accepts the last ones raw, but YAML (the intermediate's front matter)
                // refuses or drops them, and a `<script>` must never see 2028/2029.
                case 0..<0x20, 0x7F: appendHex(UInt32(b), to: &bytes)
                case 0xC2 where i + 1 < n && u[i + 1] >= 0x80 && u[i + 1] <= 0x9F:
                    appendHex(UInt32(u[i + 1]), to: &bytes); i += 1
                case 0xE2 where i + 2 < n && u[i + 1] == 0x80 && (u[i + 2] == 0xA8 || u[i + 2] == 0xA9),
                     0xEF where i + 2 < n && ((u[i + 1] == 0xBB && u[i + 2] == 0xBF) || (u[i + 1] == 0xBF && u[i + 2] >= 0xBE)):
                    appendHex(UInt32(b & 0x0F) << 12 | UInt32(u[i + 1] & 0x3F) << 6 | UInt32(u[i + 2] & 0x3F), to: &bytes); i += 2
                default: bytes.append(byte: b)
                }
                i += 1
            }
        }
    }
}
