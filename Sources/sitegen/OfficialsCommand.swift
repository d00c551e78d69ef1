import ArgumentParser
import DispatchModel
import Foundation
import OfficialsExtraction
import SiteBuild

/// Lists every official the extraction finds, for an editor curating `seeds/_officials.yml`.
struct OfficialsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "officials",
        abstract: "List every extracted official with counts, roles and the spellings seen (to curate the registry)."
    )

    @OptionGroup var site: SiteOptions

    @Flag(help: "Also list the seed files naming each person.")
    var files = false

    func run() throws {
        let s = Site(options: site.buildOptions(output: "Public"))
        var timings = StageTimings()
        let loaded: LoadedSite
        do throws(Diagnostic) {
            loaded = try s.load(timings: &timings)
        } catch {
            FileHandle.standardError.write(Data((error.description + "\n").utf8))
            throw ExitCode(1)
        }
        let people = IdentityResolver(registry: loaded.registry).resolve(loaded.dispatches.map(\.officials))
        print(OfficialsReport.text(people: people, files: files ? loaded.dispatches.map(\.file) : nil), terminator: "")
    }
}
