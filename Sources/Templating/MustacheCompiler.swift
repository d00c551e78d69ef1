import Mustache

/// Compiles Mustache text into `CompiledTemplate` nodes once, so that pages render without
/// swift-mustache's per-lookup dynamic casts.
///
/// The rules for whitespace (standalone tags, indentation of partials and blocks) follow
/// swift-mustache's parser step by step, since pages must come out byte for byte as before:
/// `CompiledTemplateTests` renders random templates with both and compares. What only
/// swift-mustache implements — transforms (`{{uppercase(x)}}`), dynamic partials (`{{>*x}}`),
/// unknown pragmas — makes `compile` return nil, and `TemplateSet` then renders the whole
/// theme with swift-mustache. Errors are reported by swift-mustache too, which parses every
/// template first; this parser only needs to reject what it does not handle.
enum MustacheCompiler {
    /// Content types a `{{%CONTENT_TYPE:…}}` pragma may select.
    static let contentTypes: [String: CompiledTemplate.Escaping] = [
        "HTML": .html, "TEXT": .none, FastHTMLContentType.name: .fastHTML,
    ]

    struct Unsupported: Error {}

    static func compile(_ text: String) -> [CompiledTemplate.Node]? {
        var p = Scanner(Array(text))
        return try? parse(&p, state: State())
    }

    struct State {
        var sectionName: String?
        var newLine = true
        var isPartialDefinition = false
        var isPartialDefinitionTopLevel = false
        var startDelimiter: [Character] = ["{", "{"]
        var endDelimiter: [Character] = ["}", "}"]
        var partialDefinitionIndent: [Character]?

        func withSectionName(_ name: String, newLine: Bool) -> State {
            var s = self
            s.sectionName = name
            s.isPartialDefinitionTopLevel = false
            if !newLine { s.newLine = false }
            return s
        }

        func withInheritancePartial(_ name: String) -> State {
            var s = self
            s.sectionName = name
            s.newLine = true
            s.isPartialDefinition = true
            s.isPartialDefinitionTopLevel = true
            return s
        }
    }

    /// A cursor over the template's characters (as swift-mustache reads them: `\r\n` is one).
    struct Scanner {
        let c: [Character]
        var i = 0
        init(_ c: [Character]) { self.c = c }
        var atEnd: Bool { i == c.count }
        var current: Character { atEnd ? "\0" : c[i] }

        @discardableResult
        mutating func read(while pred: (Character) -> Bool) -> [Character] {
            let start = i
            while !atEnd, pred(c[i]) { i += 1 }
            return Array(c[start..<i])
        }

        /// Reads `s` if it comes next; throws when fewer characters remain than `s` has.
        mutating func read(_ s: [Character]) throws -> Bool {
            guard !s.isEmpty else { return true }
            guard c.count - i >= s.count else { throw Unsupported() }
            if Array(c[i..<(i + s.count)]) == s { i += s.count; return true }
            return false
        }
    }

    static func isSpaceOrTab(_ ch: Character) -> Bool { ch == " " || ch == "\t" }

    typealias Node = CompiledTemplate.Node

