import DispatchModel
import DispatchParsing
import Foundation
import MarkdownIntermediate
import MarkdownRendering
import OfficialsExtraction
import SiteModel
import SiteOutput
import Tagging
import Templating

/// Where a build reads and writes, and how strict it is.
public struct BuildOptions: Sendable {
    public var seeds: String = "seeds"
    public var output: String = "Public"
    /// Templates folder; missing means the embedded defaults.
    public var templates: String? = "Templates"
    /// Configuration file; nil means `<seeds>/_site.yml`.
    public var config: String?
    /// Warnings fail the build.
    public var strict = false
    /// Publish the dispatches that are fine even when others have errors (still exits non-zero).
    public var keepGoing = false
    /// Worker threads for parsing and rendering.
    public var jobs: Int = ProcessInfo.processInfo.activeProcessorCount
    /// Build cache folder; nil means `.<output>.sitegen-cache` beside the output folder.
    public var cache: String?
    /// Ignore the cache's rendered pages: render everything and replace the output as a whole.
    public var full = false
    /// Neither read nor write the build cache (benchmarks of cold builds, read-only folders).
    public var useCache = true
    /// Update the output in place, writing only the files that changed (fast; used by
    /// `serve`). Off by default: a build that changes anything then publishes the whole site
    /// with the atomic swap, so a killed build can never leave a mix of old and new files.
    /// Either way, a build whose inputs did not change writes nothing.
    public var incremental = false
    /// Progress hook (for a terminal progress bar): called from any worker thread each time one
    /// item of `stage` (seeds when parsing, articles when rendering) is done, out of `total`.
    public var progress: (@Sendable (_ stage: String, _ total: Int) -> Void)?
    /// The process exits right after the build (the command line): its dispatches, indexes
    /// and cache are left for the operating system to take back instead of freed one object
    /// at a time, as compilers do (clang's `-disable-free`). Freeing them was the last 40 ms
    /// of a build of 10,000 dispatches, on one core. Off for the preview server and tests,
    /// which build many times in one process.
    public var exitsAfterBuild = false

    public init() {}

    var configPath: String { config ?? seeds + "/" + SeedSource.configName }
}

/// Per-stage wall times and the process's peak resident memory at the end of each stage,
/// for `--timings` (the memory column tells which stage makes the peak).
public struct StageTimings: Sendable {
    public var stages: [(name: String, seconds: Double, peakBytes: Int?)] = []

    public init() {}

    mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9, Self.peakResidentBytes())) }
        return try body()
    }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }

    /// The high-water mark of resident memory so far (`VmHWM`), where the system tells it.
    static func peakResidentBytes() -> Int? {
        #if os(Linux)
        var usage = rusage()
        guard getrusage(RUSAGE_SELF.rawValue, &usage) == 0 else { return nil }
        return Int(usage.ru_maxrss) * 1024 // kilobytes on Linux
        #else
        return nil
        #endif
    }
}

/// The dispatches of a seeds folder after parsing, extraction and editorial overrides.
public struct LoadedSite: Sendable {
    public var config: SiteConfig
    public var dispatches: [Dispatch]
    public var diagnostics: [Diagnostic]
    /// Seeds that could not be turned into a dispatch.
    public var failedSeeds: [String]
    /// Characters dropped after sign-offs, and in how many files.
    public var droppedCharacters: Int
    public var filesWithDroppedText: Int
    /// The editorial registry of officials (`seeds/_officials.yml`), empty when absent.
    public var registry: OfficialsRegistry = OfficialsRegistry()
}

/// The site: loads the seeds, renders every page, writes the output. The command-line layer
/// only calls these; each stage's errors carry the file they are about.
public struct Site: Sendable {
    public let options: BuildOptions

    public init(options: BuildOptions) {
        self.options = options
    }

    // MARK: load

    public func load(timings: inout StageTimings) throws(Diagnostic) -> LoadedSite {
        try load(timings: &timings, cache: nil).site
    }

