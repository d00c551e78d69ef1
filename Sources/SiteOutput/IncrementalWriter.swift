import DispatchModel
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Updates an output folder in place after an incremental build: only the files whose content
/// changed are written (each through a temporary name and a rename), the outputs of deleted
/// seeds are removed with the folders they leave empty, and the manifest is rewritten when the
/// set of files changed. A full build uses `OutputWriter`'s whole-site swap instead.
public struct IncrementalWriter: Sendable {
    public let output: String

    public init(output: String) { self.output = output }

    /// - Returns: the number of files written.
    public func apply(writes: [OutputFile], deletions: [String], manifest: [String]?) throws(Diagnostic) -> Int {
        var dirs = Set<String>()
        for f in writes {
            try OutputWriter.checkPath(f.path)
            let path = output + "/" + f.path
            let dir = String(path[..<path.lastIndex(of: "/")!])
            guard FileIO.makeDirectories(dir, known: &dirs), FileIO.replace(f.contents, at: path) else {
                throw Diagnostic.error(SourceLocation(path: path), "cannot write output file", code: "output")
            }
        }
        for rel in deletions.sorted(by: >) {
            try OutputWriter.checkPath(rel)
            unlink(output + "/" + rel)
            // Remove folders left empty, up to the output folder (rmdir fails on non-empty ones).
            var dir = rel
            while let slash = dir.lastIndex(of: "/") {
                dir = String(dir[..<slash])
                if rmdir(output + "/" + dir) != 0 { break }
            }
        }
        if let manifest {
            let text = manifest.sorted().joined(separator: "\n") + "\n"
            guard FileIO.replace(Array(text.utf8), at: output + "/" + OutputWriter.manifestName) else {
                throw Diagnostic.error(SourceLocation(path: output + "/" + OutputWriter.manifestName), "cannot write manifest", code: "output")
            }
        }
        return writes.count
    }
}
