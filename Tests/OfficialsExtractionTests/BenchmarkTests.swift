import Foundation
import Testing
import DispatchModel
import DispatchParsing
@testable import OfficialsExtraction

/// Extraction throughput on one core: `SITEGEN_BENCH=1 swift test -c release --filter BenchmarkTests`.
/// Dispatches are parsed beforehand (not timed); the figure is bytes of seed text per second
/// through `OfficialsExtractor.extract(from:)`, best of several passes.
@Suite struct BenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_BENCH"] == "1"))
    func extractionThroughput() throws {
        let items = try Gold.corpus(count: 2000)
        let parser = DispatchParser()
        let dispatches = items.map { parser.parse(bytes: Array($0.text.utf8), file: $0.file, path: $0.file).dispatch! }
        let bytes = items.reduce(0) { $0 + $1.text.utf8.count }
        let ex = OfficialsExtractor()
        var best = Double.infinity
        var found = 0
        for _ in 0..<5 {
            let t0 = DispatchTime.now().uptimeNanoseconds
            found = 0
            for d in dispatches { found += ex.extract(from: d).count }
            let dt = Double(DispatchTime.now().uptimeNanoseconds - t0) / 1e9
            best = min(best, dt)
        }
        let mbps = Double(bytes) / 1e6 / best
        print("officials extraction: \(bytes) bytes, \(dispatches.count) dispatches, \(found) officials, best \(best)s -> \(mbps) MB/s (one core)")
        #expect(found == 4000)
    }
}