    static func parse(_ p: inout Scanner, state initial: State) throws -> [Node] {
        var nodes: [Node] = []
        var state = initial
        var whiteSpaceBefore: [Character] = []
        while !p.atEnd {
            if state.newLine {
                let whiteSpace = p.read(while: isSpaceOrTab)
                if state.isPartialDefinition, !state.isPartialDefinitionTopLevel {
                    if let indent = state.partialDefinitionIndent {
                        whiteSpaceBefore = Array(whiteSpace.dropFirst(indent.count))
                    } else {
                        state.partialDefinitionIndent = whiteSpace
                    }
                } else {
                    whiteSpaceBefore = whiteSpace
                }
            }
            let text = try readUntilDelimiterOrNewline(&p, state: state)
            if p.current.isNewline {
                nodes.append(.text(String(whiteSpaceBefore + text + [p.current])))
                state.newLine = true
                p.i += 1
                continue
            }
            if !text.isEmpty {
                nodes.append(.text(String(whiteSpaceBefore + text)))
                whiteSpaceBefore = []
                state.newLine = false
            }
            if p.atEnd { break }
            func flushWhiteSpace() {
                if !whiteSpaceBefore.isEmpty {
                    nodes.append(.text(String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            }
            var setNewLine = false
            switch p.current {
            case "#", "^":
                let inverted = p.current == "^"
                p.i += 1
                let name = try parseName(&p, state: state)
                if isStandalone(&p, state: state) { setNewLine = true } else { flushWhiteSpace() }
                let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                nodes.append(.section(CompiledTemplate.Path(name), body, inverted: inverted))
            case "/":
                p.i += 1
                let name = try parseName(&p, state: state)
                guard name == state.sectionName else { throw Unsupported() }
                if isStandalone(&p, state: state) { setNewLine = true } else { flushWhiteSpace() }
                return nodes
            case "!":
                p.i += 1
                try skipComment(&p, state: state)
                setNewLine = isStandalone(&p, state: state)
            case "{":
                flushWhiteSpace()
                p.i += 1
                let name = try parseName(&p, state: state)
                guard try p.read(["}"]) else { throw Unsupported() }
                nodes.append(.variable(CompiledTemplate.Path(name), escaped: false))
            case "&":
                flushWhiteSpace()
                p.i += 1
                let name = try parseName(&p, state: state)
                nodes.append(.variable(CompiledTemplate.Path(name), escaped: false))
            case ">":
                p.i += 1
                p.read(while: \.isWhitespace)
                if p.current == "*" { throw Unsupported() }
                let name = try parsePartialName(&p, state: state)
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(&p, state: state) {
                    setNewLine = true
                    nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: nil))
                } else {
                    nodes.append(.partial(name, indentation: nil, overrides: nil))
                }
                whiteSpaceBefore = []
            case "<":
                p.i += 1
                p.read(while: \.isWhitespace)
                let name = try parsePartialName(&p, state: state)
                if name.first == "*" { throw Unsupported() }
                if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                if isStandalone(&p, state: state) { setNewLine = true }
                let body = try parse(&p, state: state.withInheritancePartial(name))
                var overrides: [String: [Node]] = [:]
                for node in body {
                    switch node {
                    case .blockDefinition(let block, let nodes): overrides[block] = nodes
                    case .text: break
                    default: throw Unsupported()
                    }
                }
                nodes.append(.partial(name, indentation: String(whiteSpaceBefore), overrides: overrides))
                whiteSpaceBefore = []
            case "$":
                p.i += 1
                let name = try parseName(&p, state: state)
                if state.isPartialDefinitionTopLevel {
                    if isStandalone(&p, state: state) { setNewLine = true }
                    let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.blockDefinition(name, body))
                } else {
                    if !whiteSpaceBefore.isEmpty { nodes.append(.text(String(whiteSpaceBefore))) }
                    if isStandalone(&p, state: state) { setNewLine = true }
                    let body = try parse(&p, state: state.withSectionName(name, newLine: setNewLine))
                    nodes.append(.block(name, body, indentation: String(whiteSpaceBefore)))
                    whiteSpaceBefore = []
                }
            case "=":
                p.i += 1
                state = try setDelimiters(&p, state: state)
                setNewLine = isStandalone(&p, state: state)
            case "%":
                p.i += 1
                nodes.append(.contentType(try readContentType(&p, state: state)))
                setNewLine = isStandalone(&p, state: state)
            default:
                flushWhiteSpace()
                let name = try parseName(&p, state: state)
                nodes.append(.variable(CompiledTemplate.Path(name), escaped: true))
            }
            state.newLine = setNewLine
        }
        guard state.sectionName == nil else { throw Unsupported() }
        return nodes
    }

