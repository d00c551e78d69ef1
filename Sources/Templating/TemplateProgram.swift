extension CompiledTemplate {
    /// A theme's compiled templates flattened into one array of plain operations, read by
    /// `CompiledTemplate` through unsafe buffers.
    ///
    /// Why: rendering walked a tree of `Node` enums, and each step copied a node, which
    /// retains its strings and arrays. Both cores render pages from the same templates, so
    /// those retains fought over the same reference counts: 4 % of a build's CPU time went to
    /// copying nodes. An `Op` holds no reference at all; a section's or a block's body follows
    /// it in the array, and `end` skips past it.
    final class Program: @unchecked Sendable { // immutable once built
        struct Op {
            enum Kind: UInt8 { case text, variable, section, partial, block, contentType }
            var kind: Kind
            /// `variable`: escaped; `section`: inverted.
            var flag = false
            var escaping = Escaping.html
            /// `text`: start in `bytes`; `variable`, `section`: index in `paths`;
            /// `partial`: index in `templates` (-1: no such template); `block`: its name in `strings`.
            var a: Int32 = -1
            /// `text`: end in `bytes`; `partial`, `block`: the indentation in `strings` (-1: none).
            var b: Int32 = -1
            /// `partial`: its block overrides in `overrides` (-1: none).
            var c: Int32 = -1
            /// Index of the operation after this one and its body.
            var end: Int32 = 0
        }

        /// A variable name: `count` keys from `start` in `keys` (none: `.`).
        struct PathRef {
            var start: Int32
            var count: Int32
            var topOnly: Bool
        }

        let ops: UnsafeMutableBufferPointer<Op>
        let bytes: UnsafeMutableBufferPointer<UInt8>
        let keys: UnsafeMutableBufferPointer<String>
        /// `TemplateObject.hash` of each key, computed here once.
        let keyHashes: UnsafeMutableBufferPointer<UInt64>
        let paths: UnsafeMutableBufferPointer<PathRef>
        /// Each template's operations, by index; `entry` finds them by name.
        let templates: UnsafeMutableBufferPointer<Range<Int32>>
        let entry: [String: Range<Int32>]
        /// Indentations and block names.
        let strings: [String]
        let overrides: [[String: Range<Int32>]]

        init(_ trees: [String: [Node]]) {
            var b = Builder()
            let names = trees.keys.sorted()
            for (i, name) in names.enumerated() { b.templateIndex[name] = Int32(i) }
            var ranges: [Range<Int32>] = []
            for name in names { ranges.append(b.emit(trees[name]!)) }
            ops = Self.copy(b.ops)
            bytes = Self.copy(b.bytes)
            keys = Self.copy(b.keys)
            keyHashes = Self.copy(b.keys.map(TemplateObject.hash))
            paths = Self.copy(b.paths)
            templates = Self.copy(ranges)
            entry = Dictionary(uniqueKeysWithValues: zip(names, ranges))
            strings = b.strings
            overrides = b.overrides
        }

        deinit {
            for buffer in [ops.deinitialize(), bytes.deinitialize(), keys.deinitialize(), keyHashes.deinitialize(), paths.deinitialize(),
                           templates.deinitialize()] { buffer.deallocate() }
        }

        private static func copy<T>(_ array: [T]) -> UnsafeMutableBufferPointer<T> {
            let buffer = UnsafeMutableBufferPointer<T>.allocate(capacity: max(1, array.count))
            _ = buffer.initialize(from: array)
            return UnsafeMutableBufferPointer(rebasing: buffer[0..<array.count])
        }

        private struct Builder {
            var ops: [Op] = []
            var bytes: [UInt8] = []
            var keys: [String] = []
            var paths: [PathRef] = []
            var strings: [String] = []
            var overrides: [[String: Range<Int32>]] = []
            var templateIndex: [String: Int32] = [:]

            /// Appends `nodes` in order and returns where they are.
            mutating func emit(_ nodes: [Node]) -> Range<Int32> {
                let start = Int32(ops.count)
                for node in nodes { emit(node) }
                return start..<Int32(ops.count)
            }

            mutating func emit(_ node: Node) {
                let index = ops.count
                switch node {
                case .text(let s):
                    let start = Int32(bytes.count)
                    bytes.append(contentsOf: s.utf8)
                    ops.append(Op(kind: .text, a: start, b: Int32(bytes.count)))
                case .variable(let path, let escaped):
                    ops.append(Op(kind: .variable, flag: escaped, a: add(path)))
                case .section(let path, let body, let inverted):
                    ops.append(Op(kind: .section, flag: inverted, a: add(path)))
                    _ = emit(body)
                case .partial(let name, let indentation, let overrides):
                    ops.append(Op(kind: .partial, a: templateIndex[name] ?? -1, b: indentation.map { add($0) } ?? -1))
                    if let overrides {
                        var bodies: [String: Range<Int32>] = [:]
                        for (name, body) in overrides.sorted(by: { $0.key < $1.key }) { bodies[name] = emit(body) }
                        ops[index].c = Int32(self.overrides.count)
                        self.overrides.append(bodies)
                    }
                case .block(let name, let defaults, let indentation):
                    ops.append(Op(kind: .block, a: add(name), b: add(indentation)))
                    _ = emit(defaults)
                case .blockDefinition:
                    return // renders nothing: only a `{{<name}}`'s overrides hold its body
                case .contentType(let escaping):
                    ops.append(Op(kind: .contentType, escaping: escaping))
                }
                ops[index].end = Int32(ops.count)
            }

            mutating func add(_ path: Path) -> Int32 {
                paths.append(PathRef(start: Int32(keys.count), count: Int32(path.parts.count), topOnly: path.topOnly))
                keys += path.parts
                return Int32(paths.count - 1)
            }

            mutating func add(_ string: String) -> Int32 {
                strings.append(string)
                return Int32(strings.count - 1)
            }
        }
    }
}
