import DispatchModel
import Mustache

/// swift-mustache escapes every `{{value}}` by walking it `Character` by `Character`, paying
/// for grapheme breaking on every string of every page (a tenth of a large build). This
/// content type escapes the same five characters (`< > & " '`) on unicode scalars, which is
/// equivalent for ASCII characters (`HTMLEscape.text`, which returns strings that contain none
/// of them as they are).
/// `TemplateSet` selects it for every template with a pragma; a template that sets its own
/// content type keeps it.
struct FastHTMLContentType: MustacheContentType {
    static let name = "SITEGEN_HTML"
    static let pragma = "{{%CONTENT_TYPE:\(name)}}"

    func escapeText(_ text: String) -> String { HTMLEscape.text(text) }

    static let registered: Void = {
        MustacheContentTypes.register(FastHTMLContentType(), named: name)
    }()
}
