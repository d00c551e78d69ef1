import MarkdownRendering
import Testing

@Suite struct MarkdownRendererTests {
    let r = MarkdownRenderer()

    @Test func rendersCommonMark() {
        #expect(r.html(from: "Un *paragraphe*.\n\n> citation") == "<p>Un <em>paragraphe</em>.</p>\n<blockquote>\n<p>citation</p>\n</blockquote>\n")
    }

    @Test func safeModeDropsRawHTMLAndScriptLinks() {
        let html = r.html(from: "<script>alert(1)</script>\n\n[x](javascript:alert(1)) <img src=x onerror=y>")
        #expect(!html.contains("<script"))
        #expect(!html.contains("javascript:"))
        #expect(!html.contains("<img"))
    }

    @Test func emptyAndHugeInputs() {
        #expect(r.html(from: "") == "")
        let big = String(repeating: "[", count: 50_000) + String(repeating: "*a", count: 50_000)
        #expect(r.html(from: big).hasPrefix("<p>"))
    }

    @Test func nonASCIIIsKept() {
        #expect(r.html(from: "Hanoï – Tô Lâm « oui »") == "<p>Hanoï – Tô Lâm « oui »</p>\n")
    }
}
