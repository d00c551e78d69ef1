import DispatchModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Updates an output folder in place after an incremental build: only the files whose content
/// changed are written, the outputs of deleted seeds are removed with the folders they leave
/// empty, and the manifest is rewritten when the set of files changed. A full build uses
/// `OutputWriter`'s whole-site swap instead.
///
/// Crash safety: the changed files are first written into the staging folder beside the
/// output (a kill there leaves the output untouched), then a journal listing the renames and
/// deletions is written atomically, then they are carried out (a few microseconds per file)
/// and the journal removed. A build killed inside that last step leaves a journal, and the next
/// build, full or incremental, completes it before anything else (roll-forward), under the
/// same publishing lock as full builds.
public struct IncrementalWriter: Sendable {
    public let output: String

    public init(output: String) { self.output = output }

    static func journalPath(_ p: OutputWriter.Paths) -> String {
        String(p.staging.dropLast("staging".count)) + "journal"
    }

    /// - Returns: the number of files written.
    public func apply(writes: [OutputFile], deletions: [String], manifest: [String]?) throws(Diagnostic) -> Int {
        for f in writes { try OutputWriter.checkPath(f.path) }
        for d in deletions { try OutputWriter.checkPath(d) }
        let writer = OutputWriter(output: output)
        let p = writer.paths
        let lock = try OutputWriter.Lock.acquire(p, onWait: writer.onWait)
        defer { lock.release() }
        try Self.rollForward(p)
        try OutputWriter.cleanLeftovers(p)

        var staged = writes
        if let manifest {
            staged.append(OutputFile(path: OutputWriter.manifestName, text: manifest.sorted().joined(separator: "\n") + "\n"))
        }
        var dirs = Set<String>()
        for f in staged {
            let path = p.staging + "/" + f.path
            let dir = String(path[..<path.lastIndex(of: "/")!])
            guard FileIO.makeDirectories(dir, known: &dirs), FileIO.write(f.contents, to: path) else {
                OutputWriter.removeTree(p.staging)
                throw Diagnostic.error(SourceLocation(path: output + "/" + f.path), "cannot write output file", code: "output")
            }
        }
        var journal = ""
        for f in staged { journal += "W " + f.path + "\n" }
        for d in deletions.sorted() { journal += "D " + d + "\n" }
        // Written unnamed and linked in when whole (no journal exists here: rollForward just
        // removed any): a kill leaves either the whole journal or nothing, never a temporary.
        let bytes = Array(journal.utf8)
        guard FileIO.writeDisposable(at: Self.journalPath(p), { fd in bytes.withUnsafeBytes { FileIO.writeAll(fd, $0) } }) else {
            OutputWriter.removeTree(p.staging)
            throw Diagnostic.error(SourceLocation(path: Self.journalPath(p)), "cannot write the publishing journal", code: "output")
        }
        try Self.rollForward(p)
        return writes.count
    }

    /// Carries out a journal left by an interrupted incremental publish (or just written).
    static func rollForward(_ p: OutputWriter.Paths) throws(Diagnostic) {
        let journalPath = journalPath(p)
        // Left by a version that wrote the journal under a temporary name, killed meanwhile:
        // never put in place, so never applied.
        unlink(journalPath + ".sitegen-tmp")
        guard let bytes = FileIO.read(journalPath) else { return }
        var dirs = Set<String>()
        for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") {
            guard line.count > 2 else { continue }
            let rel = String(line.dropFirst(2))
            try OutputWriter.checkPath(rel)
            let target = p.output + "/" + rel
            if line.hasPrefix("W ") {
                let source = p.staging + "/" + rel
                var st = stat()
                guard lstat(source, &st) == 0 else { continue } // already moved before the interruption
                let dir = String(target[..<target.lastIndex(of: "/")!])
                guard FileIO.makeDirectories(dir, known: &dirs), rename(source, target) == 0 else {
                    throw Diagnostic.error(SourceLocation(path: target), "cannot move the updated file into place", code: "output")
                }
            } else if line.hasPrefix("D ") {
                unlink(target)
                // Remove folders left empty, up to the output folder (rmdir fails on non-empty ones).
                var dir = rel
                while let slash = dir.lastIndex(of: "/") {
                    dir = String(dir[..<slash])
                    if rmdir(p.output + "/" + dir) != 0 { break }
                }
            }
        }
        unlink(journalPath)
        OutputWriter.removeTree(p.staging)
    }
}
