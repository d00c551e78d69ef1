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

    /// Without cmark's UTF-8 check (input made from strings) the HTML is the same, safe mode
    /// included, for every kind of text a dispatch has.
    @Test func stringInputRendersTheSameWithoutTheUTF8Check() {
        let trusting = MarkdownRenderer(options: .siteFromStrings)
        let texts = ["Le Premier ministre Phạm Minh Chính a reçu l'ambassadeur « de France ».",
                     "> *Photo : VNA/CVN*\n\n1\\. Hà Nội, 21 mai (VNA) – 3 618 km² 🇻🇳",
                     "<script>x</script>\n\n[lien](javascript:alert(1)) \u{2028} \u{FEFF}fin \u{301}é 北京 𝄞",
                     "", "\n\n\n", String(repeating: "Thành phố Hồ Chí Minh – ", count: 400)]
        for t in texts {
            #expect(trusting.html(from: t) == r.html(from: t), "\(t.prefix(40))")
        }
    }

    @Test func nonASCIIIsKept() {
        #expect(r.html(from: "Hanoï – Tô Lâm « oui »") == "<p>Hanoï – Tô Lâm « oui »</p>\n")
    }
}
