import DispatchModel
import TestSupport
import Testing

@Suite struct DispatchDateTests {
    @Test func precisionFollowsTheKnownParts() {
        #expect(DispatchDate(year: 2025, month: 8, day: 29).precision == .day)
        #expect(DispatchDate(year: 2025, month: 8).precision == .month)
        #expect(DispatchDate(month: 11, day: 30).precision == .dayNoYear)
        #expect(DispatchDate.unknown.precision == .unknown)
    }

    @Test func isoFormsRoundTrip() {
        for s in ["2025-08-29", "2019-11", "--11-30"] {
            #expect(DispatchDate(iso: s)?.iso == s)
        }
        #expect(DispatchDate.unknown.iso == nil)
    }

    @Test func impossibleDatesAreRejected() {
        #expect(DispatchDate(iso: "2025-02-30") == nil)
        #expect(DispatchDate(iso: "2025-13") == nil)
        #expect(DispatchDate(iso: "2024-02-29") != nil)
        #expect(DispatchDate(iso: "2023-02-29") == nil)
        #expect(DispatchDate(iso: "--02-29") != nil, "29 February exists in some year")
        #expect(DispatchDate(iso: "2025-8-1") == nil)
        #expect(DispatchDate(iso: "") == nil)
    }

    @Test func monthOnlySortsAfterEveryDayOfItsMonth() {
        let month = DispatchDate(year: 2020, month: 11)
        #expect(month.sortKey > DispatchDate(year: 2020, month: 11, day: 30).sortKey)
        #expect(month.sortKey < DispatchDate(year: 2020, month: 12, day: 1).sortKey)
    }

    @Test func frenchText() {
        #expect(FrenchDates.text(DispatchDate(year: 2025, month: 8, day: 29)) == "29 août 2025")
        #expect(FrenchDates.text(DispatchDate(year: 2024, month: 3, day: 1)) == "1er mars 2024")
        #expect(FrenchDates.text(DispatchDate(year: 2019, month: 11)) == "novembre 2019")
        #expect(FrenchDates.text(DispatchDate(month: 11, day: 30)) == "30 novembre (année inconnue)")
        #expect(FrenchDates.text(.unknown) == "Date inconnue")
        #expect(FrenchDates.htmlDatetime(DispatchDate(month: 11, day: 30)) == "11-30")
    }
}

@Suite struct SlugTests {
    @Test func foldsAccentsAndVietnameseLetters() {
        #expect(Slug.make("Đặng Thị Ngọc Thịnh") == "dang-thi-ngoc-thinh")
        #expect(Slug.make("Hô Chi Minh-Ville") == "ho-chi-minh-ville")
        #expect(Slug.make("Renforcement des échanges entre les Partis") == "renforcement-des-echanges-entre-les-partis")
        #expect(Slug.make("L’œuvre") == "l-oeuvre")
    }

    @Test func neverNamesAPathOutsideItsFolder() {
        for hostile in ["../../etc/passwd", "/abs/path", "a\u{0}b", ".", "..", "  ", "%2e%2e", "<script>"] {
            let s = Slug.make(hostile)
            #expect(!s.contains("/") && !s.contains(".") && !s.contains("\u{0}") && !s.isEmpty)
        }
    }

    @Test func cutsLongTitlesOnAWordBoundary() {
        let long = Array(repeating: "coopération", count: 20).joined(separator: " ")
        let s = Slug.make(long)
        #expect(s.count <= Slug.maxLength)
        #expect(s.hasSuffix("cooperation"))
    }

