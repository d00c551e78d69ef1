import Foundation
import Testing
import DispatchModel
import DispatchParsing
@testable import OfficialsExtraction

/// Extraction throughput on one core: `SITEGEN_BENCH=1 swift test -c release --filter BenchmarkTests`.
/// Dispatches are parsed beforehand (not timed); the figure is bytes of seed text per second
/// through `OfficialsExtractor.extract(from:)`, best of several passes, timed by this
/// thread's CPU clock (so other builds on the machine do not skew it) and by the wall clock.
@Suite struct BenchmarkTests {
    @Test(.enabled(if: ProcessInfo.processInfo.environment["SITEGEN_BENCH"] == "1"))
    func extractionThroughput() throws {
        let items = try Gold.corpus(count: 2000)
        let parser = DispatchParser()
        let dispatches = items.map { parser.parse(bytes: Array($0.text.utf8), file: $0.file, path: $0.file).dispatch! }
        let bytes = items.reduce(0) { $0 + $1.text.utf8.count }
        let ex = OfficialsExtractor()
        func cpuSeconds() -> Double {
            var ts = timespec()
            clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
            return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
        }
        var best = Double.infinity, bestWall = Double.infinity
        var found = 0
        for _ in 0..<7 {
            let w0 = DispatchTime.now().uptimeNanoseconds
            let c0 = cpuSeconds()
            found = 0
            for d in dispatches { found += ex.extract(from: d).count }
            best = min(best, cpuSeconds() - c0)
            bestWall = min(bestWall, Double(DispatchTime.now().uptimeNanoseconds - w0) / 1e9)
        }
        let mbps = Double(bytes) / 1e6 / best
        let wall = Double(bytes) / 1e6 / bestWall
        print("officials extraction: \(bytes) bytes, \(dispatches.count) dispatches, \(found) officials: \(mbps) MB/s of thread CPU time (\(best)s), \(wall) MB/s wall clock (one core)")
        #expect(found == 4000)
    }
}
