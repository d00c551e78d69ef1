import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import TestSupport
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The hostile-input matrix, through the real `sitegen` binary: each case asserts the exit
/// status, the message, and that the output holds no injected markup and nothing outside
/// the output folder. Nothing may crash (a signal), hang (the timeout) or grow without bound.
@Suite(.serialized) struct HostileInputTests {
    static let fixtures = TestPaths.packageRoot + "/Tests/RobustnessTests/Fixtures"
    static let hostileTxt = TestPaths.packageRoot + "/Tests/SiteBuildTests/Fixtures/hostile/666_hostile.txt"

    /// A workspace: `seeds/`, an output `site/Public` and an `outside/` canary folder.
    struct Workspace {
        let root: String
        var seeds: String { root + "/seeds" }
        var out: String { root + "/site/Public" }
        var outside: String { root + "/outside" }
        init(_ label: String) {
            root = TestPaths.makeTemporaryFolder("hostile-" + label)
            for d in [seeds, root + "/site", outside] { try! FileManager.default.createDirectory(atPath: d, withIntermediateDirectories: true) }
        }
        /// A good dispatch, so that a build has something to publish.
        func addGoodSeed() throws {
            try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/seeds/000_737f40d1634c7eec.txt", toPath: seeds + "/000_good.txt")
        }
    }

    // MARK: checks shared by every case

    static let injected = ["<script>alert", "<img src=x", "<svg", "<evil", "</evil", "<!-- x", "<h1>pas", "<ol>"]

