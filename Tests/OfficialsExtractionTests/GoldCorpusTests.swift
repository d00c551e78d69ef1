import Foundation
import Testing
import DispatchModel
import DispatchParsing
@testable import OfficialsExtraction

/// Scores the extractor against `gen_corpus.py`'s gold officials.
///
/// Names are compared accent- and case-insensitively (`TextFolding.key`): gold writes the
/// unaccented spelling while the extractor keeps the most complete (accented) spelling when
/// the dispatch has both. The exact-name rate is printed too. Roles are compared exactly.
enum Gold {
    static let packageRoot: URL = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    struct Item {
        var file: String
        var text: String
        var officials: [(name: String, role: String)]
    }

    static let lock = NSLock()

    /// Generates (once per count and process) a corpus and returns its dispatches with gold.
    static func corpus(count: Int) throws -> [Item] {
        lock.lock()
        defer { lock.unlock() }
        // deterministic (gen_corpus seed 7, or SITEGEN_GOLD_SEED): reused across runs when complete
        let seed = ProcessInfo.processInfo.environment["SITEGEN_GOLD_SEED"] ?? "7"
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("sitegen-officials-gold-\(count)-s\(seed)")
        let goldURL = dir.appendingPathComponent("gold.jsonl")
        let complete = (try? String(contentsOf: goldURL, encoding: .utf8))
            .map { $0.split(separator: "\n").count == count } ?? false
        if !complete {
            let script = packageRoot.deletingLastPathComponent().appendingPathComponent("shared/bench/gen_corpus.py")
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["python3", script.path, "--count", String(count), "--out", dir.path, "--seed", seed]
            try p.run()
            p.waitUntilExit()
            guard p.terminationStatus == 0 else { throw CocoaError(.fileReadUnknown) }
        }
        let gold = try String(contentsOf: dir.appendingPathComponent("gold.jsonl"), encoding: .utf8)
        var items: [Item] = []
        for line in gold.split(separator: "\n") {
            let obj = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
            let file = obj["file"] as! String
            let offs = (obj["officials"] as! [[String: Any]]).map { ($0["name"] as! String, $0["role"] as! String) }
            let data = try Data(contentsOf: dir.appendingPathComponent("seeds").appendingPathComponent(file))
            items.append(Item(file: file, text: String(decoding: data, as: UTF8.self),
                              officials: offs.map { (name: $0.0, role: $0.1) }))
        }
        return items
    }

    /// What the real parser will produce: dateline cut from the lead, `Photo :` lines as captions.
    static func parserLike(_ text: String, file: String) -> Dispatch {
        var lines = text.replacingOccurrences(of: "\r\n", with: "\n").split(separator: "\n")
            .map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
        lines = lines.map { $0.hasPrefix("\u{feff}") ? String($0.dropFirst()) : $0 }
        var d = Dispatch(file: file)
        var leadSet = false
        for l in lines {
            if l.contains("Photo") && (l.contains("Photo :") || l.contains("Photo:") || l.contains("Photo\u{a0}:")) {
                let cut = l.range(of: "Photo")!
                d.body.append(.caption(Caption(text: String(l[..<cut.lowerBound]).trimmingCharacters(in: .whitespaces),
                                               credit: String(l[cut.lowerBound...]))))
                continue
            }
            if !leadSet, let r = l.range(of: "(VNA) - ") ?? l.range(of: "(VNA) – ") ?? l.range(of: "(VNA) -") {
                var rest = l[r.upperBound...]
                while let f = rest.first, f == "-" || f == "–" || f == " " { rest.removeFirst() }
                d.lead = String(rest)
                leadSet = true
                continue
            }
            d.body.append(.paragraph(l))
        }
        return d
    }

    struct Score: CustomStringConvertible {
        var tp = 0, predicted = 0, gold = 0, roleOK = 0, exactName = 0
        var mismatches: [String] = []
        var precision: Double { predicted == 0 ? 0 : Double(tp) / Double(predicted) }
        var recall: Double { gold == 0 ? 0 : Double(tp) / Double(gold) }
        var roleAccuracy: Double { tp == 0 ? 0 : Double(roleOK) / Double(tp) }
        var description: String {
            "precision \(precision) (\(tp)/\(predicted)) recall \(recall) (\(tp)/\(gold)) role accuracy \(roleAccuracy) (\(roleOK)/\(tp)) exact names \(exactName)/\(tp)"
        }
    }

