import DispatchModel
import Foundation
import SiteBuild
import Templating
import TestSupport
import Testing

/// Whole builds: golden pages, links, determinism, failures.
@Suite(.serialized) struct BuildTests {
    static func build(seeds: String, output: String, templates: String? = TestPaths.packageRoot + "/Templates",
                      jobs: Int? = nil, strict: Bool = false, keepGoing: Bool = false,
                      exitsAfterBuild: Bool = false) -> Site.Result {
        var o = BuildOptions()
        o.exitsAfterBuild = exitsAfterBuild
        o.seeds = seeds
        o.output = output
        o.templates = templates
        o.strict = strict
        o.keepGoing = keepGoing
        if let jobs { o.jobs = jobs }
        return Site(options: o).build()
    }

    /// The committed `Public/` is the golden output of the committed seeds and templates.
    /// `SITEGEN_RECORD=1` regenerates it.
    @Test func committedPublicMatchesTheSeeds() throws {
        let root = TestPaths.packageRoot
        let out = TestPaths.makeTemporaryFolder("public") + "/Public"
        let r = Self.build(seeds: root + "/seeds", output: out)
        #expect(r.published && !r.failed, "\(r.diagnostics)")
        if Golden.recording {
            try? FileManager.default.removeItem(atPath: root + "/Public")
            try FileManager.default.copyItem(atPath: out, toPath: root + "/Public")
            return
        }
        let diff = Tree.differences(out, root + "/Public")
        #expect(diff.isEmpty, "Public/ is stale for: \(diff.prefix(20)) — run `sitegen build` (or SITEGEN_RECORD=1 swift test)")
    }

    @Test func seedsBuildEveryPageKindAndLinksResolve() throws {
        let out = TestPaths.makeTemporaryFolder("seeds") + "/Public"
        let r = Self.build(seeds: TestPaths.packageRoot + "/seeds", output: out)
        #expect(r.published)
        let files = Set(Tree.files(out))
        for required in ["index.html", "timeline/index.html", "officials/index.html", "tags/index.html", "feed.xml", "sitemap.xml",
                         "data/dispatches.json", "data/officials.json", "data/tags.json", "search/index.html", "404.html"] {
            #expect(files.contains(required), "missing \(required)")
        }
        // A dispatch's page is one file in `articles/`, no folder of its own.
        #expect(files.filter { $0.hasPrefix("articles/") }.count == 2)
        #expect(files.filter { $0.hasPrefix("articles/") }.allSatisfy { $0.split(separator: "/").count == 2 && $0.hasSuffix(".html") })
        #expect(files.contains { $0.hasPrefix("tags/") && $0.hasSuffix("/index.html") && $0 != "tags/index.html" })
        #expect(LinkChecker.brokenLinks(in: out).isEmpty, "\(LinkChecker.brokenLinks(in: out).prefix(10))")
        // Seed 004's year comes from its sidecar.
        let data = Tree.read(out + "/data/dispatches.json")
        #expect(data.contains("\"file\":\"004_96b83adbe4ecf584.txt\""))
        #expect(data.contains("\"date\":\"2020-11-30\",\"datePrecision\":\"day\""))
    }

    @Test func hostileTextNeverBecomesMarkup() throws {
        let dir = TestPaths.packageRoot + "/Tests/SiteBuildTests/Fixtures/hostile"
        let out = TestPaths.makeTemporaryFolder("hostile") + "/Public"
        let r = Self.build(seeds: dir, output: out)
        #expect(r.published, "\(r.diagnostics)")
        for rel in Tree.files(out) where !rel.hasPrefix("assets/search.js") && !rel.hasSuffix(".css") {
            let text = Tree.read(out + "/" + rel)
            #expect(!text.contains("<script>alert"), "\(rel) contains an injected script")
            #expect(!text.contains("<img src=x"), "\(rel)")
            #expect(!text.contains("<svg"), "\(rel)")
            #expect(!text.contains("href=\"javascript:"), "\(rel)")
            #expect(!text.contains("<h1>pas un titre"), "\(rel)")
            #expect(!text.contains("<ol>") && !text.contains("<ul>\n<li>pas une puce"), "\(rel)")
        }
        let article = Tree.files(out).first { $0.hasPrefix("articles/") }!
        if let m = Golden.check(Tree.read(out + "/" + article), against: "Tests/SiteBuildTests/Golden/hostile/article.html") { Issue.record(Comment(rawValue: m)) }
        if let m = Golden.check(Tree.read(out + "/data/dispatches.json"), against: "Tests/SiteBuildTests/Golden/hostile/dispatches.json") { Issue.record(Comment(rawValue: m)) }
    }

