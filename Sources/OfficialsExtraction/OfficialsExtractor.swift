import DispatchModel

/// Finds the officials (people named with a role) in one dispatch.
///
/// Role-anchored: a role head (`ministre`, `ambassadeur`, `chef`, `vice-présidente`, …) is
/// found in the token stream, its role phrase is scanned forward (nested organisations,
/// parenthesised acronyms, nationality adjectives), and the name is taken from one of the
/// shapes `ROLE Name`, `Name, ROLE` or `ROLE, Name,`. Names met elsewhere without a role
/// (body, captions, `M. Binh`) only link to those people; they never add an official.
///
/// Text read: the lead, body paragraphs and caption texts (never credits or the title).
/// The name kept for a person is the most complete spelling of it in the dispatch (most
/// diacritics among spellings of the same folded name, first seen on ties); the role is
/// the first one given, as written, without its article, typographic apostrophes as `'`.
public struct OfficialsExtractor: Sendable {
    /// Editorial merges: spellings listed for one registry person count as one person here too.
    public var registry: OfficialsRegistry?

    public init() {}

    public init(registry: OfficialsRegistry) { self.registry = registry }

    /// Mentions in order of first appearance, one per person within the dispatch.
    public func extract(from dispatch: Dispatch) -> [OfficialMention] {
        extractDetailed(from: dispatch).map(\.mention)
    }

    /// Same, over plain paragraphs (lead first).
    public func extract(texts: [String]) -> [OfficialMention] {
        extractDetailed(texts: texts).map(\.mention)
    }

    /// From the dispatch's tokens, made once for the extractor, the tagger and the search words.
    public func extract(tokens: DispatchTokens) -> [OfficialMention] {
        extractDetailed(tokens: tokens).map(\.mention)
    }

    /// Mentions with every spelling of each person met in the dispatch, for the resolver.
    public func extractDetailed(from dispatch: Dispatch) -> [ExtractedOfficial] {
        extractDetailed(tokens: DispatchTokens(dispatch))
    }

    public func extractDetailed(texts: [String]) -> [ExtractedOfficial] {
        extractDetailed(tokenized: TokenizedTexts(texts))
    }

    public func extractDetailed(tokens: DispatchTokens) -> [ExtractedOfficial] {
        extractDetailed(tokenized: tokens.texts)
    }

    func extractDetailed(tokenized: TokenizedTexts) -> [ExtractedOfficial] {
        var scan = Scan(tokenized)
        scan.registry = registry
        return scan.run()
    }
}

/// One official of a dispatch with every spelling of the name met there (first seen first;
/// `mention.name` is the most complete of them).
public struct ExtractedOfficial: Hashable, Sendable {
    public var mention: OfficialMention
    public var spellings: [String]
    /// Times the person is named in the dispatch: with the role, by full name (any
    /// spelling) or as `M. Surname` / `Mme Surname` when that surname is one person's.
    public var mentionCount: Int

    public init(mention: OfficialMention, spellings: [String], mentionCount: Int = 1) {
        self.mention = mention
        self.spellings = spellings
        self.mentionCount = mentionCount
    }
}

/// A name found with a role.
private struct Anchor {
    var doc: Int
    var range: Range<Int>
    var role: String
}

private struct PersonAcc {
    /// Key ids (`TokenKeys`) of the name's words.
    var keys: [Int32]
    var identity: String
    var role: String
    var bestName: String
    var bestAccents: Int
    var spellings: [String]
    var count = 0

    mutating func see(_ name: String, _ accents: Int) {
        if accents > bestAccents { bestName = name; bestAccents = accents }
        if !spellings.contains(name) { spellings.append(name) }
    }
}

private struct Scan {
    let tokens: TokenizedTexts
    /// The texts officials are read from (not the title).
    let docs: ArraySlice<[Token]>
    var registry: OfficialsRegistry?
    /// Names seen standing alone (a subject, an apposition), as their key ids: equal ids are
    /// equal keys in one dispatch, and a key has no space, so this is the set of the names'
    /// joined keys without making a string of each.
    var evidence: Set<[Int32]> = []
    /// Maximal capitalised runs of every document: (doc, range, after an honorific).
    var runs: [(Int, Range<Int>, Bool)] = []

