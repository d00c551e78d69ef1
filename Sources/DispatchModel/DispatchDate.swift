/// How much of a dispatch's date is known. Never more than the text says.
public enum DatePrecision: String, Sendable, Hashable, Codable, CaseIterable {
    case day, month, dayNoYear, unknown
}

/// A possibly partial calendar date: a missing part stays missing, it is never guessed.
/// Valid combinations: (y, m, d) day; (y, m) month; (m, d) day without year; nothing.
public struct DispatchDate: Hashable, Sendable, Codable {
    public var year: Int?
    public var month: Int?
    public var day: Int?

    public init(year: Int? = nil, month: Int? = nil, day: Int? = nil) {
        self.year = year
        self.month = month
        self.day = day
    }

    public static let unknown = DispatchDate()

    public var precision: DatePrecision {
        switch (year, month, day) {
        case (.some, .some, .some): return .day
        case (.some, .some, nil): return .month
        case (nil, .some, .some): return .dayNoYear
        default: return .unknown
        }
    }

    /// `YYYY-MM-DD`, `YYYY-MM`, `--MM-DD` (ISO 8601 without year) or nil.
    public var iso: String? {
        switch precision {
        case .day: return "\(pad(year!, 4))-\(pad(month!, 2))-\(pad(day!, 2))"
        case .month: return "\(pad(year!, 4))-\(pad(month!, 2))"
        case .dayNoYear: return "--\(pad(month!, 2))-\(pad(day!, 2))"
        case .unknown: return nil
        }
    }

    /// Parses the forms produced by `iso`. Returns nil for anything else or an impossible date.
    public init?(iso: String) {
        let s = Array(iso.utf8)
        func num(_ r: Range<Int>) -> Int? {
            guard r.upperBound <= s.count else { return nil }
            var v = 0
            for i in r { guard s[i] >= 48 && s[i] <= 57 else { return nil }; v = v * 10 + Int(s[i] - 48) }
            return v
        }
        if s.count == 7, s[4] == 45, let y = num(0..<4), let m = num(5..<7) {
            self.init(year: y, month: m)
        } else if s.count == 10, s[4] == 45, s[7] == 45, let y = num(0..<4), let m = num(5..<7), let d = num(8..<10) {
            self.init(year: y, month: m, day: d)
        } else if s.count == 7, s[0] == 45, s[1] == 45, s[4] == 45, let m = num(2..<4), let d = num(5..<7) {
            self.init(month: m, day: d)
        } else {
            return nil
        }
        guard isValid else { return nil }
    }

    /// True when every part present is possible (month 1–12, day within the month;
    /// 29 February is accepted without a year because some year has it).
    public var isValid: Bool {
        if let m = month, !(1...12).contains(m) { return false }
        if let d = day {
            guard let m = month else { return false }
            return d >= 1 && d <= DispatchDate.daysIn(month: m, year: year)
        }
        return true
    }

    public static func daysIn(month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let y = year else { return 29 }
            return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Sort key for the timeline, newest first is done by the caller: a month-only date sorts
    /// after every day of its month (day 99), a missing year sorts before all years.
    public var sortKey: Int {
        (year ?? 0) * 10_000 + (month ?? 0) * 100 + (day ?? (month != nil ? 99 : 0))
    }
}

@inline(__always) func pad(_ v: Int, _ width: Int) -> String {
    let s = String(v)
    return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
}
