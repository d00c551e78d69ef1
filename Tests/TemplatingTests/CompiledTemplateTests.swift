import DispatchModel
import Foundation
@testable import Templating
import TestSupport
import Testing

/// The compiled templates must render exactly what swift-mustache renders, whitespace rules
/// included: pages, goldens and `Public/` depend on it. swift-mustache is the oracle.
@Suite struct CompiledTemplateTests {
    static let context: TemplateContext = [
        "v": "a<b>&\"c'", "w": "plain", "n": 42, "z": 0, "t": true, "f": false, "e": [], "s": "",
        "combining": "<\u{301}x",
        "l": [["v": "one", "last": false], ["v": "two", "w": "own", "last": true]],
        "o": ["v": "inner", "o": ["v": "deep"], "l": [["v": "x"]]],
        "strings": ["p", "q"],
        // Rendered markup as bytes (list entries): swift-mustache sees it as a string.
        "h": .html(Array("<i>l'été</i> &amp;".utf8)),
    ]

    static let texts = ["a", "bc", " ", "  ", "\t", "\n", "\n", "\r\n", "é", "<&>", "x y", "{ ", "}"]
    static let names = ["v", "w", "n", "z", "t", "f", "e", "s", "l", "o", "o.v", "o.o.v", ".", ".v", "missing", "o.missing",
                        "combining", "strings", "last", "h"]

    /// - Parameter partials: the partials it may include (none that includes it: that recursion never ends).
    static func template(_ rng: inout SeededRandom, depth: Int, blocks: Bool, partials: [String] = ["{{>nothing}}"]) -> String {
        var out = ""
        for _ in 0..<(1 + rng.below(7)) {
            switch rng.below(depth > 2 ? 8 : 12) {
            case 0, 1, 2: out += rng.pick(texts)
            case 3: out += "{{" + rng.pick(names) + "}}"
            case 4: out += rng.pick(["{{{\(rng.pick(names))}}}", "{{&\(rng.pick(names))}}", "{{& \(rng.pick(names)) }}"])
            case 5: out += "{{! note " + rng.pick(["", "}", "\n"]) + "}}"
            case 6: out += rng.pick(partials)
            case 7: out += rng.pick([" ", "\n", "  "]) + "{{" + rng.pick(names) + "}}" + rng.pick(["", "\n", " \n"])
            case 8, 9:
                let name = rng.pick(names.filter { $0 != "." })
                let open = rng.pick(["#", "^"])
                out += rng.pick(["", "\n", "  "]) + "{{\(open)\(name)}}" + rng.pick(["", "\n", " \n"])
                out += template(&rng, depth: depth + 1, blocks: blocks, partials: partials)
                out += rng.pick(["", "\n", "  "]) + "{{/\(name)}}" + rng.pick(["", "\n", "\t\n"])
            case 10 where blocks:
                out += rng.pick(["", "\n", "  "]) + "{{$b}}" + rng.pick(["", "\n"]) + template(&rng, depth: depth + 1, blocks: false, partials: partials)
                    + "{{/b}}" + rng.pick(["", "\n"])
            case 11:
                out += rng.pick(["{{%CONTENT_TYPE:TEXT}}", "{{%CONTENT_TYPE:HTML}}", "{{=<% %>=}}<%v%><%={{ }}=%>"])
            default: out += rng.pick(texts)
            }
        }
        return out
    }

    static func theme(_ files: [String: String]) throws -> TemplateSet {
        var all = DefaultTemplates.files
        for (name, text) in files { all[name + ".mustache"] = text }
        return try TemplateSet(files: all)
    }

    @Test func randomTemplatesRenderAsSwiftMustacheRendersThem() throws {
        var rng = SeededRandom(seed: 2026)
        var compared = 0
        for n in 0..<800 {
            var files: [String: String] = [
                "t": Self.template(&rng, depth: 0, blocks: true, partials: ["{{>p1}}", "{{> p2 }}", "  {{>p2}}\n", "{{>nothing}}"]),
                "p1": Self.template(&rng, depth: 1, blocks: false, partials: ["{{>p2}}", "\t{{>p2}}"]),
                "p2": "  " + Self.template(&rng, depth: 2, blocks: false) + "\n",
                "base": "<main>\n" + Self.template(&rng, depth: 1, blocks: true, partials: ["{{>p1}}", " {{>p2}}"]) + "\n</main>\n",
            ]
            if n % 3 == 0 {
                files["t"] = rng.pick(["", "  ", "x\n"]) + "{{<base}}" + rng.pick(["", "\n", " \n"]) + rng.pick(["", "  ", "\n"])
                    + "{{$b}}" + rng.pick(["", "\n"]) + Self.template(&rng, depth: 1, blocks: false, partials: ["{{>p1}}"])
                    + rng.pick(["{{/b}}", "\n{{/b}}\n", "  {{/b}}"]) + rng.pick(["", "\n"]) + "{{/base}}" + rng.pick(["", "\n"])
            }
            // Cases swift-mustache rejects are not pages anyone can publish.
            guard let theme = try? Self.theme(files) else { continue }
            #expect(theme.isCompiled, "case \(n): \(files)")
            let fast = theme.render("t", Self.context)
            let reference = theme.renderWithSwiftMustache("t", Self.context)
            // An object printed as text (`{{o}}`, `{{.}}` at the root) is Swift's description
            // of a dictionary: swift-mustache's lists the keys in the dictionary's hash order,
            // which changes from run to run, and the compiled templates' sorts them. Such
            // pages are compared as multisets of characters.
            let printsObject = fast.contains("&quot;: ") || fast.contains("\": ")
            #expect(fast == reference || (printsObject && fast.sorted() == reference.sorted()), "case \(n): \(files)")
            if fast != reference && !(printsObject && fast.sorted() == reference.sorted()) { return }
            compared += 1
        }
        #expect(compared > 600, "only \(compared) of 800 random themes were valid")
    }

