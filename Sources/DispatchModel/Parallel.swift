import Dispatch
import Synchronization

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
        // Workers take the next few indexes from a shared counter until none are left, so
        // the threads finish together whatever the cost of each index. Fixed chunks, handed
        // out once, left one core idle while the other ended a chunk of long pages: a
        // quarter of the render stage at 10,000 dispatches. A batch is small (a few
        // milliseconds of pages) and still amortises the atomic add.
        let batch = max(1, min(32, count / (jobs * 64)))
        let next = Atomic<Int>(0)
        DispatchQueue.concurrentPerform(iterations: min(jobs, count)) { _ in
            while true {
                let start = next.add(batch, ordering: .relaxed).oldValue
                if start >= count { return }
                for i in start..<min(start + batch, count) { slots[i] = body(i) }
            }
        }
        // Moved out, not copied: a copy retained every reference in every result, and the
        // release of the originals followed.
        return [T](unsafeUninitializedCapacity: count) { out, initialized in
            for i in 0..<count { (out.baseAddress! + i).initialize(to: (results.baseAddress! + i).move()!) }
            initialized = count
        }
    }
}
