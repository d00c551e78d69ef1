import DispatchModel
import Synchronization
import Testing

@Suite struct ParallelTests {
    /// Every index is computed exactly once and its result lands at its index, for counts
    /// around the batch sizes the shared counter hands out, on 1 to 4 workers.
    @Test(arguments: [1, 2, 3, 4])
    func everyIndexOnceInOrder(jobs: Int) {
        for count in [0, 1, 2, 3, 63, 64, 65, 127, 128, 129, 1000, 4099, 10_001] {
            let calls = Mutex([Int](repeating: 0, count: count))
            let out = Parallel.map(count, jobs: jobs) { i -> Int in
                calls.withLock { $0[i] += 1 }
                return i &* 31 &+ 7
            }
            #expect(out == (0..<count).map { $0 &* 31 &+ 7 }, "count \(count), jobs \(jobs)")
            #expect(calls.withLock { $0.allSatisfy { $0 == 1 } }, "count \(count), jobs \(jobs)")
        }
    }

    /// Uneven work (a few long indexes first, as the render stage orders its jobs) still
    /// gives every result at its index.
    @Test func unevenWork() {
        let out = Parallel.map(400, jobs: 2) { i -> (Int, UInt64) in
            var x = UInt64(i)
            for _ in 0..<(i < 4 ? 200_000 : 2_000) { x = x &* 6364136223846793005 &+ 1 }
            return (i, x)
        }
        #expect(out.map(\.0) == Array(0..<400))
    }
}
