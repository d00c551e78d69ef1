import DispatchModel
import Foundation
import MarkdownIntermediate
import Tagging
import Yams

/// Reads the editor's topic vocabulary (`seeds/_topics.yml`): topic name -> keywords and
/// phrases. Absent file: the standard vocabulary. Present: it replaces the standard one.
///
/// ```yaml
/// économie: [économie, commerce, investissement, "échanges commerciaux"]
/// santé: [santé, vaccin, pandémie]
/// ```
public enum TopicsLoader {
    public static func load(path: String) throws(Diagnostic) -> TopicVocabulary {
        guard FileManager.default.fileExists(atPath: path) else { return .standard }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw Diagnostic.error(SourceLocation(path: path), "cannot read topics file", code: "topics")
        }
        guard let node = try YAMLLoader.compose(String(decoding: data, as: UTF8.self), path: path) else { return TopicVocabulary(topics: []) }
        guard let map = node.mapping else {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "topics file must map each topic to a list of keywords", code: "topics")
        }
        var topics: [TopicVocabulary.Topic] = []
        for (k, v) in map {
            guard let name = k.string, !name.isEmpty else {
                throw Diagnostic.error(SourceLocation(path: path, line: YAMLLoader.line(of: k)), "topic name must be a string", code: "topics")
            }
            guard let seq = v.sequence, !seq.isEmpty else {
                throw Diagnostic.error(SourceLocation(path: path, line: YAMLLoader.line(of: v)), "topic `\(name)` needs a non-empty list of keywords", code: "topics")
            }
            var keywords: [String] = []
            for item in seq {
                guard item.scalar != nil, let s = item.string, !s.isEmpty else {
                    throw Diagnostic.error(SourceLocation(path: path, line: YAMLLoader.line(of: item)), "keywords of `\(name)` must be strings", code: "topics")
                }
                keywords.append(s)
            }
            topics.append(.init(name: name, keywords: keywords))
        }
        return TopicVocabulary(topics: topics)
    }
}
