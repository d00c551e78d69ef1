import ArgumentParser
// Links mimalloc, which then serves every malloc of the process: a build allocates and frees
// millions of small Swift objects on two threads, and mimalloc does it in about 7 % less
// time than glibc's allocator (BENCHMARKS.md). Only an option is set, in `main()`.
import CMimalloc
import DispatchModel
import Foundation
import SiteBuild

/// The command-line layer: parses arguments, calls `SiteBuild`, prints what happened.
@main
struct Sitegen: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sitegen",
        abstract: "Builds a static digest of news dispatches: articles, officials, timeline, tags, feeds.",
        version: SitegenVersion.current,
        subcommands: [Build.self, Serve.self, Check.self, Init.self, MarkdownCommand.self, OfficialsCommand.self],
        defaultSubcommand: Build.self
    )

    static func main() {
        // Keep freed pages instead of returning them to the system: a build frees and
        // allocates again all the time, and giving pages back cost more system time than
        // mimalloc saved at 50,000 dispatches. Peak memory stays below glibc's.
        mi_option_set(mi_option_allow_decommit, 0)
        main(nil)
    }
}


/// Options shared by commands that read a digest.
struct SiteOptions: ParsableArguments {
    @Option(help: "Folder of raw dispatches (.txt), hand-written dispatches (.md) and sidecars (.yml).")
    var seeds = "seeds"

    @Option(help: "Templates folder; files missing there fall back to the embedded defaults.")
    var templates = "Templates"

    @Option(help: "Site configuration file (default: <seeds>/_site.yml; optional).")
    var config: String?

    @Option(help: "Worker threads (default: all cores).")
    var jobs: Int?

    func buildOptions(output: String) -> BuildOptions {
        var o = BuildOptions()
        o.seeds = seeds
        o.output = output
        o.templates = templates
        o.config = config
        if let jobs { o.jobs = max(1, jobs) }
        return o
    }
}

struct Build: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Build the site from the seeds into the output folder.")

    @OptionGroup var site: SiteOptions

    @Option(help: "Output folder, replaced as a whole when the build succeeds.")
    var output = "Public"

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    @Flag(help: "Publish the dispatches that are fine even if some seeds have errors (still exits non-zero).")
    var keepGoing = false

    @Flag(help: "Print the time taken by each stage.")
    var timings = false

    @Flag(help: "Render every page and replace the output folder as a whole, ignoring the build cache.")
    var full = false

    @Option(help: "Build cache folder (default: .<output>.sitegen-cache beside the output folder).")
    var cache: String?

    @Flag(help: "Neither read nor write the build cache (a cold build, e.g. for benchmarks).")
    var noCache = false

    @Flag(help: "Update the output in place, rendering and writing only what changed (fast; not atomic as a whole).")
    var incremental = false

    @Flag(name: .shortAndLong, help: "Also print notes (derived titles, text dropped after sign-offs).")
    var verbose = false

    func run() throws {
        var options = site.buildOptions(output: output)
        options.strict = strict
        options.keepGoing = keepGoing
        options.full = full
        options.cache = cache
        options.useCache = !noCache
        options.incremental = incremental
        options.exitsAfterBuild = true
        let bar = Terminal.isTTY(STDERR_FILENO) ? ProgressBar() : nil
        if let bar { options.progress = { bar.step($0, $1) } }
        let start = DispatchTime.now().uptimeNanoseconds
        let result = Site(options: options).build()
        bar?.finish()
        let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        Report.print(result, elapsed: elapsed, output: output, verbose: verbose, timings: timings)
        if result.failed { throw ExitCode(1) }
    }
}

struct MarkdownCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "markdown",
        abstract: "Print the Markdown intermediate (front matter + body) of one seed."
    )

    @Argument(help: "A seed file (.txt or .md).")
    var file: String

    func run() throws {
        switch Inspect.markdown(seedPath: file) {
        case .success(let (text, diagnostics)):
            for d in diagnostics where d.severity != .note { FileHandle.standardError.write(Data((d.description + "\n").utf8)) }
            print(text, terminator: "")
        case .failure(let d):
            FileHandle.standardError.write(Data((d.description + "\n").utf8))
            throw ExitCode(1)
        }
    }
}
