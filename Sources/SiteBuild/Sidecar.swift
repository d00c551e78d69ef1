import DispatchModel
import Foundation
import MarkdownIntermediate
import Yams

/// Editorial overrides for one seed, in a YAML file beside it with the same base name
/// (`004_96b83adbe4ecf584.yml` for `004_96b83adbe4ecf584.txt`). Every key is optional; a
/// supplied value wins over what was parsed, and the warnings about that field go away.
///
/// ```yaml
/// title: "Entretien en ligne entre le PCV et le PCC"
/// date: 2020-11-30          # YYYY-MM-DD, YYYY-MM or --MM-DD
/// eventDate: 2020-11-30
/// place: Hanoï
/// tags:
///   add: [diplomatie, {name: PCV, kind: organisation}]
///   drop: [COVID-19]
/// officials:
///   add: [{name: "Hoàng Bình Quân", role: "chef de la Commission …"}]
///   drop: ["Song Tao"]
/// ```
public struct Sidecar: Sendable, Hashable {
    public var title: String?
    public var date: DispatchDate?
    public var eventDate: DispatchDate?
    public var place: String?
    public var addTags: [DispatchModel.Tag] = []
    public var dropTags: [String] = []
    public var addOfficials: [OfficialMention] = []
    public var dropOfficials: [String] = []

    public init() {}

    public static func load(yaml text: String, path: String) throws(Diagnostic) -> Sidecar {
        var s = Sidecar()
        guard let node = try YAMLLoader.compose(text, path: path) else { return s }
        guard let map = node.mapping else {
            throw Diagnostic.error(SourceLocation(path: path, line: 1), "a sidecar must be a mapping of keys to values", code: "sidecar")
        }
        func loc(_ n: Node) -> SourceLocation { SourceLocation(path: path, line: YAMLLoader.line(of: n)) }
        func string(_ n: Node, _ key: String) throws(Diagnostic) -> String {
            guard n.scalar != nil, let v = n.string, !v.trimmingCharacters(in: .whitespaces).isEmpty else {
                throw Diagnostic.error(loc(n), "`\(key)` must be a non-empty string", code: "sidecar")
            }
            return v
        }
        func date(_ n: Node, _ key: String) throws(Diagnostic) -> DispatchDate {
            let v = try string(n, key)
            guard let d = DispatchDate(iso: v) else {
                throw Diagnostic.error(loc(n), "`\(key)`: \"\(v)\" is not a valid date (YYYY-MM-DD, YYYY-MM or --MM-DD)", code: "sidecar")
            }
            return d
        }
        func addDrop(_ n: Node, _ key: String) throws(Diagnostic) -> (add: [Node], drop: [Node]) {
            guard let m = n.mapping else { throw Diagnostic.error(loc(n), "`\(key)` must have `add` and/or `drop` lists", code: "sidecar") }
            var add: [Node] = [], drop: [Node] = []
            for (k, v) in m {
                guard let seq = v.sequence else { throw Diagnostic.error(loc(v), "`\(key).\(k.string ?? "")` must be a list", code: "sidecar") }
                switch k.string {
                case "add": add = Array(seq)
                case "drop": drop = Array(seq)
                default: throw Diagnostic.error(loc(k), "unknown key `\(key).\(k.string ?? "")` (expected add or drop)", code: "sidecar")
                }
            }
            return (add, drop)
        }
        for (k, v) in map {
            let key = k.string ?? ""
            switch key {
            case "title": s.title = try string(v, key)
            case "date": s.date = try date(v, key)
            case "eventDate": s.eventDate = try date(v, key)
            case "place": s.place = try string(v, key)
            case "tags":
                let (add, drop) = try addDrop(v, key)
                for n in add {
                    if n.scalar != nil {
                        s.addTags.append(DispatchModel.Tag(name: try string(n, "tags.add"), kind: .topic))
                    } else if let m = n.mapping, let nameNode = m["name"] {
                        let kindText = m["kind"]?.string ?? "topic"
                        guard let kind = TagKind(rawValue: kindText) else {
                            throw Diagnostic.error(loc(n), "unknown tag kind \"\(kindText)\" (organisation, country, place or topic)", code: "sidecar")
                        }
                        s.addTags.append(DispatchModel.Tag(name: try string(nameNode, "tags.add.name"), kind: kind))
                    } else {
                        throw Diagnostic.error(loc(n), "each tag to add is a name or {name, kind}", code: "sidecar")
                    }
                }
                for n in drop { s.dropTags.append(try string(n, "tags.drop")) }
            case "officials":
                let (add, drop) = try addDrop(v, key)
                for n in add {
                    guard let m = n.mapping, let nameNode = m["name"] else {
                        throw Diagnostic.error(loc(n), "each official to add is {name, role}", code: "sidecar")
                    }
                    s.addOfficials.append(OfficialMention(name: try string(nameNode, "officials.add.name"), role: try m["role"].map { n throws(Diagnostic) in try string(n, "officials.add.role") }))
                }
                for n in drop { s.dropOfficials.append(try string(n, "officials.drop")) }
            default:
                throw Diagnostic.error(loc(k), "unknown sidecar key `\(key)` (title, date, eventDate, place, tags, officials)", code: "sidecar")
            }
        }
        return s
    }

    /// Fields this sidecar supplies: diagnostics about them are silenced.
    public var suppliedFields: Set<String> {
        var f = Set<String>()
        if title != nil { f.insert("title") }
        if date != nil { f.insert("date") }
        if place != nil { f.insert("place") }
        if !addTags.isEmpty || !dropTags.isEmpty { f.insert("tags") }
        if !addOfficials.isEmpty || !dropOfficials.isEmpty { f.insert("officials") }
        return f
    }

    /// Parsed facts that do not depend on extraction.
    public func applyFacts(to d: inout Dispatch) {
        if let t = title { d.title = t; d.titleDerived = false }
        if let dt = date { d.date = dt }
        if let e = eventDate { d.eventDate = e }
        if d.eventDate == d.date { d.eventDate = nil }
        if let p = place { d.place = p }
    }

    /// Officials and tags, applied after extraction.
    public func applyLists(to d: inout Dispatch) {
        let dropO = Set(dropOfficials.map(TextFolding.key))
        d.officials.removeAll { dropO.contains(TextFolding.key($0.name)) }
        for o in addOfficials where !d.officials.contains(where: { TextFolding.key($0.name) == TextFolding.key(o.name) }) {
            d.officials.append(o)
        }
        let dropT = Set(dropTags.map(TextFolding.key))
        d.tags.removeAll { dropT.contains(TextFolding.key($0.name)) }
        for t in addTags where !d.tags.contains(t) { d.tags.append(t) }
        d.tags.sort { ($0.kind, TextFolding.key($0.name), $0.name) < ($1.kind, TextFolding.key($1.name), $1.name) }
    }
}
