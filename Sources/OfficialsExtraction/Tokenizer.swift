import DispatchModel

/// One word, number or punctuation mark of a paragraph: flags and offsets only, so a
/// paragraph's tokens are made without a `String` per word and copied without reference
/// counting. The text is a byte range of the paragraph; the key is an id in the dispatch's
/// `TokenKeys`, where each distinct key is made into a `String` (and looked up in the
/// lexicon) once.
public struct Token: Sendable {
    public enum Kind: UInt8, Sendable { case word, number, punct }
    public internal(set) var kind: Kind
    /// First letter is uppercase.
    var cap: Bool
    /// Two or more letters, all uppercase (`PCC`).
    var allCaps: Bool
    /// Whitespace before this token in the source.
    var spaceBefore: Bool
    /// First word of a sentence.
    var sentenceStart: Bool
    /// Role head kind (`Lexicon.headKeys`): 0 none, 1 head, 2 head before `ministre`.
    var head: UInt8 = 0
    /// A capitalised word that is never part of a name (`Lexicon.nonName`).
    var nonName: Bool = false
    /// Count of non-ASCII scalars (diacritics), to rank spellings.
    var accents: Int32
    /// Folded and lowercased (`TextFolding.key`), as an id in `TokenKeys`. Punctuation and
    /// numbers: their text (typographic apostrophes as `'`, dashes as `–`).
    public internal(set) var key: Int32
    /// As written: bytes `start..<end` of the paragraph; glued words are already split.
    public internal(set) var start: Int32
    public internal(set) var end: Int32

    var isWord: Bool { kind == .word }
    var isCapWord: Bool { kind == .word && cap }
    var byteCount: Int { Int(end - start) }

    /// Role head and never-a-name flags, from what `keys` knows of its key.
    mutating func classify(_ keys: TokenKeys) {
        guard kind == .word, !allCaps || cap else { return }
        if !allCaps { head = keys.head(key) }
        if cap { nonName = keys.nonName(key) }
    }
}

/// The distinct keys of one dispatch's tokens, with ids from 0 in order of first occurrence.
/// Each key's bytes, `String` and lexicon facts live in the worker's `TokenVocabulary`,
/// made once per worker rather than once per dispatch: a dispatch meets half its word
/// tokens for the first time, and making each a string and looking it up in four tables
/// was a good part of tokenizing.
///
/// Not a value type in full: copies share the lease, so only the copy that interns may go on
/// interning (a dispatch's keys are made once, in `TokenizedTexts.init`, and only read after).
struct TokenKeys {
    private let lease: TokenVocabulary.Lease
    /// The lease's vocabulary (kept alive by it).
    private let vocab: UnsafeMutablePointer<TokenVocabulary.Storage>
    /// Each key's id in the vocabulary.
    private(set) var globals: [Int32] = []
    /// Ids of one-byte punctuation keys (-1: not met yet), found without hashing: a third
    /// of a dispatch's tokens are punctuation.
    private var asciiIDs = [Int32](repeating: -1, count: 128)

    init() {
        lease = TokenVocabulary.Lease()
        vocab = lease.vocabulary.data
        globals.reserveCapacity(256)
    }

    mutating func intern(_ u: UnsafeBufferPointer<UInt8>) -> Int32 {
        let g = vocab.pointee.intern(u)
        return vocab.pointee.local(g, globals: &globals)
    }

    /// The id of the key with these bytes, if the texts have it.
    func find(_ u: UnsafeBufferPointer<UInt8>) -> Int32? {
        guard let g = vocab.pointee.table.find(u) else { return nil }
        return vocab.pointee.localIfMet(Int32(truncatingIfNeeded: g))
    }

    /// The id of the key of one ASCII byte if met, or -1.
    func id(ascii c: UInt8) -> Int32 { asciiIDs[Int(c)] }

    /// The id of the key of one ASCII byte.
    mutating func intern(ascii c: UInt8) -> Int32 {
        let known = asciiIDs[Int(c)]
        if known >= 0 { return known }
        var byte = c
        let id = withUnsafePointer(to: &byte) { intern(UnsafeBufferPointer(start: $0, count: 1)) }
        asciiIDs[Int(c)] = id
        return id
    }

