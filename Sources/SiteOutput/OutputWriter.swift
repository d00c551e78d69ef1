import DispatchModel
import Foundation

/// Stage 5: publishes the rendered files as the output folder.
///
/// The new site is written into a staging folder beside the output, then swapped in with
/// renames, so a failed or interrupted build never leaves a half-written site: readers see
/// the old site or the new one. The staging folder is on the same file system as the output,
/// which keeps the renames cheap and atomic.
///
/// Files that sitegen did not generate (a `CNAME`, a verification file an editor dropped in
/// the output) are kept: the previous build's manifest (`.sitegen-manifest`) tells which
/// files are ours; anything else is carried over into the new site.
public struct OutputWriter: Sendable {
    public static let manifestName = ".sitegen-manifest"

    public let output: String

    public init(output: String) {
        self.output = output
    }

    public struct Report: Sendable {
        public var written: Int
        public var bytes: Int
        /// Files found in the output that sitegen did not make, kept in place.
        public var kept: [String]
    }

    /// - Throws: a `Diagnostic` naming the path that could not be written.
    public func publish(_ files: [OutputFile]) throws(Diagnostic) -> Report {
        let fm = FileManager.default
        let url = URL(fileURLWithPath: output).standardizedFileURL
        let parent = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let staging = parent + "/." + name + ".sitegen-staging"
        let old = parent + "/." + name + ".sitegen-old"

        for f in files { try Self.checkPath(f.path) }
        let generated = Set(files.map(\.path))

        try? fm.removeItem(atPath: staging)
        try? fm.removeItem(atPath: old)
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw Diagnostic.error(SourceLocation(path: staging), "cannot create staging folder: \(error.localizedDescription)", code: "output")
        }

        var bytes = 0
        var madeDirs = Set<String>()
        for f in files {
            let path = staging + "/" + f.path
            let dir = (path as NSString).deletingLastPathComponent
            if madeDirs.insert(dir).inserted {
                try? fm.createDirectory(atPath: dir, withIntermediateDirectories: true)
            }
            guard fm.createFile(atPath: path, contents: Data(f.contents)) else {
                try? fm.removeItem(atPath: staging)
                throw Diagnostic.error(SourceLocation(path: output + "/" + f.path), "cannot write output file", code: "output")
            }
            bytes += f.contents.count
        }

        // Carry over files an editor put in the output folder.
        var kept: [String] = []
        let previous = Self.readManifest(output)
        for rel in Self.listFiles(output) where rel != Self.manifestName && !generated.contains(rel) && !(previous?.contains(rel) ?? false) {
            let dest = staging + "/" + rel
            try? fm.createDirectory(atPath: (dest as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            do {
                try fm.copyItem(atPath: output + "/" + rel, toPath: dest)
                kept.append(rel)
            } catch {
                try? fm.removeItem(atPath: staging)
                throw Diagnostic.error(SourceLocation(path: output + "/" + rel), "cannot keep this file (not made by sitegen): \(error.localizedDescription)", code: "output")
            }
        }
        let manifest = generated.sorted().joined(separator: "\n") + "\n"
        _ = fm.createFile(atPath: staging + "/" + Self.manifestName, contents: Data(manifest.utf8))

        // Swap: the old site is moved aside, the new one takes its name, the old one goes.
        let existed = fm.fileExists(atPath: output)
        do {
            if existed { try fm.moveItem(atPath: output, toPath: old) }
            try fm.moveItem(atPath: staging, toPath: output)
        } catch {
            if existed && !fm.fileExists(atPath: output) { try? fm.moveItem(atPath: old, toPath: output) }
            throw Diagnostic.error(SourceLocation(path: output), "cannot replace the output folder: \(error.localizedDescription)", code: "output")
        }
        try? fm.removeItem(atPath: old)
        return Report(written: files.count, bytes: bytes, kept: kept.sorted())
    }

    /// A generated path must stay inside the output folder: relative, no `..`, no NUL,
    /// no empty or dot components, and of a length the file system accepts.
    static func checkPath(_ p: String) throws(Diagnostic) {
        let parts = p.split(separator: "/", omittingEmptySubsequences: false)
        let bad = p.isEmpty || p.hasPrefix("/") || p.utf8.contains(0) || p.utf8.count > 1024
            || parts.contains { $0.isEmpty || $0 == "." || $0 == ".." || $0.utf8.count > 255 }
        if bad { throw Diagnostic.error(SourceLocation(path: p), "refusing to write outside the output folder", code: "output") }
    }

    static func readManifest(_ output: String) -> Set<String>? {
        guard let data = FileManager.default.contents(atPath: output + "/" + manifestName) else { return nil }
        return Set(String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    static func listFiles(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue { out.append(rel) }
        }
        return out.sorted()
    }
}
