/// A list entry rendered once per article and reused on every page that lists it (timeline,
/// tags, profiles, home): only the relative prefix to the site root differs between pages, so
/// it is rendered with a marker in its place and the pieces are joined with each page's root.
/// This turns hundreds of thousands of template renders on a large site into one per article.
struct ItemHTML: Sendable {
    /// Cannot appear in rendered text: dispatch text is decoded into printable characters,
    /// and even if it did, the root prefix (`../`) put in its place is not markup.
    static let marker = "\u{1}"

    let parts: [String]
    /// Bytes of the pieces, so a listing reserves its whole text once.
    let byteCount: Int

    init(_ rendered: String) {
        // Byte-level split: `String.split` by Character walks grapheme clusters, and every
        // build splits every cached entry.
        var rendered = rendered
        parts = rendered.withUTF8 { bytes -> [String] in
            var out: [String] = []
            var start = 0
            for i in 0..<bytes.count where bytes[i] == 0x01 {
                out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<i]), as: UTF8.self))
                start = i + 1
            }
            out.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start...]), as: UTF8.self))
            return out
        }
        byteCount = parts.reduce(0) { $0 + $1.utf8.count }
    }

    /// Bytes of the entry once joined with `root` (of `rootBytes` bytes).
    func size(rootBytes: Int) -> Int { byteCount + (parts.count - 1) * rootBytes }

    func append(root: String, to out: inout String) {
        out += parts[0]
        for n in 1..<parts.count {
            out += root
            out += parts[n]
        }
    }
}
