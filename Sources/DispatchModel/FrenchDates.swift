/// Dates as French readers expect them (`29 août 2025`, `1er mars 2024`, `août 2025`),
/// computed by table lookup: no `DateFormatter`, no locale, so output never depends on
/// the machine's settings.
public enum FrenchDates {
    public static let months = ["janvier", "février", "mars", "avril", "mai", "juin", "juillet",
                                "août", "septembre", "octobre", "novembre", "décembre"]

    public static func monthName(_ m: Int) -> String { (1...12).contains(m) ? months[m - 1] : "?" }

    static func dayText(_ d: Int) -> String { d == 1 ? "1er" : String(d) }

    /// Human text with what is known, saying what is not.
    public static func text(_ date: DispatchDate) -> String {
        switch date.precision {
        case .day: return "\(dayText(date.day!)) \(monthName(date.month!)) \(date.year!)"
        case .month: return "\(monthName(date.month!)) \(date.year!)"
        case .dayNoYear: return "\(dayText(date.day!)) \(monthName(date.month!)) (année inconnue)"
        case .unknown: return "Date inconnue"
        }
    }

    /// Value for `<time datetime>`: a valid HTML date, month or yearless date string, or nil.
    public static func htmlDatetime(_ date: DispatchDate) -> String? {
        switch date.precision {
        case .day, .month: return date.iso
        case .dayNoYear: return String(date.iso!.dropFirst(2)) // "--11-30" -> "11-30"
        case .unknown: return nil
        }
    }
}