    /// A theme that prints an object gets the same text on every run: keys sorted.
    @Test func anObjectPrintedAsTextListsItsKeysInOrder() throws {
        let theme = try Self.theme(["t": "{{{o}}}"])
        let context: TemplateContext = ["o": ["z": 1, "a": "x", "m": ["n": true], "l": [1, "y"]]]
        #expect(theme.render("t", context) == #"["a": "x", "l": [1, "y"], "m": ["n": true], "z": 1]"#)
    }

    @Test func theDefaultThemeCompiles() throws {
        #expect(try TemplateSet(directory: nil).isCompiled)
    }

    @Test func partialsAreIndentedLineByLine() throws {
        let theme = try Self.theme(["t": "<ul>\n  {{>p1}}\n</ul>\n", "p1": "<li>{{w}}</li>\n<li>{{n}}</li>\n"])
        #expect(theme.render("t", Self.context) == "<ul>\n  <li>plain</li>\n  <li>42</li>\n</ul>\n")
        #expect(theme.render("t", Self.context) == theme.renderWithSwiftMustache("t", Self.context))
    }

    @Test func blocksOverrideTheInheritedTemplate() throws {
        let theme = try Self.theme(["t": "{{<base}}{{$b}}<p>{{v}}</p>{{/b}}{{/base}}", "base": "<main>{{$b}}défaut{{/b}}</main>"])
        #expect(theme.render("t", Self.context) == "<main><p>a&lt;b&gt;&amp;&quot;c&#39;</p></main>")
    }

    /// Transforms are swift-mustache's own; a theme that uses one renders with it, whole.
    @Test func aThemeWithATransformRendersWithSwiftMustache() throws {
        let theme = try Self.theme(["t": "{{uppercased(w)}}{{#l}}{{v}}{{^last()}}, {{/last()}}{{/l}}"])
        #expect(!theme.isCompiled)
        #expect(theme.render("t", Self.context) == "PLAINone, two")
    }

    /// A listing goes into the page entry by entry, with the root prefix where each entry
    /// marks it, and the page records where it went: through sections, partials and blocks,
    /// but not inside an indented partial (whose pieces are indented apart); escaped, it is
    /// text like any value.
    @Test func listingsAreRecordedWhereTheyLand() throws {
        let items = ["<li><a href=\"\u{1}a.html\">a</a></li>", "<li><a href=\"\u{1}b/c.html\">b</a></li>"].map(ItemHTML.init)
        var c = Self.context
        c["x"] = .listing(ListingHTML(items: items, articles: [1, 0], root: Array("../".utf8)))
        c["groups"] = [["x": .listing(ListingHTML(items: items, articles: [0], root: Array("../".utf8)))]]
        let entries = "<li><a href=\"../b/c.html\">b</a></li><li><a href=\"../a.html\">a</a></li>"
        let theme = try Self.theme([
            "t": "<main>{{{x}}}</main>{{#groups}}<p>{{{x}}}</p>{{/groups}}{{>p}}\n  {{>p}}\n<i>{{x}}</i>{{<base}}{{$b}}{{{x}}}{{/b}}{{/base}}",
            "p": "<div>{{{x}}}</div>\n", "base": "<s>{{$b}}{{/b}}</s>",
        ])
        let page = try #require(theme.compiled).renderPage("t", c)
        let text = String(decoding: page.bytes, as: UTF8.self)
        #expect(text == theme.renderWithSwiftMustache("t", c))
        let landed = page.listings.map { String(decoding: page.bytes[$0], as: UTF8.self) }
        #expect(landed == [entries, "<li><a href=\"../a.html\">a</a></li>", entries, entries], "\(text)")
        #expect(text.contains("<i>&lt;li&gt;"))
        #expect(theme.renderFile("p.html", "t", c).listings == page.listings)
    }

    /// Keyed elements (a feed's entries) render as the objects they stand for; a section
    /// renders each once across pages when it reads only the element, and again on every page
    /// when some name falls through to the page's own values.
    @Test func keyedElementsRenderOnceWhenTheyReadOnlyThemselves() throws {
        final class Counted: KeyedObjects, @unchecked Sendable {
            var made = 0
            func object(_ id: Int) -> TemplateObject {
                made += 1
                return ["v": .text("<\(id)>"), "l": [["w": .int(id)]]]
            }
        }
        let theme = try Self.theme(["closed": "{{t}}:{{#e}}[{{v}}{{#l}}{{w}}{{/l}}]{{/e}}", "open": "{{#e}}[{{v}}{{t}}]{{/e}}"])
        let compiled = try #require(theme.compiled)
        for (name, perPage) in [("closed", false), ("open", true)] {
            let provider = Counted(), memo = RenderMemo()
            for t in ["a", "b"] {
                func context(_ p: Counted) -> TemplateContext {
                    ["t": .text(t), "e": .list([1, 2, 1].map { .keyed(KeyedObject(id: $0, provider: p)) })]
                }
                let page = String(decoding: compiled.renderPage(name, context(provider), memo: memo).bytes, as: UTF8.self)
                #expect(page == theme.renderWithSwiftMustache(name, context(Counted())), "\(name)")
            }
            #expect(provider.made == (perPage ? 6 : 2), "\(name): \(provider.made)")
        }
    }
}
