import CByteScan

/// Escaping for HTML text and attribute values (the same five characters Mustache escapes).
public enum HTMLEscape {
    /// Appends `s` escaped to `out`, copying the runs between escapes whole (found sixteen
    /// bytes at a time by `sitegen_scan_html`: every text of every page goes through here).
    @inlinable
    public static func append<Sink: ByteSink & ~Copyable>(_ s: String, to out: inout Sink) {
        s.withUTF8Bytes { u in
            guard let base = u.baseAddress else { return }
            let n = u.count
            var run = 0
            while run < n {
                let k = run + sitegen_scan_html(base + run, n - run)
                out.append(bytes: UnsafeBufferPointer(start: base + run, count: k - run))
                if k == n { return }
                let rep: StaticString
                switch base[k] {
                case 0x3C: rep = "&lt;"
                case 0x3E: rep = "&gt;"
                case 0x26: rep = "&amp;"
                case 0x22: rep = "&quot;"
                default: rep = "&#39;"
                }
                rep.withUTF8Buffer { out.append(bytes: $0) }
                run = k + 1
            }
        }
    }

    public static func text(_ s: String) -> String {
        // Text with nothing to escape (most short values: names, dates, URLs) is returned as
        // it is. French text has an apostrophe in nearly every sentence, so most texts have
        // something to escape.
        let plain = s.withUTF8Bytes { u in !u.contains { $0 == 0x3C || $0 == 0x3E || $0 == 0x26 || $0 == 0x22 || $0 == 0x27 } }
        if plain { return s }
        var out: [UInt8] = []
        out.reserveCapacity(s.utf8.count + 32)
        append(s, to: &out)
        return String(decoding: out, as: UTF8.self)
    }
}
