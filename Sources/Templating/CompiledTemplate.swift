import DispatchModel

/// A theme's templates compiled once (by `MustacheCompiler`) and rendered straight into one
/// output string from `TemplateValue` view models. It renders what swift-mustache renders for
/// the same template and values, without its dynamic casts; `TemplateSet` keeps swift-mustache
/// for themes that use what this does not implement.
struct CompiledTemplate: Sendable {
    /// How `{{name}}` escapes text, as selected by a `{{%CONTENT_TYPE:…}}` pragma.
    enum Escaping: Sendable, Hashable {
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

    /// The templates flattened into one array of plain operations (see `Program`).
    let program: Program

    init(templates: [String: [Node]]) {
        program = Program(templates)
    }

    struct Context {
        var stack: [TemplateValue]
        var indentation: String?
        var inherited: [String: Range<Int32>]?
        var escaping: Escaping
        /// Where each listing (`TemplateValue.listing`) went in the output, or nil when
        /// output offsets are not the page's (inside an indented partial, whose pieces are
        /// rendered apart and indented before they are joined).
        var spans: [Range<Int>]?
        /// Renderings of keyed elements kept across pages (nil: none kept).
        var memo: RenderMemo?
        /// The lowest index of the stack a lookup has read since it was last reset (a name not
        /// found reads the whole stack): a keyed element's rendering is kept only if this
        /// stayed at or above the element.
        var lowest = Int.max
    }

    func render(_ name: String, _ root: TemplateContext) -> String {
        String(decoding: renderBytes(name, root), as: UTF8.self)
    }

    /// The page as bytes: it goes to a file as bytes, so it is built as bytes (appending
    /// to a `[UInt8]` costs less than to a `String`, escaping writes straight into it, and
    /// the page is not copied from a `String` at the end).
    func renderBytes(_ name: String, _ root: TemplateContext) -> [UInt8] {
        renderPage(name, root).bytes
    }

    /// The page's bytes and where its listings are in them. `extra`: bytes to reserve beyond
    /// a page's usual size (a listing page's entries: hundreds of kilobytes on a tag page,
    /// grown by doubling they were copied a dozen times).
    func renderPage(_ name: String, _ root: TemplateContext, extra: Int = 0, memo: RenderMemo? = nil) -> (bytes: [UInt8], listings: [Range<Int>]) {
        guard let range = program.entry[name] else { return ([], []) }
        // Rendered into the storage of the array returned, sized for a usual page (fewer
        // regrowths); only a page that outgrows it is copied once at the end.
        var spans: [Range<Int>] = []
        var spilled: [UInt8]?
        let bytes = [UInt8](unsafeUninitializedCapacity: 16 * 1024 + extra) { memory, initialized in
            var out = ByteBuffer(writingInto: memory)
            var ctx = Context(stack: [.object(root)], indentation: nil, inherited: nil, escaping: .html, spans: [], memo: memo)
            render(range, &ctx, into: &out)
            spans = ctx.spans ?? []
            if out.ownsMemory { spilled = out.bytes; initialized = 0 } else { initialized = out.count }
        }
        return (spilled ?? bytes, spans)
    }

    func render(_ range: Range<Int32>, _ ctx: inout Context, into out: inout ByteBuffer) {
        let escaping = ctx.escaping
        defer { ctx.escaping = escaping }
        let ops = program.ops
        var i = range.lowerBound
        if let indentation = ctx.indentation, !indentation.isEmpty {
            // swift-mustache indents each token's output that starts a new line of this
            // template's own output.
            let spans = ctx.spans
            ctx.spans = nil
            defer { ctx.spans = spans }
            var local = ByteBuffer()
            while i < range.upperBound {
                var piece = ByteBuffer()
                render(at: i, &ctx, into: &piece)
                // A new line as swift-mustache sees it: a last `Character` of "\n", which
                // "\r\n" (one `Character`) is not.
                if !piece.isEmpty, local.last == 0x0A, local.count < 2 || local[local.count - 2] != 0x0D {
                    local.append(utf8: indentation)
                }
                local.append(piece)
                i = ops[Int(i)].end
            }
            out.append(local)
        } else {
            while i < range.upperBound {
                render(at: i, &ctx, into: &out)
                i = ops[Int(i)].end
            }
        }
    }

