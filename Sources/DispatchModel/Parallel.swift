import Dispatch

/// Maps over indexes on all cores, keeping results in input order so the output is the
/// same whatever the number of threads. `jobs == 1` runs inline (for determinism tests).
public enum Parallel {
    public static func map<T: Sendable>(_ count: Int, jobs: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if jobs <= 1 || count < 2 {
            return (0..<count).map(body)
        }
        let results = UnsafeMutableBufferPointer<T?>.allocate(capacity: count)
        results.initialize(repeating: nil)
        defer { results.deallocate() }
        nonisolated(unsafe) let slots = results
        // Chunks amortise scheduling; each index is written by exactly one worker.
        let chunk = max(1, count / (jobs * 8))
        let chunks = (count + chunk - 1) / chunk
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let start = c * chunk
            for i in start..<min(start + chunk, count) { slots[i] = body(i) }
        }
        return results.map { $0! }
    }
}
