/// A view-model value as the templates see it. View models are built from these instead of
/// `[String: Any]`, so that rendering never asks the runtime what a value is: swift-mustache
/// casts every value of the context stack to several protocols on every lookup, which was a
/// third of a large build's CPU time.
public enum TemplateValue: Sendable {
    case text(String)
    /// Markup already rendered, as bytes (a listing's entries: hundreds of kilobytes on a
    /// tag page, copied into the page as they are). Escaped like `text` in `{{name}}`.
    case html([UInt8])
    /// A listing's entries (`ListingHTML`): markup like `html`, but copied into the page
    /// straight from the entries (not joined first), and where it lands is recorded for the
    /// link check.
    case listing(ListingHTML)
    /// An object that is the same wherever it is listed, made on demand from its id; a
    /// section over a list of these renders each once per site (`RenderMemo`).
    case keyed(KeyedObject)
    case int(Int)
    case bool(Bool)
    case list([TemplateValue])
    case object(TemplateObject)

    /// The same value as the `Any` tree swift-mustache expects, for templates that use what
    /// only swift-mustache implements (transforms, dynamic partials).
    var anyValue: Any {
        switch self {
        case .text(let s): return s
        case .html(let b): return String(decoding: b, as: UTF8.self)
        case .listing(let l): return String(decoding: l.bytes, as: UTF8.self)
        case .int(let n): return n
        case .bool(let b): return b
        case .list(let l): return l.map(\.anyValue)
        case .object(let o): return o.dictionary.mapValues(\.anyValue)
        case .keyed(let k): return k.object.dictionary.mapValues(\.anyValue)
        }
    }
}

extension TemplateValue {
    public init(_ text: String) { self = .text(text) }
    public init(_ number: Int) { self = .int(number) }
}

/// The root of a page's view model.
public typealias TemplateContext = TemplateObject

extension TemplateValue: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral,
    ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    public init(stringLiteral value: String) { self = .text(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(arrayLiteral elements: TemplateValue...) { self = .list(elements) }
    public init(dictionaryLiteral elements: (String, TemplateValue)...) {
        self = .object(TemplateObject(elements))
    }
}
