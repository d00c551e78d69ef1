import DispatchModel
import MarkdownIntermediate
import MarkdownRendering

/// The article body: the Markdown intermediate's body rendered by cmark, then two
/// structural touches that cmark cannot express. Both are safe string edits because
/// dispatch text is escaped before cmark sees it: every `<blockquote>` and the first `<p>`
/// in cmark's output come from our own Markdown, never from the text.
/// - captions (block quotes in the intermediate) become `<figure class="photo">` blocks;
/// - the lead paragraph gets the dateline in front, agency style.
enum ArticleHTML {
    static func render(_ d: Dispatch, renderer: MarkdownRenderer) -> String {
        var html = captionsAsFigures(renderer.html(from: IntermediateWriter.body(for: d)))
        if d.lead != nil, html.hasPrefix("<p>") {
            var lead = "<p class=\"lead\">"
            if let dl = d.dateline, !dl.isEmpty {
                lead += "<span class=\"dateline\">" + HTMLEscape.text(dl) + "</span> – "
            }
            html = lead + html.dropFirst(3)
        }
        return html
    }

    /// cmark's block quote tags and what they become.
    static let replacements: [(from: [UInt8], to: [UInt8])] = [
        (Array("<blockquote>\n".utf8), Array("<figure class=\"photo\">\n<figcaption>\n".utf8)),
        (Array("</blockquote>".utf8), Array("</figcaption>\n</figure>".utf8)),
    ]

    /// `<blockquote>\n` → `<figure class="photo">\n<figcaption>\n` and `</blockquote>` →
    /// `</figcaption>\n</figure>`, in one pass over the bytes (the generic `replacing` of
    /// the standard library costs more than cmark itself here).
    static func captionsAsFigures(_ html: String) -> String {
        var html = html
        return html.withUTF8 { b -> String in
            var out: [UInt8] = []
            var i = 0, copied = 0
            let n = b.count
            scan: while i < n {
                if b[i] == 0x3C {
                    for r in replacements where i + r.from.count <= n && UnsafeBufferPointer(rebasing: b[i..<(i + r.from.count)]).elementsEqual(r.from) {
                        if out.isEmpty { out.reserveCapacity(n + 256) }
                        out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<i]))
                        out.append(contentsOf: r.to)
                        i += r.from.count
                        copied = i
                        continue scan
                    }
                }
                i += 1
            }
            guard copied > 0 else { return String(decoding: b, as: UTF8.self) }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: b[copied..<n]))
            return String(decoding: out, as: UTF8.self)
        }
    }
}
