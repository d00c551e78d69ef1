/// URL slugs: lowercase ASCII letters and digits separated by single `-`, accents folded
/// (`đ` -> `d`), at most `maxLength` characters cut on a word boundary. A slug can never
/// contain `/`, `.` or NUL, so it can never name a path outside its folder.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String, maxLength: Int = Slug.maxLength) -> String {
        // One pass over the folded text's bytes, words written straight into the slug:
        // everything kept is ASCII, so bytes are characters. A word that does not fit ends
        // the slug (the first word alone is cut).
        var text = text
        var out: [UInt8] = []
        var wordStart = -1 // where the word being read starts in `out`; -1 between words
        var full = false
        func close(_ out: inout [UInt8], _ wordStart: inout Int, _ full: inout Bool) {
            guard wordStart >= 0 else { return }
            if out.count > maxLength {
                if wordStart == 0 { out.removeLast(out.count - maxLength) } else { out.removeLast(out.count - wordStart + 1) }
                full = true
            }
            wordStart = -1
        }
        text.withUTF8 { src in
            out.reserveCapacity(min(src.count, maxLength) + 1)
            _ = TextFolding.forEachFoldedByte(src, lowercase: false) { b in
                if full { return }
                var c = b
                if c >= 65 && c <= 90 { c += 32 }
                if (c >= 97 && c <= 122) || (c >= 48 && c <= 57) {
                    if wordStart < 0 {
                        if !out.isEmpty { out.append(0x2D) }
                        wordStart = out.count
                    }
                    out.append(c)
                } else {
                    close(&out, &wordStart, &full)
                }
            }
        }
        if !full { close(&out, &wordStart, &full) }
        return out.isEmpty ? "sans-titre" : String(decoding: out, as: UTF8.self)
    }
}

/// Hands out slugs that are unique within one namespace (a folder of pages), adding
/// `-2`, `-3`… in the order of requests; callers request in a deterministic order.
public struct SlugAllocator: Sendable {
    private var used: Set<String> = []
    /// The next suffix to try for a base: corpora repeat titles thousands of times, and
    /// counting from 2 again each time would be quadratic. Every suffix below it is taken.
    private var next: [String: Int] = [:]

    public init(reserved: Set<String> = []) { used = reserved }

    public mutating func allocate(_ text: String) -> String {
        let base = Slug.make(text)
        if used.insert(base).inserted { return base }
        var n = next[base] ?? 2
        while true {
            let candidate = "\(base)-\(n)"
            n += 1
            if used.insert(candidate).inserted {
                next[base] = n
                return candidate
            }
        }
    }
}
