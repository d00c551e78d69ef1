import Testing
import DispatchModel
import TestSupport
@testable import OfficialsExtraction

@Suite struct TokenizerTests {
    @Test func keysMatchTextFolding() {
        let words = ["Nguyễn", "Đặng", "coopération", "Œuvre", "Straße", "Ærø", "Hanoï", "Tô", "Lâm", "QUÂN",
                     "Nguye\u{0302}\u{0303}n", "Αθήνα", "Ελλάδα", "vice-présidente", "Minh-Ville"]
        for w in words {
            let t = Tokenizer.tokenize(w)
            #expect(t.count == 1)
            #expect(t.first?.key == TextFolding.key(w), "\(w)")
            #expect(t.first?.text == w)
        }
    }

    @Test func sentencesAbbreviationsAndGlue() {
        let t = Tokenizer.tokenize("nationale.Il a vu M.Nguyen à Washington D.C. le 3.618 TranKim Chung l’Premierministre")
        #expect(t.map(\.text) == ["nationale", ".", "Il", "a", "vu", "M", ".", "Nguyen", "à", "Washington", "D", ".", "C", ".",
                                  "le", "3.618", "Tran", "Kim", "Chung", "l", "'", "Premier", "ministre"])
        #expect(t[2].sentenceStart)      // `Il` after a glued full stop
        #expect(!t[7].sentenceStart)     // `Nguyen` after `M.`
        #expect(!t[12].sentenceStart)    // `C` after `D.`
        #expect(t.first { $0.text == "Tran" }!.cap)
    }

    /// A glued role word with diacritics splits at the same scalar in its text and its key,
    /// and the parts' byte ranges, keys and accent counts are those of the words apart.
    @Test func gluedWordWithDiacriticsSplitsOnScalars() {
        let t = Tokenizer.tokenize("le Secrétairegénéral Lê")
        #expect(t.map(\.text) == ["le", "Secrétaire", "général", "Lê"])
        #expect(t.map(\.key) == ["le", "secretaire", "general", "le"])
        #expect(t.map(\.accents) == [0, 1, 2, 1])
        #expect(t[1].token.head == 1 && t[1].cap && !t[2].cap && t[2].spaceBefore)
    }

    /// Keys are interned once per dispatch: equal keys have equal ids in every paragraph, so
    /// the extractor compares names across paragraphs by id.
    @Test func keysAreSharedAcrossParagraphs() {
        let texts = TokenizedTexts(["Le ministre Nguyen Van Binh a dit.", "M. NGUYỄN et nguyen, ministre."])
        let a = texts.docs[0], b = texts.docs[1]
        #expect(a[2].key == b[2].key && b[2].key == b[4].key)   // Nguyen, NGUYỄN, nguyen
        #expect(a[1].key == b[6].key)                             // ministre
        #expect(texts.text(1, b[2]) == "NGUYỄN" && texts.key(b[2]) == "nguyen")
        #expect(texts.keys.strings.count == Set(texts.keys.strings).count)
    }

    /// Keys live in a worker's vocabulary across dispatches (`TokenVocabulary`), but each
    /// dispatch sees only its own: the same ids (from 0, in order of first interning) and
    /// the lexicon's facts of each key whatever was tokenized before, and no key that only
    /// another dispatch met.
    @Test func vocabularySharedAcrossDispatchesKeepsEachDispatchsOwnKeys() {
        let before = ["Le Premierministre Pham Minh Chinh et M. Tran ont parlé de coopération.",
                      "Le Secrétairegénéral Tô Lâm, vice-président, à Hanoï."]
        let text = "M. Nguyen, ministre, et le Premierministre ont parlé."
        struct Seen: Equatable { var strings: [String]; var keys: [Int32]; var facts: [[Int]] }
        func read(_ t: TokenizedTexts) -> Seen {
            let strings = t.keys.strings
            var facts: [[Int]] = []
            for (id, k) in strings.enumerated() {
                Array(k.utf8).withUnsafeBufferPointer { u in
                    let i = Int32(id)
                    #expect(t.keys.head(i) == Lexicon.headKind(u))
                    #expect(t.keys.nonName(i) == (Lexicon.nonNameTable.value(for: u) != nil))
                    #expect(t.keys.honorific(i) == (Lexicon.honorificTable.value(for: u) != nil))
                    #expect(t.keys.find(u) == i)
                    facts.append([Int(t.keys.head(i)), t.keys.nonName(i) ? 1 : 0, t.keys.honorific(i) ? 1 : 0, Int(t.keys.glued(i))])
                }
            }
            for absent in ["tran", "lam", "hanoi", "cooperation", "pham"] {
                #expect(Array(absent.utf8).withUnsafeBufferPointer { t.keys.find($0) } == nil, "\(absent)")
            }
            return Seen(strings: strings, keys: t.docs[0].map(\.key), facts: facts)
        }
        let alone = read(TokenizedTexts([text]))
        // the others alive, so this one takes another vocabulary or a fresh one
        let alive = before.map { TokenizedTexts([$0]) }
        let beside = withExtendedLifetime(alive) { read(TokenizedTexts([text])) }
        // one after another: the pooled vocabulary is warm with the earlier dispatches
        for b in before { _ = TokenizedTexts([b]) }
        let after = read(TokenizedTexts([text]))
        #expect(alone == beside && alone == after)
        #expect(alone.strings.prefix(3) == ["m", ".", "nguyen"] && alone.keys.prefix(3) == [0, 1, 2])
    }

    /// `withKeys` reads each key's bytes as `withKeyBytes` does, in a vocabulary warm with
    /// other dispatches' keys (so a key's id in the dispatch is not its id there).
    /// The cache of short keys in front of the vocabulary's table answers what the table
    /// does: words of every length around its limits (7, 8, 16, 17 bytes), many more than its
    /// slots (so slots are taken over), words alike but for one byte at either end, met again
    /// in shuffled order.
    @Test func shortKeyCacheAnswersAsTheTable() {
        let v = TokenVocabulary()
        var rng = SeededRandom(seed: 67)
        var words: [[UInt8]] = []
        for n in 1...20 {
            for k in 0..<300 {
                var w = (0..<n).map { _ in UInt8(0x61 + rng.below(26)) }
                if k % 3 == 0 { w[0] = 0x61 }
                if k % 5 == 0 { w[n - 1] = 0x7A }
                words.append(w)
            }
        }
        var ids: [[UInt8]: Int32] = [:]
        for round in 0..<3 {
            for w in (round == 0 ? words : words.shuffled(using: &rng)) {
                let id = w.withUnsafeBufferPointer { v.data.pointee.intern($0) }
                if let known = ids[w] { #expect(id == known, "\(w)") } else { ids[w] = id }
                let stored = v.data.pointee.table.withBytes(Int(id)) { Array($0) }
                #expect(stored == w)
            }
        }
        #expect(v.data.pointee.table.count == ids.count)
    }

    /// Names and their keys joined from bytes read as the tokens' strings joined.
    @Test func joinedTextAndKeysAreTheTokensJoined() {
        let t = TokenizedTexts(["Le Premier ministre Phạm Minh Chính, l’ambassadeur TranKim (PCV) à 15h30 – Hà Nội."])
        let toks = t.docs[0]
        for a in 0...toks.count {
            for b in a...toks.count {
                #expect(t.joinedText(0, toks, a..<b) == (a..<b).map { t.text(0, toks[$0]) }.joined(separator: " "))
                #expect(t.joinedKeys(toks, a..<b) == (a..<b).map { t.key(toks[$0]) }.joined(separator: " "))
            }
        }
    }

    @Test func keyBytesViewMatchesWithKeyBytes() {
        _ = DispatchTokens(texts: ["Le Secrétairegénéral Tô Lâm, vice-président, à Hanoï, 15 km²."])
        let tokens = DispatchTokens(texts: ["M. Nguyen, ministre, à Hanoï le 15 mai.", "Đặng et Œuvre."])
        let expected = (0..<tokens.keyCount).map { id in tokens.withKeyBytes(Int32(id)) { String(decoding: $0, as: UTF8.self) } }
        let viewed = tokens.withKeys { keys in (0..<keys.count).map { String(decoding: keys[Int32($0)], as: UTF8.self) } }
        #expect(viewed == expected)
        #expect(expected.prefix(3) == ["m", ".", "nguyen"] && expected.contains("dang") && expected.contains("hanoi"))
    }

    /// A memoized value is computed once per key and owner; another owner never reads it.
    @Test func memoizedValuesAreKeptPerOwner() {
        let a = TokenMemoOwner(), b = TokenMemoOwner()
        let tokens = DispatchTokens(texts: ["le ministre et le ministre"])
        var calls = 0
        let le = tokens.documents[0][0].key
        let first = tokens.memoized(a, le) { u in calls += 1; return UInt64(u.count) }
        let again = tokens.memoized(a, le) { _ in calls += 1; return 99 }
        #expect(first == 2 && again == 2 && calls == 1)
        // Two owners keep their values side by side (the tagger and the search words).
        #expect(tokens.memoized(b, le) { _ in calls += 1; return 7 } == 7)
        #expect(tokens.memoized(a, le) { _ in calls += 1; return 5 } == 2)
        #expect(calls == 2)
        // A third takes the slot of the one that took its slot first (a), forgetting its values.
        let c = TokenMemoOwner()
        #expect(tokens.memoized(c, le) { _ in calls += 1; return 9 } == 9)
        #expect(tokens.memoized(b, le) { _ in calls += 1; return 8 } == 7)
        #expect(tokens.memoized(a, le) { _ in calls += 1; return 5 } == 5)
        #expect(tokens.memoized(c, le) { _ in calls += 1; return 4 } == 9)
        #expect(calls == 4)
    }
}