    mutating func intern(_ s: String) -> Int32 {
        s.withUTF8Bytes { intern($0) }
    }

    subscript(_ id: Int32) -> String { vocab.pointee.strings[Int(globals[Int(id)])] }

    /// Every key as a string, in id order (tests).
    var strings: [String] { globals.map { vocab.pointee.strings[Int($0)] } }

    var count: Int { globals.count }

    @inline(__always) private func facts(_ id: Int32) -> TokenVocabulary.Facts { vocab.pointee.facts[Int(globals[Int(id)])] }
    /// Role head kind (`Lexicon.headKind`) of key `id`.
    @inline(__always) func head(_ id: Int32) -> UInt8 { facts(id).head }
    /// A capitalised word that is never part of a name (`Lexicon.nonName`).
    @inline(__always) func nonName(_ id: Int32) -> Bool { facts(id).nonName }
    /// Where a glued role word splits (`premierministre` at 7, in scalars), or -1.
    @inline(__always) func glued(_ id: Int32) -> Int32 { facts(id).glued }
    /// An honorific (`Lexicon.honorifics`: `m`, `mme`…), read after every full stop and at
    /// every capitalised run.
    @inline(__always) func honorific(_ id: Int32) -> Bool { facts(id).honorific }

    /// Key `id`'s bytes, without making a `String`.
    @inline(__always)
    func withBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        vocab.pointee.table.withBytes(Int(globals[Int(id)]), body)
    }

    /// `body` of every key's bytes by id (`DispatchTokens.withKeys`).
    func withView<R>(_ body: (KeyBytes) throws -> R) rethrows -> R {
        try vocab.pointee.table.withView { table in
            try globals.withUnsafeBufferPointer { try body(KeyBytes(table: table, globals: $0)) }
        }
    }

    /// `compute` of key `id`'s bytes, once per vocabulary and owner (`DispatchTokens.memoized`).
    @inline(__always)
    func memoized(_ owner: TokenMemoOwner, _ id: Int32, _ compute: (UnsafeBufferPointer<UInt8>) -> UInt64) -> UInt64 {
        vocab.pointee.memoized(owner.id, globals[Int(id)], compute)
    }
}

/// A dispatch's keys' bytes by id, for a reader that goes over many keys in one scope
/// (`DispatchTokens.withKeys`): no copy of the keys, no call, per key.
public struct KeyBytes {
    @usableFromInline let table: ByteStringTable.View
    /// Each key's id in the vocabulary.
    @usableFromInline let globals: UnsafeBufferPointer<Int32>

    /// How many keys the dispatch has (ids `0..<count`).
    public var count: Int { globals.count }

    /// Key `id`'s bytes, valid in the scope that made them.
    @inlinable @inline(__always)
    public subscript(_ id: Int32) -> UnsafeBufferPointer<UInt8> {
        precondition(id >= 0 && Int(id) < globals.count, "key id out of range")
        return table[Int(globals[Int(id)])]
    }
}

/// A token with its text and key as strings, for callers off the hot path (role strings,
/// tests).
struct TokenText {
    var token: Token
    var text: String
    var key: String

    var kind: Token.Kind { token.kind }
    var isWord: Bool { token.isWord }
    var isCapWord: Bool { token.isCapWord }
    var cap: Bool { token.cap }
    var allCaps: Bool { token.allCaps }
    var sentenceStart: Bool { token.sentenceStart }
    var spaceBefore: Bool { token.spaceBefore }
    var accents: Int { Int(token.accents) }
}

/// The paragraphs of one dispatch as tokens, with their bytes and the keys they share.
struct TokenizedTexts {
    var sources: [[UInt8]]
    var docs: [[Token]]
    var keys = TokenKeys()
    /// The texts the officials are read from: `docs[..<scanned]`; those after (`extra`: the
    /// title) are tokenized for the tagger and the search words only.
    let scanned: Int

    init(_ texts: [String], extra: [String] = []) {
        scanned = texts.count
        sources = (texts + extra).map { Array($0.utf8) }
        docs = []
        docs.reserveCapacity(sources.count)
        var scratch: [UInt8] = []
        for s in sources {
            docs.append(s.withUnsafeBufferPointer { Tokenizer.tokenize(utf8: $0, keys: &keys, scratch: &scratch) })
        }
    }

