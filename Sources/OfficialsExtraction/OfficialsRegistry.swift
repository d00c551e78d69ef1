import DispatchModel
import Yams

/// The editorial registry of officials: a YAML file the editor keeps beside the seeds.
/// What it says wins over extraction.
///
/// Schema (every key but `name` optional; unknown keys are errors):
///
/// ```yaml
/// people:
///   - name: Tô Lâm                  # display name shown everywhere (rename)
///     spellings: [To Lam, Tô Lam]   # merge: these spellings (and `name`) are this person;
///                                   #   matched accent-, case- and honorific-insensitively
///     roles: [ministre, président]  # split: when one spelling is listed for several people,
///                                   #   a mention goes to the entry with a keyword found in
///                                   #   its role (accent- and case-insensitive substring)
///     exclude: true                 # not an official: dropped from extraction and output
///     description: Texte libre.     # shown on the person's page
///     portrait_credit: Photo VNA    # credit of the portrait
///     country: Vietnam              # overrides the country read from roles
/// ```
///
/// A spelling listed under two or more entries must have `roles` on each of them (a split);
/// a mention of it whose role matches none of them stays an automatic identity.
public struct OfficialsRegistry: Sendable, Hashable {
    public struct Entry: Sendable, Hashable {
        public var name: String
        public var spellings: [String]
        public var roles: [String]
        public var exclude: Bool
        public var description: String?
        public var portraitCredit: String?
        public var country: String?
        /// Line of the entry in its file (1-based), for messages.
        public var line: Int

        public init(name: String, spellings: [String] = [], roles: [String] = [], exclude: Bool = false,
                    description: String? = nil, portraitCredit: String? = nil, country: String? = nil,
                    line: Int = 0) {
            self.name = name
            self.spellings = spellings
            self.roles = roles
            self.exclude = exclude
            self.description = description
            self.portraitCredit = portraitCredit
            self.country = country
            self.line = line
        }
    }

    public private(set) var entries: [Entry]
    /// Folded spelling -> entries listing it.
    private var bySpelling: [String: [Int]] = [:]

    public init(entries: [Entry] = []) {
        self.entries = entries
        for (i, e) in entries.enumerated() {
            var keys = Set([OfficialsRegistry.nameKey(e.name)])
            for s in e.spellings { keys.insert(OfficialsRegistry.nameKey(s)) }
            for k in keys { bySpelling[k, default: []].append(i) }
        }
    }

    /// Matching key of a name: folded, lowercased, honorifics and extra spaces dropped.
    public static func nameKey(_ name: String) -> String {
        var words = TextFolding.key(name).split(whereSeparator: { $0 == " " || $0 == "\u{a0}" })
        while let f = words.first, ["m.", "mme", "mlle", "m", "mr", "dr"].contains(String(f)), words.count > 1 {
            words.removeFirst()
        }
        return words.joined(separator: " ")
    }

    /// The entry a mention belongs to, or nil (automatic identity).
    public func entryIndex(name: String, role: String?) -> Int? {
        entryIndex(key: OfficialsRegistry.nameKey(name), role: role)
    }

    /// The entries with this spelling key. Answered at once by an empty registry (most
    /// digests have none), where a lookup would still hash the key: every mention asks.
    private func listed(key: String) -> [Int]? {
        bySpelling.isEmpty ? nil : bySpelling[key]
    }

    func entryIndex(key: String, role: String?) -> Int? {
        guard let list = listed(key: key) else { return nil }
        if list.count == 1 && entries[list[0]].roles.isEmpty { return list[0] }
        let r = TextFolding.key(role ?? "")
        for i in list where entries[i].roles.contains(where: { r.contains(TextFolding.key($0)) }) { return i }
        return list.count == 1 && entries[list[0]].roles.isEmpty ? list[0] : nil
    }

    /// Whether some entry has this key, so that `entryIndex` can answer other than nil
    /// (without one, a mention's identity does not depend on its role).
    func mayMatch(key: String) -> Bool {
        listed(key: key) != nil
    }

    /// Identity used inside one dispatch: only merges that need no role (no split).
    func identityKey(forFolded key: String) -> String? {
        guard let list = listed(key: key), list.count == 1, entries[list[0]].roles.isEmpty else { return nil }
        return "registry:\(list[0])"
    }

