/// Escaping for HTML text and attribute values (the same five characters Mustache escapes).
public enum HTMLEscape {
    /// Appends `s` escaped to `out`, copying the runs between escapes whole.
    @inlinable
    public static func append<Sink: ByteSink & ~Copyable>(_ s: String, to out: inout Sink) {
        var s = s
        s.withUTF8 { u in
            var run = 0
            var i = 0
            while i < u.count {
                // Eight bytes at a time to the next byte that may need escaping: every text
                // of every page goes through here.
                if i + 8 <= u.count, !mayNeedEscape(ByteWord.load(u, i)) { i += 8; continue }
                let rep: StaticString
                switch u[i] {
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x26: rep = "&amp;"
                case 0x22: rep = "&quot;"
                case 0x27: rep = "&#39;"
                default: i += 1; continue
                }
                out.append(bytes: UnsafeBufferPointer(rebasing: u[run..<i]))
                rep.withUTF8Buffer { out.append(bytes: $0) }
                i += 1
                run = i
            }
            out.append(bytes: UnsafeBufferPointer(rebasing: u[run...]))
        }
    }

    /// Whether some byte of `w` may be one of the five (never a miss; see `ByteWord`).
    @inlinable @inline(__always) static func mayNeedEscape(_ w: UInt64) -> Bool {
        ByteWord.hasByte(0x3C, in: w) || ByteWord.hasByte(0x3E, in: w) || ByteWord.hasByte(0x26, in: w)
            || ByteWord.hasByte(0x22, in: w) || ByteWord.hasByte(0x27, in: w)
    }

    public static func text(_ s: String) -> String {
        // Text with nothing to escape (most short values: names, dates, URLs) is returned as
        // it is. French text has an apostrophe in nearly every sentence, so most texts have
        // something to escape.
        var s = s
        let plain = s.withUTF8 { u in !u.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 } }
        if plain { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