    static func score(_ items: [Item], parse: (Item) -> Dispatch) -> Score {
        var s = Score()
        let ex = OfficialsExtractor()
        for it in items {
            let got = ex.extract(from: parse(it))
            s.predicted += got.count
            s.gold += it.officials.count
            var unmatched = got
            for g in it.officials {
                if let k = unmatched.firstIndex(where: { TextFolding.key($0.name) == TextFolding.key(g.name) }) {
                    let m = unmatched.remove(at: k)
                    s.tp += 1
                    if m.name == g.name { s.exactName += 1 }
                    if m.role == g.role { s.roleOK += 1 }
                    else if s.mismatches.count < 40 { s.mismatches.append("\(it.file): role of \(g.name): got \(m.role ?? "nil") / gold \(g.role)") }
                } else if s.mismatches.count < 40 {
                    s.mismatches.append("\(it.file): missed \(g.name) (\(g.role))")
                }
            }
            for m in unmatched where s.mismatches.count < 40 {
                s.mismatches.append("\(it.file): spurious \(m.name) (\(m.role ?? "nil"))")
            }
        }
        return s
    }
}

@Suite(.serialized) struct GoldCorpusTests {
    static var count: Int { Int(ProcessInfo.processInfo.environment["SITEGEN_GOLD_COUNT"] ?? "") ?? 2000 }

    @Test func goldWithPlaceholderParser() throws {
        let items = try Gold.corpus(count: Self.count)
        let parser = DispatchParser()
        let s = Gold.score(items) { parser.parse(bytes: Array($0.text.utf8), file: $0.file, path: $0.file).dispatch! }
        print("gold \(items.count) (placeholder parser): \(s)")
        if s.precision < 0.99 || s.recall < 0.99 || s.roleAccuracy < 0.97 { print(s.mismatches.joined(separator: "\n")) }
        #expect(s.precision >= 0.99)
        #expect(s.recall >= 0.99)
        #expect(s.roleAccuracy >= 0.97)
    }

    @Test func goldWithParserLikeDispatches() throws {
        let items = try Gold.corpus(count: Self.count)
        let s = Gold.score(items) { Gold.parserLike($0.text, file: $0.file) }
        print("gold \(items.count) (lead without dateline, captions): \(s)")
        if s.precision < 0.99 || s.recall < 0.99 || s.roleAccuracy < 0.97 { print(s.mismatches.joined(separator: "\n")) }
        #expect(s.precision >= 0.99)
        #expect(s.recall >= 0.99)
        #expect(s.roleAccuracy >= 0.97)
    }
}

@Suite(.serialized) struct GoldIdentityTests {
    @Test func onePersonPerGoldName() throws {
        let items = try Gold.corpus(count: GoldCorpusTests.count)
        let parser = DispatchParser()
        let ex = OfficialsExtractor()
        let extracted = items.map { ex.extractDetailed(from: parser.parse(bytes: Array($0.text.utf8), file: $0.file, path: $0.file).dispatch!) }
        let people = IdentityResolver().resolve(extracted: extracted)
        let goldNames = Set(items.flatMap { $0.officials.map(\.name) })
        #expect(people.count == goldNames.count)
        #expect(Set(people.map { TextFolding.key($0.displayName) }) == Set(goldNames.map(TextFolding.key)))
        // appearances add up, and the result does not depend on dispatch order
        #expect(people.reduce(0) { $0 + $1.appearances.count } == items.count * 2)
        let reversed = IdentityResolver().resolve(extracted: extracted.reversed())
        #expect(reversed.map(\.displayName) == people.map(\.displayName))
        #expect(reversed.map(\.spellings) == people.map(\.spellings))
        #expect(reversed.map(\.country) == people.map(\.country))
        let report = OfficialsReport.text(people: people)
        #expect(report.hasPrefix("\(people.count) personnes\n"))
        print(report.split(separator: "\n", omittingEmptySubsequences: false).prefix(14).joined(separator: "\n"))
    }
}
