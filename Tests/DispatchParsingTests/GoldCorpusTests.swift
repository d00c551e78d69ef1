import Foundation
import Testing
import DispatchModel
@testable import DispatchParsing

/// Package root, found from this file's path (Tests/DispatchParsingTests/…).
let packageRoot: URL = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Runs `gen_corpus.py` into a fresh temporary folder, hands it to `body`, then removes it.
/// `tag` keeps tests that run in parallel in the same process apart.
func withCorpus<T>(count: Int, tag: String, _ body: (URL) throws -> T) throws -> T {
    let out = FileManager.default.temporaryDirectory
        .appendingPathComponent("dispatch-gold-\(tag)-\(count)-\(ProcessInfo.processInfo.processIdentifier)")
    defer { try? FileManager.default.removeItem(at: out) }
    let p = Process()
    p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
    p.arguments = ["python3", packageRoot.appendingPathComponent("../shared/bench/gen_corpus.py").path,
                   "--count", String(count), "--out", out.path]
    try p.run()
    p.waitUntilExit()
    #expect(p.terminationStatus == 0)
    return try body(out)
}

struct GoldRecord {
    var file: String, format: String, title: String?, date: String, precision: String, place: String?
}

func readGold(_ dir: URL) throws -> [GoldRecord] {
    let text = try String(contentsOf: dir.appendingPathComponent("gold.jsonl"), encoding: .utf8)
    return try text.split(separator: "\n").map { line in
        let o = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: Any]
        return GoldRecord(file: o["file"] as! String, format: o["format"] as! String,
                          title: o["title"] as? String, date: o["date"] as! String,
                          precision: o["date_precision"] as! String, place: o["place"] as? String)
    }
}

/// Scores the parser against the generator's truth. Place is scored on every format but
/// `courrier`: that format has no dateline, and in a third of its files the city appears
/// nowhere in the text, so its gold place is not something a parser can read.
func scoreGold(count: Int) throws -> (title: Double, date: Double, place: Double, structureErrors: Int, mismatches: [String]) {
    try withCorpus(count: count, tag: "score") { try scoreGold(dir: $0) }
}

func scoreGold(dir: URL) throws -> (title: Double, date: Double, place: Double, structureErrors: Int, mismatches: [String]) {
    let gold = try readGold(dir)
    let parser = DispatchParser()
    var okTitle = 0, okDate = 0, okPlace = 0, placeTotal = 0, structureErrors = 0, placeAll = 0
    var mismatches: [String] = []
    for g in gold {
        let path = dir.appendingPathComponent("seeds").appendingPathComponent(g.file).path
        let bytes = [UInt8](FileManager.default.contents(atPath: path) ?? Data())
        guard let d = parser.parse(bytes: bytes, file: g.file, path: path).dispatch else {
            mismatches.append("\(g.file) [\(g.format)]: no dispatch"); continue
        }
        let titleOK = g.title == nil ? d.titleDerived : (!d.titleDerived && d.title == g.title)
        let dateOK = d.date.iso == g.date && d.date.precision.rawValue == g.precision
        if titleOK { okTitle += 1 } else { mismatches.append("\(g.file) [\(g.format)] title: \(d.title) != \(g.title ?? "nil")") }
        if dateOK { okDate += 1 } else { mismatches.append("\(g.file) [\(g.format)] date: \(d.date.iso ?? "nil") \(d.date.precision) != \(g.date) \(g.precision)") }
        // structure: nothing but article text in paragraphs, every caption credited,
        // every generated dispatch signed off with nothing left after it
        let junk = ["Photo", "hinh anh", "ảnh 1", ">>", "Voir plus", "Rédaction", "back to top", "(VNA) -", "(VNA) –"]
        for p in d.paragraphs where junk.contains(where: { p.contains($0) }) {
            mismatches.append("\(g.file) [\(g.format)] junk in paragraph: \(p.prefix(120))")
            structureErrors += 1
        }
        if d.lead == nil || d.signOff == nil || d.captions.contains(where: { $0.credit == nil }) || d.body.isEmpty {
            mismatches.append("\(g.file) [\(g.format)] structure: lead \(d.lead != nil) signOff \(d.signOff ?? "nil") body \(d.body.count)")
            structureErrors += 1
        }
        if d.place == g.place { placeAll += 1 }
        if g.format != "courrier" {
            placeTotal += 1
            if d.place == g.place { okPlace += 1 } else { mismatches.append("\(g.file) [\(g.format)] place: \(d.place ?? "nil") != \(g.place ?? "nil")") }
        }
    }
    let n = Double(gold.count)
    print("place on every format, courrier included: \(Double(placeAll) / n)")
    return (Double(okTitle) / n, Double(okDate) / n, Double(okPlace) / Double(max(placeTotal, 1)), structureErrors, mismatches)
}

@Suite struct GoldCorpusTests {
    @Test func goldCorpus2000() throws {
        let r = try scoreGold(count: 2000)
        print("gold 2000: title \(r.title) date \(r.date) place \(r.place) structure errors \(r.structureErrors)")
        if r.title < 0.995 || r.date < 0.995 || r.place < 0.995 || r.structureErrors > 0 {
            for m in r.mismatches.prefix(60) { print(m) }
        }
        #expect(r.title >= 0.995)
        #expect(r.date >= 0.995)
        #expect(r.place >= 0.995)
        #expect(r.structureErrors == 0)
    }

    /// `SITEGEN_GOLD=N` scores a larger corpus (10,000 for the report).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_GOLD"] != nil))
    func goldCorpusLarge() throws {
        let n = Int(ProcessInfo.processInfo.environment["SITEGEN_GOLD"]!) ?? 10_000
        let r = try scoreGold(count: n)
        print("gold \(n): title \(r.title) date \(r.date) place \(r.place) structure errors \(r.structureErrors)")
        for m in r.mismatches.prefix(30) { print(m) }
        #expect(r.title >= 0.995 && r.date >= 0.995 && r.place >= 0.995 && r.structureErrors == 0)
    }

    /// `SITEGEN_BENCH=1`: parse the 10,000-dispatch corpus and print MB/s (run in release).
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_BENCH"] == "1"))
    func benchmark() throws {
        let (names, files) = try withCorpus(count: 10_000, tag: "bench") { dir in
            let seeds = dir.appendingPathComponent("seeds")
            let names = try FileManager.default.contentsOfDirectory(atPath: seeds.path).sorted()
            return (names, names.map { [UInt8](FileManager.default.contents(atPath: seeds.appendingPathComponent($0).path)!) })
        }
        let total = files.reduce(0) { $0 + $1.count }
        let parser = DispatchParser()
        var best = Double.infinity
        for _ in 0..<5 {
            let start = ContinuousClock.now
            var sink = 0
            for (k, f) in files.enumerated() {
                sink &+= parser.parse(bytes: f, file: names[k], path: names[k]).dispatch?.body.count ?? 0
            }
            let t = ContinuousClock.now - start
            let s = Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18
            best = min(best, s)
            #expect(sink > 0)
        }
        print("bench: \(files.count) files, \(total) bytes, best of 5: \(best) s, \(Double(total) / best / 1e6) MB/s")
    }
}
