/// URL slugs: lowercase ASCII letters and digits separated by single `-`, accents folded
/// (`đ` -> `d`), at most `maxLength` characters cut on a word boundary. A slug can never
/// contain `/`, `.` or NUL, so it can never name a path outside its folder.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String, maxLength: Int = Slug.maxLength) -> String {
        // On the folded text's bytes: everything kept is ASCII, so bytes are characters.
        var folded = TextFolding.foldAccents(text)
        var out: [UInt8] = []
        out.reserveCapacity(min(folded.utf8.count, maxLength))
        var word: [UInt8] = []
        var full = false
        func flush() {
            guard !word.isEmpty, !full else { word.removeAll(keepingCapacity: true); return }
            let length = out.isEmpty ? word.count : out.count + 1 + word.count
            if length > maxLength {
                if out.isEmpty { out = Array(word.prefix(maxLength)) }
                full = true
            } else {
                if !out.isEmpty { out.append(0x2D) }
                out.append(contentsOf: word)
            }
            word.removeAll(keepingCapacity: true)
        }
        folded.withUTF8 { u in
            for b in u {
                if (b >= 97 && b <= 122) || (b >= 48 && b <= 57) { word.append(b) }
                else if b >= 65 && b <= 90 { word.append(b + 32) }
                else { flush() }
                if full { break }
            }
        }
        flush()
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