    /// Renders the operation at `index` (and, for a section or a block, its body).
    func render(at index: Int32, _ ctx: inout Context, into out: inout ByteBuffer) {
        let op = program.ops[Int(index)]
        let body = (index + 1)..<op.end
        switch op.kind {
        case .text:
            out.append(bytes: UnsafeBufferPointer(rebasing: program.bytes[Int(op.a)..<Int(op.b)]))
        case .variable:
            guard let value = lookup(op.a, &ctx) else { return }
            let escaped = op.flag
            // Rendered markup goes in as it is (`text(of:)` reads it as text when escaped).
            if !escaped {
                if case .html(let bytes) = value {
                    out.append(bytes)
                    return
                }
                if case .listing(let l) = value {
                    let start = out.count
                    l.append(to: &out)
                    ctx.spans?.append(start..<out.count)
                    return
                }
            }
            // Text, nearly every value, is written from the value itself (no copy of its string).
            if case .text(let text) = value {
                if escaped { Self.escape(text, ctx.escaping, into: &out) } else { out.append(utf8: text) }
                return
            }
            let text = Self.text(of: value)
            if escaped { Self.escape(text, ctx.escaping, into: &out) } else { out.append(utf8: text) }
        case .section:
            let value = lookup(op.a, &ctx)
            if op.flag {
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
                    for element in l {
                        if case .keyed(let k) = element { renderKeyed(k, index, body, &ctx, into: &out) }
                        else { withPushed(element, body, &ctx, into: &out) }
                    }
                case .bool(let b)?:
                    if b { render(body, &ctx, into: &out) }
                case .some(.keyed(let k)):
                    withPushed(.object(k.object), body, &ctx, into: &out)
                case .some(let v):
                    withPushed(v, body, &ctx, into: &out)
                case nil:
                    return
                }
            }
        case .partial:
            guard op.a >= 0 else { return }
            var inner = ctx
            if op.b >= 0 { inner.indentation = (ctx.indentation ?? "") + program.strings[Int(op.b)] }
            if op.c >= 0 {
                let overrides = program.overrides[Int(op.c)]
                // Blocks the outer template already overrides win over the partial's own.
                inner.inherited = ctx.inherited.map { $0.merging(overrides) { outer, _ in outer } } ?? overrides
            }
            inner.escaping = .html
            render(program.templates[Int(op.a)], &inner, into: &out)
            ctx.spans = inner.spans
        case .block:
            var inner = ctx
            inner.indentation = (ctx.indentation ?? "") + program.strings[Int(op.b)]
            render(ctx.inherited?[program.strings[Int(op.a)]] ?? body, &inner, into: &out)
            ctx.spans = inner.spans
        case .contentType:
            ctx.escaping = op.escaping
        }
    }

    /// A section's body for a keyed element of its list: kept bytes if another page rendered
    /// it, else rendered (and kept if it read nothing below the element).
    private func renderKeyed(_ k: KeyedObject, _ index: Int32, _ body: Range<Int32>, _ ctx: inout Context, into out: inout ByteBuffer) {
        guard let memo = ctx.memo, ctx.indentation == nil, ctx.inherited == nil else {
            withPushed(.object(k.object), body, &ctx, into: &out)
            return
        }
        let key = RenderMemo.Key(op: index, id: k.id, provider: ObjectIdentifier(k.provider), escaping: ctx.escaping)
        if let kept = memo.get(key) {
            out.append(kept)
            return
        }
        var inner = ctx
        inner.lowest = Int.max
        inner.spans = nil
        let floor = ctx.stack.count
        var piece = ByteBuffer()
        withPushed(.object(k.object), body, &inner, into: &piece)
        out.append(piece)
        if inner.lowest >= floor { memo.set(key, piece.bytes) }
        ctx.lowest = min(ctx.lowest, inner.lowest)
    }

    private func withPushed(_ value: TemplateValue, _ body: Range<Int32>, _ ctx: inout Context, into out: inout ByteBuffer) {
        ctx.stack.append(value)
        render(body, &ctx, into: &out)
        ctx.stack.removeLast()
    }

    /// swift-mustache's lookup: the first part of a name is searched from the top of the stack
    /// down, and only the first object that has it is used; the other parts go down from there.
    private func lookup(_ pathIndex: Int32, _ ctx: inout Context) -> TemplateValue? {
        let stack = ctx.stack
        let path = program.paths[Int(pathIndex)]
        guard path.count > 0 else { return stack.last }
        let keys = program.keys, hashes = program.keyHashes
        let first = keys[Int(path.start)], firstHash = hashes[Int(path.start)]
        var value: TemplateValue
        if path.topOnly {
            guard case .object(let o)? = stack.last, let v = o[first, hash: firstHash] else { return nil }
            value = v
        } else {
            var found: TemplateValue?
            var k = stack.count - 1
            while k >= 0 {
                if case .object(let o) = stack[k], let v = o[first, hash: firstHash] { found = v; break }
                k -= 1
            }
            ctx.lowest = min(ctx.lowest, max(k, 0))
            guard let f = found else { return nil }
            value = f
        }
        var part = Int(path.start) + 1
        while part < Int(path.start + path.count) {
            guard case .object(let o) = value, let v = o[keys[part], hash: hashes[part]] else { return nil }
            value = v
            part += 1
        }
        return value
    }

    static func text(of value: TemplateValue) -> String {
        switch value {
        case .text(let s): return s
        case .html(let b): return String(decoding: b, as: UTF8.self)
        case .listing(let l): return String(decoding: l.bytes, as: UTF8.self)
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list, .object, .keyed: return describe(value)
        }
    }

    /// A list or an object printed by `{{name}}` (a theme's mistake, shown as it is): Swift's
    /// description of the same `Any` tree, which swift-mustache prints, but with an object's
    /// keys sorted, so that the page is the same on every run.
    static func describe(_ value: TemplateValue) -> String {
        switch value {
        case .text(let s): return String(reflecting: s)
        case .html(let b): return String(reflecting: String(decoding: b, as: UTF8.self))
        case .listing(let l): return String(reflecting: String(decoding: l.bytes, as: UTF8.self))
        case .keyed(let k): return describe(.object(k.object))
        case .int(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .list(let l): return "[" + l.map(describe).joined(separator: ", ") + "]"
        case .object(let o):
            let pairs = o.dictionary.sorted { $0.key < $1.key }
            return pairs.isEmpty ? "[:]" : "[" + pairs.map { String(reflecting: $0.key) + ": " + describe($0.value) }.joined(separator: ", ") + "]"
        }
    }

    static func escape(_ text: String, _ escaping: Escaping, into out: inout ByteBuffer) {
        switch escaping {
        case .none:
            out.append(utf8: text)
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
                default: for b in c.utf8 { out.append(b) }
                }
            }
        }
    }
}
