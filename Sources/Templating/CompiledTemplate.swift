import DispatchModel

/// A theme's templates compiled once (by `MustacheCompiler`) and rendered straight into one
/// output string from `TemplateValue` view models. It renders what swift-mustache renders for
/// the same template and values, without its dynamic casts; `TemplateSet` keeps swift-mustache
/// for themes that use what this does not implement.
struct CompiledTemplate: Sendable {
    /// How `{{name}}` escapes text, as selected by a `{{%CONTENT_TYPE:…}}` pragma.
    enum Escaping: Sendable {
        /// `< > & " '` on unicode scalars (sitegen's default: `FastHTMLContentType`).
        case fastHTML
        /// The same five characters compared as whole `Character`s (swift-mustache's `HTML`).
        case html
        case none
    }

    /// A variable name: `.`, `.a.b` (from the top of the stack only) or `a.b` (the first
    /// part searched down the stack).
    struct Path: Sendable {
        let parts: [String]
        let topOnly: Bool

        init(_ name: String) {
            if name == "." {
                parts = []
                topOnly = true
            } else {
                parts = name.split(separator: ".").map(String.init)
                topOnly = name.first == "."
            }
        }
    }

    enum Node: Sendable {
        case text(String)
        case variable(Path, escaped: Bool)
        case section(Path, [Node], inverted: Bool)
        /// `{{>name}}` (no overrides) or `{{<name}}…{{/name}}` (block overrides).
        case partial(String, indentation: String?, overrides: [String: [Node]]?)
        /// `{{$name}}default{{/name}}` in a template that others inherit.
        case block(String, [Node], indentation: String)
        /// Only inside a `{{<name}}` while compiling.
        case blockDefinition(String, [Node])
        case contentType(Escaping)
    }

    let templates: [String: [Node]]

    struct Context {
        var stack: [TemplateValue]
        var indentation: String?
        var inherited: [String: [Node]]?
        var escaping: Escaping
    }

    func render(_ name: String, _ root: TemplateContext) -> String {
        String(decoding: renderBytes(name, root), as: UTF8.self)
    }

    /// The page as bytes: it goes to a file as bytes, so it is built as bytes (appending
    /// to a `[UInt8]` costs less than to a `String`, escaping writes straight into it, and
    /// the page is not copied from a `String` at the end).
    func renderBytes(_ name: String, _ root: TemplateContext) -> [UInt8] {
        guard let nodes = templates[name] else { return [] }
        var out: [UInt8] = []
        out.reserveCapacity(16 * 1024) // a page: fewer regrowths of the output
        var ctx = Context(stack: [.object(root)], indentation: nil, inherited: nil, escaping: .html)
        render(nodes, &ctx, into: &out)
        return out
    }

    func render(_ nodes: [Node], _ ctx: inout Context, into out: inout [UInt8]) {
        let escaping = ctx.escaping
        defer { ctx.escaping = escaping }
        if let indentation = ctx.indentation, !indentation.isEmpty {
            // swift-mustache indents each token's output that starts a new line of this
            // template's own output.
            var local: [UInt8] = []
            for node in nodes {
                var piece: [UInt8] = []
                render(node, &ctx, into: &piece)
                // A new line as swift-mustache sees it: a last `Character` of "\n", which
                // "\r\n" (one `Character`) is not.
                if !piece.isEmpty, local.last == 0x0A, local.count < 2 || local[local.count - 2] != 0x0D {
                    local.append(contentsOf: indentation.utf8)
                }
                local += piece
            }
            out += local
        } else {
            for node in nodes { render(node, &ctx, into: &out) }
        }
    }

    func render(_ node: Node, _ ctx: inout Context, into out: inout [UInt8]) {
        switch node {
        case .text(let s):
            out.append(contentsOf: s.utf8)
        case .variable(let path, let escaped):
            guard let value = lookup(path, ctx.stack) else { return }
            // Rendered markup goes in as it is (`text(of:)` reads it as text when escaped).
            if case .html(let bytes) = value, !escaped {
                out += bytes
                return
            }
            let text = Self.text(of: value)
            if escaped { Self.escape(text, ctx.escaping, into: &out) } else { out.append(contentsOf: text.utf8) }
        case .section(let path, let body, let inverted):
            let value = lookup(path, ctx.stack)
            if inverted {
                switch value {
                case .list(let l)?:
                    guard l.isEmpty else { return }
                    withPushed(.list(l), body, &ctx, into: &out)
                case .bool(let b)?:
                    if !b { render(body, &ctx, into: &out) }
                case .some:
                    return
                case nil:
                    render(body, &ctx, into: &out)
                }
            } else {
                switch value {
                case .list(let l)?:
                    for element in l { withPushed(element, body, &ctx, into: &out) }
                case .bool(let b)?:
                    if b { render(body, &ctx, into: &out) }
                case .some(let v):
                    withPushed(v, body, &ctx, into: &out)
                case nil:
                    return
                }
            }
        case .partial(let name, let indented, let overrides):
            guard let nodes = templates[name] else { return }
            var inner = ctx
            if let indented { inner.indentation = (ctx.indentation ?? "") + indented }
            if let overrides {
                // Blocks the outer template already overrides win over the partial's own.
                inner.inherited = ctx.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            inner.escaping = .html
            render(nodes, &inner, into: &out)
        case .block(let name, let defaults, let indented):
            var inner = ctx
            inner.indentation = (ctx.indentation ?? "") + indented
            render(ctx.inherited?[name] ?? defaults, &inner, into: &out)
        case .blockDefinition:
            return
        case .contentType(let e):
            ctx.escaping = e
        }
    }

    private func withPushed(_ value: TemplateValue, _ body: [Node], _ ctx: inout Context, into out: inout [UInt8]) {
        ctx.stack.append(value)
        render(body, &ctx, into: &out)
        ctx.stack.removeLast()
    }

    /// swift-mustache's lookup: the first part of a name is searched from the top of the stack
    /// down, and only the first object that has it is used; the other parts go down from there.
    private func lookup(_ path: Path, _ stack: [TemplateValue]) -> TemplateValue? {
        guard let first = path.parts.first else { return stack.last }
        var value: TemplateValue
        if path.topOnly {
            guard case .object(let o)? = stack.last, let v = o[first] else { return nil }
            value = v
        } else {
            var found: TemplateValue?
            for item in stack.reversed() {
                if case .object(let o) = item, let v = o[first] { found = v; break }
            }
            guard let f = found else { return nil }
            value = f
        }
        for part in path.parts.dropFirst() {
            guard case .object(let o) = value, let v = o[part] else { return nil }
            value = v
        }
        return value
    }

    static func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let s): return s
        case .html(let b): return String(decoding: b, as: UTF8.self)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list, .object: return String(describing: value.anyValue)
        }
    }

    static func escape(_ text: String, _ escaping: Escaping, into out: inout [UInt8]) {
        switch escaping {
        case .none:
            out.append(contentsOf: text.utf8)
        case .fastHTML:
            HTMLEscape.append(text, to: &out)
        case .html:
            for c in text {
                switch c {
                case "<": out.append(literal: "&lt;")
                case ">": out.append(literal: "&gt;")
                case "&": out.append(literal: "&amp;")
                case "\"": out.append(literal: "&quot;")
                case "'": out.append(literal: "&#39;")
                default: out.append(contentsOf: c.utf8)
                }
            }
        }
    }
}
