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
        if r.published && Terminal.isTTY(STDOUT_FILENO) {
            out += table(r)
        } else if r.published {
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
            for s in r.timings.stages {
                out += "  \(s.name): \(ms(s.seconds))" + (s.peakBytes.map { " (peak memory \($0 >> 20) MiB)" } ?? "") + "\n"
            }
        }
        let status: String
        if r.upToDate && !r.failed {
            status = "\(output)/ is up to date"
        } else if r.published && !r.failed {
            status = r.incremental ? "updated \(output)/ (\(r.rendered) pages rendered, \(r.written) files written)"
                : r.reused > 0 ? "built \(output)/ (\(r.rendered) pages rendered, \(r.reused) files unchanged)" : "built \(output)/"
        } else if r.published {
            status = "published what could be built to \(output)/ (--keep-going), with errors"
        } else {
            status = "build failed; \(output)/ left unchanged"
        }
        out += "\(status): \(r.errorCount) error(s), \(r.warningCount) warning(s) in \(ms(elapsed))\n"
        FileHandle.standardOutput.write(Data(out.utf8))
    }

    /// Hugo-style summary for a terminal: one row per page kind, then warnings and errors.
    static func table(_ r: Site.Result) -> String {
        var rows = r.counts.map { (label: $0.kind.prefix(1).uppercased() + $0.kind.dropFirst(), value: $0.count) }
        rows.append(("Warnings", r.warningCount))
        rows.append(("Errors", r.errorCount))
        let labelWidth = max(18, (rows.map(\.label.count).max() ?? 0) + 2)
        let valueWidth = max(6, (rows.map { String($0.value).count }.max() ?? 0) + 1)
        func pad(_ s: String, _ n: Int, left: Bool = false) -> String {
            let fill = String(repeating: " ", count: max(0, n - s.count))
            return left ? fill + s : s + fill
        }
        var out = pad("", labelWidth) + " | " + pad("COUNT", valueWidth, left: true) + "\n"
        out += String(repeating: "-", count: labelWidth) + "-+-" + String(repeating: "-", count: valueWidth) + "\n"
        for row in rows { out += pad("  " + row.label, labelWidth) + " | " + pad(String(row.value), valueWidth, left: true) + "\n" }
        return out + "\n"
    }

    static func ms(_ s: Double) -> String {
        s < 1 ? "\(Int((s * 1000).rounded())) ms" : String(format: "%.2f s", s)
    }
}

/// Whether a stream is a terminal; when it is not (CI logs, pipes), output has no control
/// characters and no progress bar.
enum Terminal {
    static func isTTY(_ fd: Int32) -> Bool {
        isatty(fd) == 1 && ProcessInfo.processInfo.environment["TERM"] != "dumb"
    }
}

/// A one-line progress bar on stderr for long builds: appears after a quarter of a second,
/// redraws at most every 80 ms, and is erased when the build ends. Fed by `BuildOptions.progress`
/// from worker threads.
final class ProgressBar: @unchecked Sendable {
    private let lock = NSLock()
    private let start = DispatchTime.now().uptimeNanoseconds
    private var lastDraw: UInt64 = 0
    private var done: [String: Int] = [:]
    private var drawn = false

    func step(_ stage: String, _ total: Int) {
        lock.lock()
        defer { lock.unlock() }
        done[stage, default: 0] += 1
        let now = DispatchTime.now().uptimeNanoseconds
        let n = done[stage]!
        guard now - start > 250_000_000, now - lastDraw > 80_000_000 || n == total else { return }
        lastDraw = now
        let width = 30
        let filled = total > 0 ? min(width, n * width / total) : width
        let bar = String(repeating: "#", count: filled) + String(repeating: "-", count: width - filled)
        let label = stage == "parse" ? "parsing seeds" : "rendering pages"
        FileHandle.standardError.write(Data("\r\u{1B}[2K\(label) [\(bar)] \(n)/\(total)".utf8))
        drawn = true
    }

    func finish() {
        lock.lock()
        defer { lock.unlock() }
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[2K".utf8)) }
        drawn = false
    }
}
