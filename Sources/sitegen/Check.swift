import ArgumentParser
import EditorKit
import Foundation
import SiteBuild

struct Check: ParsableCommand {
    enum Format: String, ExpressibleByArgument, CaseIterable { case human, json }

    static let configuration = CommandConfiguration(
        abstract: "Parse and build the whole site in memory (nothing is written) and report what to fix.",
        discussion: """
        Reports every build error and warning, broken internal links and anchors, dispatches with \
        incomplete dates or derived titles, duplicate titles, officials named once with no role and \
        empty tags. Exit status: 0 clean, 1 errors (or warnings with --strict). \
        --format json prints a stable document (schemaVersion 1), described in the README.
        """
    )

    @OptionGroup var site: SiteOptions

    @Option(help: "Output format: human or json.")
    var format: Format = .human

    @Flag(help: "Fail (exit 1) on warnings too.")
    var strict = false

    @Flag(name: .shortAndLong, help: "Also print notes.")
    var verbose = false

    func run() throws {
        let report = SiteCheck.run(options: site.buildOptions(output: "/nonexistent-check-never-writes"), strict: strict)
        switch format {
        case .json: FileHandle.standardOutput.write(Data(report.json().utf8))
        case .human: FileHandle.standardOutput.write(Data(report.text(verbose: verbose).utf8))
        }
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }
}
