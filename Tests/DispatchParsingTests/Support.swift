import Foundation
import DispatchModel
@testable import DispatchParsing

/// Parses an inline fixture (UTF-8) the way the build parses a seed file.
func parse(_ text: String, file: String = "fixture.txt") -> ParseOutcome {
    DispatchParser().parse(bytes: Array(text.utf8), file: file, path: "seeds/" + file)
}

func paragraphs(_ d: Dispatch?) -> [String] {
    (d?.body ?? []).compactMap { if case .paragraph(let p) = $0 { return p } else { return nil } }
}

func codes(_ o: ParseOutcome) -> [String] { o.diagnostics.compactMap(\.code) }

/// Human-readable dump, for debugging a fixture.
func dump(_ o: ParseOutcome) -> String {
    guard let d = o.dispatch else { return "nil \(o.diagnostics)" }
    var s = "title[\(d.titleDerived ? "derived" : "given")]: \(d.title)\ndate: \(d.date.iso ?? "-") \(d.date.precision) event: \(d.eventDate?.iso ?? "-")\n"
    s += "place: \(d.place ?? "-") agency: \(d.agency ?? "-") dateline: \(d.dateline ?? "-") signOff: \(d.signOff ?? "-") dropped: \(o.droppedCharacters)\n"
    s += "lead: \(d.lead ?? "-")\n"
    for b in d.body {
        switch b {
        case .paragraph(let p): s += "  P: \(p.prefix(100))…\n"
        case .caption(let c): s += "  C: [\(c.text)] credit [\(c.credit ?? "-")]\n"
        }
    }
    for g in o.diagnostics { s += "  D: \(g) (\(g.code ?? ""))\n" }
    return s
}

/// Parses one of the real seeds in `../shared/seeds/` (relative to the package root).
func parseSeed(_ name: String) -> ParseOutcome {
    let url = packageRoot.appendingPathComponent("../shared/seeds/\(name)")
    let bytes = [UInt8](FileManager.default.contents(atPath: url.path) ?? Data())
    return DispatchParser().parse(bytes: bytes, file: name, path: url.path)
}
