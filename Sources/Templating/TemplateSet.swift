import DispatchModel
import Foundation
import Mustache

/// The templates and static assets of a theme. Each file of the templates folder overrides
/// the embedded default of the same name; files it lacks fall back to the defaults, so an
/// editor can restyle one page without copying the whole theme.
public struct TemplateSet: Sendable {
    /// Every template, parsed by swift-mustache: it reports template errors with their line,
    /// and renders themes that use what `CompiledTemplate` does not implement.
    let library: MustacheLibrary
    /// The same templates compiled for fast rendering, or nil when one of them needs
    /// swift-mustache (then every page renders with it, so a theme is never half of each).
    let compiled: CompiledTemplate?
    /// Static files copied as they are (`assets/style.css` …), path -> contents.
    public let assets: [String: String]
    /// Names of the files that came from the folder rather than the defaults.
    public let overridden: [String]
    /// Hash of every template and asset: pages depend on all of them.
    public let signature: UInt64

    public static let pageTemplates = ["layout", "item", "pagination", "home", "article", "timeline", "officials",
                                       "official", "tags", "tag", "search", "404", "feed", "sitemap", "timeline-page"]

    /// - Parameter directory: templates folder, or nil/missing for the embedded defaults only.
    public init(directory: String?) throws(Diagnostic) {
        var files = DefaultTemplates.files
        var overridden: [String] = []
        if let dir = directory, FileManager.default.fileExists(atPath: dir) {
            for rel in Self.listFiles(dir) {
                let path = dir + "/" + rel
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw Diagnostic.error(SourceLocation(path: path), "cannot read template file", code: "template")
                }
                guard let text = String(data: data, encoding: .utf8) else {
                    throw Diagnostic.error(SourceLocation(path: path), "template is not valid UTF-8", code: "template")
                }
                files[rel] = text
                overridden.append(rel)
            }
        }
        try self.init(files: files, overridden: overridden, directory: directory)
    }

    /// - Parameters:
    ///   - files: relative path -> contents, every file of the theme.
    ///   - directory: where the overridden files came from, for messages.
    init(files: [String: String], overridden: [String] = [], directory: String? = nil) throws(Diagnostic) {
        var h = StableHasher("templates")
        for (rel, text) in files.sorted(by: { $0.key < $1.key }) { h.combine(rel); h.combine(text) }
        signature = h.value
        var library = MustacheLibrary()
        var compiled: [String: [CompiledTemplate.Node]]? = [:]
        var assets: [String: String] = [:]
        for (rel, text) in files.sorted(by: { $0.key < $1.key }) {
            if rel.hasSuffix(".mustache") {
                let name = String(rel.dropLast(".mustache".count))
                do {
                    FastHTMLContentType.registered
                    try library.register(FastHTMLContentType.pragma + text, named: name)
                    compiled?[name] = MustacheCompiler.compile(FastHTMLContentType.pragma + text)
                    if compiled?[name] == nil { compiled = nil }
                } catch {
                    let path = (directory.map { $0 + "/" } ?? "<embedded>/") + rel
                    throw Diagnostic.error(SourceLocation(path: path, line: Self.line(of: error)), "template error: \(error)", code: "template")
                }
            } else if !rel.hasPrefix(".") {
                assets[rel] = text
            }
        }
        for name in Self.pageTemplates where library.getTemplate(named: name) == nil {
            throw Diagnostic.error(SourceLocation(path: directory ?? "<embedded>"), "missing template \(name).mustache", code: "template")
        }
        self.library = library
        self.compiled = compiled.map(CompiledTemplate.init(templates:))
        self.assets = assets
        self.overridden = overridden.sorted()
    }

    public func render(_ name: String, _ context: TemplateContext) -> String {
        if let compiled { return compiled.render(name, context) }
        return renderWithSwiftMustache(name, context)
    }

    /// The same, as the bytes of a file.
    public func renderBytes(_ name: String, _ context: TemplateContext) -> [UInt8] {
        if let compiled { return compiled.renderBytes(name, context) }
        return Array(renderWithSwiftMustache(name, context).utf8)
    }

    /// A page as a file, with where its listings went (none known when the theme renders
    /// with swift-mustache). `extra`: bytes to reserve for it beyond a usual page.
    /// `memo`: renderings of keyed elements kept from other pages.
    func renderFile(_ path: String, _ name: String, _ context: TemplateContext, extra: Int = 0, memo: RenderMemo? = nil) -> OutputFile {
        guard let compiled else { return OutputFile(path: path, contents: Array(renderWithSwiftMustache(name, context).utf8)) }
        let (bytes, listings) = compiled.renderPage(name, context, extra: extra, memo: memo)
        var f = OutputFile(path: path, contents: bytes)
        f.listings = listings
        return f
    }

    /// The reference rendering, also used by the tests that compare the two.
    func renderWithSwiftMustache(_ name: String, _ context: TemplateContext) -> String {
        library.render(context.dictionary.mapValues(\.anyValue), withTemplate: name) ?? ""
    }

    /// Whether pages render with the compiled templates (false: the theme needs swift-mustache).
    public var isCompiled: Bool { compiled != nil }

    static func listFiles(_ dir: String) -> [String] {
        guard let e = FileManager.default.enumerator(atPath: dir) else { return [] }
        var out: [String] = []
        while let rel = e.nextObject() as? String {
            var isDir: ObjCBool = false
            if FileManager.default.fileExists(atPath: dir + "/" + rel, isDirectory: &isDir), !isDir.boolValue,
               !rel.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                out.append(rel)
            }
        }
        return out.sorted()
    }

    static func line(of error: Error) -> Int? {
        if let e = error as? MustacheTemplate.ParserError { return e.context.lineNumber }
        if let e = error as? MustacheLibrary.ParserError { return e.context.lineNumber }
        return nil
    }
}
