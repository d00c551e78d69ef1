import DispatchModel
import DispatchParsing
import Foundation
@testable import SiteBuild
import TestSupport
import Testing

/// Incremental builds: after an edit, a deletion or a template change, only the files whose
/// content changes are rewritten, and the output is byte-identical to a full build.
@Suite(.serialized) struct IncrementalTests {
    struct Digest {
        let root: String
        var seeds: String { root + "/seeds" }
        var templates: String { root + "/Templates" }
        var output: String { root + "/Public" }

        init() throws {
            root = TestPaths.makeTemporaryFolder("incremental")
            let corpus = try Corpus.generate(count: 200)
            try FileManager.default.copyItem(atPath: corpus + "/seeds", toPath: seeds)
            try FileManager.default.copyItem(atPath: TestPaths.packageRoot + "/Templates", toPath: templates)
        }

        func build(full: Bool = false, output: String? = nil, incremental: Bool = true) -> Site.Result {
            var o = BuildOptions()
            o.seeds = seeds
            o.output = output ?? self.output
            o.templates = templates
            o.full = full
            o.incremental = incremental
            return Site(options: o).build()
        }

        /// A full build of the same inputs elsewhere: what the incremental output must equal.
        func expectSameAsFullBuild() {
            let ref = TestPaths.makeTemporaryFolder("incremental-ref") + "/Public"
            let r = build(full: true, output: ref)
            #expect(r.published)
            let diff = Tree.differences(output, ref)
            #expect(diff.isEmpty, "incremental output differs from a full build: \(diff.prefix(10))")
        }

        func seedFiles() -> [String] { Tree.files(seeds).filter { $0.hasSuffix(".txt") } }
    }

    @Test func withoutIncrementalAChangedSiteIsSwappedInWhole() throws {
        let d = try Digest()
        _ = d.build()
        try FileManager.default.removeItem(atPath: d.seeds + "/" + d.seedFiles()[5])
        var o = BuildOptions()
        o.seeds = d.seeds
        o.output = d.output
        o.templates = d.templates
        let r = Site(options: o).build()
        #expect(r.published && !r.incremental && !r.upToDate)
        let again = Site(options: o).build()
        #expect(again.upToDate && again.written == 0, "an unchanged site is up to date without --incremental too")
        d.expectSameAsFullBuild()
    }

    /// `--no-cache` signs no page and hashes no output (nothing would keep them): the site
    /// must still be byte for byte the one a build with a cache makes, and no cache is written.
    @Test func aBuildWithoutACacheMakesTheSameSite() throws {
        let d = try Digest()
        let cached = d.build(full: true)
        #expect(cached.published)
        var o = BuildOptions()
        o.seeds = d.seeds
        o.templates = d.templates
        o.output = TestPaths.makeTemporaryFolder("no-cache") + "/Public"
        o.useCache = false
        let r = Site(options: o).build()
        #expect(r.published && !r.failed)
        let diff = Tree.differences(o.output, d.output)
        #expect(diff.isEmpty, "a build without a cache differs: \(diff.prefix(10))")
        #expect(!FileManager.default.fileExists(atPath: BuildCache.defaultPath(output: o.output)))
        #expect(r.counts.map(\.count) == cached.counts.map(\.count))
    }

    @Test func nothingChangedWritesNothing() throws {
        let d = try Digest()
        let first = d.build()
        #expect(first.published && !first.incremental)
        let second = d.build()
        #expect(second.upToDate && second.written == 0 && second.rendered == 0)
        d.expectSameAsFullBuild()
    }

