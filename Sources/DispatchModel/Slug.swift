/// URL slugs: lowercase ASCII letters and digits separated by single `-`, accents folded
/// (`đ` -> `d`), at most `maxLength` characters cut on a word boundary. A slug can never
/// contain `/`, `.` or NUL, so it can never name a path outside its folder.
public enum Slug {
    public static let maxLength = 80

    public static func make(_ text: String, maxLength: Int = Slug.maxLength) -> String {
        let folded = TextFolding.foldAccents(text)
        var words: [String] = []
        var current = ""
        for u in folded.unicodeScalars {
            let v = u.value
            if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) {
                current.unicodeScalars.append(u)
            } else if v >= 65 && v <= 90 {
                current.unicodeScalars.append(Unicode.Scalar(v + 32)!)
            } else if !current.isEmpty {
                words.append(current)
                current = ""
            }
        }
        if !current.isEmpty { words.append(current) }
        var out = ""
        for w in words {
            let candidate = out.isEmpty ? w : out + "-" + w
            if candidate.count > maxLength {
                if out.isEmpty { out = String(w.prefix(maxLength)) }
                break
            }
            out = candidate
        }
        return out.isEmpty ? "sans-titre" : out
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