    init(_ tokens: TokenizedTexts) {
        self.tokens = tokens
        docs = tokens.docs[..<tokens.scanned]
    }

    func key(_ x: Token) -> String { tokens.keys[x.key] }
    func isPunct(_ x: Token, _ c: String) -> Bool { x.kind == .punct && tokens.keys[x.key] == c }

    mutating func run() -> [ExtractedOfficial] {
        collectRuns()
        var anchors: [Anchor] = []
        for d in docs.indices { findAnchors(d, into: &anchors) }
        if anchors.isEmpty { return [] }
        // one person per folded name (or registry identity)
        var people: [PersonAcc] = []
        var index: [String: Int] = [:]
        for a in anchors {
            let toks = docs[a.doc]
            let keys = a.range.map { toks[$0].key }
            let key = keyOf(toks, a.range)
            if let reg = registry, let ei = reg.entryIndex(key: key, role: a.role), reg.entries[ei].exclude { continue }
            let identity = registry?.identityKey(forFolded: key) ?? key
            let name = tokens.joinedText(a.doc, toks, a.range)
            let accents = a.range.reduce(0) { $0 + Int(toks[$1].accents) }
            if let i = index[identity] {
                people[i].see(name, accents)
            } else {
                index[identity] = people.count
                people.append(PersonAcc(keys: keys, identity: identity, role: a.role, bestName: name, bestAccents: accents, spellings: [name]))
            }
        }
        // later mentions: a capitalised run containing a person's full name is a spelling of
        // it; `M. Binh` / `Mme Huong` names the one person whose name starts or ends so
        for (d, r, honorific) in runs {
            let toks = docs[d]
            if honorific && r.count == 1 {
                let k = toks[r.lowerBound].key
                let hits = people.indices.filter { people[$0].keys.count > 1 && (people[$0].keys.last == k || people[$0].keys.first == k) }
                if hits.count == 1 { people[hits[0]].count += 1 }
                continue
            }
            for pi in people.indices {
                let pk = people[pi].keys
                if pk.count > r.count { continue }
                var s = r.lowerBound
                while s + pk.count <= r.upperBound {
                    var ok = true
                    for k in 0..<pk.count where toks[s + k].key != pk[k] { ok = false; break }
                    if ok {
                        let acc = (s..<(s + pk.count)).reduce(0) { $0 + Int(toks[$1].accents) }
                        people[pi].see(tokens.joinedText(d, toks, s..<(s + pk.count)), acc)
                        people[pi].count += 1
                        break
                    }
                    s += 1
                }
            }
        }
        return people.map {
            ExtractedOfficial(mention: OfficialMention(name: $0.bestName, role: $0.role), spellings: $0.spellings,
                              mentionCount: max(1, $0.count))
        }
    }

    // MARK: runs and evidence

    mutating func collectRuns() {
        for d in docs.indices {
            let t = docs[d]
            var i = 0
            while i < t.count {
                guard t[i].isCapWord, !t[i].allCaps else { i += 1; continue }
                var j = i
                while j < t.count, t[j].isCapWord, !t[j].allCaps { j += 1 }
                var honorific = false
                var start = i
                // `M.` / `Mme` / `M.Nguyen`
                if tokens.keys.honorific(t[i].key) {
                    if key(t[i]) == "m" {
                        if i + 1 < t.count, isPunct(t[i + 1], ".") {
                            if i + 2 < t.count, t[i + 2].isCapWord {
                                var k = i + 2
                                while k < t.count, t[k].isCapWord, !t[k].allCaps { k += 1 }
                                start = i + 2; j = k; honorific = true
                            }
                        }
                    } else { start = i + 1; honorific = true }
                }
                if start < j {
                    runs.append((d, start..<j, honorific))
                    // evidence: a run standing where a subject or apposition stands
                    let before = i > 0 ? t[i - 1] : nil
                    let nameSlot: Bool = {
                        guard let b = before else { return true }
                        if t[i].sentenceStart || honorific { return true }
                        if b.kind == .punct { return [",", "(", "-", "–", ":", "|", ";", ".", "\""].contains(key(b)) }
                        return key(b) == "et"
                    }()
                    if nameSlot {
                        var k = start
                        while k < j, t[k].nonName { k += 1 }
                        if j - k >= 2 && j - k <= 5 {
                            evidence.insert(keyIDs(t, k..<j))
                        }
                    }
                }
                i = max(j, i + 1)
            }
        }
    }