    @Test func editingOneSeedRewritesOnlyWhatShowsIt() throws {
        let d = try Digest()
        _ = d.build()
        let before = Dictionary(uniqueKeysWithValues: Tree.files(d.output).map { ($0, Tree.read(d.output + "/" + $0)) })
        let seed = d.seeds + "/" + d.seedFiles()[17]
        let text = Tree.read(seed)
        try text.replacingOccurrences(of: "a souligné", with: "a vigoureusement souligné")
            .replacingOccurrences(of: "a affirmé", with: "a vigoureusement affirmé")
            .replacingOccurrences(of: "a déclaré", with: "a vigoureusement déclaré")
            .replacingOccurrences(of: "a estimé", with: "a vigoureusement estimé")
            .replacingOccurrences(of: "a indiqué", with: "a vigoureusement indiqué")
            .replacingOccurrences(of: "a rappelé", with: "a vigoureusement rappelé")
            .replacingOccurrences(of: "a proposé", with: "a vigoureusement proposé")
            .replacingOccurrences(of: "a salué", with: "a vigoureusement salué")
            .write(toFile: seed, atomically: true, encoding: .utf8)
        let r = d.build()
        #expect(r.incremental && !r.upToDate)
        let after = Dictionary(uniqueKeysWithValues: Tree.files(d.output).map { ($0, Tree.read(d.output + "/" + $0)) })
        let changed = after.keys.filter { after[$0] != before[$0] && $0 != ".sitegen-manifest" }.sorted()
        #expect(!changed.isEmpty)
        #expect(changed.contains { $0.hasPrefix("articles/") })
        #expect(Set(r.writtenPaths) == Set(changed), "only files whose content changed are written")
        #expect(r.written < 40, "an edit rewrites its article and the pages that show it, not the site (\(r.written))")
        d.expectSameAsFullBuild()
    }

    /// A sentence added inside a body paragraph (not the lead, which feeds and derived titles
    /// show) changes the article and the search words only: the data files, the sitemap, the
    /// search documents and the lists are not even rendered again.
    @Test func aBodyEditRendersOnlyItsArticleAndTheSearchWords() throws {
        let d = try Digest()
        _ = d.build()
        let parser = DispatchParser()
        var edited: (path: String, slug: String)?
        for name in d.seedFiles() {
            let path = d.seeds + "/" + name
            let text = Tree.read(path)
            guard let parsed = parser.parse(bytes: Array(text.utf8), file: name, path: path).dispatch else { continue }
            let body = parsed.body.compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
            guard body.count >= 2 else { continue }
            let anchor = String(body[1].prefix(40))
            guard anchor.count == 40, text.components(separatedBy: anchor).count == 2 else { continue }
            try text.replacingOccurrences(of: anchor, with: anchor + " zyxwvu")
                .write(toFile: path, atomically: true, encoding: .utf8)
            edited = (path, name)
            break
        }
        try #require(edited != nil, "a seed with two body paragraphs")
        let r = d.build()
        #expect(r.incremental && !r.upToDate)
        #expect(r.renderedJobs.count == 2, "\(r.renderedJobs)")
        #expect(r.renderedJobs.contains { $0.hasPrefix("article:") })
        #expect(r.renderedJobs.contains("search:words"))
        #expect(r.writtenPaths.contains { $0.hasPrefix("search/w-zy") }, "the new word is searchable")
        #expect(!r.writtenPaths.contains { $0.hasPrefix("data/") || $0 == "sitemap.xml" || $0.hasPrefix("search/d-") })
        d.expectSameAsFullBuild()

        // No listing was re-rendered, so the cache kept the list entries it had: a later
        // change that re-renders listings (a deletion) reuses them and still matches.
        try FileManager.default.removeItem(atPath: d.seeds + "/" + d.seedFiles().filter { $0 != edited!.slug }[3])
        let r2 = d.build()
        #expect(r2.incremental && r2.renderedJobs.contains { $0.hasPrefix("timeline") }, "\(r2.renderedJobs)")
        d.expectSameAsFullBuild()
    }

