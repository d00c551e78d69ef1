// swift-tools-version:6.0
import PackageDescription

// One library module per pipeline stage; the `sitegen` executable is a thin
// command-line layer over `SiteBuild`. Only `MarkdownRendering` sees the C module.
let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v13)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
        .package(url: "https://github.com/hummingbird-project/swift-mustache", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams", from: "6.2.2"),
        .package(url: "https://github.com/swhitty/FlyingFox", from: "0.27.1"),
    ],
    targets: [
        .systemLibrary(
            name: "CCmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        // mimalloc, the process's allocator: linked by the executable only (see `sitegen`).
        .systemLibrary(
            name: "CMimalloc",
            providers: [.apt(["libmimalloc-dev"])]
        ),
        // Vector scans for the escapers' hot loops (HTML, JSON, Markdown), in C for SSE2.
        .target(name: "CByteScan"),
        // Value types shared by every stage: dispatches, dates, diagnostics, slugs.
        .target(name: "DispatchModel", dependencies: ["CByteScan"]),
        // Stage 1: raw scraped text -> Dispatch.
        .target(name: "DispatchParsing", dependencies: ["DispatchModel", "CByteScan"]),
        // Stage 1b: officials named in a dispatch, and one identity per person.
        .target(name: "OfficialsExtraction", dependencies: [
            "DispatchModel", .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 1c: organisations, countries, places and topics.
        .target(name: "Tagging", dependencies: ["DispatchModel", "OfficialsExtraction"]),
        // Stage 2: Dispatch <-> Markdown with YAML front matter.
        .target(name: "MarkdownIntermediate", dependencies: [
            "DispatchModel", "CByteScan", .product(name: "Yams", package: "Yams"),
        ]),
        // Stage 3: Markdown -> HTML through libcmark.
        .target(name: "MarkdownRendering", dependencies: ["CCmark"]),
        // The whole digest as data: articles, officials, tags, timeline, URLs.
        .target(name: "SiteModel", dependencies: ["DispatchModel", "OfficialsExtraction"]),
        // Stage 4: view models and Mustache templates (defaults embedded).
        .target(name: "Templating", dependencies: [
            "DispatchModel", "SiteModel", .product(name: "Mustache", package: "swift-mustache"),
        ]),
        // Stage 5: writing the output folder (atomic swap through a tiny C shim for renameat2).
        .target(name: "CSiteOutputSupport"),
        .target(name: "SiteOutput", dependencies: ["DispatchModel", "CSiteOutputSupport"]),
        // The Site: load -> render -> write, configuration, summary.
        .target(name: "SiteBuild", dependencies: [
            "DispatchModel", "DispatchParsing", "OfficialsExtraction", "Tagging",
            "MarkdownIntermediate", "MarkdownRendering", "SiteModel", "Templating", "SiteOutput",
            .product(name: "Yams", package: "Yams"),
        ]),
        // The editor's tools: `check` (in-memory build + link check), `init` (new digest).
        .target(name: "EditorKit", dependencies: ["SiteBuild", "SiteModel", "DispatchModel", "Templating"]),
        // `serve`: preview server with rebuild-on-change and live reload. Only the executable
        // uses it, so FlyingFox never reaches the modules `build` needs.
        .target(name: "DevServer", dependencies: [
            "SiteBuild", "DispatchModel", .product(name: "FlyingFox", package: "FlyingFox"),
        ]),
        .executableTarget(name: "sitegen", dependencies: [
            "SiteBuild", "DispatchModel", "EditorKit", "DevServer", "CMimalloc",
            .product(name: "ArgumentParser", package: "swift-argument-parser"),
        ]),
        // libFuzzer target for the parser and the Markdown intermediate; a replay tool when
        // built plainly. Fuzzing: `bash .ci/fuzz` (builds with `-sanitize=fuzzer`).
        .target(name: "CFuzzSupport"),
        .executableTarget(name: "FuzzParser", dependencies: [
            "CFuzzSupport", "DispatchModel", "DispatchParsing", "MarkdownIntermediate", "MarkdownRendering",
        ]),
        .testTarget(name: "DispatchModelTests", dependencies: ["DispatchModel", "CByteScan", "TestSupport"]),
        .testTarget(name: "DispatchParsingTests", dependencies: ["DispatchParsing", "DispatchModel", "TestSupport"]),
        .testTarget(name: "OfficialsExtractionTests", dependencies: ["OfficialsExtraction", "DispatchParsing", "DispatchModel", "TestSupport"]),
        // Helpers shared by the test targets: package paths, temp folders, the corpus generator.
        .target(name: "TestSupport", dependencies: ["DispatchModel"], path: "Tests/TestSupport"),
        .testTarget(name: "MarkdownIntermediateTests", dependencies: ["MarkdownIntermediate", "MarkdownRendering", "DispatchModel", "TestSupport"]),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering"]),
        .testTarget(name: "TaggingTests", dependencies: ["Tagging", "DispatchModel", "TestSupport"]),
        .testTarget(name: "SiteModelTests", dependencies: ["SiteModel", "DispatchModel"]),
        .testTarget(name: "TemplatingTests", dependencies: ["Templating", "SiteModel", "DispatchModel", "TestSupport"]),
        .testTarget(name: "SiteOutputTests", dependencies: ["SiteOutput", "DispatchModel", "TestSupport"]),
        .testTarget(name: "SiteBuildTests", dependencies: ["SiteBuild", "DispatchModel", "DispatchParsing", "SiteModel",
                                                       "OfficialsExtraction", "SiteOutput", "Tagging", "TestSupport"],
                    exclude: ["Fixtures", "Golden"]),
        .testTarget(name: "EditorKitTests", dependencies: ["EditorKit", "SiteBuild", "DispatchModel", "TestSupport"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "SiteBuild", "DispatchModel", "TestSupport"]),
        // Hostile inputs, killed builds, concurrent builds and determinism, through the real
        // `sitegen` binary (a dependency, so that it is built before the tests run).
        .testTarget(name: "RobustnessTests", dependencies: ["sitegen", "DispatchModel", "TestSupport"],
                    exclude: ["Fixtures"]),
    ]
)