    /// The token as written (punctuation and numbers: their key).
    func text(_ d: Int, _ t: Token) -> String {
        guard t.kind == .word else { return keys[t.key] }
        return sources[d].withUnsafeBufferPointer {
            String(decoding: UnsafeBufferPointer(rebasing: $0[Int(t.start)..<Int(t.end)]), as: UTF8.self)
        }
    }

    func key(_ t: Token) -> String { keys[t.key] }

    /// `r.map { text(d, toks[$0]) }.joined(separator: " ")` as one string built from the
    /// bytes, with no string per token (every name and role found is made this way).
    func joinedText(_ d: Int, _ toks: [Token], _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        sources[d].withUnsafeBufferPointer { src in
            for i in r {
                if i > r.lowerBound { out.append(0x20) }
                let t = toks[i]
                if t.kind == .word { out.append(contentsOf: UnsafeBufferPointer(rebasing: src[Int(t.start)..<Int(t.end)])) }
                else { keys.withBytes(t.key) { out.append(contentsOf: $0) } }
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `r.map { key(toks[$0]) }.joined(separator: " ")`, built from the keys' bytes.
    func joinedKeys(_ toks: [Token], _ r: Range<Int>) -> String {
        var out: [UInt8] = []
        for i in r {
            if i > r.lowerBound { out.append(0x20) }
            keys.withBytes(toks[i].key) { out.append(contentsOf: $0) }
        }
        return String(decoding: out, as: UTF8.self)
    }
}

/// Splits text into tokens in one pass over its scalars; no regular expressions.
enum Tokenizer {
    @inline(__always) static func isLetter(_ v: UInt32) -> Bool {
        if v < 0x80 { return (v | 0x20) >= 97 && (v | 0x20) <= 122 }
        if v < 0xC0 || v == 0xD7 || v == 0xF7 { return false }
        if v >= 0x2000 && v <= 0x2BFF { return false }
        if v >= 0x3000 && v <= 0x303F { return false }
        if v == 0xFEFF { return false }
        return true
    }
    @inline(__always) static func isDigit(_ v: UInt32) -> Bool { v >= 48 && v <= 57 }
    @inline(__always) static func isApostrophe(_ v: UInt32) -> Bool {
        v == 0x27 || v == 0x2019 || v == 0x2018 || v == 0x2BC
    }
    @inline(__always) static func isHyphen(_ v: UInt32) -> Bool { v == 0x2D || v == 0x2010 || v == 0x2011 }
    @inline(__always) static func isSpace(_ v: UInt32) -> Bool {
        v == 32 || v == 9 || v == 10 || v == 13 || v == 0xA0 || v == 0x202F || v == 0x2009 || v == 0xFEFF
    }
    @inline(__always) static func isUpper(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 65 && v <= 90 }
        return u.properties.isUppercase
    }
    @inline(__always) static func isLower(_ u: Unicode.Scalar) -> Bool {
        let v = u.value
        if v < 0x80 { return v >= 97 && v <= 122 }
        return u.properties.isLowercase
    }

    /// Uppercase test without the Unicode property tables for the Latin letters that occur.
    @inline(__always) static func isUpperValue(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 65 && v <= 90 }
        if v < 0xC0 { return false }
        if v <= 0xDE { return v != 0xD7 }
        if v < 0x100 { return false }
        if v < 0x180 {
            if v <= 0x137 { return v & 1 == 0 }
            if v == 0x138 || v == 0x149 { return false }
            if v <= 0x148 { return v & 1 == 1 }
            if v <= 0x177 { return v & 1 == 0 }
            if v == 0x178 { return true }
            return v <= 0x17E && v & 1 == 1
        }
        if v == 0x1A0 || v == 0x1AF { return true }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 0 }
        return Unicode.Scalar(v).map { $0.properties.isUppercase } ?? false
    }
    @inline(__always) static func isLowerValue(_ v: UInt32) -> Bool {
        if v < 0x80 { return v >= 97 && v <= 122 }
        if v < 0xC0 { return false }
        if (v >= 0xDF && v <= 0xFF) { return v != 0xF7 }
        if v < 0x180 { return !isUpperValue(v) }
        if v == 0x1A1 || v == 0x1B0 { return true }
        if v >= 0x1EA0 && v <= 0x1EFF { return v & 1 == 1 }
        return Unicode.Scalar(v).map { $0.properties.isLowercase } ?? false
    }

