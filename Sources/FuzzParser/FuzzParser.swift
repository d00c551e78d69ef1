import CFuzzSupport
import DispatchModel
import DispatchParsing
import MarkdownIntermediate
import MarkdownRendering
#if canImport(Glibc)
import Glibc
#endif

// libFuzzer target for the parser and the Markdown intermediate (see `.ci/fuzz`).
//
// Built with the fuzzer (`-sanitize=fuzzer -parse-as-library -D SITEGEN_FUZZ`), libFuzzer
// supplies `main` and calls `LLVMFuzzerTestOneInput` with generated inputs. Built plainly
// (`swift build`), this is a replay tool: `fuzz-parser FILE…` runs each file through the
// same checks, which is how a crash found by the fuzzer is reproduced under the debugger.
//
// For every input:
// 1. the bytes as a raw seed: `DispatchParser.parse` must return (no crash, no hang);
// 2. a parsed dispatch goes through the intermediate: written, read back, written again;
//    the second write must equal the first (the intermediate is a fixed point), and
//    reading back must not fail;
// 3. its body rendered by cmark may only hold the markup our Markdown makes (`<p>`,
//    `<blockquote>`, `<em>`): dispatch text never becomes HTML structure;
// 4. the bytes as a hand-written `.md` seed: `IntermediateReader` returns a dispatch or
//    a diagnostic, and a dispatch it returns survives steps 2 and 3.

let renderer = MarkdownRenderer()
let allowedTags: Set<String> = ["p", "/p", "blockquote", "/blockquote", "em", "/em"]

func printError(_ message: String) {
    let bytes = Array((message + "\n").utf8)
    _ = bytes.withUnsafeBytes { write(2, $0.baseAddress, $0.count) }
}

func fail(_ message: String) -> Never {
    printError("fuzz-parser: invariant broken: \(message)")
    abort()
}

/// Known and accepted: Yams decodes a string value with Foundation, which drops one
/// leading U+FEFF (invisible) even when written as `\ufeff`.
func withoutLeadingBOMs(_ s: String) -> [UInt8] {
    // Bytes, not Characters: `f` of `\ufeff` may combine with a following mark.
    let bom = Array("\\ufeff".utf8)
    var out: [UInt8] = []
    let b = Array(s.utf8)
    var i = 0
    var afterQuote = false
    while i < b.count {
        if afterQuote, i + bom.count <= b.count, Array(b[i..<i + bom.count]) == bom {
            i += bom.count
            continue
        }
        afterQuote = b[i] == UInt8(ascii: "\"")
        out.append(b[i]); i += 1
    }
    return out
}

func checkIntermediate(_ d: Dispatch, origin: String) {
    let first = IntermediateWriter.markdown(for: d)
    let back: Dispatch
    do {
        back = try IntermediateReader.dispatch(from: first, path: "fuzz.md", file: d.file)
    } catch {
        // A dispatch without a title cannot be written as a valid intermediate.
        // (or whose title is only U+FEFF, see `withoutLeadingBOMs`).
        if d.title.unicodeScalars.allSatisfy({ $0 == "\u{FEFF}" }) { return }
        fail("\(origin): the intermediate written for a dispatch does not read back: \(error)\n---\n\(first)")
    }
    let second = IntermediateWriter.markdown(for: back)
    if withoutLeadingBOMs(second) != withoutLeadingBOMs(first) { fail("\(origin): the intermediate is not a fixed point\n--- first\n\(first)\n--- second\n\(second)") }

    let html = renderer.html(from: IntermediateWriter.body(for: d))
    var i = html.utf8.startIndex
    let u = html.utf8
    while let lt = u[i...].firstIndex(of: UInt8(ascii: "<")) {
        let nameStart = u.index(after: lt)
        var j = nameStart
        while j < u.endIndex, u[j] != UInt8(ascii: ">"), u[j] != UInt8(ascii: " ") { j = u.index(after: j) }
        let name = String(decoding: u[nameStart..<j], as: UTF8.self)
        if !allowedTags.contains(name) { fail("\(origin): dispatch text became markup <\(name)> in\n\(html)") }
        i = j
    }
}

func fuzzOne(_ bytes: [UInt8]) {
    let outcome = DispatchParser().parse(bytes: bytes, file: "fuzz.txt", path: "fuzz.txt")
    if let d = outcome.dispatch { checkIntermediate(d, origin: "raw seed") }
    let text = String(decoding: bytes, as: UTF8.self)
    if let d = try? IntermediateReader.dispatch(from: text, path: "fuzz.md", file: "fuzz.md") {
        checkIntermediate(d, origin: "hand-written seed")
    }
    _ = MarkdownEscaper.unescape(MarkdownEscaper.escape(text))
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    let bytes = size == 0 || data == nil ? [] : Array(UnsafeBufferPointer(start: data, count: size))
    fuzzOne(bytes)
    return 0
}

#if SITEGEN_FUZZ
// SwiftPM links an executable with `--defsym main=<Target>_main`, which hides libFuzzer's
// own `main`; this entry point hands control to libFuzzer's driver instead.
@_cdecl("FuzzParser_main")
public func fuzzParserMain(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> CInt {
    var argc = argc
    var argv = argv
    return LLVMFuzzerRunDriver(&argc, &argv) { data, size in fuzzerTestOneInput(data, size) }
}
#else
/// Replay: runs the files given on the command line through the same checks.
@main
enum Replay {
    static func main() {
        var count = 0
        for path in CommandLine.arguments.dropFirst() {
            guard let f = fopen(path, "rb") else { printError("fuzz-parser: cannot open \(path)"); exit(2) }
            var bytes: [UInt8] = []
            var buf = [UInt8](repeating: 0, count: 65536)
            while true {
                let n = fread(&buf, 1, buf.count, f)
                if n <= 0 { break }
                bytes += buf[0..<n]
            }
            fclose(f)
            fuzzOne(bytes)
            count += 1
        }
        print("fuzz-parser: \(count) input(s) passed")
    }
}
#endif