    /// A cache file with a flipped byte, or cut short, is ignored (each is checksummed) and
    /// loses only what it holds: a damaged state means no output is known, so the next build
    /// is a full one; a damaged seed shard means its seeds are parsed again. Either way the
    /// result is what a full build publishes, and the next cache is good.
    @Test(arguments: ["flipped byte", "truncated"], ["state", "seeds", "items"])
    func aDamagedCacheFileIsIgnored(_ damage: String, _ file: String) throws {
        let d = try Digest()
        _ = d.build()
        let folder = d.root + "/.Public.sitegen-cache"
        let name = file == "seeds" ? try #require(try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasPrefix("seeds-") }.sorted().first) : file
        let cache = folder + "/" + name
        var bytes = try #require(FileManager.default.contents(atPath: cache).map { [UInt8]($0) })
        if damage == "truncated" { bytes.removeLast(bytes.count / 3) } else { bytes[bytes.count / 2] ^= 0x5A }
        try Data(bytes).write(to: URL(fileURLWithPath: cache))
        // A deletion: the listings re-render, so the list entries are read too.
        try FileManager.default.removeItem(atPath: d.seeds + "/" + d.seedFiles()[11])
        let r = d.build()
        #expect(r.published && !r.failed && !r.upToDate)
        #expect(r.incremental == (file != "state"), "only a damaged state makes the build a full one")
        d.expectSameAsFullBuild()
        let again = d.build()
        #expect(again.upToDate, "the new cache is good")
        #expect(try #require(BuildCache.load(path: folder, generator: Site.generator)).cachedItems().count > 0)
    }

    /// One edited seed rewrites one seed shard and the state, not the whole cache, and
    /// leaves the list entries' file alone when no listing page changes.
    @Test func anEditRewritesOnlyItsShardOfTheCache() throws {
        let d = try Digest()
        _ = d.build()
        let folder = d.root + "/.Public.sitegen-cache"
        func snapshot() throws -> [String: Data] {
            var out: [String: Data] = [:]
            for f in try FileManager.default.contentsOfDirectory(atPath: folder) { out[f] = FileManager.default.contents(atPath: folder + "/" + f) }
            return out
        }
        let before = try snapshot()
        #expect(before.keys.filter { $0.hasPrefix("seeds-") }.count > 10, "200 seeds spread over the shards")
        let name = d.seedFiles()[7]
        let seed = d.seeds + "/" + name
        let text = try Tree.read(seed)
        let paragraph = try #require(text.components(separatedBy: "\n").filter { $0.count > 80 }.dropFirst().first)
        try text.replacingOccurrences(of: paragraph, with: paragraph + " Zygomorphe.").write(toFile: seed, atomically: true, encoding: .utf8)
        let r = d.build()
        #expect(r.incremental)
        let after = try snapshot()
        let changed = Set(after.keys.filter { after[$0] != before[$0] })
        #expect(changed == ["state", "seeds-" + String(format: "%02x", BuildCache.shard(of: name))], "\(changed.sorted())")
        d.expectSameAsFullBuild()
    }