    /// The byte-level slug equals the scalar-by-scalar definition on any text.
    @Test func slugEqualsTheScalarDefinition() {
        func reference(_ text: String, maxLength: Int) -> String {
            var words: [String] = []
            var current = ""
            for u in TextFolding.foldAccents(text).unicodeScalars {
                let v = u.value
                if (v >= 97 && v <= 122) || (v >= 48 && v <= 57) { current.unicodeScalars.append(u) }
                else if v >= 65 && v <= 90 { current.unicodeScalars.append(Unicode.Scalar(v + 32)!) }
                else if !current.isEmpty { words.append(current); current = "" }
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
        let pieces = ["a", "Bé", " ", "-", "Đà", "œ", "12", "x", "Ω", "北", "'", "ABCDEFGHIJ", "\u{301}", "."]
        var rng = SeededRandom(seed: 5)
        for n in 0..<3000 {
            let s = rng.text(from: pieces, count: n % 12)
            for max in [8, 20, Slug.maxLength] {
                #expect(Slug.make(s, maxLength: max) == reference(s, maxLength: max), "\(s)")
            }
        }
    }

    @Test func allocatorAddsDeterministicSuffixes() {
        var a = SlugAllocator()
        #expect(a.allocate("Visite") == "visite")
        #expect(a.allocate("visite") == "visite-2")
        #expect(a.allocate("Visité") == "visite-3")
    }
}

@Suite struct EncodingTests {
    @Test func jsonQuotingIsSafeInsideScripts() {
        #expect(JSONString.quote("</script><b>\"x\"\\") == #""\u003c/script\u003e\u003cb\u003e\"x\"\\""#)
        #expect(JSONString.quote("a\nb\u{1}") == #""a\nb\u0001""#)
    }

    /// The byte-level quoting must equal the scalar-by-scalar definition on any text.
    @Test func jsonQuotingEqualsTheScalarDefinition() {
        func reference(_ s: String) -> String {
            var out = "\""
            for u in s.unicodeScalars {
                switch u.value {
                case 0x22: out += "\\\""
                case 0x5C: out += "\\\\"
                case 0x0A: out += "\\n"
                case 0x0D: out += "\\r"
                case 0x09: out += "\\t"
                case 0x3C, 0x3E, 0x26, 0x2028, 0x2029, 0..<0x20, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                    let hex = String(u.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                default: out.unicodeScalars.append(u)
                }
            }
            return out + "\""
        }
        let pieces = ["a", "é", "\"", "\\", "\n", "\r", "\t", "<", ">", "&", "\u{0}", "\u{1F}", "\u{7F}", "\u{80}", "\u{9F}",
                      "\u{A0}", "\u{2027}", "\u{2028}", "\u{2029}", "\u{202A}", "\u{FEFF}", "\u{FEFE}", "\u{FFFD}", "\u{FFFE}",
                      "\u{FFFF}", "\u{10000}", "ơ", "ệ", "\u{300}"]
        var rng = SeededRandom(seed: 7)
        for _ in 0..<3000 {
            let s = rng.text(from: pieces, count: 8)
            #expect(JSONString.quote(s) == reference(s), "\(Array(s.unicodeScalars))")
            // The same into a data file's buffer.
            var file = ByteBuffer(capacity: 16)
            JSONString.appendQuoted(s, to: &file)
            #expect(file.string == reference(s))
        }
    }

    @Test func htmlEscapeEqualsTheScalarDefinition() {
        let pieces = ["a", "é", "<", ">", "&", "\"", "'", "’", "\u{301}", "北", "\u{1F600}", " "]
        var rng = SeededRandom(seed: 13)
        for n in 0..<2000 {
            // Short and long texts: escaping skips eight bytes at a time where it can.
            let s = rng.text(from: pieces, count: n % 2 == 0 ? 7 : 8 + rng.below(40))
            var reference = ""
            for c in s.unicodeScalars {
                switch c {
                case "<": reference += "&lt;"
                case ">": reference += "&gt;"
                case "&": reference += "&amp;"
                case "\"": reference += "&quot;"
                case "'": reference += "&#39;"
                default: reference.unicodeScalars.append(c)
                }
            }
            #expect(HTMLEscape.text(s) == reference)
            // The same bytes into a page's buffer, after what it already holds.
            var page = ByteBuffer(capacity: 16)
            page.append(literal: "<p>")
            HTMLEscape.append(s, to: &page)
            #expect(page.bytes == Array(("<p>" + reference).utf8))
        }
    }

    @Test func htmlEscape() {
        #expect(HTMLEscape.text(#"<a href="x">'&'</a>"#) == "&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;")
    }

    @Test func diagnosticsPrintLikeCompilers() {
        let d = Diagnostic.warning(SourceLocation(path: "seeds/a.txt", line: 3), "no year", code: "date.missing-year")
        #expect(d.description == "seeds/a.txt:3: warning: no year")
        #expect(d.field == "date")
    }
}