    /// Every attribute of every tag, as a browser would read them: (tag, name, value).
    static func attributes(in text: String) -> [(String, String, String)] {
        let b = Array(text.utf8)
        var out: [(String, String, String)] = []
        func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D || c == 0x0C }
        var i = 0
        while i < b.count {
            guard b[i] == UInt8(ascii: "<"), i + 1 < b.count, (b[i + 1] | 0x20) >= 0x61, (b[i + 1] | 0x20) <= 0x7A else { i += 1; continue }
            var j = i + 1
            while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">"), b[j] != UInt8(ascii: "/") { j += 1 }
            let tag = String(decoding: b[(i + 1)..<j], as: UTF8.self).lowercased()
            while j < b.count, b[j] != UInt8(ascii: ">") {
                if isSpace(b[j]) || b[j] == UInt8(ascii: "/") { j += 1; continue }
                let ns = j
                while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: "="), b[j] != UInt8(ascii: ">") { j += 1 }
                let name = String(decoding: b[ns..<j], as: UTF8.self).lowercased()
                while j < b.count, isSpace(b[j]) { j += 1 }
                var value = ""
                if j < b.count, b[j] == UInt8(ascii: "=") {
                    j += 1
                    while j < b.count, isSpace(b[j]) { j += 1 }
                    if j < b.count, b[j] == UInt8(ascii: "\"") || b[j] == UInt8(ascii: "'") {
                        let q = b[j]; j += 1
                        let vs = j
                        while j < b.count, b[j] != q { j += 1 }
                        value = String(decoding: b[vs..<min(j, b.count)], as: UTF8.self)
                        j += 1
                    } else {
                        let vs = j
                        while j < b.count, !isSpace(b[j]), b[j] != UInt8(ascii: ">") { j += 1 }
                        value = String(decoding: b[vs..<j], as: UTF8.self)
                    }
                }
                out.append((tag, name, value))
            }
            i = j + 1
        }
        return out
    }

    /// Every output file: no injected element, event handler or script URL, JSON parses,
    /// XML is well-formed, every path is a plain relative path inside the folder.
    static func checkNoInjection(in out: String, sourceLocation: SourceLocation = #_sourceLocation) {
        let files = Tree.files(out)
        for rel in files {
            let parts = rel.split(separator: "/", omittingEmptySubsequences: false)
            let safe = parts.allSatisfy { p in !p.isEmpty && p != "." && p != ".." && (!p.hasPrefix(".") || p == ".sitegen-manifest") && p.utf8.count <= 255 }
                && rel.unicodeScalars.allSatisfy { $0.isASCII && $0.value > 0x20 && $0 != "\\" }
            #expect(safe, "unsafe output path \(rel.debugDescription)", sourceLocation: sourceLocation)
            if rel.hasSuffix(".css") || rel == "assets/search.js" || rel == ".sitegen-manifest" { continue }
            let text = Tree.read(out + "/" + rel)
            let lower = text.lowercased()
            for bad in injected where lower.contains(bad.lowercased()) {
                #expect(Bool(false), "\(rel) contains injected markup \(bad)", sourceLocation: sourceLocation)
            }
            for (tag, name, value) in Self.attributes(in: text) {
                if name.hasPrefix("on") {
                    #expect(Bool(false), "\(rel): <\(tag) \(name)=…> is an event handler", sourceLocation: sourceLocation)
                }
                if ["href", "src", "action", "formaction", "xlink:href"].contains(name) {
                    let url = value.lowercased().trimmingCharacters(in: .whitespaces)
                    let scheme = url.range(of: "^[a-z][a-z0-9+.-]*:", options: .regularExpression)
                    if scheme != nil && !url.hasPrefix("https://") && !url.hasPrefix("http://") {
                        #expect(Bool(false), "\(rel): <\(tag) \(name)=\"\(url.prefix(40))\">", sourceLocation: sourceLocation)
                    }
                }
            }
            if rel.hasSuffix(".json") {
                #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(rel) is not valid JSON", sourceLocation: sourceLocation)
            }
            // Theme scripts are code from the templates; the index is built from dispatch text.
            if rel.hasPrefix("search/") && rel.hasSuffix(".js") {
                #expect(!lower.contains("</script") && !text.contains("<"), "\(rel) could close its <script>", sourceLocation: sourceLocation)
                if let start = text.firstIndex(of: "{"), let end = text.lastIndex(of: "}") {
                    #expect((try? JSONSerialization.jsonObject(with: Data(text[start...end].utf8))) != nil, "\(rel): the index is not a JSON value", sourceLocation: sourceLocation)
                }
            }
            if rel.hasSuffix(".xml") {
                let parser = XMLParser(data: Data(text.utf8))
                #expect(parser.parse(), "\(rel) is not well-formed XML: \(String(describing: parser.parserError))", sourceLocation: sourceLocation)
            }
        }
    }

    /// Nothing was written beside the output (except its lock file) or into `outside/`.
    static func checkNothingOutside(_ w: Workspace, sourceLocation: SourceLocation = #_sourceLocation) {
        let beside = (try? FileManager.default.contentsOfDirectory(atPath: w.root + "/site")) ?? []
        #expect(Set(beside).isSubset(of: ["Public", ".Public.sitegen-lock", ".Public.sitegen-cache"]), "written beside the output: \(beside)", sourceLocation: sourceLocation)
        #expect(Files.entries(w.outside).isEmpty, "written outside the output: \(Files.entries(w.outside))", sourceLocation: sourceLocation)
        let top = Set((try? FileManager.default.contentsOfDirectory(atPath: w.root)) ?? [])
        #expect(top.isSubset(of: ["seeds", "site", "outside", "private"]), "\(top)", sourceLocation: sourceLocation)
    }

    /// No crash, no hang, bounded memory; then the two output checks.
    static func checkSurvived(_ r: Sitegen.Run, _ w: Workspace, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(!r.signaled && !r.timedOut, "sitegen crashed or hung: \(r)", sourceLocation: sourceLocation)
        #expect(r.status == 0 || r.status == 1, "\(r)", sourceLocation: sourceLocation)
        #expect(!r.stderr.contains("Fatal error") && !r.stderr.contains("Backtrac"), "\(r)", sourceLocation: sourceLocation)
        #expect(Sitegen.peakChildMemoryMB < 2048, "a child used \(Sitegen.peakChildMemoryMB) MB", sourceLocation: sourceLocation)
        checkNoInjection(in: w.out, sourceLocation: sourceLocation)
        checkNothingOutside(w, sourceLocation: sourceLocation)
    }

    /// A failed build says so, names `path` in an error line, and publishes nothing.
    static func checkRefused(_ r: Sitegen.Run, _ w: Workspace, naming path: String, _ message: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(r.status == 1, "\(r)", sourceLocation: sourceLocation)
        let line = r.stderr.split(separator: "\n").first { $0.hasPrefix(path + ":") && $0.contains(": error: ") }
        #expect(line != nil, "no error line naming \(path): \(r)", sourceLocation: sourceLocation)
        if let message { #expect(line?.contains(message) == true, "expected “\(message)” in \(line ?? "nothing")", sourceLocation: sourceLocation) }
        #expect(r.stdout.contains("build failed; \(w.out)/ left unchanged"), "\(r)", sourceLocation: sourceLocation)
        #expect(!FileManager.default.fileExists(atPath: w.out), "a failed build published something", sourceLocation: sourceLocation)
    }

    @Test func theCheckerSeesWhatABrowserWould() {
        let attrs = Self.attributes(in: "<p title=\"a onclick=x\">t</p><a href = 'javascript:x' onclick=y><img\nsrc=data:x/>")
        #expect(attrs.map { "\($0.0) \($0.1)=\($0.2)" } == ["p title=a onclick=x", "a href=javascript:x", "a onclick=y", "img src=data:x/"])
        #expect(Self.attributes(in: "&lt;a onclick=x&gt; 1 < 2 <3").isEmpty)
    }

    // MARK: injection

    @Test func textTitlesNamesAndTagsNeverBecomeMarkupInAnyOutputKind() throws {
        let w = Workspace("inject")
        try FileManager.default.copyItem(atPath: Self.hostileTxt, toPath: w.seeds + "/666_hostile.txt")
        try FileManager.default.copyItem(atPath: Self.fixtures + "/777_injection.md", toPath: w.seeds + "/777_injection.md")
        // File names are scraped too: markup and a line break in a seed's name.
        try FileManager.default.copyItem(atPath: Self.hostileTxt, toPath: w.seeds + "/888_<img src=x onerror=alert(30)>.txt")
        try FileManager.default.copyItem(atPath: Self.hostileTxt, toPath: w.seeds + "/889_a\n<evil>\"'.txt")
        Files.write(w.seeds + "/666_hostile.yml", """
            title: "<script>alert(20)</script> titre"
            place: "\\"><img src=x onerror=alert(21)>"
            tags: {add: ["<evil>", {name: "javascript:alert(22)", kind: organisation}]}
            officials: {add: [{name: "<svg onload=alert(23)>", role: "<evil/>"}]}
            """)
        Files.write(w.seeds + "/_site.yml", """
            title: "Site <script>alert(24)</script>"
            description: "\\"><evil>"
            baseURL: "https://example.org/d/"
            author: "<evil/>"
            """)
        let r = try Sitegen.build(seeds: w.seeds, output: w.out)
        #expect(r.status == 0, "\(r)")
        Self.checkSurvived(r, w)
        // The text is there, escaped: it was rendered, not dropped.
        let files = Tree.files(w.out)
        for kind in ["feed.xml", "sitemap.xml", "data/dispatches.json", "data/officials.json", "data/tags.json", "search/meta.js", "search/d-0.js", "index.html"] {
            #expect(files.contains(kind), "missing \(kind)")
        }
        #expect(files.contains { $0.hasPrefix("officials/") && $0.hasSuffix("/feed.xml") })
        #expect(files.contains { $0.hasPrefix("tags/") && $0.hasSuffix("/feed.xml") })
        let articles = files.filter { $0.hasPrefix("articles/") }
        #expect(articles.count == 4)
        let all = articles.map { Tree.read(w.out + "/" + $0) }.joined()
        #expect(all.contains("&lt;script&gt;alert(13)&lt;/script&gt;"), "the body text is shown escaped")
        #expect(all.contains("&lt;script&gt;alert(20)&lt;/script&gt; titre"), "the sidecar title is shown escaped")
        #expect(Tree.read(w.out + "/data/dispatches.json").contains("\\u003cscript\\u003ealert(1)"))
        #expect(Tree.read(w.out + "/feed.xml").contains("&lt;script&gt;alert(1)"))
    }

    // MARK: paths

    @Test func slugsNeverNameAPathOutsideTheOutputFolder() throws {
        let w = Workspace("paths")
        let escape = w.outside + "/pwned"
        let titles = ["../../../../outside/pwned", "/etc/passwd", escape, "..", ".", "./.", "\\0 nul \\0", "%2e%2e%2f", "..\\\\..\\\\x",
                      "CON", "\\u202e\\u0000/", String(repeating: "très long titre ", count: 400), String(repeating: "x", count: 5000)]
        for (i, t) in titles.enumerated() {
            Files.write(w.seeds + "/\(100 + i)_path.md", """
                ---
                title: "\(t)"
                date: "2021-01-0\(i % 9 + 1)"
                officials:
                  - name: "\(t)"
                    role: "../role"
                tags:
                  - name: "\(t)"
                    kind: topic
                  - name: "../\(i)"
                    kind: place
                ---

                corps \(i)
                """)
        }
        let r = try Sitegen.build(seeds: w.seeds, output: w.out)
        #expect(r.status == 0, "\(r)")
        Self.checkSurvived(r, w)
        #expect(!FileManager.default.fileExists(atPath: escape))
        #expect(!FileManager.default.fileExists(atPath: "/etc/passwd/index.html"))
        #expect(!FileManager.default.fileExists(atPath: "/etc/passwd.html"))
        let articles = Tree.files(w.out).filter { $0.hasPrefix("articles/") }
        #expect(articles.count == titles.count, "one page per dispatch, each a file in articles/: \(articles)")
        #expect(articles.allSatisfy { $0.split(separator: "/").count == 2 && $0.hasSuffix(".html") })
    }

    @Test func symbolicLinksOutOfTheSeedsFolderAreRefused() throws {
        let w = Workspace("symlink")
        try w.addGoodSeed()
        let priv = w.root + "/private"
        Files.write(priv + "/secret.txt", "SECRET-\(UUID().uuidString)\n\nmot de passe")
        let secret = Tree.read(priv + "/secret.txt").split(separator: "\n")[0]
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/500_link.txt", withDestinationPath: priv + "/secret.txt")
        // A link that stays inside the folder is fine.
        try FileManager.default.createDirectory(atPath: w.seeds + "/_archive", withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.hostileTxt, toPath: w.seeds + "/_archive/inner.txt")
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/501_inside.txt", withDestinationPath: "_archive/inner.txt")
        let r = try Sitegen.build(seeds: w.seeds, output: w.out)
        Self.checkRefused(r, w, naming: w.seeds + "/500_link.txt", "symbolic link points outside the seeds folder")
        #expect(!r.stderr.contains(w.seeds + "/501_inside.txt: error"), "\(r)")
        Self.checkSurvived(r, w)

        // --keep-going publishes the rest, never the linked file.
        let k = try Sitegen.build(seeds: w.seeds, output: w.out, ["--keep-going"])
        #expect(k.status == 1 && k.stdout.contains("published what could be built"), "\(k)")
        Self.checkSurvived(k, w)
        #expect(Tree.files(w.out).filter { $0.hasPrefix("articles/") }.count == 2)
        for f in Tree.files(w.out) { #expect(!Tree.read(w.out + "/" + f).contains(secret), "\(f) publishes the linked file") }

        // A sidecar linked out of the folder is refused too, and its seed left out.
        try FileManager.default.removeItem(atPath: w.seeds + "/500_link.txt")
        Files.write(priv + "/side.yml", "title: \"\(secret)\"\n")
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/000_good.yml", withDestinationPath: priv + "/side.yml")
        try FileManager.default.removeItem(atPath: w.out)
        let s = try Sitegen.build(seeds: w.seeds, output: w.out)
        Self.checkRefused(s, w, naming: w.seeds + "/000_good.yml", "symbolic link points outside the seeds folder")
        // A dangling link.
        try FileManager.default.removeItem(atPath: w.seeds + "/000_good.yml")
        try FileManager.default.createSymbolicLink(atPath: w.seeds + "/502_dangling.txt", withDestinationPath: w.root + "/nowhere.txt")
        let d = try Sitegen.build(seeds: w.seeds, output: w.out)
        Self.checkRefused(d, w, naming: w.seeds + "/502_dangling.txt", "broken")
    }

    @Test func specialFilesAreRefusedWithoutBlocking() throws {
        let w = Workspace("special")
        try w.addGoodSeed()
        #expect(mkfifo(w.seeds + "/600_fifo.txt", 0o644) == 0)
        try FileManager.default.createDirectory(atPath: w.seeds + "/601_folder.txt", withIntermediateDirectories: true)
        let r = try Sitegen.build(seeds: w.seeds, output: w.out, timeout: 60)
        Self.checkRefused(r, w, naming: w.seeds + "/600_fifo.txt", "not a regular file")
        Self.checkRefused(r, w, naming: w.seeds + "/601_folder.txt", "not a regular file")
        Self.checkSurvived(r, w)
        // Too large to be a dispatch: refused before it is read.
        try FileManager.default.removeItem(atPath: w.seeds + "/600_fifo.txt")
        try FileManager.default.removeItem(atPath: w.seeds + "/601_folder.txt")
        let big = w.seeds + "/602_huge.txt"
        FileManager.default.createFile(atPath: big, contents: nil)
        #expect(truncate(big, 17 << 20) == 0)
        let b = try Sitegen.build(seeds: w.seeds, output: w.out, timeout: 60)
        Self.checkRefused(b, w, naming: big, "too large")
        // A sidecar too large: refused, and its seed left out with it.
        try FileManager.default.removeItem(atPath: big)
        let sidecar = w.seeds + "/000_good.yml"
        FileManager.default.createFile(atPath: sidecar, contents: nil)
        #expect(truncate(sidecar, 2 << 20) == 0)
        let s = try Sitegen.build(seeds: w.seeds, output: w.out, timeout: 60)
        Self.checkRefused(s, w, naming: sidecar, "too large")
        #expect(s.stderr.contains("(seed 000_good.txt left out)"), "\(s)")
    }

    // MARK: bytes that are not text, and text that looks like structure

    struct BytesCase: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var bytes: @Sendable () -> [UInt8]
        /// The build must fail naming the file (true), or may render it literally (false).
        var mustFail: Bool = false
        var testDescription: String { name }
    }

    static let bytesCases: [BytesCase] = [
        BytesCase(name: "empty file", file: "700_empty.txt", bytes: { [] }, mustFail: true),
        BytesCase(name: "only whitespace", file: "701_blank.txt", bytes: { Array(" \n\r\n\t \n\u{00A0}\n".utf8) }, mustFail: true),
        BytesCase(name: "binary with NULs", file: "702_binary.txt", bytes: {
            var g = SeededRandom(seed: 702)
            return (0..<65536).map { _ in UInt8.random(in: 0...255, using: &g) }
        }),
        BytesCase(name: "all NUL", file: "703_nul.txt", bytes: { [UInt8](repeating: 0, count: 4096) }),
        BytesCase(name: "invalid UTF-8", file: "704_invalid.txt", bytes: {
            Array("Titre \u{E9}t\u{E9}\n\nHanoï (VNA) - texte ".utf8) + [0xC0, 0x80, 0xED, 0xA0, 0x80, 0xF8, 0x88, 0x80, 0x80, 0x80, 0xFF, 0xFE, 0x80, 0xBF]
                + Array(" fin.\n".utf8)
        }),
        BytesCase(name: "UTF-16 with BOM", file: "705_utf16.txt", bytes: {
            [0xFF, 0xFE] + "Titre\n\nHanoï (VNA) - Le texte. <script>alert(1)</script>\n".utf16.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        }),
        BytesCase(name: "5 MB single line", file: "706_long.txt", bytes: {
            Array(("Hanoï (VNA) - " + String(repeating: "Le ministre a dit <b>que</b> [x](y) ", count: 5_000_000 / 36)).utf8)
        }),
        BytesCase(name: "deeply nested quotes", file: "707_quotes.txt", bytes: {
            Array(("Titre\n\n" + String(repeating: "> ", count: 100_000) + "texte\n").utf8)
        }),
        BytesCase(name: "deeply nested brackets", file: "708_brackets.txt", bytes: {
            Array(("Titre\n\n" + String(repeating: "[", count: 100_000) + "x" + String(repeating: "](javascript:alert(1))", count: 50_000) + "\n").utf8)
        }),
        BytesCase(name: "thousands of brackets and emphasis", file: "709_marks.txt", bytes: {
            Array(("Titre\n\n" + String(repeating: "*_[`<![CDATA[ ", count: 20_000) + "\n\n" + String(repeating: "<a href=\"", count: 20_000) + "\n").utf8)
        }),
        BytesCase(name: "many tiny lines", file: "710_lines.txt", bytes: {
            Array(String(repeating: "- *\n", count: 200_000).utf8)
        }),
        BytesCase(name: "nested Markdown in a hand-written seed", file: "711_nested.md", bytes: {
            Array(("---\ntitle: \"Titre\"\n---\n\n" + String(repeating: "> ", count: 50_000) + "x\n\n" + String(repeating: "[", count: 50_000) + "\n").utf8)
        }),
        BytesCase(name: "front matter nested 100,000 deep", file: "712_yamlbomb.md", bytes: {
            Array(("---\ntitle: " + String(repeating: "[", count: 100_000) + "\n---\n\ntexte\n").utf8)
        }, mustFail: true),
        BytesCase(name: "YAML alias bomb", file: "713_aliases.md", bytes: {
            var y = "---\na0: &a0 [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n"
            for i in 1..<12 { y += "a\(i): &a\(i) [" + Array(repeating: "*a\(i - 1)", count: 9).joined(separator: ",") + "]\n" }
            return Array((y + "title: \"x\"\n---\n\ntexte\n").utf8)
        }, mustFail: true),
    ]

    @Test(arguments: bytesCases)
    func badBytesGiveAMessageOrRenderLiterally(_ c: BytesCase) throws {
        let w = Workspace("bytes")
        try w.addGoodSeed()
        let path = w.seeds + "/" + c.file
        Files.write(path, bytes: c.bytes())
        let r = try Sitegen.build(seeds: w.seeds, output: w.out, timeout: 240)
        Self.checkSurvived(r, w)
        if c.mustFail {
            Self.checkRefused(r, w, naming: path)
        } else if r.status == 1 {
            // The parser may refuse what is not text: then with a message naming the file.
            #expect(r.stderr.contains(path), "failed without naming \(c.file): \(r)")
        } else {
            #expect(r.status == 0 && FileManager.default.fileExists(atPath: w.out + "/index.html"), "\(r)")
        }
    }

    // MARK: data files

    struct DataFileCase: CustomTestStringConvertible, Sendable {
        var name: String
        var file: String
        var text: String
        var line: Int
        var message: String
        var testDescription: String { name }
    }

    static let dataFileCases: [DataFileCase] = [
        .init(name: "config: bad YAML", file: "_site.yml", text: "title: \"Mon digest\"\ndescription: [non fermé\n", line: 3, message: "invalid YAML"),
        .init(name: "config: tab indentation", file: "_site.yml", text: "title: a\n\tbaseURL: b\n", line: 2, message: "invalid YAML"),
        .init(name: "config: bad value", file: "_site.yml", text: "title: a\nhomeCount: beaucoup\n", line: 2, message: "`homeCount`"),
        .init(name: "config: unknown key", file: "_site.yml", text: "title: a\n\ncolour: red\n", line: 3, message: "unknown configuration key"),
        .init(name: "config: bad time zone", file: "_site.yml", text: "timeZone: Mars/Olympus\n", line: 1, message: "unknown time zone"),
        .init(name: "config: binary", file: "_site.yml", text: "title: \u{1}\u{2}\u{0}\n", line: 1, message: "invalid YAML"),
        .init(name: "sidecar: bad YAML", file: "000_good.yml", text: "title: ok\ntags: {add: [a, b}\n", line: 2, message: "invalid YAML"),
        .init(name: "sidecar: bad date", file: "000_good.yml", text: "title: ok\n\ndate: 2020-02-31\n", line: 3, message: "not a valid date"),
        .init(name: "sidecar: bad tag kind", file: "000_good.yml", text: "tags:\n  add:\n    - {name: x, kind: planet}\n", line: 3, message: "kind"),
        .init(name: "sidecar: not a mapping", file: "000_good.yml", text: "- a\n- b\n", line: 1, message: "mapping"),
        .init(name: "sidecar: nested 100,000 deep", file: "000_good.yml", text: "title: " + String(repeating: "[", count: 100_000) + "\n", line: 1, message: ""),
        .init(name: "topics: bad YAML", file: "_topics.yml", text: "économie: [commerce\nsanté: [vaccin]\n", line: 2, message: "invalid YAML"),
        .init(name: "topics: bad value", file: "_topics.yml", text: "économie: [commerce]\nsanté: 3\n", line: 2, message: "santé"),
        .init(name: "topics: empty list", file: "_topics.yml", text: "économie: []\n", line: 1, message: "non-empty list"),
    ]

    @Test(arguments: dataFileCases)
    func badDataFilesNameTheFileAndLine(_ c: DataFileCase) throws {
        let w = Workspace("data")
        try w.addGoodSeed()
        let path = w.seeds + "/" + c.file
        Files.write(path, c.text)
        let r = try Sitegen.build(seeds: w.seeds, output: w.out, timeout: 120)
        Self.checkSurvived(r, w)
        Self.checkRefused(r, w, naming: path)
        let line = r.stderr.split(separator: "\n").first { $0.hasPrefix(path + ":") }.map(String.init) ?? ""
        if c.name.contains("100,000") {
            #expect(line.range(of: "^.*:[0-9]+: error: ", options: .regularExpression) != nil, "\(r)")
        } else {
            #expect(line.hasPrefix("\(path):\(c.line):") && line.contains(c.message), "expected \(c.file):\(c.line) … \(c.message), got: \(line)\n\(r)")
        }
    }
}