    /// Reads every seed, then parses those the cache does not already know by content.
    func load(timings: inout StageTimings, cache: BuildCache?) throws(Diagnostic) -> (site: LoadedSite, seeds: [BuildCache.SeedRecord]) {
        let loaded = try loadRecords(timings: &timings, cache: cache)
        return (materialize(loaded, timings: &timings), loaded.records)
    }

    /// What loading knows before any cached dispatch is decoded: enough to tell whether the
    /// output is up to date (then nothing is decoded at all).
    struct LoadedRecords: Sendable {
        var config: SiteConfig
        var registry: OfficialsRegistry
        var seeds: [SeedSource.Seed]
        var records: [BuildCache.SeedRecord]
        var diagnostics: [Diagnostic]
        var failed: [String]
        var dispatchCount: Int
        var dropped: Int
        var droppedFiles: Int
        var parser: DispatchParser
        var extractor: OfficialsExtractor
        var tagger: Tagger
    }

    /// What extraction needs besides the seeds: the topics and the registry, and the
    /// extractor and tagger made from them; `extraction` keys the cache's seed records.
    struct Extraction: Sendable {
        var registry: OfficialsRegistry
        var extractor: OfficialsExtractor
        var tagger: Tagger
        var extraction: UInt64
    }

    /// Reads the topics and the registry (errors in that order) and builds the extractors.
    func loadExtraction() throws(Diagnostic) -> Extraction {
        let topicsPath = options.seeds + "/" + SeedSource.topicsName
        let vocabulary = try TopicsLoader.load(path: topicsPath)
        let registryPath = options.seeds + "/" + SeedSource.registryName
        let registry = try RegistryLoader.load(path: registryPath)
        var ex = StableHasher("extraction")
        ex.combine(Self.generator)
        ex.combine(bytes: FileIO.read(topicsPath) ?? [])
        ex.combine(bytes: FileIO.read(registryPath) ?? [])
        return Extraction(registry: registry, extractor: OfficialsExtractor(registry: registry),
                          tagger: Tagger(vocabulary: vocabulary), extraction: ex.value)
    }

    func loadRecords(timings: inout StageTimings, cache: BuildCache?) throws(Diagnostic) -> LoadedRecords {
        // The tagger and the extractor are built on the other core while this one lists the
        // seeds; their errors still come after the configuration's and the seed folder's.
        let site = self
        let extracting = Background(inline: options.jobs <= 1) { () -> Swift.Result<Extraction, Diagnostic> in
            do throws(Diagnostic) { return .success(try site.loadExtraction()) } catch { return .failure(error) }
        }
        var config = try ConfigLoader.load(path: options.configPath)
        ControlCharacters.clean(&config)
        let source = try SeedSource(directory: options.seeds)
        let seeds = source.seeds
        let parser = DispatchParser()
        let loaded = try extracting.value.get()
        let (registry, extractor, tagger, extraction) = (loaded.registry, loaded.extractor, loaded.tagger, loaded.extraction)

        let records: [BuildCache.SeedRecord] = timings.measure("parse+extract") {
            Parallel.map(seeds.count, jobs: options.jobs) { i in
                defer { options.progress?("parse", seeds.count) }
                let input = SeedInput(seeds[i])
                let key = input.key(extraction: extraction)
                if let cached = cache?.seeds[seeds[i].name], cached.key == key { return cached }
                return BuildCache.SeedRecord(key: key, outcome: Self.loadSeed(input, parser: parser, extractor: extractor, tagger: tagger))
            }
        }
        var diagnostics = source.diagnostics
        var failed: [String] = []
        var count = 0, dropped = 0, droppedFiles = 0
        for r in records {
            let o = r.outcome
            diagnostics += o.diagnostics
            if o.hasDispatch { count += 1 } else { failed.append(o.name) }
            dropped += o.dropped
            if o.dropped > 0 { droppedFiles += 1 }
        }
        // Usually in order already (seeds are listed sorted, and each seed's come in line
        // order): one pass to check, on the serial path, instead of a sort of thousands.
        diagnostics.sortIfNeeded()
        return LoadedRecords(config: config, registry: registry, seeds: seeds, records: records, diagnostics: diagnostics,
                             failed: failed, dispatchCount: count, dropped: dropped, droppedFiles: droppedFiles,
                             parser: parser, extractor: extractor, tagger: tagger)
    }