    // MARK: roles

    /// If a role starts at `i`, the index after its head (`Premier ministre` is 2 tokens).
    func headEnd(_ t: [Token], _ i: Int) -> Int? {
        let kind = t[i].head
        if kind == 0 { return nil }
        if kind == 1 { return i + 1 }
        // `premier` heads a role only before `ministre`
        if i + 1 < t.count, key(t[i + 1]) == "ministre" { return i + 2 }
        return nil
    }

    func isNameToken(_ tok: Token) -> Bool {
        guard tok.kind == .word, tok.cap, !tok.allCaps, !tok.nonName else { return false }
        return tok.byteCount >= 2
    }

    func placeLength(_ t: [Token], _ k: Int, _ end: Int) -> Int {
        var best = 0
        var key = self.key(t[k])
        if Lexicon.places.contains(key) { best = 1 }
        var len = 1
        while len < Lexicon.maxPlaceWords, k + len < end {
            key += " " + self.key(t[k + len])
            len += 1
            if Lexicon.placePhrases.contains(key) { best = len }
        }
        return best
    }

    func keyOf(_ t: [Token], _ r: Range<Int>) -> String { tokens.joinedKeys(t, r) }
    func keyIDs(_ t: [Token], _ r: Range<Int>) -> [Int32] { t[r].map(\.key) }

    /// Where the person's name starts inside a capitalised run that may begin with the end
    /// of a role (`… de Hanoï Nguyen Van Binh`) or a place (`à Pékin Wang Gang`).
    func nameStart(_ t: [Token], _ r0: Int, _ r1: Int, afterPreposition: Bool) -> Int {
        var k = r0
        while k < r1 {
            if t[k].allCaps { k += 1; continue }
            let pl = placeLength(t, k, r1)
            if pl > 0 { k += pl; continue }
            if t[k].cap ? t[k].nonName : Lexicon.nonName.contains(key(t[k])) { k += 1; continue }
            break
        }
        let remaining = r1 - k
        if remaining > 4 || (afterPreposition && k == r0 && remaining >= 3 && !Lexicon.familyNames.contains(key(t[k]))) {
            var found = false
            var p = k + 1
            while p + 2 <= r1 {
                if Lexicon.familyNames.contains(key(t[p])), r1 - p <= 4 { k = p; found = true; break }
                p += 1
            }
            if !found && afterPreposition && k == r0 && remaining >= 3 { k += 1 }
        }
        // the same name standing alone elsewhere in the dispatch settles the cut
        if r1 - k >= 1, !evidence.contains(keyIDs(t, k..<r1)) {
            var len = min(5, r1 - r0)
            while len >= 2 {
                let p = r1 - len
                if p != k, evidence.contains(keyIDs(t, p..<r1)), !(p..<r1).contains(where: { t[$0].allCaps }) {
                    k = p; break
                }
                len -= 1
            }
        }
        return k
    }

    /// If the head at `k` is governed by a genitive (`du président`, `de l'ambassadeur`),
    /// where its own role starts (modifier included).
    func genitiveStart(_ t: [Token], _ k: Int, floor: Int) -> Int? {
        var start = k
        var p = k - 1
        if p >= floor, t[p].isWord, Lexicon.roleModifiers.contains(key(t[p])) { start = p; p -= 1 }
        guard p >= floor else { return nil }
        if t[p].isWord, ["du", "des"].contains(key(t[p])) { return start }
        if isPunct(t[p], "'"), p - 1 >= floor, key(t[p - 1]) == "l", p - 2 >= floor, key(t[p - 2]) == "de" { return start }
        if t[p].isWord, key(t[p]) == "la", p - 1 >= floor, key(t[p - 1]) == "de" { return start }
        return nil
    }

    func isParticle(_ t: [Token], _ k: Int) -> Bool {
        t[k].isWord && !t[k].cap && Lexicon.nameParticles.contains(key(t[k]))
    }

    /// Start of the capitalised run ending at `end` (name particles such as `von der` inside).
    func runStart(_ t: [Token], _ end: Int, floor: Int) -> Int {
        var r = end
        while r > floor {
            let x = t[r - 1]
            if x.isCapWord && !x.allCaps { r -= 1; continue }
            if r < end, r - 2 >= floor, isParticle(t, r - 1), t[r - 2].isCapWord || isParticle(t, r - 2) { r -= 1; continue }
            break
        }
        while r < end, isParticle(t, r) { r += 1 }
        return r
    }

