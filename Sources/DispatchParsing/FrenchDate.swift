import DispatchModel

/// A date as written somewhere in the seed, before any combination: parts may be missing,
/// and it may be impossible (`2025-02-30`): validity is checked by the caller, which
/// reports it, because an impossible date must never be silently "fixed".
struct WrittenDate: Equatable {
    var year: Int?
    var month: Int
    var day: Int?
    var dispatchDate: DispatchDate { DispatchDate(year: year, month: month, day: day) }
    var isValid: Bool { dispatchDate.isValid && (year.map { $0 >= 1900 && $0 <= 2200 } ?? true) }
}

/// French dates in running text and the two machine-written header forms.
enum FrenchDate {
    /// Month names folded to ASCII lowercase: accents optional (`aout`, `fevrier`),
    /// case-insensitive (`Août`, `AOÛT`).
    static let months: [String: Int] = [
        "janvier": 1, "fevrier": 2, "mars": 3, "avril": 4, "mai": 5, "juin": 6, "juillet": 7,
        "aout": 8, "septembre": 9, "octobre": 10, "novembre": 11, "decembre": 12,
    ]

    /// Month number of the word at `i` (letters only), and the index after it.
    static func month<C: RandomAccessCollection>(_ b: C, at i: Int) -> (Int, Int)?
    where C.Element == UInt8, C.Index == Int {
        var j = i
        // the longest month name is 9 letters; accented letters take 2 bytes
        while j < b.endIndex, j - i <= 14, ByteText.isLetter(b, j) {
            j += ByteText.scalar(b, j).1
        }
        guard j > i, j - i <= 14 else { return nil }
        let key = TextFolding.key(ByteText.string(b[i..<j]))
        guard let m = months[key] else { return nil }
        return (m, j)
    }

    /// Reads `n` ASCII digits at `i`.
    static func number<C: RandomAccessCollection>(_ b: C, _ i: Int, _ n: Int) -> Int?
    where C.Element == UInt8, C.Index == Int {
        guard i + n <= b.endIndex else { return nil }
        var v = 0
        for k in 0..<n {
            let c = b[i + k]
            guard ByteText.isDigit(c) else { return nil }
            v = v * 10 + Int(c - 0x30)
        }
        return v
    }

    /// `D mois [YYYY]` starting exactly at `i` (also `1er mars`). Returns the date and the
    /// index after it.
    static func dayMonth<C: RandomAccessCollection>(_ b: C, at i: Int) -> (WrittenDate, Int)?
    where C.Element == UInt8, C.Index == Int {
        var j = i
        var day = 0
        while j < b.endIndex, j - i < 2, ByteText.isDigit(b[j]) { day = day * 10 + Int(b[j] - 0x30); j += 1 }
        guard j > i, j == b.endIndex || !ByteText.isDigit(b[j]) else { return nil }
        if day == 1, ByteText.matches(b, j, "er") { j += 2 }
        let w = j < b.endIndex ? ByteText.whitespaceWidth(b, j) : 0
        guard w > 0 else { return nil }
        j += w
        guard let (m, end) = month(b, at: j) else { return nil }
        var date = WrittenDate(year: nil, month: m, day: day)
        j = end
        if j < b.endIndex, ByteText.whitespaceWidth(b, j) > 0 {
            let k = j + ByteText.whitespaceWidth(b, j)
            if let y = number(b, k, 4), k + 4 == b.endIndex || !ByteText.isDigit(b[k + 4]) {
                date.year = y
                j = k + 4
            }
        }
        return (date, j)
    }

    /// Every `D mois [YYYY]` in `b`, in order (at most `limit`). Weekdays alone
    /// (`dimanche matin`) are not dates and give nothing.
    static func mentions(in b: [UInt8], limit: Int = 8) -> [WrittenDate] {
        var out: [WrittenDate] = []
        var i = 0
        let n = b.count
        while i < n && out.count < limit {
            if ByteText.isDigit(b[i]) && (i == 0 || !ByteText.isDigit(b[i - 1]) && !ByteText.isLetterASCII(b[i - 1])) {
                if let (d, end) = dayMonth(b, at: i) {
                    out.append(d)
                    i = end
                    continue
                }
                while i < n && ByteText.isDigit(b[i]) { i += 1 }
                continue
            }
            i += 1
        }
        return out
    }

    /// ` date YYYY-MM[-DD][ rest]`: the header some scrapers put first. Returns the date
    /// and where the rest of the line starts.
    static func header(_ s: ArraySlice<UInt8>) -> (WrittenDate, Int)? {
        let i = s.startIndex
        guard ByteText.matches(s, i, "date") || ByteText.matches(s, i, "Date") else { return nil }
        var j = i + 4
        guard j < s.endIndex, ByteText.whitespaceWidth(s, j) > 0 else { return nil }
        while j < s.endIndex, ByteText.whitespaceWidth(s, j) > 0 { j += ByteText.whitespaceWidth(s, j) }
        guard let y = number(s, j, 4), j + 4 < s.endIndex, s[j + 4] == 0x2D else { return nil }
        j += 5
        var mLen = 0
        while j + mLen < s.endIndex, mLen < 3, ByteText.isDigit(s[j + mLen]) { mLen += 1 }
        guard mLen == 1 || mLen == 2, let m = number(s, j, mLen) else { return nil }
        j += mLen
        var date = WrittenDate(year: y, month: m, day: nil)
        if j < s.endIndex, s[j] == 0x2D {
            var dLen = 0
            while j + 1 + dLen < s.endIndex, dLen < 3, ByteText.isDigit(s[j + 1 + dLen]) { dLen += 1 }
            guard dLen == 1 || dLen == 2, let d = number(s, j + 1, dLen) else { return nil }
            date.day = d
            j += 1 + dLen
        }
        guard j == s.endIndex || ByteText.whitespaceWidth(s, j) > 0 else { return nil }
        return (date, j)
    }

    /// `07/09/2018 14:04` (day first, optional time): a timestamp line the site prints.
    static func timestamp(_ s: ArraySlice<UInt8>) -> WrittenDate? {
        let i = s.startIndex
        guard let d = number(s, i, 2), i + 2 < s.endIndex, s[i + 2] == 0x2F,
              let m = number(s, i + 3, 2), i + 5 < s.endIndex, s[i + 5] == 0x2F,
              let y = number(s, i + 6, 4) else { return nil }
        var j = i + 10
        if j < s.endIndex {
            guard s[j] == 0x20 || s[j] == 0x09 else { return nil }
            while j < s.endIndex, s[j] == 0x20 || s[j] == 0x09 { j += 1 }
            // hh:mm[:ss] and nothing else
            for c in s[j...] where !(ByteText.isDigit(c) || c == 0x3A) { return nil }
        }
        return WrittenDate(year: y, month: m, day: d)
    }
}
