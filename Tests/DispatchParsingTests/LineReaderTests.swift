@testable import DispatchParsing
import TestSupport
import Testing

/// `LineReader.lines` jumps eight bytes at a time to the next line end; it must split as a
/// byte-by-byte reading does, wherever the line ends fall against the eight-byte steps.
@Suite struct LineReaderTests {
    static func reference(_ b: [UInt8]) -> [(text: [UInt8], number: Int)] {
        var out: [(text: [UInt8], number: Int)] = []
        var start = 0, number = 1, i = 0
        let n = b.count
        while i < n {
            let c = b[i]
            if c == 0x0A || c == 0x0D {
                out.append((Array(b[ByteText.trimmed(b, start, i)]), number))
                number += 1
                if c == 0x0D && i + 1 < n && b[i + 1] == 0x0A { i += 1 }
                start = i + 1
            }
            i += 1
        }
        if start < n { out.append((Array(b[ByteText.trimmed(b, start, n)]), number)) }
        return out
    }

    @Test func splitsAsAByteByByteReading() {
        var random = SeededRandom(seed: 0x11E5)
        let pieces = ["a", "bc", " ", "\n", "\r\n", "\r", "\r\r", "\n\n", "é", "abcdefgh", "  x  ", "\u{A0}", "\t"]
        for _ in 0..<4000 {
            let b = Array(random.text(from: pieces, count: random.below(30)).utf8)
            let found = LineReader.lines(b).map { (Array($0.text), $0.number) }
            let expected = Self.reference(b)
            #expect(found.count == expected.count && zip(found, expected).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 },
                    "\(String(decoding: b, as: UTF8.self).debugDescription)")
        }
    }
}
