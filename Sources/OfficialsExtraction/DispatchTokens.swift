import DispatchModel

/// A dispatch's text as tokens, made once and read by the officials extractor, the tagger and
/// the search words, which each went over the text (and a folded copy) on their own: a
/// third of the time spent loading a dispatch.
///
/// Texts, in order: the lead, the body's paragraphs and caption texts (what officials are
/// read from), then the title. Each token's key is its folded, lowercased text as an id
/// shared by the dispatch's tokens, so a reader looks each distinct word up once.
public struct DispatchTokens {
    let texts: TokenizedTexts

    public init(_ dispatch: Dispatch) {
        var t: [String] = []
        if let lead = dispatch.lead { t.append(lead) }
        for block in dispatch.body {
            switch block {
            case .paragraph(let p): t.append(p)
            case .caption(let c): if !c.text.isEmpty { t.append(c.text) }
            }
        }
        texts = TokenizedTexts(t, extra: [dispatch.title])
    }

    /// Plain texts, all read for officials (tests, phrases).
    public init(texts: [String]) {
        self.texts = TokenizedTexts(texts)
    }

    /// Each text's tokens, in order.
    public var documents: [[Token]] { texts.docs }

    /// Distinct keys: ids run from 0 to `keyCount - 1`, in order of first occurrence.
    public var keyCount: Int { texts.keys.count }

    /// Key `id`'s bytes (folded words; numbers and punctuation as written).
    public func withKeyBytes<R>(_ id: Int32, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        texts.keys.withBytes(id, body)
    }

    /// `body` of every key's bytes by id: for readers of many keys (the search words), which
    /// paid a call and a copy of the keys per `withKeyBytes`. The bytes must not leave `body`.
    public func withKeys<R>(_ body: (KeyBytes) throws -> R) rethrows -> R {
        try texts.keys.withView(body)
    }

    /// A value computed from key `id`'s bytes by `compute`, which must be a pure function of
    /// them (and of the owner's own tables), never `UInt64.max`. Computed once per key for all
    /// the dispatches a worker tokenizes, since keys live in its vocabulary: a reader that
    /// looks up every distinct key of every dispatch (the tagger) looks each word up once.
    public func memoized(_ owner: TokenMemoOwner, _ id: Int32, _ compute: (UnsafeBufferPointer<UInt8>) -> UInt64) -> UInt64 {
        texts.keys.memoized(owner, id, compute)
    }

    /// The id of the key with these bytes, or nil when the texts have none.
    public func keyID(bytes: UnsafeBufferPointer<UInt8>) -> Int32? { texts.keys.find(bytes) }

    /// The id of the key of one ASCII punctuation byte, or -1 when the texts have none.
    public func keyID(ascii c: UInt8) -> Int32 { texts.keys.id(ascii: c) }

    /// Text `doc`'s UTF-8 bytes; tokens' `start..<end` index them.
    public func withSource<R>(_ doc: Int, _ body: (UnsafeBufferPointer<UInt8>) -> R) -> R {
        texts.sources[doc].withUnsafeBufferPointer(body)
    }
}