    /// End of the capitalised run starting at `start`.
    func runEnd(_ t: [Token], _ start: Int) -> Int {
        var r = start
        while r < t.count {
            if t[r].isCapWord && !t[r].allCaps { r += 1; continue }
            if r > start, isParticle(t, r) {
                var q = r
                while q < t.count, isParticle(t, q) { q += 1 }
                if q < t.count, t[q].isCapWord, !t[q].allCaps { r = q; continue }
            }
            break
        }
        return r
    }

    func validName(_ t: [Token], _ r: Range<Int>) -> Bool {
        guard r.count >= 2 && r.count <= 6 else { return false }
        for k in r where !isNameToken(t[k]) && !(k > r.lowerBound && isParticle(t, k)) { return false }
        if Lexicon.placePhrases.contains(keyOf(t, r)) { return false }
        return true
    }

    func roleText(_ d: Int, _ a: Int, _ b: Int) -> String? {
        let t = docs[d]
        var e = b
        while e > a {
            let x = t[e - 1]
            if x.kind == .punct && (key(x) == "'" || key(x) == "," || key(x) == "-") { e -= 1; continue }
            if x.isWord && !x.cap && ["de", "du", "des", "d", "la", "le", "les", "l", "et", "a", "au", "aux", "en"].contains(key(x)) { e -= 1; continue }
            break
        }
        guard e > a else { return nil }
        var s = ""
        for k in a..<e {
            if k > a && t[k].spaceBefore { s += " " }
            s += tokens.text(d, t[k])
        }
        if t[a].sentenceStart, t[a].cap, !t[a].allCaps, !Lexicon.inherentlyCapitalised.contains(key(t[a])),
           let f = s.first {
            s = f.lowercased() + s.dropFirst()
        }
        return s
    }