    /// The dispatches, cached ones decoded (on all cores). A cached record that does not
    /// decode (the cache file is checksummed, so only a bug could cause it) is parsed again.
    func materialize(_ l: LoadedRecords, timings: inout StageTimings) -> LoadedSite {
        let decoded: [Dispatch?] = timings.measure("decode cache") {
            Parallel.map(l.records.count, jobs: options.jobs) { i in
                let o = l.records[i].outcome
                if let d = o.dispatch { return d }
                guard o.hasDispatch else { return nil }
                if let d = o.stored?.dispatch() { return d }
                return Self.loadSeed(SeedInput(l.seeds[i]), parser: l.parser, extractor: l.extractor, tagger: l.tagger).dispatch
            }
        }
        return LoadedSite(config: l.config, dispatches: decoded.compactMap { $0 }, diagnostics: l.diagnostics,
                          failedSeeds: l.failed, droppedCharacters: l.dropped, filesWithDroppedText: l.droppedFiles, registry: l.registry)
    }

    /// Version and content of the running binary: a new sitegen invalidates every cache.
    static let generator: String = {
        var h = StableHasher("generator")
        h.combine(SitegenVersion.current)
        if let id = BuildID.current {
            h.combine(bytes: id)
        } else if let exe = Bundle.main.executablePath, let data = FileIO.read(exe) {
            h.combine(bytes: data)
        }
        return SitegenVersion.current + "+" + String(h.value, radix: 16)
    }()

    struct SeedOutcome: Sendable {
        var name: String
        var dispatch: Dispatch?
        var diagnostics: [Diagnostic]
        var dropped: Int
        /// The dispatch as the build cache holds it, decoded only when a page needs it.
        var stored: BuildCache.Blob? = nil

        var hasDispatch: Bool { dispatch != nil || stored != nil }
    }

    /// The bytes of a seed and of its sidecar, read once: they key the cache and feed the parser.
    struct SeedInput: Sendable {
        var seed: SeedSource.Seed
        var bytes: [UInt8]?
        var sidecar: [UInt8]?
        var sidecarUnreadable = false
        /// Sizes of a seed or sidecar over the limit: refused unread (`SeedSource`).
        var seedTooLarge: Int?
        var sidecarTooLarge: Int?

        init(_ seed: SeedSource.Seed) {
            self.seed = seed
            switch FileIO.read(seed.path, limit: SeedSource.maxSeedBytes) {
            case .bytes(let b): bytes = b
            case .tooLarge(let n): seedTooLarge = n
            case .failed: break
            }
            if let sp = seed.sidecarPath {
                switch FileIO.read(sp, limit: SeedSource.maxSidecarBytes) {
                case .bytes(let b): sidecar = b
                case .tooLarge(let n): sidecarTooLarge = n; sidecarUnreadable = true
                case .failed: sidecarUnreadable = true
                }
            }
        }

        /// Content key: the seed's bytes, its sidecar's, and what extraction depends on.
        func key(extraction: UInt64) -> UInt64 {
            var h = StableHasher("seed")
            h.combine(extraction)
            h.combine(seed.name)
            h.combine(seed.path)
            h.combine(bytes != nil)
            if let b = bytes { h.combine(b.count); h.combine(bytes: b) }
            h.combine(sidecar != nil)
            if let s = sidecar { h.combine(s.count); h.combine(bytes: s) }
            h.combine(seedTooLarge)
            h.combine(sidecarTooLarge)
            return h.value
        }
    }

