import CByteScan

/// Escapes dispatch text so that CommonMark reads it as literal text, never as structure:
/// `# `, `1. `, `* `, `>`, `<script>`, `[x](javascript:…)`, `&amp;` all stay as written.
/// Only backslash escapes are used (valid before any ASCII punctuation), so `unescape`
/// restores the exact text and the intermediate stays readable.
public enum MarkdownEscaper {
    /// Characters that are active anywhere in a line.
    @inline(__always) static func isInlineActive(_ v: UInt32) -> Bool {
        switch v {
        case 0x5C, 0x60, 0x2A, 0x5F, 0x5B, 0x5D, 0x3C, 0x3E, 0x26: return true // \ ` * _ [ ] < > &
        default: return false
        }
    }

    /// Characters that start a block only at the beginning of a line.
    @inline(__always) static func isLineStartActive(_ v: UInt32) -> Bool {
        switch v {
        case 0x23, 0x2D, 0x2B, 0x3D, 0x7E, 0x7C: return true // # - + = ~ |
        default: return false
        }
    }

    /// One paragraph of plain text -> one line of Markdown. Line breaks inside become spaces
    /// (a dispatch paragraph is one line), leading/trailing whitespace is dropped.
    /// Works on UTF-8 bytes: every character it treats specially is ASCII, and a build
    /// escapes every paragraph of every dispatch (appending scalars one by one cost more
    /// than cmark's rendering).
    public static func escape(_ text: String) -> String {
        var out: [UInt8] = []
        appendEscaped(text, to: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// `escape(text)`'s bytes appended to `out` (the article body is built as bytes for
    /// cmark, with no `String` per paragraph).
    public static func appendEscaped(_ text: String, to out: inout [UInt8]) {
        text.withUTF8Bytes { u in
            let base = out.count
            out.reserveCapacity(base + u.count + u.count / 16 + 4)
            var atStart = true          // no visible character written yet
            var inLeadingDigits = false // `12` of a would-be `12. ` list marker
            var i = 0
            let n = u.count
            while i < n {
                var v = u[i]
                if !atStart {
                    // Plain bytes (nearly all of them) are copied a run at a time.
                    let run = i + sitegen_scan_markdown(u.baseAddress! + i, n - i)
                    if run > i {
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: u[i..<run]))
                        i = run
                        continue
                    }
                }
                i += 1
                if v == 0x0A || v == 0x0D || v == 0x09 { v = 0x20 }
                if atStart {
                    if v == 0x20 && out.count == base { continue }
                    if v >= 0x30 && v <= 0x39 { out.append(v); inLeadingDigits = true; continue }
                    atStart = false
                    if (inLeadingDigits && (v == 0x2E || v == 0x29)) || (!inLeadingDigits && isLineStartActive(UInt32(v))) {
                        out.append(0x5C); out.append(v); continue
                    }
                }
                if isInlineActive(UInt32(v)) { out.append(0x5C) }
                out.append(v)
            }
            // Trailing spaces could form a hard line break with a following line; drop them.
            while out.count > base, out.last == 0x20 { out.removeLast() }
        }
    }

    /// Inverse of `escape`: drops a backslash before ASCII punctuation.
    public static func unescape(_ markdown: some StringProtocol) -> String {
        var out = String.UnicodeScalarView()
        var pendingBackslash = false
        for u in markdown.unicodeScalars {
            if pendingBackslash {
                pendingBackslash = false
                if isASCIIPunctuation(u.value) { out.append(u); continue }
                out.append("\\")
            }
            if u.value == 0x5C { pendingBackslash = true; continue }
            out.append(u)
        }
        if pendingBackslash { out.append("\\") }
        return String(out)
    }

    @inline(__always) static func isASCIIPunctuation(_ v: UInt32) -> Bool {
        (0x21...0x2F).contains(v) || (0x3A...0x40).contains(v) || (0x5B...0x60).contains(v) || (0x7B...0x7E).contains(v)
    }
}
