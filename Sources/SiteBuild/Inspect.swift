import DispatchModel
import DispatchParsing
import Foundation
import MarkdownIntermediate
import OfficialsExtraction
import Tagging

/// Single-seed inspection for editors: what the pipeline makes of one file.
public enum Inspect {
    /// The Markdown intermediate of one seed, with its sidecar applied and officials and
    /// tags extracted, as the build would see it.
    public static func markdown(seedPath: String) -> Result<(String, [Diagnostic]), Diagnostic> {
        let url = URL(fileURLWithPath: seedPath)
        let dir = url.deletingLastPathComponent().path
        let name = url.lastPathComponent
        let base = url.deletingPathExtension().lastPathComponent
        var sidecar: String? = nil
        for ext in ["yml", "yaml"] where FileManager.default.fileExists(atPath: dir + "/" + base + "." + ext) {
            sidecar = dir + "/" + base + "." + ext
        }
        guard FileManager.default.fileExists(atPath: seedPath) else {
            return .failure(.error(SourceLocation(path: seedPath), "no such file", code: "seed.unreadable"))
        }
        // The same data files as a build of this folder, so the output is what the build sees.
        let vocabulary: TopicVocabulary
        let registry: OfficialsRegistry
        do throws(Diagnostic) {
            vocabulary = try TopicsLoader.load(path: dir + "/" + SeedSource.topicsName)
            registry = try RegistryLoader.load(path: dir + "/" + SeedSource.registryName)
        } catch {
            return .failure(error)
        }
        let seed = SeedSource.Seed(name: name, path: seedPath, sidecarPath: sidecar)
        let o = Site.loadSeed(Site.SeedInput(seed), parser: DispatchParser(), extractor: OfficialsExtractor(registry: registry), tagger: Tagger(vocabulary: vocabulary))
        guard let d = o.dispatch else {
            return .failure(o.diagnostics.first { $0.severity == .error } ?? .error(SourceLocation(path: seedPath), "cannot parse", code: "seed"))
        }
        return .success((IntermediateWriter.markdown(for: d), o.diagnostics))
    }
}