    /// Decodes the scalar at `i` of valid UTF-8 (Swift strings are): value and byte length.
    @inline(__always) static func decode(_ b: UnsafeBufferPointer<UInt8>, _ i: Int) -> (UInt32, Int) {
        let c0 = UInt32(b[i])
        if c0 < 0x80 { return (c0, 1) }
        if c0 < 0xE0 { return ((c0 & 0x1F) << 6 | UInt32(b[i + 1] & 0x3F), 2) }
        if c0 < 0xF0 { return ((c0 & 0x0F) << 12 | UInt32(b[i + 1] & 0x3F) << 6 | UInt32(b[i + 2] & 0x3F), 3) }
        return ((c0 & 0x07) << 18 | UInt32(b[i + 1] & 0x3F) << 12 | UInt32(b[i + 2] & 0x3F) << 6 | UInt32(b[i + 3] & 0x3F), 4)
    }

    /// One text's tokens with their strings (role strings, tests).
    static func tokenize(_ text: String) -> [TokenText] {
        let t = TokenizedTexts([text])
        return t.docs[0].map { TokenText(token: $0, text: t.text(0, $0), key: t.key($0)) }
    }

    static func tokenize(utf8 b: UnsafeBufferPointer<UInt8>, keys: inout TokenKeys, scratch: inout [UInt8]) -> [Token] {
        var out: [Token] = []
        out.reserveCapacity(b.count / 6)
        var i = 0
        var space = false
        var sentenceStart = true
        let n = b.count
        while i < n {
            let (v, len) = decode(b, i)
            if isSpace(v) { space = true; i += len; continue }
            if isLetter(v) {
                // a word: letters, digits, inner hyphens; split at `lowerUpper` (TranKim).
                // The counts `appendWord` needs are taken in this one pass over the scalars.
                var segStart = i
                var j = i + len
                var lettersInSeg = 1
                var stats = WordStats(first: v)
                var prevLower = isLowerValue(v)
                while j < n {
                    // Small ASCII letters, most of a text: no split, no accent, nothing to look
                    // up. Eight bytes at a time while they last (a word's tail is most often
                    // in one load), then byte by byte.
                    if j + 8 <= n {
                        let k = ByteWord.leadingLowercaseCount(ByteWord.load(b, j))
                        if k > 0 {
                            prevLower = true
                            stats.lower += k
                            lettersInSeg += k
                            j += k
                            continue
                        }
                    }
                    let c = b[j]
                    if c >= 0x61 && c <= 0x7A {
                        prevLower = true
                        stats.lower += 1
                        lettersInSeg += 1
                        j += 1
                        continue
                    }
                    let (w, wl) = decode(b, j)
                    if isLetter(w) || isDigit(w) || (w >= 0x300 && w <= 0x36F) {
                        let up = isUpperValue(w)
                        if lettersInSeg >= 3, up, prevLower {
                            appendWord(b, segStart, j, stats, &out, space, &sentenceStart, &keys, &scratch)
                            space = true // undone glue reads as a space
                            segStart = j
                            lettersInSeg = 0
                            stats = WordStats(cap: true)
                        }
                        prevLower = !up && isLowerValue(w)
                        stats.add(w, upper: up, lower: prevLower)
                        lettersInSeg += 1
                        j += wl
                    } else if isHyphen(w), j + wl < n, isLetter(decode(b, j + wl).0) {
                        stats.add(w, upper: false, lower: false)
                        lettersInSeg = 0
                        prevLower = false
                        j += wl
                    } else {
                        break
                    }
                }
                appendWord(b, segStart, j, stats, &out, space, &sentenceStart, &keys, &scratch)
                space = false
                i = j
                continue
            }
            if isDigit(v) {
                var j = i + 1
                while j < n {
                    let w = UInt32(b[j])
                    if isDigit(w) { j += 1 }
                    else if (w == 46 || w == 44), j + 1 < n, isDigit(UInt32(b[j + 1])) { j += 2 }
                    else if (w | 0x20) == 101, j - i < 4, j + 1 >= n || !isLetter(UInt32(b[j + 1])) { j += 1 } // 15e
                    else { break }
                }
                out.append(Token(kind: .number, cap: false, allCaps: false, spaceBefore: space, sentenceStart: false,
                                 accents: 0, key: keys.intern(UnsafeBufferPointer(rebasing: b[i..<j])),
                                 start: Int32(i), end: Int32(j)))
                sentenceStart = false
                space = false
                i = j
                continue
            }
            // punctuation: one scalar per token, its key the scalar normalised
            let key: Int32
            if isApostrophe(v) { key = keys.intern(ascii: 0x27) }
            else if v == 0x2013 || v == 0x2014 { key = keys.intern("–") }
            else if isHyphen(v) { key = keys.intern(ascii: 0x2D) }
            else if v < 0x80 { key = keys.intern(ascii: UInt8(v)) }
            else { key = keys.intern(UnsafeBufferPointer(rebasing: b[i..<(i + len)])) }
            if v == 46 || v == 33 || v == 63 || v == 0x2026 {
                // a full stop after `M` or a single capital (`D.C`, `U.S.`) is no sentence end
                var abbreviation = false
                if v == 46, let last = out.last, last.kind == .word {
                    if keys.honorific(last.key) { abbreviation = true }
                    else if last.byteCount == 1 && last.cap { abbreviation = true }
                }
                if !abbreviation { sentenceStart = true }
            }
            if v == 124 { sentenceStart = true } // `|`
            out.append(Token(kind: .punct, cap: false, allCaps: false, spaceBefore: space, sentenceStart: false,
                             accents: 0, key: key, start: Int32(i), end: Int32(i + len)))
            space = false
            i += len
        }
        return out
    }

