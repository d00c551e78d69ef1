import DispatchModel

/// Timeline order: dispatches with a year newest first (a month-only date after every day
/// of its month, at the end of that month's list), then the "Date incomplète" group (day without year, then unknown).
/// Ties are broken by title then file name, so the order never depends on listing order.
public enum TimelineOrder {
    public static func sorted(_ ds: [Dispatch]) -> [Int] {
        ds.indices.sorted { a, b in
            let x = ds[a], y = ds[b]
            let xDated = x.date.year != nil, yDated = y.date.year != nil
            if xDated != yDated { return xDated }
            if xDated {
                // Newest first; a month-only date (day 0 here) comes after the days of its month.
                let kx = x.date.year! * 10_000 + (x.date.month ?? 0) * 100 + (x.date.day ?? 0)
                let ky = y.date.year! * 10_000 + (y.date.month ?? 0) * 100 + (y.date.day ?? 0)
                if kx != ky { return kx > ky }
            } else if x.date.sortKey != y.date.sortKey {
                // incomplete dates: by month/day, unknown last
                let kx = x.date.precision == .unknown ? Int.max : x.date.sortKey
                let ky = y.date.precision == .unknown ? Int.max : y.date.sortKey
                if kx != ky { return kx < ky }
            }
            if x.title != y.title { return x.title < y.title }
            return x.file < y.file
        }
    }
}

/// Articles grouped by year and month (newest first), plus the incomplete-date group.
public struct Timeline: Sendable {
    public struct Month: Sendable {
        public var month: Int
        public var articles: [Int]
    }

    public struct Year: Sendable {
        public var year: Int
        public var months: [Month]
        public var count: Int { months.reduce(0) { $0 + $1.articles.count } }
    }

    public var years: [Year] = []
    /// Dispatches whose year (or whole date) is unknown.
    public var incomplete: [Int] = []

    init(articles: [Article]) {
        for (i, a) in articles.enumerated() {
            guard let y = a.dispatch.date.year, let m = a.dispatch.date.month else {
                incomplete.append(i)
                continue
            }
            if years.last?.year != y { years.append(Year(year: y, months: [])) }
            if years[years.count - 1].months.last?.month != m {
                years[years.count - 1].months.append(Month(month: m, articles: []))
            }
            years[years.count - 1].months[years[years.count - 1].months.count - 1].articles.append(i)
        }
    }
}
