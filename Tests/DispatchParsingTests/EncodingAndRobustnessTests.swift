import Testing
import DispatchModel
import TestSupport
@testable import DispatchParsing

/// Encodings, unusable files, and inputs built to make a naive parser crash or go quadratic.
@Suite struct EncodingTests {
    let sample = "Hanoï, 3 août (VNA) - L’État a réagi.\n\nSuite.\n"

    func check(_ o: ParseOutcome) {
        let d = o.dispatch!
        #expect(d.place == "Hanoï")
        #expect(d.lead == "L’État a réagi.")
        #expect(d.date.iso == "--08-03")
    }

    /// The byte scans that skip eight bytes at a time (binary files, invalid UTF-8) find what
    /// a byte-at-a-time reading finds, wherever the odd byte falls in a word.
    @Test func wordAtATimeScansMatchByteAtATime() {
        func binaryReference(_ b: [UInt8]) -> Bool {
            var controls = 0
            for c in b {
                if c == 0 { return true }
                if (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0D && c != 0x0C) || c == 0x7F { controls += 1 }
            }
            return controls > 0 && controls * 10 > b.count
        }
        func invalidReference(_ b: [UInt8]) -> Int? {
            var i = 0
            while i < b.count {
                if b[i] < 0x80 { i += 1; continue }
                let n = TextDecoder.validSequenceLength(b, i)
                if n == 0 { return i }
                i += n
            }
            return nil
        }
        var rng = SeededRandom(seed: 8)
        let pieces: [[UInt8]] = [Array("texte ordinaire ".utf8), Array("é".utf8), [0x0A], [0x09], [0x00], [0x01], [0x7F], [0x1F],
                                 [0x20], [0x80], [0xC3], [0xE2, 0x80, 0x99], [0xFF], Array("abcdefgh".utf8)]
        for _ in 0..<3000 {
            var b: [UInt8] = []
            for _ in 0..<rng.below(12) { b += rng.pick(pieces) }
            // Mostly text, so that the rare byte lands at every offset of a word.
            if rng.below(3) == 0 { b = Array(repeating: 0x61, count: rng.below(9)) + b }
            #expect(TextDecoder.isBinary(b) == binaryReference(b), "\(b)")
            #expect(TextDecoder.firstInvalidUTF8(b, from: 0) == invalidReference(b), "\(b)")
        }
    }

    @Test func utf8WithBOM() {
        let o = DispatchParser().parse(bytes: [0xEF, 0xBB, 0xBF] + Array(sample.utf8), file: "a.txt", path: "a.txt")
        check(o)
        #expect(!codes(o).contains("encoding"))
    }

    @Test func bomBeforeDateHeaderAndCRLF() {
        let text = " date 2022-09-16 Un titre pour la dépêche\r\n\r\nLe ministre a parlé le 15 septembre.\r\n"
        let d = DispatchParser().parse(bytes: [0xEF, 0xBB, 0xBF] + Array(text.utf8), file: "a.txt", path: "a.txt").dispatch!
        #expect(d.title == "Un titre pour la dépêche")
        #expect(d.date.iso == "2022-09-16" && d.eventDate?.iso == "2022-09-15")
    }

