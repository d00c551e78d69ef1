import DispatchModel
import Yams

/// Parses YAML (front matter, sidecars, configuration, registries) into a node tree whose
/// marks give file lines, turning Yams errors into `Diagnostic`s naming the file and line.
public enum YAMLLoader {
    /// - Parameter firstLine: the file line on which `yaml` starts (2 for front matter).
    public static func compose(_ yaml: String, path: String, firstLine: Int = 1) throws(Diagnostic) -> Node? {
        do {
            return try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            var line: Int? = nil
            var problem = "\(e)"
            switch e {
            case .scanner(_, let p, let mark, _), .parser(_, let p, let mark, _), .composer(_, let p, let mark, _):
                line = mark.line + firstLine - 1
                problem = p
            case .reader(let p, let offset, _, _):
                // Bytes the YAML reader refuses (control characters, invalid UTF-8): the
                // offset is in the text's UTF-8, counted here into a line.
                problem = p
                if let offset {
                    line = yaml.utf8.prefix(max(0, offset)).reduce(0) { $1 == 0x0A ? $0 + 1 : $0 } + firstLine
                }
            default: break
            }
            throw Diagnostic.error(SourceLocation(path: path, line: line), "invalid YAML: \(problem)", code: "yaml")
        } catch {
            throw Diagnostic.error(SourceLocation(path: path, line: firstLine), "invalid YAML: \(error)", code: "yaml")
        }
    }

    /// The file line of a node.
    public static func line(of node: Node, firstLine: Int = 1) -> Int? {
        node.mark.map { $0.line + firstLine - 1 }
    }
}
