/// The dateline that opens a lead: `City[, D mois [YYYY]] (AGENCY) - `.
struct Dateline {
    /// As written, without the dash: `Hanoï, 30 novembre (VNA)`.
    var text: String
    /// The city as written (typos included: `Hano`).
    var place: String
    var agency: String
    var date: WrittenDate?
    /// Index in the paragraph where the lead proper starts (after dash and spaces).
    var leadStart: Int
}

/// Recognises a dateline at the start of a paragraph. Bounded look-ahead (a place is a few
/// words, an agency a few letters) so a 5 MB line or thousands of `(` cost nothing.
enum DatelineParser {
    static let maxPlaceBytes = 80
    static let maxAgencyBytes = 16

    static func parse(_ b: [UInt8]) -> Dateline? {
        let n = b.count
        guard n > 0, ByteText.isUpper(b, 0) else { return nil }
        // the `(` that opens the agency, within a place-sized prefix
        var open = -1
        var i = 0
        while i < n && i <= maxPlaceBytes {
            let c = b[i]
            if c == 0x28 { open = i; break }
            // a sentence, a quote or a colon before any `(` means this is not a dateline
            if c == 0x3A || c == 0x3B || c == 0x22 || c == 0x21 || c == 0x3F { return nil }
            i += 1
        }
        guard open > 0 else { return nil }
        guard let (agency, close) = agencyInParens(b, open) else { return nil }
        // a dash (possibly with no space after it) is required: `Le chef du Département
        // (PCC) Song Tao` has the same shape otherwise. A dateline alone on its line is
        // fine too (the lead follows on the next line).
        var j = close + 1
        while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }
        let dw = ByteText.dashWidth(b, j)
        if dw > 0 {
            j += dw
        } else if j < n {
            return nil
        }
        while j < n, ByteText.whitespaceWidth(b, j) > 0 { j += ByteText.whitespaceWidth(b, j) }

        let headRange = ByteText.trimmed(b, 0, open)
        guard !headRange.isEmpty else { return nil }
        let head = b[headRange]
        // `City, D mois [YYYY]`: the first comma separates the place from the date
        var place = head
        var date: WrittenDate? = nil
        if let comma = head.firstIndex(of: 0x2C) {
            let rest = ByteText.trimmed(b, comma + 1, headRange.upperBound)
            var k = rest.lowerBound
            if ByteText.matches(b, k, "le ") { k += 3 }
            if let (d, end) = FrenchDate.dayMonth(b, at: k), ByteText.trimmed(b, end, rest.upperBound).isEmpty {
                date = d
                place = b[ByteText.trimmed(b, headRange.lowerBound, comma)]
            }
        }
        guard !place.isEmpty, isPlaceName(place) else { return nil }
        return Dateline(text: ByteText.string(b[0...close]), place: ByteText.string(place),
                        agency: agency, date: date, leadStart: j)
    }

    /// Lowercase words a place name may hold (`Rio de Janeiro`, `Saint-Jean-de-Luz`).
    static let particles: Set<String> = ["de", "du", "des", "d'", "la", "le", "les", "sur", "en", "el", "al", "y", "am", "upon"]

    /// A place is a few capitalised words without digits: `Hô Chi Minh-Ville`,
    /// `Washington D.C`, `L'Aquila`, `Rio de Janeiro`. `Le Parti communiste du Vietnam (PCV) -`
    /// has a lowercase word and is a sentence, not a dateline.
    static func isPlaceName(_ place: ArraySlice<UInt8>) -> Bool {
        var words = 0
        var start = place.startIndex
        var i = place.startIndex
        while i <= place.endIndex {
            if i == place.endIndex || place[i] == 0x20 {
                if i > start {
                    words += 1
                    if words > 6 { return false }
                    if !ByteText.isUpper(place, start) && !particles.contains(ByteText.string(place[start..<i])) { return false }
                }
                start = i + 1
            } else if ByteText.isDigit(place[i]) {
                return false
            }
            i += 1
        }
        return words > 0
    }

    /// `(VNA)`, `(AVI)`, `(VNA/CVN)`: capitals and `/` only. Returns agency and `)` index.
    static func agencyInParens(_ b: [UInt8], _ open: Int) -> (String, Int)? {
        var k = open + 1
        while k < b.count && k - open <= maxAgencyBytes {
            let c = b[k]
            if c == 0x29 {
                guard k - open >= 3 else { return nil }
                return (ByteText.string(b[(open + 1)..<k]), k)
            }
            guard ByteText.isUpperASCII(c) || c == 0x2F else { return nil }
            k += 1
        }
        return nil
    }

    /// True when a line starts like a dateline, so the grouping step starts a new
    /// paragraph there even without a blank line before it.
    static func startsLine(_ s: ArraySlice<UInt8>) -> Bool {
        parse(Array(s.prefix(maxPlaceBytes + maxAgencyBytes + 8))) != nil
    }

    /// `(VNA) - …` at the start of a line: the second half of a dateline broken in two.
    static func isAgencyContinuation(_ s: ArraySlice<UInt8>) -> Bool {
        guard let f = s.first, f == 0x28 else { return false }
        let a = Array(s.prefix(maxAgencyBytes + 8))
        guard let (_, close) = agencyInParens(a, 0) else { return false }
        var j = close + 1
        while j < a.count, ByteText.whitespaceWidth(a, j) > 0 { j += ByteText.whitespaceWidth(a, j) }
        return ByteText.dashWidth(a, j) > 0
    }
}
