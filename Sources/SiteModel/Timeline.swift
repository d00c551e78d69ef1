import DispatchModel

/// Timeline order: dispatches with a year newest first (a month-only date after every day
/// of its month, at the end of that month's list), then the "Date incomplète" group (day without year, then unknown).
/// Ties are broken by title then file name, so the order never depends on listing order.
public enum TimelineOrder {
    public static func sorted(_ ds: [Dispatch]) -> [Int] {
        // What the order reads, taken out once: comparing through `ds[a]` copied two whole
        // dispatches (and retained every field) per comparison.
        struct Key {
            var dated: Bool
            var ymd: Int
            var sortKey: Int
            var unknown: Bool
        }
        let keys = ds.map { d in
            Key(dated: d.date.year != nil,
                ymd: (d.date.year ?? 0) * 10_000 + (d.date.month ?? 0) * 100 + (d.date.day ?? 0),
                sortKey: d.date.sortKey, unknown: d.date.precision == .unknown)
        }
        let titles = ds.map(\.title)
        let files = ds.map(\.file)
        return ds.indices.sorted { a, b in
            let x = keys[a], y = keys[b]
            if x.dated != y.dated { return x.dated }
            if x.dated {
                // Newest first; a month-only date (day 0 here) comes after the days of its month.
                if x.ymd != y.ymd { return x.ymd > y.ymd }
            } else if x.sortKey != y.sortKey {
                // incomplete dates: by month/day, unknown last
                let kx = x.unknown ? Int.max : x.sortKey
                let ky = y.unknown ? Int.max : y.sortKey
                if kx != ky { return kx < ky }
            }
            if titles[a] != titles[b] { return titles[a] < titles[b] }
            return files[a] < files[b]
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

/// The timeline split into pages small enough to load fast whatever the corpus size: one
/// folder per year (`timeline/2025/`, then `page/2/`…) and one for incomplete dates
/// (`timeline/date-incomplete/`), each page holding at most `pageSize` dispatches grouped by
/// month. A month cut by a page break continues on the next page, marked as such.
public struct TimelinePages: Sendable {
    public struct Group: Sendable {
        /// nil for the incomplete-date group.
        public var month: Int?
        public var articles: [Int]
        /// True when the group started on a previous page.
        public var continued: Bool
    }

    public struct Page: Sendable {
        /// Folder of the year (`timeline/2025/`) or of the incomplete group.
        public var folder: String
        /// nil for the incomplete-date pages.
        public var year: Int?
        public var number: Int
        public var count: Int
        public var groups: [Group]
        public var path: String { folder + (number == 1 ? "" : "page/\(number)/") + "index.html" }
    }

    public static let incompleteFolder = "timeline/date-incomplete/"

    public var pages: [Page] = []
    /// For each (year, month), the path of the page where that month starts.
    public var monthPage: [Int: String] = [:]

    public static func key(year: Int, month: Int) -> Int { year * 100 + month }

    public init(timeline: Timeline, pageSize: Int) {
        let size = max(1, pageSize)
        for y in timeline.years {
            let entries = y.months.flatMap { m in m.articles.map { (month: m.month, article: $0) } }
            add(entries: entries.map { ($0.month, $0.article) }, folder: "timeline/\(y.year)/", year: y.year, size: size)
        }
        if !timeline.incomplete.isEmpty {
            add(entries: timeline.incomplete.map { (nil, $0) }, folder: Self.incompleteFolder, year: nil, size: size)
        }
    }

    mutating func add(entries: [(Int?, Int)], folder: String, year: Int?, size: Int) {
        let chunks = stride(from: 0, to: entries.count, by: size).map { Array(entries[$0..<min($0 + size, entries.count)]) }
        var previousMonth: Int?? = .none
        for (n, chunk) in chunks.enumerated() {
            var page = Page(folder: folder, year: year, number: n + 1, count: chunks.count, groups: [])
            for (month, article) in chunk {
                if let last = page.groups.last, last.month == month {
                    page.groups[page.groups.count - 1].articles.append(article)
                } else {
                    let continued = page.groups.isEmpty && previousMonth == .some(month)
                    page.groups.append(Group(month: month, articles: [article], continued: continued))
                    if !continued, let y = year, let m = month { monthPage[Self.key(year: y, month: m)] = page.path }
                }
                previousMonth = .some(month)
            }
            pages.append(page)
        }
    }
}