    /// `TextFolding.key` of Latin scalars below U+2000, precomputed from it: up to two
    /// lowercase ASCII bytes packed (low byte first); 0xFFFF = drop (combining mark);
    /// 0 = not foldable here.
    static let foldTable: [UInt16] = {
        var t = [UInt16](repeating: 0, count: 0x2000)
        for v in 0..<0x80 {
            t[v] = UInt16((v >= 65 && v <= 90) ? v + 32 : v)
        }
        for v in 0x80..<0x2000 {
            if v >= 0x300 && v <= 0x36F { t[v] = 0xFFFF; continue }
            guard let u = Unicode.Scalar(v) else { continue }
            let f = Array(TextFolding.key(String(Character(u))).utf8)
            if f.count == 1 && f[0] < 0x80 { t[v] = UInt16(f[0]) }
            else if f.count == 2 && f[0] < 0x80 && f[1] < 0x80 { t[v] = UInt16(f[0]) | UInt16(f[1]) << 8 }
        }
        return t
    }()

    /// Folds the key of a word whose scalars the table covers into `out` (its byte count);
    /// nil otherwise. `out` holds at least `2 * (e - a)` bytes.
    static func foldKey(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int, into out: UnsafeMutableBufferPointer<UInt8>) -> Int? {
        let table = foldTable
        var n = 0
        var k = a
        while k < e {
            let (v, l) = decode(b, k)
            k += l
            guard v < 0x2000 else { return nil }
            let f = table[Int(v)]
            if f == 0xFFFF { continue }
            if f == 0 { return nil }
            out[n] = UInt8(f & 0xFF); n += 1
            if f > 0xFF { out[n] = UInt8(f >> 8); n += 1 }
        }
        return n
    }

    /// What `appendWord` needs to know of a word's scalars, counted while it is scanned.
    struct WordStats {
        var upper = 0, lower = 0
        /// Scalars at or above U+0080: the word is ASCII when there are none.
        var accents = 0
        /// Its first letter is uppercase.
        var cap: Bool

        init(cap: Bool) { self.cap = cap }