    mutating func findAnchors(_ d: Int, into anchors: inout [Anchor]) {
        let t = docs[d]
        var claimedEnd = 0 // tokens before this index belong to an earlier anchor
        var pendingRole: (head: Int, role: String)? = nil
        var i = 0
        while i < t.count {
            guard let he = headEnd(t, i) else { i += 1; continue }
            var roleStart = i
            if i > 0, t[i - 1].isWord, Lexicon.roleModifiers.contains(key(t[i - 1])), i - 1 >= claimedEnd {
                roleStart = i - 1
            }
            // forward scan of the role phrase
            var j = he
            var inner: Int? = nil // `l'envoyé du président russe Vladimir Poutine`: the name is the président's
            scanLoop: while j < t.count && j - roleStart < 60 {
                let x = t[j]
                if x.kind == .word, j > he, headEnd(t, j) != nil, let g = genitiveStart(t, j, floor: he) { inner = g }
                switch x.kind {
                case .number:
                    break scanLoop
                case .punct:
                    if key(x) == "'" { j += 1; continue }
                    if key(x) == "(", j + 2 < t.count, t[j + 1].isWord, t[j + 1].allCaps, isPunct(t[j + 2], ")") {
                        j += 3; continue
                    }
                    break scanLoop
                case .word:
                    if x.cap {
                        if key(x) == "m", j + 1 < t.count, isPunct(t[j + 1], ".") { break scanLoop }
                        j += 1; continue
                    }
                    let xk = key(x)
                    if Lexicon.roleStops.contains(xk) && tokens.text(d, x) != "à" { break scanLoop }
                    if (xk == "le" || xk == "la" || xk == "les"), j + 1 < t.count, t[j + 1].kind == .number { break scanLoop }
                    if xk == "et" {
                        // `… X et de l'ambassadeur Y`: a new role; `… et secrétaire …`: same role
                        var k = j + 1, glue = 0
                        while k < t.count, (t[k].isWord && !t[k].cap && Lexicon.listGlue.contains(key(t[k])) && headEnd(t, k) == nil) || isPunct(t[k], "'") {
                            k += 1; glue += 1
                        }
                        if glue > 0, k < t.count, headEnd(t, k) != nil || (Lexicon.roleModifiers.contains(key(t[k])) && k + 1 < t.count && headEnd(t, k + 1) != nil) {
                            break scanLoop
                        }
                        if j > he, isNameToken(t[j - 1]) { break scanLoop }
                    }
                    j += 1
                }
            }
            let end = j
            // ROLE Name: the capitalised run closing the role phrase
            var inSpan: Range<Int>? = nil
            let r0 = runStart(t, end, floor: he)
            if r0 < end {
                let afterPrep = r0 > 0 && t[r0 - 1].isWord && Lexicon.placePrepositions.contains(key(t[r0 - 1]))
                let ns = nameStart(t, r0, end, afterPreposition: afterPrep)
                if validName(t, ns..<end) { inSpan = ns..<end }
            }
            // Name, ROLE
            var before: Range<Int>? = nil
            var p = roleStart - 1
            var article = false
            while p >= claimedEnd, p >= 0, (isPunct(t[p], "'") || (t[p].isWord && !t[p].cap && ["le", "la", "l", "les"].contains(key(t[p])))) {
                if t[p].isWord { article = true }
                p -= 1
            }
            if !article, p >= 0, t[p].isWord, !t[p].cap, ["du", "des", "de", "d", "au", "aux", "a"].contains(key(t[p])) { article = true }
            if p >= claimedEnd, p > 0, isPunct(t[p], ",") {
                let c1 = p
                let c0 = runStart(t, c1, floor: claimedEnd)
                if c0 < c1 {
                    var s0 = c0
                    if key(t[s0]) == "mme" || key(t[s0]) == "mlle" { s0 += 1 }
                    let afterPrep = c0 > 0 && t[c0 - 1].isWord && Lexicon.placePrepositions.contains(key(t[c0 - 1]))
                    let ns = s0 < c1 ? nameStart(t, s0, c1, afterPreposition: afterPrep) : c1
                    if validName(t, ns..<c1) { before = ns..<c1 }
                }
            }
            // ROLE, Name,
            var after: Range<Int>? = nil
            if end < t.count, isPunct(t[end], ",") {
                var s0 = end + 1
                if s0 + 1 < t.count, key(t[s0]) == "m", isPunct(t[s0 + 1], ".") { s0 += 2 }
                else if s0 < t.count, key(t[s0]) == "mme" || key(t[s0]) == "mlle" { s0 += 1 }
                let s1 = runEnd(t, s0)
                let closes: Bool = {
                    if s1 >= t.count { return true }
                    let y = t[s1]
                    if y.kind == .punct { return [",", ".", ")", "(", ";", ":", "-", "–"].contains(key(y)) }
                    return y.isWord && !y.cap && (Lexicon.roleStops.contains(key(y)) || key(y) == "et")
                }()
                if s1 > s0, closes, validName(t, s0..<s1) { after = s0..<s1 }
            }
            // which shape: `Name, chef …` (no article) > `le directeur de l'hôpital Bach Mai, Name,`
            // > `le ministre Name` > `Name, le ministre …`
            var nameRange: Range<Int>? = nil
            var roleEnd = end
            var next = end
            if let c = before, !article {
                nameRange = c
            } else if let a = after {
                nameRange = a; next = a.upperBound
            } else if let b = inSpan {
                nameRange = b; roleEnd = b.lowerBound
                if let g = inner, g < b.lowerBound { roleStart = g }
            } else if let c = before {
                nameRange = c
            }
            if let nr = nameRange, var role = roleText(d, roleStart, roleEnd) {
                // `le ministre de la Défense, le général X,`: X is the minister
                if let pend = pendingRole, pend.head == i, nr.lowerBound > i { role = pend.role }
                pendingRole = nil
                anchors.append(Anchor(doc: d, range: nr, role: role))
                claimedEnd = max(next, nr.upperBound)
                i = max(next, i + 1)
            } else {
                pendingRole = nil
                if end < t.count, isPunct(t[end], ",") {
                    var k = end + 1
                    while k < t.count, isPunct(t[k], "'") || (t[k].isWord && !t[k].cap && ["le", "la", "l"].contains(key(t[k]))) { k += 1 }
                    if k > end + 1, k < t.count, headEnd(t, k) != nil, let role = roleText(d, roleStart, end) {
                        pendingRole = (k, role)
                    }
                }
                i = max(he, i + 1)
            }
        }
    }
}