    @Test func utf16LittleAndBigEndian() {
        let units = Array(sample.utf16)
        let le: [UInt8] = [0xFF, 0xFE] + units.flatMap { [UInt8($0 & 0xFF), UInt8($0 >> 8)] }
        let be: [UInt8] = [0xFE, 0xFF] + units.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xFF)] }
        check(DispatchParser().parse(bytes: le, file: "le.txt", path: "le.txt"))
        check(DispatchParser().parse(bytes: be, file: "be.txt", path: "be.txt"))
        // and saved without a BOM
        check(DispatchParser().parse(bytes: Array(le.dropFirst(2)), file: "le.txt", path: "le.txt"))
        check(DispatchParser().parse(bytes: Array(be.dropFirst(2)), file: "be.txt", path: "be.txt"))
    }

    @Test func windows1252Fallback() {
        // Hanoï (ï = 0xEF), août (û = 0xFB), L’État (’ = 0x92, É = 0xC9): not valid UTF-8
        let text = "Titre de la depeche\n\nHanoï, 3 août (VNA) - L’État a réagi.\n"
        let bytes: [UInt8] = text.unicodeScalars.map { $0 == "’" ? 0x92 : UInt8($0.value) }
        let o = DispatchParser().parse(bytes: bytes, file: "w.txt", path: "w.txt")
        let d = o.dispatch!
        #expect(d.place == "Hanoï")
        #expect(d.lead == "L’État a réagi.")
        #expect(d.date.iso == "--08-03")
        let w = o.diagnostics.first { $0.code == "encoding" }!
        #expect(w.severity == .warning && w.location.line == 3)
    }

    @Test(arguments: [
        ([UInt8](), "file.empty"),
        (Array(" \n\t\r\n\u{00A0}\n".utf8), "file.empty"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D], "file.binary"),
        ([UInt8](repeating: 0x01, count: 100) + Array("abc".utf8), "file.binary"),
    ])
    func unusableFiles(_ bytes: [UInt8], _ code: String) {
        let o = DispatchParser().parse(bytes: bytes, file: "x.txt", path: "dir/x.txt")
        #expect(o.dispatch == nil)
        let e = o.diagnostics.first!
        #expect(e.severity == .error && e.code == code && e.message.contains("x.txt") && e.location.path == "dir/x.txt")
    }

    @Test func onlyRelatedLinksIsAnError() {
        let o = parse(">> Un autre article\n>> Encore un autre\n")
        #expect(o.dispatch == nil && o.diagnostics.contains { $0.severity == .error })
    }
}

@Suite struct RobustnessTests {
    func timed(_ text: [UInt8]) -> (ParseOutcome, Double) {
        let start = ContinuousClock.now
        let o = DispatchParser().parse(bytes: text, file: "big.txt", path: "big.txt")
        let t = ContinuousClock.now - start
        return (o, Double(t.components.seconds) + Double(t.components.attoseconds) / 1e18)
    }

    @Test func fiveMegabyteSingleLine() {
        let unit = Array("Le ministre a parlé.Il a salué M.Nguyen le 3 mai (VNA) Photo : ".utf8)
        var bytes: [UInt8] = []
        while bytes.count < 5_000_000 { bytes += unit }
        let (o, t) = timed(bytes)
        #expect(o.dispatch != nil)
        #expect(t < 20)   // debug build; linear work (release is far below a second)
    }

    @Test func thousandsOfBrackets() {
        let bytes = Array(("Hanoi " + String(repeating: "(", count: 200_000) + " (Photo: " + String(repeating: "(Source: VNA ", count: 20_000) + String(repeating: ")", count: 200_000)).utf8)
        let (o, t) = timed(bytes)
        #expect(o.dispatch != nil)
        #expect(t < 20)
    }

    @Test func deepQuoteMarkers() {
        let bytes = Array((String(repeating: ">", count: 1_000_000) + " lien\n" + String(repeating: ">>>> x\n", count: 50_000) + "Le texte.\n").utf8)
        let (o, t) = timed(bytes)
        #expect(o.dispatch?.lead == "Le texte.")
        #expect(t < 20)
    }

    @Test func manyShortLinesAndPartialMarkers() {
        var s = ""
        for k in 0..<20_000 { s += "Photo\(k % 3 == 0 ? " :" : "") hinh anh \(k % 5 == 0 ? "x" : "") ./ -VN\n" }
        let (o, t) = timed(Array(s.utf8))
        #expect(o.dispatch != nil)
        #expect(t < 20)
    }
}

@Suite struct MixedEncodingTests {
    @Test func utf8WithOneStrayByteKeepsItsAccents() {
        let bytes = Array("Hanoï, 3 août (VNA) - L’État a réagi ".utf8) + [0x96] + Array(" vite.\n".utf8)
        let o = DispatchParser().parse(bytes: bytes, file: "m.txt", path: "m.txt")
        #expect(o.dispatch?.lead == "L’État a réagi – vite.")
        #expect(o.diagnostics.contains { $0.code == "encoding" && $0.location.line == 1 })
    }
}
