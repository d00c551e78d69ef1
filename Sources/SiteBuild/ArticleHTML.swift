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
        var html = renderer.html(from: IntermediateWriter.body(for: d))
        if html.contains("<blockquote>") {
            html = html.replacing("<blockquote>\n", with: "<figure class=\"photo\">\n<figcaption>\n")
                .replacing("</blockquote>", with: "</figcaption>\n</figure>")
        }
        if d.lead != nil, html.hasPrefix("<p>") {
            var lead = "<p class=\"lead\">"
            if let dl = d.dateline, !dl.isEmpty {
                lead += "<span class=\"dateline\">" + HTMLEscape.text(dl) + "</span> – "
            }
            html = lead + html.dropFirst(3)
        }
        return html
    }
}
