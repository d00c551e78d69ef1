/// The agency's sign-off that ends a dispatch: ` -VNA`, ` - VNA`, ` – VNA`, `.-VNA`,
/// `.-NDEL/VNA`, ` - AVI`, `./.`, or `VNA` / `VNA/CVN` alone on a line. What follows it on
/// the page (another article, "Voir plus", the site footer) is not part of the dispatch.
struct SignOffMatch {
    /// Where the article text on this line ends (exclusive).
    var textEnd: Int
    /// The sign-off as written: `- VNA`, `-NDEL/VNA`, `./.`, `VNA/CVN`.
    var signOff: String
}

enum SignOff {
    /// Agencies whose name may close a dispatch; the last `/` component must be one of them
    /// (`NDEL/VNA`). A whitelist, because ` - UE` or ` - ASEAN` can end a headline.
    static let agencies: Set<String> = ["VNA", "AVI", "CVN"]

    /// Looks only at the end of the line (bounded), so it is O(1) on any line length.
    static func match(_ s: ArraySlice<UInt8>) -> SignOffMatch? {
        let lo = s.startIndex
        var hi = s.endIndex
        guard hi > lo else { return nil }
        // `./.`
        if hi - lo >= 3, ByteText.matches(s, hi - 3, "./.") {
            let start = hi - 3
            // `… 2023./.` : keep the sentence's full stop in the text
            let glued = start > lo && s[start - 1] != 0x2E && ByteText.whitespaceWidthBefore(s, start) == 0
            let textEnd = glued ? start + 1 : start
            return SignOffMatch(textEnd: ByteText.trimmed(s, lo, textEnd).upperBound, signOff: "./.")
        }
        while hi > lo, s[hi - 1] == 0x20 || s[hi - 1] == 0x7C { hi -= 1 }
        // the agency token: capitals and `/`, at most 16 bytes
        var t = hi
        while t > lo, hi - t <= 16, ByteText.isUpperASCII(s[t - 1]) || s[t - 1] == 0x2F { t -= 1 }
        guard t < hi, hi - t <= 16 else { return nil }
        let token = ByteText.string(s[t..<hi])
        let parts = token.split(separator: "/", omittingEmptySubsequences: false)
        guard let lastPart = parts.last, agencies.contains(String(lastPart)),
              parts.allSatisfy({ $0.count >= 2 && $0.count <= 6 }) else { return nil }
        // alone on its line: `VNA`, `VNA/CVN`
        if t == lo { return SignOffMatch(textEnd: lo, signOff: token) }
        // otherwise a dash must precede it: `-VNA`, `- VNA`, `– VNA`
        var d = t
        while d > lo, s[d - 1] == 0x20 || (s[d - 1] == 0xA0 && d - 2 >= lo && s[d - 2] == 0xC2) {
            d -= s[d - 1] == 0x20 ? 1 : 2
        }
        var dashStart = -1
        if d > lo, s[d - 1] == 0x2D { dashStart = d - 1 }
        else if d - 3 >= lo, s[d - 3] == 0xE2, s[d - 2] == 0x80, s[d - 1] == 0x93 || s[d - 1] == 0x94 { dashStart = d - 3 }
        guard dashStart >= lo else { return nil }
        // …and before the dash: start of line, a space, or the end of a sentence (`.-VNA`).
        // `Viettel-VNA` (a letter before the dash) is a compound word, not a sign-off.
        if dashStart > lo {
            let p = s[dashStart - 1]
            let ok = p == 0x20 || p == 0x2E || p == 0x21 || p == 0x3F || p == 0x29 || p == 0x22
                || p == 0xA0 || (p == 0xBB && dashStart - 2 >= lo && s[dashStart - 2] == 0xC2)   // »
                || (p == 0x9D && dashStart - 3 >= lo && s[dashStart - 3] == 0xE2)                 // ”
            guard ok else { return nil }
        }
        return SignOffMatch(textEnd: ByteText.trimmed(s, lo, dashStart).upperBound,
                            signOff: ByteText.string(s[dashStart..<hi]))
    }
}
