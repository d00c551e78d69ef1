import DispatchModel
@testable import SiteBuild
import Templating
import TestSupport
import Testing

/// The link check's attribute scanner jumps from `=` to `=`; it must find exactly what
/// reading every byte forward finds (the definition below, the scanner it replaced).
@Suite struct LinkScanTests {
    static func forward(_ bytes: [UInt8], names: [[UInt8]]) -> [(Int, Range<Int>, Bool)] {
        func isSpace(_ b: UInt8) -> Bool { b == 0x20 || b == 0x0A || b == 0x09 || b == 0x0D }
        func lower(_ b: UInt8) -> UInt8 { (b >= 0x41 && b <= 0x5A) ? b + 32 : b }
        var out: [(Int, Range<Int>, Bool)] = []
        let n = bytes.count
        var i = 0
        while i < n {
            guard isSpace(bytes[i]), i + 1 < n else { i += 1; continue }
            var matched: Int? = nil
            for p in names.indices where i + names[p].count + 2 < n {
                var match = true
                for k in names[p].indices where lower(bytes[i + 1 + k]) != names[p][k] { match = false; break }
                if match { matched = p; break }
            }
            guard let name = matched else { i += 1; continue }
            var j = i + 1 + names[name].count
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "=") else { i += 1; continue }
            j += 1
            while j < n, isSpace(bytes[j]) { j += 1 }
            guard j < n, bytes[j] == UInt8(ascii: "\"") || bytes[j] == UInt8(ascii: "'") else { i += 1; continue }
            let quote = bytes[j]
            var k = j + 1
            var escaped = false
            while k < n, bytes[k] != quote { if bytes[k] == UInt8(ascii: "&") { escaped = true }; k += 1 }
            out.append((name, (j + 1)..<min(k, n), escaped))
            i = k
        }
        return out
    }

    static func scan(_ bytes: [UInt8], names: [[UInt8]]) -> [(Int, Range<Int>, Bool)] {
        var out: [(Int, Range<Int>, Bool)] = []
        bytes.withUnsafeBufferPointer { LinkCheck.forEachAttributeValue($0, names: names) { out.append(($0, $1, $2)) } }
        return out
    }

    static func same(_ a: [(Int, Range<Int>, Bool)], _ b: [(Int, Range<Int>, Bool)]) -> Bool {
        a.count == b.count && zip(a, b).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 && $0.2 == $1.2 }
    }

    @Test func findsWhatAForwardScanFinds() {
        var random = SeededRandom(seed: 0x11CE)
        let pieces = [" ", "\n", "\t", "=", "\"", "'", "&", "&amp;", "href", "HREF", "src", "id", "name", "hreff", "valid",
                      " href=\"a.html\"", " id='x'", " src = \"i.png\"", "<a", ">", "x", "é", "../", "#top", " name=", "title=\""]
        let names = LinkCheck.pageAttributes
        for _ in 0..<3000 {
            let text = random.text(from: pieces, count: random.below(40))
            let bytes = Array(text.utf8)
            #expect(Self.same(Self.scan(bytes, names: names), Self.forward(bytes, names: names)), "\(text)")
        }
    }

    /// External links: `//host`, or a scheme before a `:` that comes before any `/`. The
    /// scan that stops at the first byte outside a scheme, against that definition.
    @Test func externalLinksAgreeWithTheDefinition() {
        func reference(_ link: String) -> Bool {
            let b = Array(link.utf8)
            if b.count >= 2 && b[0] == 0x2F && b[1] == 0x2F { return true }
            guard let colon = b.firstIndex(of: 0x3A), colon > 0 else { return false }
            return b[..<colon].allSatisfy { c in
                (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) || (c >= 0x30 && c <= 0x39) || c == 0x2B || c == 0x2D || c == 0x2E
            }
        }
        var links = ["https://x.org/a", "mailto:a@b", "//cdn/x.js", "../tags/x/index.html", "a:b", ":x", "",
                     "x/y:z", "#frag:1", "../a:b", "svn+ssh://h", "a.b-c+d:", "é:x", "/abs", "?q=a:b"]
        var rng = SeededRandom(seed: 5)
        for _ in 0..<20_000 {
            links.append(rng.text(from: ["a", "Z", "9", "+", "-", ".", ":", "/", "#", "é", "?", "_"], count: rng.below(8)))
        }
        for l in links { #expect(LinkCheck.isExternal(l) == reference(l), "\(l.debugDescription)") }
    }

    @Test func readsARenderedPage() {
        let page = Array("<p id=\"a\"><a href=\"../x/index.html#b\" title=\"q = 1\">t</a> <img src='i.png' alt=\"&amp;\"> a=b href=\"&amp;c\"</p>".utf8)
        let found = Self.scan(page, names: LinkCheck.pageAttributes).map { (LinkCheck.pageAttributes[$0.0], String(decoding: page[$0.1], as: UTF8.self), $0.2) }
        #expect(found.map { String(decoding: $0.0, as: UTF8.self) } == ["id", "href", "src", "href"])
        #expect(found.map(\.1) == ["a", "../x/index.html#b", "i.png", "&amp;c"])
        #expect(found.map(\.2) == [false, false, false, true])
    }

    /// A list entry's links read once (`entryRecords`, the entry without its root prefix)
    /// are the links a page at any depth reads in it.
    @Test func anEntryReadsAsOnEveryPage() throws {
        let entry = ItemLike("<li><a href=\"\u{1}articles/a.html\">a</a> <a href=\"\u{1}officials/b/index.html#x\">b</a> <a href=\"https://e.org/\">e</a></li>")
        let records = try #require(LinkCheck.entryRecords(entry.bytes, cuts: entry.cuts))
        for path in ["index.html", "tags/x/index.html", "tags/x/page/2/index.html"] {
            let page = OutputFile(path: path, text: entry.joined(root: PageContextRoot.of(path)))
            #expect(Set(LinkCheck.extract(page).records) == Set(records), "\(path)")
        }
    }

    /// An entry whose links could read differently from page to page is not read once: its
    /// pages are read whole.
    @Test func anEntryThatDependsOnThePageIsNotReadOnce() {
        for text in ["<li><a href=\"#top\">t</a></li>",                            // page-relative
                     "<li id=\"a1\"><a href=\"\u{1}a.html\">a</a></li>",             // an id
                     "<li><a href=\"\u{1}a.html\u{1}\">a</a></li>",                    // the root inside a link
                     "<li><a href=\"\u{1}#x\">a</a></li>",                            // the root itself
                     "<li><a href=\"\u{1}../a.html\">a</a></li>",                     // not a plain path
                     "<li><a href=\"\u{1}a.html?x=1&amp;y=2\">a</a></li>",            // escaped
                     "<li data-root=\"\u{1}\"><a href=\"\u{1}a.html\">a</a></li>"] {  // a root not in a link
            let entry = ItemLike(text)
            #expect(LinkCheck.entryRecords(entry.bytes, cuts: entry.cuts) == nil, "\(text)")
        }
    }

    /// Over a whole site, the pages read but for their listings, with the entries read once,
    /// give the links and ids the pages read whole give; and each page with listings has them
    /// where its entries are.
    @Test func readingListingsOnceLosesNoLink() throws {
        var o = BuildOptions()
        o.seeds = TestPaths.packageRoot + "/seeds"
        o.templates = TestPaths.packageRoot + "/Templates"
        let site = Site(options: o)
        var timings = StageTimings()
        let loaded = try site.load(timings: &timings)
        let renderer = site.renderer(loaded, templates: try TemplateSet(directory: o.templates), cache: nil, timings: &timings)
        let files = renderer.renderAll(jobs: 2).filter { $0.path.hasSuffix(".html") }
        let withListings = files.filter { !$0.listings.isEmpty }
        #expect(withListings.count >= 5, "home, timeline, tags, profiles")
        let entries = LinkCheck.Entries(jobs: 2) { renderer.listEntries }
        let once = try #require(entries.records())
        var whole = Set<LinkCheck.Record>(), parts = Set(once)
        var wholeIDs = Set<UInt64>(), partIDs = Set<UInt64>()
        for f in files {
            let w = LinkCheck.extract(f), p = LinkCheck.extract(f, skipping: f.listings)
            whole.formUnion(w.records)
            parts.formUnion(p.records)
            wholeIDs.formUnion(w.ids)
            partIDs.formUnion(p.ids)
            #expect(LinkCheck.Collector.listingsStandApart(f), "\(f.path)")
            for span in f.listings {
                #expect(String(decoding: f.contents[span], as: UTF8.self).hasPrefix("<li class=\"item\">"), "\(f.path)")
            }
        }
        #expect(whole == parts)
        #expect(wholeIDs == partIDs)
    }
}

/// A list entry as the renderer keeps it: `\u{1}` where the root prefix goes.
struct ItemLike {
    var bytes: [UInt8] = []
    var cuts: [Int] = []

    init(_ text: String) {
        for b in text.utf8 {
            if b == 1 { cuts.append(bytes.count) } else { bytes.append(b) }
        }
    }

    func joined(root: String) -> String {
        var out: [UInt8] = []
        var start = 0
        for c in cuts {
            out += bytes[start..<c] + Array(root.utf8)
            start = c
        }
        out += bytes[start...]
        return String(decoding: out, as: UTF8.self)
    }
}

enum PageContextRoot {
    static func of(_ path: String) -> String { String(repeating: "../", count: path.filter { $0 == "/" }.count) }
}

