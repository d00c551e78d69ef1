import DispatchModel
import MarkdownIntermediate
import MarkdownRendering
import TestSupport
import Testing

typealias DTag = DispatchModel.Tag

@Suite struct EscapingTests {
    static let hostile = [
        "# pas un titre",
        "1. pas une liste",
        "2) non plus",
        "* pas une puce",
        "- pas une puce",
        "+ pas une puce",
        "> pas une citation",
        "<script>alert(1)</script>",
        "[clic](javascript:alert(1))",
        "![img](x.png)",
        "<https://example.org>",
        "&amp; reste &amp;",
        "`code` et **gras** et _souligné_",
        "back\\slash \\* étoile",
        "---",
        "===",
        "~~~",
        "    indenté",
        "| a | b |",
        "<!-- commentaire -->",
    ]

    @Test(arguments: hostile)
    func dispatchTextStaysLiteralText(_ text: String) {
        let md = MarkdownEscaper.escape(text)
        let html = MarkdownRenderer().html(from: md)
        let trimmed = text.drop(while: { $0 == " " })
        #expect(html == "<p>" + String(trimmed).htmlEscapedLikeCmark + "</p>\n", "\(text) -> \(html)")
        #expect(MarkdownEscaper.unescape(md) == String(trimmed))
    }

    /// The byte-level escaper must equal the scalar-by-scalar definition on any text.
    @Test func escapingEqualsTheScalarDefinition() {
        func reference(_ text: String) -> String {
            var out = String.UnicodeScalarView()
            var atStart = true
            var inLeadingDigits = false
            for u in text.unicodeScalars {
                var v = u.value
                var scalar = u
                if v == 0x0A || v == 0x0D || v == 0x09 { v = 0x20; scalar = " " }
                if atStart {
                    if v == 0x20 && out.isEmpty { continue }
                    if v >= 0x30 && v <= 0x39 { out.append(scalar); inLeadingDigits = true; continue }
                    atStart = false
                    if (inLeadingDigits && (v == 0x2E || v == 0x29)) || (!inLeadingDigits && "#-+=~|".unicodeScalars.contains(scalar)) {
                        out.append("\\"); out.append(scalar); continue
                    }
                }
                if "\\`*_[]<>&".unicodeScalars.contains(scalar) { out.append("\\") }
                out.append(scalar)
            }
            while let last = out.last, last == " " { out.removeLast() }
            return String(out)
        }
        let pieces = ["a", "é", " ", "\n", "\r\n", "\t", "1", "12", ".", ")", "#", "-", "+", "=", "~", "|", "\\", "`", "*", "_",
                      "[", "]", "<", ">", "&", "ệ", "\u{300}", "\u{A0}", "\u{10000}"]
        var rng = SeededRandom(seed: 11)
        for _ in 0..<3000 {
            let s = rng.text(from: pieces, count: 6)
            #expect(MarkdownEscaper.escape(s) == reference(s), "\(Array(s.unicodeScalars))")
        }
    }

    /// The body is built as bytes in one buffer; this is the definition it replaced (blocks
    /// escaped one by one, empty ones left out but for the lead, joined by blank lines), on
    /// random dispatches with empty and blank paragraphs, captions with and without text or
    /// credit, and leads absent, empty or blank.
    @Test func bodyBytesEqualTheJoinedBlocks() {
        func reference(_ d: Dispatch) -> String {
            var blocks: [String] = []
            if let lead = d.lead { blocks.append(MarkdownEscaper.escape(lead)) }
            for b in d.body {
                switch b {
                case .paragraph(let p):
                    let e = MarkdownEscaper.escape(p)
                    if !e.isEmpty { blocks.append(e) }
                case .caption(let c):
                    var lines: [String] = []
                    let text = MarkdownEscaper.escape(c.text)
                    if !text.isEmpty { lines.append("> " + text) }
                    if let credit = c.credit {
                        let e = MarkdownEscaper.escape(credit)
                        if !e.isEmpty { lines.append("> *" + e + "*") }
                    }
                    if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
                }
            }
            return blocks.isEmpty ? "" : "\n" + blocks.joined(separator: "\n\n") + "\n"
        }
        let texts = ["", " ", "\n", "a", "Le *ministre* a", "12. x", "é ", "# t", "\t b"]
        var rng = SeededRandom(seed: 12)
        for _ in 0..<3000 {
            var d = Dispatch(file: "a.txt", title: "T")
            switch rng.below(3) {
            case 0: d.lead = nil
            default: d.lead = rng.pick(texts)
            }
            d.body = (0..<rng.below(5)).map { _ -> Block in
                rng.below(2) == 0 ? .paragraph(rng.pick(texts))
                    : .caption(Caption(text: rng.pick(texts), credit: rng.below(2) == 0 ? nil : rng.pick(texts)))
            }
            #expect(IntermediateWriter.bodyBytes(for: d) == Array(reference(d).utf8), "\(d.lead as Any) \(d.body)")
        }
    }

