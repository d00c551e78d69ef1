import DispatchModel
import Synchronization

/// The keys one worker has met, across the dispatches it tokenized: each key's bytes, its
/// `String` and what the lexicon says of it, made once. A dispatch's `TokenKeys` number
/// their keys from 0 in order of first occurrence and map each to its id here, so the
/// answers are those of a table made afresh per dispatch; only the work of making each
/// key's string and facts is shared. Keys are pure functions of their bytes, so which
/// worker tokenized which dispatch changes nothing.
///
/// Used by one `Lease` at a time (so by one thread at a time), hence `@unchecked Sendable`:
/// leases take vocabularies from a pool and put them back when their tokens are dropped.
final class TokenVocabulary: @unchecked Sendable {
    /// What the officials extractor's lexicon says of a key.
    struct Facts {
        /// Role head kind (`Lexicon.headKind`): 0 none, 1 head, 2 head before `ministre`.
        var head: UInt8
        var nonName: Bool
        var honorific: Bool
        /// Where a glued role word splits, in scalars, or -1.
        var glued: Int32
    }

    /// The keys, read and grown through `data`: a struct behind a pointer, because arrays
    /// held by a class are retained and released (and checked for exclusive access) on
    /// every read, and every token reads them.
    struct Storage {
        var table = ByteStringTable(capacity: 4096)
        var strings: [String] = []
        var facts: [Facts] = []
        /// Per key: the lease (`generation`) that last met it, and its id in that lease's dispatch.
        var seen: [UInt32] = []
        var local: [Int32] = []
        var generation: UInt32 = 0
        /// Per key: a value one reader (`memoOwner`) computed from the key's bytes, plus one
        /// (0: not computed yet). See `DispatchTokens.memoized`.
        var memo: [UInt64] = []
        var memoOwner: UInt64 = 0

        /// The vocabulary id of `u`, added (with its string and facts) if new.
        @inline(__always)
        mutating func intern(_ u: UnsafeBufferPointer<UInt8>) -> Int32 {
            let (id, inserted) = table.insert(u)
            if inserted {
                strings.append(String(decoding: u, as: UTF8.self))
                facts.append(Facts(head: Lexicon.headKind(u),
                                   nonName: Lexicon.nonNameTable.value(for: u) != nil,
                                   honorific: Lexicon.honorificTable.value(for: u) != nil,
                                   glued: u.count >= 9 ? Int32(Lexicon.gluedTable.value(for: u) ?? -1) : -1))
                seen.append(0)
                local.append(-1)
                memo.append(0)
            }
            return Int32(truncatingIfNeeded: id)
        }

        /// `compute(bytes of key g)` for `owner`, computed once per vocabulary; another
        /// owner's values are forgotten first.
        @inline(__always)
        mutating func memoized(_ owner: UInt64, _ g: Int32, _ compute: (UnsafeBufferPointer<UInt8>) -> UInt64) -> UInt64 {
            if owner != memoOwner {
                for i in memo.indices { memo[i] = 0 }
                memoOwner = owner
            }
            let m = memo[Int(g)]
            if m != 0 { return m &- 1 }
            let v = table.withBytes(Int(g), compute)
            precondition(v != UInt64.max, "memoized values must not be UInt64.max")
            memo[Int(g)] = v &+ 1
            return v
        }

        /// Key `g`'s id in the current dispatch, numbered in `globals` if first met.
        @inline(__always)
        mutating func local(_ g: Int32, globals: inout [Int32]) -> Int32 {
            let i = Int(g)
            if seen[i] == generation { return local[i] }
            seen[i] = generation
            let id = Int32(truncatingIfNeeded: globals.count)
            local[i] = id
            globals.append(g)
            return id
        }

        /// Key `g`'s id in the current dispatch, or nil if the dispatch has not met it.
        func localIfMet(_ g: Int32) -> Int32? {
            seen[Int(g)] == generation ? local[Int(g)] : nil
        }

        /// Starts a dispatch: no key is met in it yet.
        mutating func begin() {
            if generation == UInt32.max {
                for i in seen.indices { seen[i] = 0 }
                generation = 0
            }
            generation += 1
        }
    }

    let data: UnsafeMutablePointer<Storage>

    /// Past this many keys a vocabulary is dropped rather than pooled again, so a corpus
    /// of endless distinct numbers and names cannot grow it without bound (a few MB).
    static let maxKeys = 1 << 18

    init() {
        data = .allocate(capacity: 1)
        data.initialize(to: Storage())
        data.pointee.strings.reserveCapacity(4096)
        data.pointee.facts.reserveCapacity(4096)
        data.pointee.seen.reserveCapacity(4096)
        data.pointee.local.reserveCapacity(4096)
        data.pointee.memo.reserveCapacity(4096)
    }

    deinit {
        data.deinitialize(count: 1)
        data.deallocate()
    }

    var count: Int { data.pointee.strings.count }

    private static let pool = Mutex<[TokenVocabulary]>([])

    /// A vocabulary for one dispatch's tokens, from the pool, back to it when the tokens go.
    final class Lease {
        let vocabulary: TokenVocabulary

        init() {
            vocabulary = TokenVocabulary.pool.withLock { $0.popLast() } ?? TokenVocabulary()
            vocabulary.data.pointee.begin()
        }

        deinit {
            let v = vocabulary
            guard v.count <= TokenVocabulary.maxKeys else { return }
            TokenVocabulary.pool.withLock { $0.append(v) }
        }
    }
}

/// Who reads `DispatchTokens.memoized` values: each tagger (or other reader) has its own, so
/// values computed from one reader's tables are never read by another.
public struct TokenMemoOwner: Sendable, Hashable {
    let id: UInt64
    private static let next = Atomic<UInt64>(1)

    public init() {
        id = Self.next.add(1, ordering: .relaxed).oldValue
    }
}