    /// A plain (atomic) build after an edit renders only what changed and hard-links the rest
    /// from the current output into the new site: unchanged pages keep their inode, and the
    /// result is byte for byte a full build's.
    @Test func aPlainBuildReusesUnchangedPages() throws {
        let d = try Digest()
        _ = d.build(incremental: false)
        func inode(_ rel: String) throws -> UInt64 {
            try #require(FileManager.default.attributesOfItem(atPath: d.output + "/" + rel)[.systemFileNumber] as? UInt64)
        }
        let files = Tree.files(d.output)
        let unchanged = "404.html"
        let before = try inode(unchanged)
        let name = d.seedFiles()[7]
        let seed = d.seeds + "/" + name
        let text = try Tree.read(seed)
        let paragraph = try #require(text.components(separatedBy: "\n").filter { $0.count > 80 }.dropFirst().first)
        try text.replacingOccurrences(of: paragraph, with: paragraph + " Zygomorphe.").write(toFile: seed, atomically: true, encoding: .utf8)
        let r = d.build(incremental: false)
        #expect(r.published && !r.incremental)
        // The edit may change the dispatch's tags and officials' pages too, but nothing else.
        #expect(r.renderedJobs.contains("search:words") && r.renderedJobs.contains { $0.hasPrefix("article:") })
        #expect(r.rendered == r.renderedJobs.count && r.rendered < 12, "\(r.renderedJobs)")
        let cache = try #require(BuildCache.load(path: d.root + "/.Public.sitegen-cache", generator: Site.generator))
        let renderedFiles = r.renderedJobs.reduce(0) { $0 + (cache.jobs[$1]?.files.count ?? 0) }
        #expect(r.reused + renderedFiles == Tree.files(d.output).count - 1, "every other file is reused (the manifest is written)")
        #expect(try inode(unchanged) == before, "an unchanged page is linked, not written again")
        d.expectSameAsFullBuild()

        // A page edited by hand in the output is not what the cache recorded: nothing is
        // reused, and the build puts the generated page back.
        try "edited by hand".write(toFile: d.output + "/" + unchanged, atomically: false, encoding: .utf8)
        try (Tree.read(seed) + "\nUne phrase de plus.\n").write(toFile: seed, atomically: true, encoding: .utf8)
        let again = d.build(incremental: false)
        #expect(again.published && again.reused == 0 && again.rendered > 100)
        #expect(try Tree.read(d.output + "/" + unchanged) != "edited by hand")
        d.expectSameAsFullBuild()

        // `--full` renders everything.
        let full = d.build(full: true, incremental: false)
        #expect(full.reused == 0 && full.rendered > 100)
    }

    /// A cache file left by an older sitegen where the folder now goes is replaced.
    @Test func anOldCacheFileIsReplacedByTheFolder() throws {
        let d = try Digest()
        let path = d.root + "/.Public.sitegen-cache"
        try Data("sitegen-cache-3 old".utf8).write(to: URL(fileURLWithPath: path))
        let r = d.build()
        #expect(r.published && !r.incremental)
        var isDir: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: path, isDirectory: &isDir) && isDir.boolValue)
        #expect(d.build().upToDate)
    }

    @Test func deletingASeedRemovesItsOutputs() throws {
        let d = try Digest()
        _ = d.build()
        let articlesBefore = Set(Tree.files(d.output).filter { $0.hasPrefix("articles/") })
        try FileManager.default.removeItem(atPath: d.seeds + "/" + d.seedFiles()[3])
        let r = d.build()
        #expect(r.incremental)
        let articlesAfter = Set(Tree.files(d.output).filter { $0.hasPrefix("articles/") })
        #expect(articlesBefore.subtracting(articlesAfter).count == 1)
        #expect(r.deletedPaths.contains { $0.hasPrefix("articles/") })
        d.expectSameAsFullBuild()
    }

    @Test func aTemplateChangeRerendersThePagesThatUseIt() throws {
        let d = try Digest()
        _ = d.build()
        let layout = d.templates + "/layout.mustache"
        try Tree.read(layout).replacingOccurrences(of: "Plan du site", with: "Plan complet du site")
            .write(toFile: layout, atomically: true, encoding: .utf8)
        let r = d.build()
        #expect(r.incremental)
        let pages = Tree.files(d.output).filter { $0.hasSuffix(".html") && $0 != "404.html" || $0 == "404.html" }
        #expect(r.writtenPaths.filter { $0.hasSuffix(".html") }.count == pages.count, "every page uses the layout")
        #expect(Tree.read(d.output + "/index.html").contains("Plan complet du site"))
        d.expectSameAsFullBuild()
    }

    @Test func aConfigChangeIsSeen() throws {
        let d = try Digest()
        _ = d.build()
        try "title: \"Autre titre\"\n".write(toFile: d.seeds + "/_site.yml", atomically: true, encoding: .utf8)
        let r = d.build()
        #expect(!r.upToDate)
        #expect(Tree.read(d.output + "/index.html").contains("Autre titre"))
        d.expectSameAsFullBuild()
    }
}