    /// Golden pages of a 200-dispatch generated corpus: one of each kind.
    @Test func generatedCorpusGoldenPages() throws {
        let corpus = try Corpus.generate(count: 200)
        let out = TestPaths.makeTemporaryFolder("c200") + "/Public"
        let r = Self.build(seeds: corpus + "/seeds", output: out)
        #expect(r.published, "\(r.diagnostics.filter { $0.severity == .error }.prefix(5))")
        let files = Tree.files(out)
        var pages = ["index.html", "timeline/index.html", "officials/index.html", "tags/index.html", "feed.xml", "sitemap.xml", "data/tags.json"]
        pages += files.filter { $0.hasPrefix("articles/") }.prefix(3)
        pages += files.filter { $0.hasPrefix("officials/") && $0.hasSuffix("/index.html") && $0 != "officials/index.html" }.prefix(2)
        pages += files.filter { $0.hasPrefix("tags/") && $0.hasSuffix("/index.html") && $0 != "tags/index.html" }.prefix(2)
        for p in pages {
            if let m = Golden.check(Tree.read(out + "/" + p), against: "Tests/SiteBuildTests/Golden/corpus200/" + p) { Issue.record(Comment(rawValue: m)) }
        }
    }

    @Test func thousandDispatchesBuildWithEveryInternalLinkResolving() throws {
        let corpus = try Corpus.generate(count: 1000)
        let out = TestPaths.makeTemporaryFolder("c1000") + "/Public"
        let r = Self.build(seeds: corpus + "/seeds", output: out)
        #expect(r.published && r.errorCount == 0)
        #expect(Tree.files(out).filter { $0.hasPrefix("articles/") }.count == 1000)
        let broken = LinkChecker.brokenLinks(in: out)
        #expect(broken.isEmpty, "\(broken.count) broken links, e.g. \(broken.prefix(10))")
    }

    /// The second build runs as the command line does (`exitsAfterBuild`: its memory left to
    /// the process's exit), which must change nothing in what it writes.
    @Test func twoBuildsAndAnyThreadCountGiveTheSameBytes() throws {
        let corpus = try Corpus.generate(count: 200)
        let base = TestPaths.makeTemporaryFolder("det")
        _ = Self.build(seeds: corpus + "/seeds", output: base + "/a", jobs: 2)
        _ = Self.build(seeds: corpus + "/seeds", output: base + "/b", jobs: 2, exitsAfterBuild: true)
        _ = Self.build(seeds: corpus + "/seeds", output: base + "/c", jobs: 1)
        #expect(Tree.differences(base + "/a", base + "/b").isEmpty)
        #expect(Tree.differences(base + "/a", base + "/c").isEmpty)
    }

    @Test func aBadSeedFailsTheBuildAndPublishesNothing() throws {
        let seeds = TestPaths.makeTemporaryFolder("bad")
        let out = TestPaths.makeTemporaryFolder("bad-out") + "/Public"
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/seeds/000_737f40d1634c7eec.txt", toPath: seeds + "/000_ok.txt")
        _ = Self.build(seeds: seeds, output: out)
        let before = Tree.files(out)
        FileManager.default.createFile(atPath: seeds + "/001_empty.txt", contents: Data())
        try "title: [unclosed\n".write(toFile: seeds + "/000_ok.yml", atomically: true, encoding: .utf8)
        let r = Self.build(seeds: seeds, output: out)
        #expect(r.failed && !r.published)
        #expect(r.diagnostics.contains { $0.severity == .error && $0.location.path.hasSuffix("001_empty.txt") })
        #expect(r.diagnostics.contains { $0.severity == .error && $0.location.path.hasSuffix("000_ok.yml") && $0.location.line != nil })
        #expect(Tree.files(out) == before, "the previous site is untouched")

        try FileManager.default.removeItem(atPath: seeds + "/000_ok.yml")
        let kept = Self.build(seeds: seeds, output: out, keepGoing: true)
        #expect(kept.failed && kept.published, "--keep-going publishes the good dispatches and still fails")
        #expect(Tree.files(out).filter { $0.hasPrefix("articles/") }.count == 1)
    }

    @Test func sidecarErrorsNameTheLine() throws {
        let seeds = TestPaths.makeTemporaryFolder("sidecar")
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/seeds/004_96b83adbe4ecf584.txt", toPath: seeds + "/004.txt")
        try "date: 2020-11-30\ncolour: red\n".write(toFile: seeds + "/004.yml", atomically: true, encoding: .utf8)
        let r = Self.build(seeds: seeds, output: TestPaths.makeTemporaryFolder("sidecar-out") + "/P")
        #expect(r.diagnostics.map(\.description).contains { $0.hasPrefix(seeds + "/004.yml:2: error: unknown sidecar key `colour`") })
        try "date: 2020-13-01\n".write(toFile: seeds + "/004.yml", atomically: true, encoding: .utf8)
        let r2 = Self.build(seeds: seeds, output: TestPaths.makeTemporaryFolder("sidecar-out") + "/P")
        #expect(r2.diagnostics.map(\.description).contains { $0.hasPrefix(seeds + "/004.yml:1: error:") })
    }