    /// Text up to the next tag (whose opening delimiter it consumes) or newline (which it does not).
    static func readUntilDelimiterOrNewline(_ p: inout Scanner, state: State) throws -> [Character] {
        guard let first = state.startDelimiter.first else { return [] }
        var text: [Character] = []
        while !p.atEnd {
            text += p.read(while: { $0 != "\n" && $0 != "\r\n" && $0 != first })
            if p.current.isNewline { break }
            if p.current == first {
                if try p.read(state.startDelimiter) { break }
                text.append(first)
                p.i += 1
            }
        }
        return text
    }

    static let nameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*")
    static let partialNameChars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?()*/")

    static func parseName(_ p: inout Scanner, state: State) throws -> String {
        p.read(while: \.isWhitespace)
        let name = p.read(while: { nameChars.contains($0) })
        p.read(while: \.isWhitespace)
        guard try p.read(state.endDelimiter) else { throw Unsupported() }
        // Brackets call transforms, which only swift-mustache implements.
        if name.contains("(") || name.contains(")") { throw Unsupported() }
        return String(name)
    }

    static func parsePartialName(_ p: inout Scanner, state: State) throws -> String {
        p.read(while: \.isWhitespace)
        let name = p.read(while: { partialNameChars.contains($0) })
        p.read(while: \.isWhitespace)
        guard try p.read(state.endDelimiter) else { throw Unsupported() }
        return String(name)
    }

    /// Skips to just past the end delimiter, matching it as swift-mustache does (a mismatch
    /// restarts the match at the next character, not at the mismatched one).
    static func skipComment(_ p: inout Scanner, state: State) throws {
        let end = state.endDelimiter
        guard !end.isEmpty else { return }
        var k = 0
        while !p.atEnd {
            if p.c[p.i] == end[k] {
                k += 1
                if k == end.count { p.i += 1; return }
            } else {
                k = 0
            }
            p.i += 1
        }
        throw Unsupported()
    }

    static func setDelimiters(_ p: inout Scanner, state: State) throws -> State {
        func readUntil(_ pred: (Character) -> Bool) throws -> [Character] {
            let start = p.i
            while !p.atEnd {
                if pred(p.c[p.i]) { return Array(p.c[start..<p.i]) }
                p.i += 1
            }
            throw Unsupported()
        }
        p.read(while: \.isWhitespace)
        let start = try readUntil(\.isWhitespace)
        p.read(while: \.isWhitespace)
        let end = try readUntil { $0 == "=" || $0.isWhitespace }
        p.read(while: \.isWhitespace)
        guard try p.read(["="]), try p.read(state.endDelimiter), !start.isEmpty, !end.isEmpty else { throw Unsupported() }
        var s = state
        s.startDelimiter = start
        s.endDelimiter = end
        s.isPartialDefinitionTopLevel = false
        return s
    }

    static func readContentType(_ p: inout Scanner, state: State) throws -> CompiledTemplate.Escaping {
        let chars = Set("0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ.-_?*")
        p.read(while: \.isWhitespace)
        let variable = p.read(while: { chars.contains($0) })
        p.read(while: \.isWhitespace)
        guard try p.read([":"]) else { throw Unsupported() }
        p.read(while: \.isWhitespace)
        let value = p.read(while: { chars.contains($0) })
        p.read(while: \.isWhitespace)
        guard try p.read(state.endDelimiter), String(variable) == "CONTENT_TYPE",
              let escaping = contentTypes[String(value)] else { throw Unsupported() }
        return escaping
    }

    /// swift-mustache's rule: a tag is standalone when it began a line and only spaces or
    /// tabs follow it before a newline (or it ends the template), which it then consumes.
    static func isStandalone(_ p: inout Scanner, state: State) -> Bool {
        guard state.newLine else { return false }
        if p.atEnd { return true }
        var q = p
        q.read(while: isSpaceOrTab)
        if q.current.isNewline {
            q.i += 1
            p.i = q.i
            return true
        }
        return false
    }
}
