import DispatchModel

/// Combines the dates a seed writes (header, dateline, lead) into the publication date
/// and, when the lead names another day, the event date. Never invents a missing part:
/// a header month is completed only by a day *of that same month*.
struct DateResolver {
    var header: WrittenDate?
    var headerLine: Int?
    var dateline: WrittenDate?
    var leadLine: Int?
    var leadDates: [WrittenDate] = []

    struct Result {
        var date: DispatchDate = .unknown
        var eventDate: DispatchDate? = nil
        var diagnostics: [Diagnostic] = []
    }

    func resolve(path: String) -> Result {
        var r = Result()
        let leadLoc = SourceLocation(path: path, line: leadLine ?? headerLine)
        if let h = header, !h.isValid {
            r.diagnostics.append(.warning(SourceLocation(path: path, line: headerLine),
                "invalid date \(describe(h)) in the header; the date is left unknown (supply `date:` in a sidecar)",
                code: "date.invalid"))
            return r
        }
        if let d = dateline, !d.isValid {
            r.diagnostics.append(.warning(leadLoc,
                "invalid date \(describe(d)) in the dateline; the date is left unknown (supply `date:` in a sidecar)",
                code: "date.invalid"))
            return r
        }
        var lead: [WrittenDate] = []
        for d in leadDates {
            if d.isValid { lead.append(d) } else {
                r.diagnostics.append(.warning(leadLoc, "invalid date \(describe(d)) in the lead; ignored",
                                              code: "date.invalid"))
            }
        }

        if let h = header {
            if h.day != nil {
                r.date = h.dispatchDate
            } else if let d = dateline, d.month == h.month, d.year == nil || d.year == h.year {
                r.date = DispatchDate(year: h.year, month: h.month, day: d.day)
            } else if let d = lead.first(where: { $0.month == h.month && ($0.year == nil || $0.year == h.year) }) {
                r.date = DispatchDate(year: h.year, month: h.month, day: d.day)
            } else {
                r.date = h.dispatchDate
            }
        } else if let d = dateline {
            r.date = d.dispatchDate
        } else if let d = lead.first {
            r.date = d.dispatchDate
        }

        // The event: the lead's first date, given the publication year when it falls in
        // the same month (a published-next-day report); a different month keeps no year.
        if var e = lead.first, r.date.precision != .unknown {
            if e.year == nil, let y = r.date.year, e.month == r.date.month { e.year = y }
            if e.dispatchDate != r.date { r.eventDate = e.dispatchDate }
        }

        switch r.date.precision {
        case .dayNoYear:
            r.diagnostics.append(.warning(leadLoc, "no year in the text; supply `date:` in a sidecar",
                                          code: "date.missing-year"))
        case .unknown:
            r.diagnostics.append(.warning(SourceLocation(path: path, line: leadLine ?? 1),
                "no date in the header, dateline or lead; supply `date:` in a sidecar", code: "date.missing"))
        default:
            break
        }
        return r
    }

    /// `2025-02-30`, `2025-13`, `--04-31`: the model's ISO form, which prints impossible
    /// dates as written.
    func describe(_ d: WrittenDate) -> String {
        "`\(d.dispatchDate.iso ?? "?")`"
    }
}
