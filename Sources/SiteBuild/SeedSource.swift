import DispatchModel
import Foundation

/// The files of a seeds folder, classified. Raw dispatches are `*.txt`; hand-written
/// dispatches are `*.md` with front matter; `NAME.yml` beside a seed is its sidecar.
/// Names starting with `_` are the digest's data files (`_site.yml`, `_officials.yml`,
/// `_topics.yml`); names starting with `.` are ignored. Sorted by name, so the order never
/// depends on how the file system lists them.
public struct SeedSource: Sendable {
    public struct Seed: Sendable, Hashable {
        public var name: String
        public var path: String
        public var sidecarPath: String?
        public var isMarkdown: Bool { name.hasSuffix(".md") }
    }

    public var seeds: [Seed] = []
    public var diagnostics: [Diagnostic] = []

    public static let configName = "_site.yml"
    public static let registryName = "_officials.yml"
    public static let topicsName = "_topics.yml"

    public init(directory: String) throws(Diagnostic) {
        let fm = FileManager.default
        var isDir: ObjCBool = false
        guard fm.fileExists(atPath: directory, isDirectory: &isDir), isDir.boolValue else {
            throw Diagnostic.error(SourceLocation(path: directory), "seeds folder not found", code: "seeds")
        }
        let names: [String]
        do {
            names = try fm.contentsOfDirectory(atPath: directory).sorted()
        } catch {
            throw Diagnostic.error(SourceLocation(path: directory), "cannot list seeds folder: \(error.localizedDescription)", code: "seeds")
        }
        let realDir = URL(fileURLWithPath: directory).resolvingSymlinksInPath().path
        var sidecars: [String: String] = [:]
        for n in names where !n.hasPrefix("_") && !n.hasPrefix(".") && (n.hasSuffix(".yml") || n.hasSuffix(".yaml")) {
            sidecars[String(n[..<n.lastIndex(of: ".")!])] = n
        }
        var usedSidecars = Set<String>()
        for n in names where !n.hasPrefix(".") && !n.hasPrefix("_") {
            let path = directory + "/" + n
            let isSeed = n.hasSuffix(".txt") || n.hasSuffix(".md")
            if n.hasSuffix(".yml") || n.hasSuffix(".yaml") { continue }
            guard isSeed else {
                diagnostics.append(.warning(SourceLocation(path: path), "ignored: not a seed (.txt or .md), sidecar (.yml) or data file (_*.yml)", code: "seeds.ignored"))
                continue
            }
            // A seed that is a symbolic link must stay inside the seeds folder.
            if let attrs = try? fm.attributesOfItem(atPath: path), attrs[.type] as? FileAttributeType == .typeSymbolicLink {
                let target = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
                if !target.hasPrefix(realDir + "/") {
                    diagnostics.append(.error(SourceLocation(path: path), "symbolic link points outside the seeds folder (to \(target)); refused", code: "seeds.symlink"))
                    continue
                }
            }
            let base = String(n[..<n.lastIndex(of: ".")!])
            let sidecar = sidecars[base]
            if let s = sidecar { usedSidecars.insert(s) }
            seeds.append(Seed(name: n, path: path, sidecarPath: sidecar.map { directory + "/" + $0 }))
        }
        for (_, s) in sidecars.sorted(by: { $0.key < $1.key }) where !usedSidecars.contains(s) {
            diagnostics.append(.warning(SourceLocation(path: directory + "/" + s), "sidecar has no seed with the same name; ignored", code: "sidecar.orphan"))
        }
    }
}