    static func loadSeed(_ input: SeedInput, parser: DispatchParser, extractor: OfficialsExtractor, tagger: Tagger) -> SeedOutcome {
        let seed = input.seed
        if let n = input.seedTooLarge {
            return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [SeedSource.refused(seed.path, SeedSource.tooLarge(n, limit: SeedSource.maxSeedBytes))], dropped: 0)
        }
        if let n = input.sidecarTooLarge, let sp = seed.sidecarPath {
            let problem = SeedSource.tooLarge(n, limit: SeedSource.maxSidecarBytes)
            return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [SeedSource.refusedSidecar(sp, problem, seed: seed.name)], dropped: 0)
        }
        guard let data = input.bytes else {
            return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [.error(SourceLocation(path: seed.path), "cannot read seed file", code: "seed.unreadable")], dropped: 0)
        }
        var sidecar: Sidecar?
        var diagnostics: [Diagnostic] = []
        if let sp = seed.sidecarPath {
            do throws(Diagnostic) {
                guard let sdata = input.sidecar, !input.sidecarUnreadable else {
                    throw Diagnostic.error(SourceLocation(path: sp), "cannot read sidecar file", code: "sidecar")
                }
                sidecar = try Sidecar.load(yaml: String(decoding: sdata, as: UTF8.self), path: sp)
            } catch {
                return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [error], dropped: 0)
            }
        }
        var dispatch: Dispatch
        var dropped = 0
        if seed.isMarkdown {
            do throws(Diagnostic) {
                dispatch = try IntermediateReader.dispatch(from: String(decoding: data, as: UTF8.self), path: seed.path, file: seed.name)
            } catch {
                return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [error], dropped: 0)
            }
        } else {
            let outcome = parser.parse(bytes: data, file: seed.name, path: seed.path)
            diagnostics += outcome.diagnostics
            guard let d = outcome.dispatch else {
                return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: diagnostics, dropped: 0)
            }
            dispatch = d
            dropped = outcome.droppedCharacters
        }
        if let s = sidecar {
            s.applyFacts(to: &dispatch)
            let supplied = s.suppliedFields
            diagnostics.removeAll { $0.field.map(supplied.contains) ?? false }
        }
        // Hand-written seeds carry their own officials and tags; raw ones get extracted, from
        // one tokenization of the text.
        var tokens: DispatchTokens?
        if !seed.isMarkdown {
            let t = DispatchTokens(dispatch)
            dispatch.officials = extractor.extract(tokens: t)
            dispatch.tags = tagger.tags(for: dispatch, tokens: t)
            tokens = t
        }
        sidecar?.applyLists(to: &dispatch)
        let removed = ControlCharacters.clean(&dispatch)
        if removed > 0 {
            diagnostics.append(.warning(SourceLocation(path: seed.path), "\(removed) control character(s) removed: not text, and not allowed in feeds", code: "encoding.control"))
        }
        // The tokens serve unless cleaning changed the text.
        if let tokens, removed == 0 {
            dispatch.searchWords = SearchWords.Collector.words(tokens: tokens, place: dispatch.place)
        } else {
            dispatch.searchWords = SearchWords.Collector.words(of: dispatch)
        }
        // Sorted here, on the seed's core: the build's list is then in order as the seeds are
        // concatenated, and is only checked on the serial path.
        diagnostics.sort()
        return SeedOutcome(name: seed.name, dispatch: dispatch, diagnostics: diagnostics, dropped: dropped)
    }

    // MARK: render

    func renderer(_ loaded: LoadedSite, templates: TemplateSet, cache: BuildCache?, lazyItems: Bool = false,
                  signatures: Bool = true, timings: inout StageTimings) -> SiteRenderer {
        let index = timings.measure("index") { SiteIndex(config: loaded.config, dispatches: loaded.dispatches, resolver: IdentityResolver(registry: loaded.registry), jobs: options.jobs) }
        // Article bodies are written from the dispatches' strings (`IntermediateWriter.bodyBytes`).
        let markdown = MarkdownRenderer(options: .siteFromStrings)
        return timings.measure("list items") {
            SiteRenderer(site: index, templates: templates, generator: Self.generator, jobs: options.jobs,
                         cachedItems: { cache?.cachedItems() ?? [:] }, lazyItems: lazyItems, signatures: signatures) {
                ArticleHTML.render(index.articles[$0].dispatch, renderer: markdown)
            }
        }
    }

    /// Renders every file of the site in memory (for `check` and tests).
    public func render(_ loaded: LoadedSite, timings: inout StageTimings) throws(Diagnostic) -> (SiteIndex, [OutputFile]) {
        let r = renderer(loaded, templates: try TemplateSet(directory: options.templates), cache: nil, timings: &timings)
        let files = timings.measure("render") { r.renderAll(jobs: options.jobs) }
        return (r.site, files)
    }

    // MARK: build

    public struct Result: Sendable {
        public var diagnostics: [Diagnostic]
        /// Page counts by kind, in display order.
        public var counts: [(kind: String, count: Int)]
        public var timings: StageTimings
        public var published: Bool
        public var droppedCharacters: Int
        public var filesWithDroppedText: Int
        public var keptFiles: [String]
        /// Pages rendered and files written (an incremental build renders and writes only what changed).
        public var rendered = 0
        public var written = 0
        /// Files a full build took unchanged from the current output (hard links) instead of
        /// rendering them again.
        public var reused = 0
        /// What an incremental build wrote and deleted (empty for full builds).
        public var writtenPaths: [String] = []
        public var deletedPaths: [String] = []
        /// The page jobs a build rendered again when it could reuse the others (incremental, or a
        /// plain build over the output the cache describes): `article:SLUG`, `search:words`, ….
        public var renderedJobs: [String] = []
        public var incremental = false
        public var upToDate = false
        public var errorCount: Int { diagnostics.filter { $0.severity == .error }.count }
        public var warningCount: Int { diagnostics.filter { $0.severity == .warning }.count }
        /// Exit status: 0 clean, 1 errors (or warnings under `--strict`).
        public var failed: Bool
    }

    /// Load, render and publish. Publishes nothing when there are errors (or warnings under
    /// `strict`), unless `keepGoing`, which publishes what is fine and still fails.
    public func build() -> Result {
        var timings = StageTimings()
        var diagnostics: [Diagnostic] = []
        var result = Result(diagnostics: [], counts: [], timings: timings, published: false, droppedCharacters: 0,
                            filesWithDroppedText: 0, keptFiles: [], failed: true)
        let output = URL(fileURLWithPath: options.output).standardizedFileURL.path
        var outputPaths: [String]? = nil
        let cachePath = options.cache ?? BuildCache.defaultPath(output: output)
        // The templates depend on nothing else: compiled on the other core while this one
        // starts loading.
        let templateDirectory = options.templates
        let templating = Background(inline: options.jobs <= 1) { () -> Swift.Result<TemplateSet, Diagnostic> in
            do throws(Diagnostic) { return .success(try TemplateSet(directory: templateDirectory)) } catch { return .failure(error) }
        }
        let cache = options.useCache ? timings.measure("cache") { BuildCache.load(path: cachePath, generator: Self.generator, jobs: options.jobs) } : nil
        do throws(Diagnostic) {
            let loaded = try loadRecords(timings: &timings, cache: cache)
            let records = loaded.records
            diagnostics = loaded.diagnostics
            result.droppedCharacters = loaded.dropped
            result.filesWithDroppedText = loaded.droppedFiles
            let hasErrors = diagnostics.contains { $0.severity == .error }
            let strictFail = options.strict && diagnostics.contains { $0.severity == .warning }
            result.failed = hasErrors || strictFail
            if result.failed && !options.keepGoing {
                result.diagnostics = diagnostics
                result.timings = timings
                return result
            }

            var next = BuildCache(generator: Self.generator)
            next.inheritDisk(of: cache)
            // The seeds' records are what the cache saves: a build without one skips them
            // (10,000 dictionary inserts and record copies on the serial path).
            if options.useCache { for r in records { next.seeds[r.outcome.name] = r } }
            next.output = output
            let templates = try timings.measure("templates") { () throws(Diagnostic) -> TemplateSet in try templating.value.get() }
            var inputs = StableHasher("inputs")
            inputs.combine(templates.signature)
            loaded.config.stableHash(into: &inputs)
            for r in records { inputs.combine(r.key) }
            next.inputs = inputs.value

            // The cache describes this output folder only if its manifest is the one we wrote.
            let manifestHash = FileIO.read(output + "/" + OutputWriter.manifestName).map(StableHasher.hash(bytes:))
            let valid = (cache != nil && !options.full && cache!.output == output && manifestHash == cache!.manifestHash) ? cache : nil

            if let base = valid, base.inputs == next.inputs {
                // Nothing changed: the output is already what these inputs produce.
                next.keepItems(of: base)
                next.jobs = base.jobs
                next.manifestHash = base.manifestHash
                result.upToDate = true
                result.incremental = true
                result.published = true
                result.counts = Self.counts(dispatches: loaded.dispatchCount, paths: base.jobs.values.flatMap { $0.files.map(\.path) })
            } else {
                let base = options.incremental ? valid : nil
                let site = materialize(loaded, timings: &timings)
                // List entries are made only if a listing page renders: in an incremental build,
                // and in a plain one that can reuse the current output's unchanged pages.
                // Signatures are what the cache keeps of each page: without a cache, none are made.
                let renderer = self.renderer(site, templates: templates, cache: cache, lazyItems: valid != nil,
                                             signatures: options.useCache, timings: &timings)
                let jobs = timings.measure("signatures") { renderer.pageJobs() }
                let todo = jobs.filter { base?.jobs[$0.key]?.signature != $0.signature }
                result.rendered = todo.count
                if let base {
                    // In place: only the jobs whose inputs changed, only the files whose bytes changed.
                    // Jobs that use every core themselves run alone first (nested in the
                    // parallel map they would run on one thread), then the rest side by side.
                    let rendered = timings.measure("render") { () -> [[OutputFile]] in
                        let alone = todo.indices.filter { todo[$0].parallel }
                        let rest = todo.indices.filter { !todo[$0].parallel }
                        var out = [[OutputFile]](repeating: [], count: todo.count)
                        for i in alone {
                            out[i] = todo[i].render()
                            options.progress?("render", todo.count)
                        }
                        for (i, files) in zip(rest, Parallel.map(rest.count, jobs: options.jobs) { k in
                            defer { options.progress?("render", todo.count) }
                            return todo[rest[k]].render()
                        }) { out[i] = files }
                        return out
                    }
                    result.renderedJobs = todo.map(\.key).sorted()
                    // Paths can only disappear with a job that went away or a rendered job
                    // whose files changed names; in the usual edit neither happens, and the
                    // whole site's paths are not hashed into sets.
                    var pathsChanged = jobs.count != base.jobs.count || jobs.contains { base.jobs[$0.key] == nil }
                    if pathsChanged {
                        let keys = Set(jobs.map(\.key))
                        next.jobs = base.jobs.filter { k, _ in keys.contains(k) }
                    } else {
                        next.jobs = base.jobs
                    }
                    var writes: [OutputFile] = []
                    for (job, files) in zip(todo, rendered) {
                        let before = base.jobs[job.key]?.files ?? []
                        let old = Dictionary(before.map { ($0.path, $0.hash) }, uniquingKeysWith: { a, _ in a })
                        var record = BuildCache.JobRecord(signature: job.signature, files: [])
                        for f in files {
                            let h = StableHasher.hash(bytes: f.contents)
                            record.files.append((f.path, h))
                            if old[f.path] != h { writes.append(f) }
                        }
                        if !pathsChanged && !before.map(\.path).elementsEqual(record.files.map(\.path)) { pathsChanged = true }
                        next.jobs[job.key] = record
                    }
                    result.incremental = true
                    var deletions: [String] = []
                    var manifest: [String]?
                    if pathsChanged {
                        let paths = next.jobs.values.flatMap { $0.files.map(\.path) }
                        let oldPaths = Set(base.jobs.values.flatMap { $0.files.map(\.path) })
                        let newPaths = Set(paths)
                        deletions = Array(oldPaths.subtracting(newPaths))
                        manifest = oldPaths == newPaths ? nil : paths
                    }
                    result.writtenPaths = writes.map(\.path).sorted()
                    result.deletedPaths = deletions.sorted()
                    result.written = try timings.measure("write") { () throws(Diagnostic) -> Int in
                        try IncrementalWriter(output: output).apply(writes: writes, deletions: deletions, manifest: manifest)
                    }
                } else {
                    // The whole site, swapped in at the end: each page goes to the staging folder
                    // as soon as it is rendered, and only its hash and its links (as hashes) are
                    // kept, so memory does not grow with the size of the output.
                    // Pages whose signature is the one the current output was written with are
                    // hard-linked from it into the staging folder instead of rendered, if every
                    // such file still has the bytes the cache recorded (checked on the way, as
                    // their links are read for the link check); otherwise everything is
                    // rendered. `--full`, `--no-cache` or a foreign output: no reuse.
                    func stage(reusing old: BuildCache?) throws(Diagnostic) -> (Staging, LinkCheck.Collector, [Int: BuildCache.JobRecord]) {
                        let staging = try OutputWriter(output: options.output).begin()
                        let entries = LinkCheck.Entries(jobs: options.jobs) { renderer.listEntries }
                        // A full build has made the entries already: read their links on all cores now.
                        if old == nil { _ = entries.records() }
                        let links = LinkCheck.Collector(entries: entries)
                        guard let old else { return (staging, links, [:]) }
                        let candidates = todo.indices.filter { old.jobs[todo[$0].key]?.signature == todo[$0].signature }
                        let ok = timings.measure("reuse") {
                            Parallel.map(candidates.count, jobs: options.jobs) { k -> Bool in
                                for f in old.jobs[todo[candidates[k]].key]!.files {
                                    guard staging.link(existing: output + "/" + f.path, as: f.path), let bytes = staging.read(f.path),
                                          StableHasher.hash(bytes: bytes) == f.hash else { return false }
                                    if f.path.hasSuffix(".html") { links.add(LinkCheck.extract(OutputFile(path: f.path, contents: bytes))) }
                                }
                                return true
                            }
                        }
                        guard ok.allSatisfy({ $0 }) else {
                            staging.abandon()
                            return try stage(reusing: nil)
                        }
                        return (staging, links, Dictionary(uniqueKeysWithValues: candidates.map { ($0, old.jobs[todo[$0].key]!) }))
                    }
                    let (staging, links, reused) = try stage(reusing: valid)
                    let render = todo.indices.filter { reused[$0] == nil }.map { todo[$0] }
                    result.rendered = render.count
                    if !reused.isEmpty {
                        result.renderedJobs = render.map(\.key).sorted()
                        result.reused = reused.values.reduce(0) { $0 + $1.files.count }
                    }
                    for (i, record) in reused { next.jobs[todo[i].key] = record }
                    struct Done: Sendable {
                        var record: BuildCache.JobRecord
                        var error: Diagnostic?
                    }
                    let done = timings.measure("render+write") {
                        Parallel.map(render.count, jobs: options.jobs) { i -> Done in
                            defer { options.progress?("render", render.count) }
                            var d = Done(record: BuildCache.JobRecord(signature: render[i].signature, files: []))
                            for f in render[i].render() {
                                // The hash is for the cache only (reuse checks a file against it):
                                // a build without one skips hashing its whole output.
                                d.record.files.append((f.path, options.useCache ? StableHasher.hash(bytes: f.contents) : 0))
                                if f.path.hasSuffix(".html") { links.add(page: f) }
                                if d.error == nil {
                                    do throws(Diagnostic) { try staging.write(f) } catch { d.error = error }
                                }
                            }
                            return d
                        }
                    }
                    if let error = done.lazy.compactMap(\.error).first {
                        staging.abandon()
                        throw error
                    }
                    // The job records are what the cache saves: a build without one keeps
                    // none, and takes the output's paths from the rendered and reused files.
                    if options.useCache { for (job, d) in zip(render, done) { next.jobs[job.key] = d.record } }
                    var paths: [String] = []
                    paths.reserveCapacity(done.count + reused.count)
                    for r in reused.values { for f in r.files { paths.append(f.path) } }
                    for d in done { for f in d.record.files { paths.append(f.path) } }
                    outputPaths = paths
                    // Every internal link and #anchor must resolve, or nothing is published.
                    let broken = timings.measure("links") {
                        links.check(paths: paths, source: { staging.read($0) }).broken
                    }
                    if !broken.isEmpty {
                        for b in broken.prefix(100) {
                            diagnostics.append(.error(SourceLocation(path: output + "/" + b.page), b.message, code: b.code))
                        }
                        if broken.count > 100 {
                            diagnostics.append(.error(SourceLocation(path: output), "\(broken.count - 100) more broken links", code: "link.broken"))
                        }
                        if !options.keepGoing {
                            staging.abandon()
                            result.failed = true
                            result.diagnostics = diagnostics.sorted()
                            result.timings = timings
                            return result
                        }
                        result.failed = true
                    }
                    let report = try timings.measure("publish") { () throws(Diagnostic) -> OutputWriter.Report in
                        try staging.commit()
                    }
                    result.keptFiles = report.kept
                    result.written = report.written
                }
                // After rendering: an incremental build makes the list entries only if a listing
                // page needed them, and those it made must be saved.
                if options.useCache {
                    if let items = renderer.renderedItems { next.items = items } else if let c = cache { next.keepItems(of: c) }
                }
                next.manifestHash = FileIO.read(output + "/" + OutputWriter.manifestName).map(StableHasher.hash(bytes:)) ?? 0
                result.published = true
                result.counts = Self.counts(dispatches: renderer.site.articles.count,
                                            paths: outputPaths ?? next.jobs.values.flatMap { $0.files.map(\.path) })
                result.counts.insert(("officials", renderer.site.people.count), at: 1)
                result.counts.insert(("tags", renderer.site.tags.count), at: 2)
                if options.exitsAfterBuild { Leftovers.keep((renderer, site)) }
            }
            if options.useCache && !(result.upToDate && cache != nil) {
                timings.measure("save cache") { next.save(path: cachePath) }
            }
            if options.exitsAfterBuild { Leftovers.keep((next, loaded, cache)) }
        } catch {
            diagnostics.append(error)
            result.failed = true
        }
        // In order already unless the render added some (broken links): checked, not sorted.
        diagnostics.sortIfNeeded()
        result.diagnostics = diagnostics
        result.timings = timings
        return result
    }

    static func counts(dispatches: Int, paths: [String]) -> [(kind: String, count: Int)] {
        var pages = 0, feeds = 0, other = 0
        for p in paths {
            if p.hasSuffix(".html") { pages += 1 } else if p.hasSuffix("feed.xml") { feeds += 1 } else { other += 1 }
        }
        return [("dispatches", dispatches), ("pages", pages), ("feeds", feeds), ("other files", other)]
    }
}
