import DispatchModel
import Foundation
import SiteBuild

/// Prints diagnostics (one `path:line: severity: message` line each, on stderr) and the
/// end-of-build summary (on stdout).
enum Report {
    static func print(_ r: Site.Result, elapsed: Double, output: String, verbose: Bool, timings: Bool) {
        var err = ""
        for d in r.diagnostics where verbose || d.severity != .note { err += d.description + "\n" }
        FileHandle.standardError.write(Data(err.utf8))

        var out = ""
        if r.published {
            let width = r.counts.map(\.kind.count).max() ?? 0
            for (kind, n) in r.counts {
                out += kind.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + String(n) + "\n"
            }
        }
        if r.droppedCharacters > 0 {
            out += "dropped \(r.droppedCharacters) characters after sign-offs in \(r.filesWithDroppedText) file(s)\n"
        }
        if !r.keptFiles.isEmpty {
            out += "kept \(r.keptFiles.count) file(s) in \(output) that sitegen did not generate\n"
        }
        if timings {
            for s in r.timings.stages { out += "  \(s.name): \(ms(s.seconds))\n" }
        }
        let status: String
        if r.upToDate && !r.failed {
            status = "\(output)/ is up to date"
        } else if r.published && !r.failed {
            status = r.incremental ? "updated \(output)/ (\(r.rendered) pages rendered, \(r.written) files written)" : "built \(output)/"
        } else if r.published {
            status = "published what could be built to \(output)/ (--keep-going), with errors"
        } else {
            status = "build failed; \(output)/ left unchanged"
        }
        out += "\(status): \(r.errorCount) error(s), \(r.warningCount) warning(s) in \(ms(elapsed))\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    static func ms(_ s: Double) -> String {
        s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(format: "%.2f s", s)
    }
}
