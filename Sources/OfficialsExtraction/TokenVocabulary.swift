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
        /// Per key: the lease (`generation`) that last met it, and its id in that lease's
        /// dispatch (one array: a token reads both, and each array written was one more
        /// uniqueness check per token).
        var marks: [Mark] = []

        struct Mark {
            var seen: UInt32
            var local: Int32
        }
        var generation: UInt32 = 0
        /// Per key, two values (`memo[2 * key + slot]`), each computed from the key's bytes by
        /// the reader that owns its slot (`memoOwners`), plus one (0: not computed yet). See
        /// `DispatchTokens.memoized`. Two slots: the tagger and the search words each keep
        /// theirs across dispatches.
        var memo: [UInt64] = []
        var memoOwners: (UInt64, UInt64) = (0, 0)
        /// The slot a third reader takes (its values forgotten first).
        var memoVictim = 0

        /// Ids of short keys (sixteen bytes or fewer: nearly all words of a French text and
        /// numbers) by their bytes, direct-mapped: a hit answers with one load and compare,
        /// where the table hashes, probes and compares the bytes in its arena (a hundred
        /// instructions, for every word of every dispatch). Every key is in the table too;
        /// the cache only remembers where.
        var shortIDs = [ShortKey](repeating: ShortKey(), count: Storage.shortSlots)
        static let shortSlots = 1024

        struct ShortKey {
            var low: UInt64 = 0
            var high: UInt64 = 0
            var length: Int32 = 0 // 0: empty
            var id: Int32 = 0
        }

        /// The vocabulary id of `u`, added (with its string and facts) if new.
        @inline(__always)
        mutating func intern(_ u: UnsafeBufferPointer<UInt8>) -> Int32 {
            let n = u.count
            guard n > 0, n <= 16, let base = u.baseAddress else { return internInTable(u) }
            let (low, high) = Self.packed(base, n)
            let mixed = (low ^ high &* 0xC4CE_B9FE_1A85_EC53) &* 0x9E37_79B9_7F4A_7C15 ^ UInt64(n)
            let slot = Int(truncatingIfNeeded: mixed >> 54) & (Self.shortSlots - 1)
            let hit = shortIDs.withUnsafeBufferPointer { cache in
                let k = cache[slot]
                return k.length == Int32(n) && k.low == low && k.high == high ? k.id : -1
            }
            if hit >= 0 { return hit }
            let id = internInTable(u)
            shortIDs[slot] = ShortKey(low: low, high: high, length: Int32(n), id: id)
            return id
        }

        /// The bytes of a key of one to sixteen bytes in two words, distinct for distinct keys
        /// of the same length (every byte is in one of them), read without going past them:
        /// overlapping loads from both ends.
        @inline(__always)
        static func packed(_ p: UnsafePointer<UInt8>, _ n: Int) -> (UInt64, UInt64) {
            let raw = UnsafeRawPointer(p)
            if n >= 8 {
                return (UInt64(littleEndian: raw.loadUnaligned(as: UInt64.self)),
                        UInt64(littleEndian: raw.loadUnaligned(fromByteOffset: n - 8, as: UInt64.self)))
            }
            if n >= 4 {
                return (UInt64(UInt32(littleEndian: raw.loadUnaligned(as: UInt32.self)))
                    | UInt64(UInt32(littleEndian: raw.loadUnaligned(fromByteOffset: n - 4, as: UInt32.self))) << 32, 0)
            }
            return (UInt64(p[0]) | UInt64(p[n >> 1]) << 8 | UInt64(p[n - 1]) << 16, 0)
        }

        @inline(never)
        mutating func internInTable(_ u: UnsafeBufferPointer<UInt8>) -> Int32 {
            let (id, inserted) = table.insert(u)
            if inserted {
                strings.append(String(decoding: u, as: UTF8.self))
                facts.append(Facts(head: Lexicon.headKind(u),
                                   nonName: Lexicon.nonNameTable.value(for: u) != nil,
                                   honorific: Lexicon.honorificTable.value(for: u) != nil,
                                   glued: u.count >= 9 ? Int32(Lexicon.gluedTable.value(for: u) ?? -1) : -1))
                marks.append(Mark(seen: 0, local: -1))
                memo.append(0)
                memo.append(0)
            }
            return Int32(truncatingIfNeeded: id)
        }

        /// `compute(bytes of key g)` for `owner`, computed once per vocabulary; a third owner
        /// takes the slot of one of the two others, whose values are forgotten.
        @inline(__always)
        mutating func memoized(_ owner: UInt64, _ g: Int32, _ compute: (UnsafeBufferPointer<UInt8>) -> UInt64) -> UInt64 {
            let slot: Int
            if owner == memoOwners.0 { slot = 0 }
            else if owner == memoOwners.1 { slot = 1 }
            else { slot = takeMemoSlot(owner) }
            let i = 2 * Int(g) + slot
            let m = memo[i]
            if m != 0 { return m &- 1 }
            let v = table.withBytes(Int(g), compute)
            precondition(v != UInt64.max, "memoized values must not be UInt64.max")
            memo[i] = v &+ 1
            return v
        }

        @inline(never)
        mutating func takeMemoSlot(_ owner: UInt64) -> Int {
            let slot = memoVictim
            memoVictim ^= 1
            for i in stride(from: slot, to: memo.count, by: 2) { memo[i] = 0 }
            if slot == 0 { memoOwners.0 = owner } else { memoOwners.1 = owner }
            return slot
        }

        /// Key `g`'s id in the current dispatch, numbered in `globals` if first met.
        @inline(__always)
        mutating func local(_ g: Int32, globals: inout [Int32]) -> Int32 {
            let i = Int(g)
            if marks[i].seen == generation { return marks[i].local }
            let id = Int32(truncatingIfNeeded: globals.count)
            marks[i] = Mark(seen: generation, local: id)
            globals.append(g)
            return id
        }

        /// Key `g`'s id in the current dispatch, or nil if the dispatch has not met it.
        func localIfMet(_ g: Int32) -> Int32? {
            marks[Int(g)].seen == generation ? marks[Int(g)].local : nil
        }

        /// Starts a dispatch: no key is met in it yet.
        mutating func begin() {
            if generation == UInt32.max {
                for i in marks.indices { marks[i].seen = 0 }
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
        data.pointee.marks.reserveCapacity(4096)
        data.pointee.memo.reserveCapacity(2 * 4096)
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