        @inline(__always) init(first v: UInt32) {
            cap = isUpperValue(v)
            add(v, upper: cap, lower: !cap && isLowerValue(v))
        }

        @inline(__always) mutating func add(_ v: UInt32, upper up: Bool, lower low: Bool) {
            if v >= 0x80 { accents += 1 }
            if up { upper += 1 } else if low { lower += 1 }
        }
    }

    private static func appendWord(_ b: UnsafeBufferPointer<UInt8>, _ a: Int, _ e: Int, _ stats: WordStats,
                                   _ out: inout [Token], _ space: Bool, _ sentenceStart: inout Bool,
                                   _ keys: inout TokenKeys, _ scratch: inout [UInt8]) {
        let bytes = UnsafeBufferPointer(rebasing: b[a..<e])
        let key: Int32
        if stats.accents == 0 && stats.upper == 0 {
            key = keys.intern(bytes) // lowercase ASCII: the word is its key
        } else {
            if scratch.count < 2 * (e - a) { scratch = [UInt8](repeating: 0, count: max(64, 2 * (e - a))) }
            key = scratch.withUnsafeMutableBufferPointer { buf -> Int32 in
                if stats.accents == 0 {
                    for (x, c) in bytes.enumerated() { buf[x] = (c >= 65 && c <= 90) ? c + 32 : c }
                    return keys.intern(UnsafeBufferPointer(rebasing: buf[0..<(e - a)]))
                }
                if let n = foldKey(b, a, e, into: buf) { return keys.intern(UnsafeBufferPointer(rebasing: buf[0..<n])) }
                return keys.intern(TextFolding.key(String(decoding: bytes, as: UTF8.self)))
            }
        }
        var tok = Token(kind: .word, cap: stats.cap, allCaps: stats.upper >= 2 && stats.lower == 0, spaceBefore: space,
                        sentenceStart: sentenceStart, accents: Int32(stats.accents), key: key, start: Int32(a), end: Int32(e))
        sentenceStart = false
        tok.classify(keys)
        // glued role words: `Premierministre` -> `Premier` `ministre` (a word that is a head
        // itself is never cut)
        let cut = Int(keys.glued(key))
        if cut >= 0, !tok.allCaps, tok.head == 0 {
            var keyText = keys[key]
            let split: (text: Int, first: Int32, second: Int32)? = keyText.withUTF8 { k in
                // Only when the text and its key have as many scalars (so `cut` means the same in both).
                guard scalarCount(bytes) == scalarCount(k) else { return nil }
                let kc = scalarOffset(k, cut)
                return (a + scalarOffset(bytes, cut), keys.intern(UnsafeBufferPointer(rebasing: k[..<kc])),
                        keys.intern(UnsafeBufferPointer(rebasing: k[kc...])))
            }
            if let split {
                tok.key = split.first
                tok.end = Int32(split.text)
                tok.accents = Int32(nonASCIIScalars(UnsafeBufferPointer(rebasing: b[a..<split.text])))
                tok.head = 0
                tok.nonName = false
                tok.classify(keys)
                out.append(tok)
                var rest = Token(kind: .word, cap: false, allCaps: false, spaceBefore: true, sentenceStart: false,
                                 accents: Int32(nonASCIIScalars(UnsafeBufferPointer(rebasing: b[split.text..<e]))),
                                 key: split.second, start: Int32(split.text), end: Int32(e))
                rest.classify(keys)
                out.append(rest)
                return
            }
        }
        out.append(tok)
    }

    /// Scalars of valid UTF-8: the bytes that are not continuation bytes.
    static func scalarCount(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        u.reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Byte offset of scalar `n` of valid UTF-8.
    static func scalarOffset(_ u: UnsafeBufferPointer<UInt8>, _ n: Int) -> Int {
        var seen = 0
        for (i, c) in u.enumerated() where c & 0xC0 != 0x80 {
            if seen == n { return i }
            seen += 1
        }
        return u.count
    }

    /// Scalars at or above U+0080 of valid UTF-8: their lead bytes.
    static func nonASCIIScalars(_ u: UnsafeBufferPointer<UInt8>) -> Int {
        u.reduce(0) { $0 + ($1 >= 0xC0 ? 1 : 0) }
    }
}