    /// Parses the registry. Errors name the file and line: `path:12: message`.
    public static func load(yaml: String, path: String) throws -> OfficialsRegistry {
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml)
        } catch let e as YamlError {
            throw RegistryError(path: path, line: line(of: e), message: "invalid YAML: \(problem(of: e))")
        }
        guard let root else { return OfficialsRegistry() }
        guard let map = root.mapping else {
            throw RegistryError(path: path, line: root.mark?.line, message: "expected a mapping with a `people` list")
        }
        var entries: [Entry] = []
        for (k, v) in map {
            guard k.string == "people" else {
                throw RegistryError(path: path, line: k.mark?.line, message: "unknown key `\(k.string ?? "?")` (expected `people`)")
            }
            if v.scalar != nil, v.string == "" || v.null != nil { continue }
            guard let seq = v.sequence else {
                throw RegistryError(path: path, line: v.mark?.line, message: "`people` must be a list")
            }
            for item in seq {
                guard let m = item.mapping else {
                    throw RegistryError(path: path, line: item.mark?.line, message: "each person must be a mapping with at least `name`")
                }
                var e = Entry(name: "", line: item.mark?.line ?? 0)
                var hasName = false
                for (ek, ev) in m {
                    let key = ek.string ?? ""
                    func str() throws -> String {
                        guard let s = ev.scalar?.string, ev.sequence == nil else {
                            throw RegistryError(path: path, line: ev.mark?.line, message: "`\(key)` must be a string")
                        }
                        return s
                    }
                    func list() throws -> [String] {
                        if let s = ev.scalar?.string { return [s] }
                        guard let sq = ev.sequence else {
                            throw RegistryError(path: path, line: ev.mark?.line, message: "`\(key)` must be a list of strings")
                        }
                        return try sq.map { n in
                            guard let s = n.scalar?.string else {
                                throw RegistryError(path: path, line: n.mark?.line, message: "`\(key)` must be a list of strings")
                            }
                            return s
                        }
                    }
                    switch key {
                    case "name": e.name = try str(); hasName = true
                    case "spellings": e.spellings = try list()
                    case "roles": e.roles = try list()
                    case "exclude":
                        guard let b = ev.bool else {
                            throw RegistryError(path: path, line: ev.mark?.line, message: "`exclude` must be true or false")
                        }
                        e.exclude = b
                    case "description": e.description = try str()
                    case "portrait_credit": e.portraitCredit = try str()
                    case "country": e.country = try str()
                    default:
                        throw RegistryError(path: path, line: ek.mark?.line,
                                            message: "unknown key `\(key)` (expected name, spellings, roles, exclude, description, portrait_credit, country)")
                    }
                }
                if !hasName || e.name.trimmingSpaces.isEmpty {
                    throw RegistryError(path: path, line: e.line, message: "person without a `name`")
                }
                entries.append(e)
            }
        }
        let reg = OfficialsRegistry(entries: entries)
        // a spelling shared by entries must be split by roles on each of them
        for (key, list) in reg.bySpelling.sorted(by: { $0.key < $1.key }) where list.count > 1 {
            if let bad = list.first(where: { reg.entries[$0].roles.isEmpty }) {
                throw RegistryError(path: path, line: reg.entries[bad].line,
                                    message: "spelling `\(key)` is listed for \(list.count) people; each needs `roles` to split it")
            }
        }
        return reg
    }

    private static func line(of e: YamlError) -> Int? {
        switch e {
        case .scanner(_, _, let mark, _), .parser(_, _, let mark, _), .composer(_, _, let mark, _):
            return mark.line
        case .duplicatedKeysInMapping(_, let context):
            return context.mark.line
        default:
            return nil
        }
    }

    private static func problem(of e: YamlError) -> String {
        switch e {
        case .scanner(_, let p, _, _), .parser(_, let p, _, _), .composer(_, let p, _, _): return p
        case .duplicatedKeysInMapping(let d, _): return "duplicated keys \(d.joined(separator: ", "))"
        default: return "\(e)"
        }
    }
}

/// A registry file problem, printed as `path:line: message`.
public struct RegistryError: Error, CustomStringConvertible, Hashable, Sendable {
    public var path: String
    public var line: Int?
    public var message: String

    public init(path: String, line: Int?, message: String) {
        self.path = path
        self.line = line
        self.message = message
    }

    public var description: String { "\(SourceLocation(path: path, line: line)): \(message)" }

    /// The same as a build diagnostic (code `officials.registry`).
    public var diagnostic: Diagnostic { .error(SourceLocation(path: path, line: line), message, code: "officials.registry") }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f.isWhitespace { s.removeFirst() }
        while let l = s.last, l.isWhitespace { s.removeLast() }
        return String(s)
    }
}