    @Test func configErrorsNameTheLine() throws {
        let seeds = TestPaths.makeTemporaryFolder("config")
        try "title: Mon digest\nbaseURL: not-a-url\n".write(toFile: seeds + "/_site.yml", atomically: true, encoding: .utf8)
        let r = Self.build(seeds: seeds, output: TestPaths.makeTemporaryFolder("config-out") + "/P")
        #expect(r.failed)
        #expect(r.diagnostics.map(\.description).contains { $0.hasPrefix(seeds + "/_site.yml:2: error: `baseURL`") })
    }

    @Test func runsWithoutATemplatesFolder() throws {
        let out = TestPaths.makeTemporaryFolder("notpl") + "/Public"
        let r = Self.build(seeds: TestPaths.packageRoot + "/seeds", output: out, templates: "/nonexistent/Templates")
        #expect(r.published)
        #expect(Tree.differences(out, TestPaths.packageRoot + "/Public").isEmpty, "embedded defaults render the same site")
    }
}

@Suite struct ProfilePageTests {
    @Test func aProfileWithoutDescriptionDoesNotBorrowTheSiteDescription() throws {
        let out = TestPaths.makeTemporaryFolder("profile") + "/Public"
        let r = BuildTests.build(seeds: TestPaths.packageRoot + "/seeds", output: out)
        #expect(r.published)
        let profiles = Tree.files(out).filter { $0.hasPrefix("officials/") && $0.hasSuffix("/index.html") && $0 != "officials/index.html" }
        #expect(profiles.count == 4)
        for p in profiles {
            let html = Tree.read(out + "/" + p)
            let article = html.components(separatedBy: "<article class=\"profile\">").last ?? ""
            #expect(!article.contains("par date, par personnalité et par thème"), "\(p)")
            #expect(article.contains("<h2 id=\"fonctions\">Fonctions</h2>"))
        }
    }
}

@Suite struct BuildLinkCheckTests {
    @Test func aBrokenLinkOrAnchorFailsTheBuildAndPublishesNothing() throws {
        let templates = TestPaths.makeTemporaryFolder("broken-tpl") + "/Templates"
        try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/Templates", toPath: templates)
        let home = templates + "/home.mustache"
        try Tree.read(home).replacingOccurrences(of: "<h1>{{siteTitle}}</h1>",
                                                 with: "<h1>{{siteTitle}}</h1><a href=\"nowhere/index.html\">x</a><a href=\"timeline/index.html#nope\">y</a>")
            .write(toFile: home, atomically: true, encoding: .utf8)
        let out = TestPaths.makeTemporaryFolder("broken-out") + "/Public"
        let r = BuildTests.build(seeds: TestPaths.packageRoot + "/seeds", output: out, templates: templates)
        #expect(r.failed && !r.published)
        let lines = r.diagnostics.map(\.description)
        #expect(lines.contains { $0.hasPrefix(out + "/index.html: error: broken link “nowhere/index.html”") }, "\(lines)")
        #expect(r.diagnostics.contains { $0.code == "link.anchor" && $0.message.contains("nope") })
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    /// A theme's list entry is read once for the whole site; a broken link in it is still
    /// reported on a page that lists it.
    @Test func aBrokenLinkInAListEntryIsReportedOnItsPages() throws {
        let r = try Self.buildWithItem(replacing: "<a href=\"{{url}}\">{{title}}</a>", with: "<a href=\"{{url}}.old\">{{title}}</a>", name: "entry")
        #expect(r.failed)
        let broken = r.diagnostics.filter { $0.code == "link.broken" }
        #expect(broken.contains { $0.location.path.hasSuffix("/index.html") && !$0.location.path.contains("/articles/") && $0.message.contains(".html.old") },
                "\(broken.prefix(3))")
    }

    /// An entry whose links depend on the page (here an anchor in the page itself) is read on
    /// every page, and found broken on each page without that id.
    @Test func aPageRelativeLinkInAListEntryIsCheckedOnEachPage() throws {
        let r = try Self.buildWithItem(replacing: "</h3>", with: "</h3><a href=\"#liste\">↑</a>", name: "relative")
        #expect(r.failed)
        let anchors = r.diagnostics.filter { $0.code == "link.anchor" && $0.message.contains("liste") }
        #expect(anchors.contains { $0.location.path.hasSuffix("/Public/index.html") }, "\(anchors.prefix(3))")
        #expect(anchors.contains { $0.location.path.contains("/officials/") }, "\(anchors.prefix(3))")
    }

    static func buildWithItem(replacing old: String, with new: String, name: String) throws -> Site.Result {
        let templates = TestPaths.makeTemporaryFolder("item-\(name)-tpl") + "/Templates"
        try FileManager.default.createDirectory(atPath: templates, withIntermediateDirectories: true)
        let item = try #require(DefaultTemplates.files["item.mustache"])
        #expect(item.contains(old))
        try item.replacingOccurrences(of: old, with: new).write(toFile: templates + "/item.mustache", atomically: true, encoding: .utf8)
        let out = TestPaths.makeTemporaryFolder("item-\(name)-out") + "/Public"
        return BuildTests.build(seeds: TestPaths.packageRoot + "/seeds", output: out, templates: templates)
    }
}
