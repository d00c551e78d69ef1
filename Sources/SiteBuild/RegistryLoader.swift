import DispatchModel
import Foundation
import OfficialsExtraction
import SiteOutput

/// Reads the editorial registry of officials (`seeds/_officials.yml`, schema in
/// `OfficialsRegistry`); absent means empty. Errors name the file and line.
public enum RegistryLoader {
    public static func load(path: String) throws(Diagnostic) -> OfficialsRegistry {
        guard FileManager.default.fileExists(atPath: path) else { return OfficialsRegistry() }
        guard let bytes = FileIO.read(path) else {
            throw Diagnostic.error(SourceLocation(path: path), "cannot read the officials registry", code: "officials.registry")
        }
        do {
            return try OfficialsRegistry.load(yaml: String(decoding: bytes, as: UTF8.self), path: path)
        } catch let e as RegistryError {
            throw e.diagnostic
        } catch {
            throw Diagnostic.error(SourceLocation(path: path), "\(error)", code: "officials.registry")
        }
    }
}
