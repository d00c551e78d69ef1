import DispatchModel
import Foundation
import MarkdownIntermediate
import MarkdownRendering

/// The article body: the Markdown intermediate's body rendered by cmark, then two
/// structural touches that cmark cannot express. Both are safe string edits because
/// dispatch text is escaped before cmark sees it: every `<blockquote>` and the first `<p>`
/// in cmark's output come from our own Markdown, never from the text.
/// - captions (block quotes in the intermediate) become `<figure class="photo">` blocks;
/// - the lead paragraph gets the dateline in front, agency style.
enum ArticleHTML {
    static func render(_ d: Dispatch, renderer: MarkdownRenderer) -> [UInt8] {
        let html = IntermediateWriter.bodyBytes(for: d).withUnsafeBufferPointer { renderer.html(utf8: $0) }
        return html.withUnsafeBufferPointer { b -> [UInt8] in
            // The lead is cmark's first paragraph: it gets its class and the dateline.
            var lead: [UInt8] = []
            var from = 0
            if d.lead != nil, b.count >= 3, b[0] == 0x3C, b[1] == 0x70, b[2] == 0x3E { // `<p>`
                lead.append(contentsOf: "<p class=\"lead\">".utf8)
                if let dl = d.dateline, !dl.isEmpty {
                    lead.append(contentsOf: "<span class=\"dateline\">".utf8)
                    HTMLEscape.append(dl, to: &lead)
                    lead.append(contentsOf: "</span> – ".utf8)
                }
                from = 3
            }
            return captionsAsFigures(UnsafeBufferPointer(rebasing: b[from...]), after: lead)
        }
    }

    /// cmark's block quote tags and what they become.
    static let replacements: [(from: [UInt8], to: [UInt8])] = [
        (Array("<blockquote>\n".utf8), Array("<figure class=\"photo\">\n<figcaption>\n".utf8)),
        (Array("</blockquote>".utf8), Array("</figcaption>\n</figure>".utf8)),
    ]

    /// `<blockquote>\n` → `<figure class="photo">\n<figcaption>\n` and `</blockquote>` →
    /// `</figcaption>\n</figure>`, in one pass over the bytes (the generic `replacing` of
    /// the standard library costs more than cmark itself here), appended to `prefix`.
    static func captionsAsFigures(_ b: UnsafeBufferPointer<UInt8>, after prefix: [UInt8] = []) -> [UInt8] {
        var out = prefix
        out.reserveCapacity(prefix.count + b.count + 256)
        var i = 0, copied = 0
        let n = b.count
        guard let base = b.baseAddress else { return out }
        // From `<` to `<` (`memchr`): a body is mostly text between tags.
        scan: while i < n, let hit = memchr(base + i, 0x3C, n - i) {
            i = base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
            for r in replacements where i + r.from.count <= n && UnsafeBufferPointer(rebasing: b[i..<(i + r.from.count)]).elementsEqual(r.from) {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                out.append(contentsOf: r.to)
                i += r.from.count
                copied = i
                continue scan
            }
            i += 1
        }
        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
        return out
    }
}
