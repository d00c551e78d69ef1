import ArgumentParser
import EditorKit
import Foundation

struct Init: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Create a new digest in DIR: an example seed and sidecar, a commented seeds/_site.yml, Templates/ and a README.",
        discussion: "DIR must not exist or be empty. The new digest builds at once: cd DIR && sitegen serve."
    )

    @Argument(help: "Folder of the new digest (created; must be new or empty).")
    var dir: String

    func run() throws {
        do {
            let files = try Scaffold.create(at: dir)
            print("created a digest in \(dir)/ (\(files.count) files):")
            for f in files where !f.hasPrefix("Templates/") { print("  \(f)") }
            print("  Templates/ (\(files.filter { $0.hasPrefix("Templates/") }.count) files, the default theme)")
            print("next: cd \(dir) && sitegen serve")
        } catch {
            FileHandle.standardError.write(Data("error: \(error.description)\n".utf8))
            throw ExitCode(1)
        }
    }
}
