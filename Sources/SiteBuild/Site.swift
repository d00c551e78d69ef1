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

    public init() {}

    var configPath: String { config ?? seeds + "/" + SeedSource.configName }
}

/// Per-stage wall times, for `--timings`.
public struct StageTimings: Sendable {
    public var stages: [(name: String, seconds: Double)] = []

    mutating func measure<T, E: Error>(_ name: String, _ body: () throws(E) -> T) throws(E) -> T {
        let start = DispatchTime.now().uptimeNanoseconds
        defer { stages.append((name, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)) }
        return try body()
    }

    public var total: Double { stages.reduce(0) { $0 + $1.seconds } }
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
        var config = try ConfigLoader.load(path: options.configPath)
        ControlCharacters.clean(&config)
        let source = try SeedSource(directory: options.seeds)
        let seeds = source.seeds
        let vocabulary = try TopicsLoader.load(path: options.seeds + "/" + SeedSource.topicsName)
        let parser = DispatchParser()
        let extractor = OfficialsExtractor()
        let tagger = Tagger(vocabulary: vocabulary)

        let outcomes: [SeedOutcome] = timings.measure("parse+extract") {
            Parallel.map(seeds.count, jobs: options.jobs) { i in
                Self.loadSeed(seeds[i], parser: parser, extractor: extractor, tagger: tagger)
            }
        }
        var diagnostics = source.diagnostics
        var dispatches: [Dispatch] = []
        var failed: [String] = []
        var dropped = 0, droppedFiles = 0
        for o in outcomes {
            diagnostics += o.diagnostics
            if let d = o.dispatch { dispatches.append(d) } else { failed.append(o.name) }
            dropped += o.dropped
            if o.dropped > 0 { droppedFiles += 1 }
        }
        return LoadedSite(config: config, dispatches: dispatches, diagnostics: diagnostics.sorted(),
                          failedSeeds: failed, droppedCharacters: dropped, filesWithDroppedText: droppedFiles)
    }

    struct SeedOutcome: Sendable {
        var name: String
        var dispatch: Dispatch?
        var diagnostics: [Diagnostic]
        var dropped: Int
    }

    static func loadSeed(_ seed: SeedSource.Seed, parser: DispatchParser, extractor: OfficialsExtractor, tagger: Tagger) -> SeedOutcome {
        guard let data = FileManager.default.contents(atPath: seed.path) else {
            return SeedOutcome(name: seed.name, dispatch: nil, diagnostics: [.error(SourceLocation(path: seed.path), "cannot read seed file", code: "seed.unreadable")], dropped: 0)
        }
        var sidecar: Sidecar?
        var diagnostics: [Diagnostic] = []
        if let sp = seed.sidecarPath {
            do throws(Diagnostic) {
                guard let sdata = FileManager.default.contents(atPath: sp) else {
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
            let outcome = parser.parse(bytes: Array(data), file: seed.name, path: seed.path)
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
        // Hand-written seeds carry their own officials and tags; raw ones get extracted.
        if !seed.isMarkdown {
            dispatch.officials = extractor.extract(from: dispatch)
            dispatch.tags = tagger.tags(for: dispatch)
        }
        sidecar?.applyLists(to: &dispatch)
        let removed = ControlCharacters.clean(&dispatch)
        if removed > 0 {
            diagnostics.append(.warning(SourceLocation(path: seed.path), "\(removed) control character(s) removed: not text, and not allowed in feeds", code: "encoding.control"))
        }
        return SeedOutcome(name: seed.name, dispatch: dispatch, diagnostics: diagnostics, dropped: dropped)
    }

    // MARK: render

    public func render(_ loaded: LoadedSite, timings: inout StageTimings) throws(Diagnostic) -> (SiteIndex, [OutputFile]) {
        let templates = try TemplateSet(directory: options.templates)
        let index = timings.measure("index") { SiteIndex(config: loaded.config, dispatches: loaded.dispatches) }
        let renderer = MarkdownRenderer()
        let bodies = timings.measure("markdown") {
            Parallel.map(index.articles.count, jobs: options.jobs) { ArticleHTML.render(index.articles[$0].dispatch, renderer: renderer) }
        }
        let siteRenderer = SiteRenderer(site: index, templates: templates, bodies: bodies)
        let files = timings.measure("templates") { () -> [OutputFile] in
            let articles = Parallel.map(index.articles.count, jobs: options.jobs) { siteRenderer.article($0) }
            return (articles + siteRenderer.listingPages()).sorted { $0.path < $1.path }
        }
        return (index, files)
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
        do throws(Diagnostic) {
            let loaded = try load(timings: &timings)
            diagnostics = loaded.diagnostics
            result.droppedCharacters = loaded.droppedCharacters
            result.filesWithDroppedText = loaded.filesWithDroppedText
            let hasErrors = diagnostics.contains { $0.severity == .error }
            let strictFail = options.strict && diagnostics.contains { $0.severity == .warning }
            result.failed = hasErrors || strictFail
            if result.failed && !options.keepGoing {
                result.diagnostics = diagnostics
                result.timings = timings
                return result
            }
            let (index, files) = try render(loaded, timings: &timings)
            let report = try timings.measure("write") { () throws(Diagnostic) -> OutputWriter.Report in
                try OutputWriter(output: options.output).publish(files)
            }
            result.published = true
            result.keptFiles = report.kept
            result.counts = [
                ("dispatches", index.articles.count),
                ("officials", index.people.count),
                ("tags", index.tags.count),
                ("timeline years", index.timeline.years.count),
                ("files written", report.written),
            ]
        } catch {
            diagnostics.append(error)
            result.failed = true
        }
        result.diagnostics = diagnostics.sorted()
        result.timings = timings
        return result
    }
}