    @Test func newlinesInsideAParagraphBecomeSpaces() {
        #expect(MarkdownEscaper.escape("a\nb\r\nc") == "a b  c")
    }
}

extension String {
    /// cmark escapes `<`, `>`, `&` and `"` in text.
    var htmlEscapedLikeCmark: String {
        var s = ""
        for c in self {
            switch c {
            case "<": s += "&lt;"
            case ">": s += "&gt;"
            case "&": s += "&amp;"
            case "\"": s += "&quot;"
            default: s.append(c)
            }
        }
        return s
    }
}

@Suite struct RoundTripTests {
    static func sample() -> Dispatch {
        Dispatch(
            file: "004_x.txt", title: "Des \"responsables\" du PCV: # et \\ <b>", titleDerived: false,
            date: DispatchDate(year: 2020, month: 11, day: 30), eventDate: DispatchDate(year: 2020, month: 11, day: 29),
            place: "Hanoï", agency: "VNA", dateline: "Hanoï, 30 novembre (VNA)",
            lead: "Le chef de la Commission * a eu un entretien [en ligne](javascript:x).",
            body: [
                .caption(Caption(text: "Panorama de l'entretien (à droite).", credit: "Photo : VNA")),
                .paragraph("1. Il a félicité le Comité central <script>."),
                .caption(Caption(text: "", credit: "Photo : VNA/CVN")),
                .paragraph("> Pour sa part, Song Tao a informé…"),
                .caption(Caption(text: "Sans crédit", credit: nil)),
            ],
            signOff: "- VNA",
            officials: [OfficialMention(name: "Hoàng Bình Quân", role: "chef de la Commission"), OfficialMention(name: "Song Tao", role: nil)],
            tags: [DTag(name: "PCV", kind: .organisation), DTag(name: "Chine", kind: .country)]
        )
    }

    @Test func writingThenReadingGivesTheSameDispatch() throws {
        let d = Self.sample()
        let md = IntermediateWriter.markdown(for: d)
        let back = try IntermediateReader.dispatch(from: md, path: "x.md", file: d.file)
        #expect(back == d)
    }

    @Test func minimalDispatchRoundTrips() throws {
        for d in [Dispatch(file: "a.txt", title: "T", titleDerived: true),
                  Dispatch(file: "b.txt", title: "T", date: DispatchDate(month: 3, day: 1), lead: "x", body: [.paragraph("y")])] {
            let back = try IntermediateReader.dispatch(from: IntermediateWriter.markdown(for: d), path: "x.md", file: d.file)
            #expect(back == d)
        }
    }

    /// Found by the fuzzer: a credit ending in a backslash is written `*… VNA\\*`, where the
    /// final star is the marker, not an escaped star.
    @Test func creditsEndingInBackslashesRoundTrip() throws {
        for credit in ["Photo : VNA\\", "Photo : VNA\\\\", "Photo : \\*", "*", "a\\*b"] {
            let d = Dispatch(file: "c.txt", title: "T", lead: "x", body: [.caption(Caption(text: "Légende", credit: credit))])
            let back = try IntermediateReader.dispatch(from: IntermediateWriter.markdown(for: d), path: "x.md", file: d.file)
            #expect(back == d, "credit \(credit)")
        }
    }

    @Test func handWrittenSeedIsAccepted() throws {
        let md = """
        ---
        title: Un article écrit à la main
        date: 2024-05-01
        place: Hanoï
        tags: [économie, {name: ASEAN, kind: organisation}]
        officials:
          - {name: Tô Lâm, role: secrétaire général}
        ---

        Premier paragraphe, le chapeau.

        Deuxième paragraphe.
        """
        let d = try IntermediateReader.dispatch(from: md, path: "seeds/x.md", file: "x.md")
        #expect(d.title == "Un article écrit à la main")
        #expect(d.date == DispatchDate(year: 2024, month: 5, day: 1))
        #expect(d.lead == "Premier paragraphe, le chapeau.")
        #expect(d.body == [.paragraph("Deuxième paragraphe.")])
        #expect(d.tags == [DTag(name: "économie", kind: .topic), DTag(name: "ASEAN", kind: .organisation)])
        #expect(d.officials == [OfficialMention(name: "Tô Lâm", role: "secrétaire général")])
    }

    @Test func errorsNameTheFileAndLine() {
        func error(_ md: String) -> String {
            do { _ = try IntermediateReader.dispatch(from: md, path: "seeds/x.md", file: "x.md"); return "no error" } catch { return error.description }
        }
        #expect(error("---\ntitle: a\ncolour: red\n---\n") == "seeds/x.md:3: error: unknown front matter key `colour`")
        #expect(error("---\ntitle: a\ndate: 2025-02-30\n---\n").hasPrefix("seeds/x.md:3: error: invalid date"))
        #expect(error("---\ntitle: [a\n---\n").hasPrefix("seeds/x.md:"))
        #expect(error("no front matter").hasPrefix("seeds/x.md:1: error:"))
        #expect(error("---\ntitle: a\n").contains("not closed"))
        #expect(error("---\ndate: 2024-01\n---\n").contains("no `title`"))
    }
}
