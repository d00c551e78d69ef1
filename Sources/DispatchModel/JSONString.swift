/// Quoting for JSON (and YAML double-quoted scalars, which accept the same escapes).
/// `<`, `>`, `&`, U+2028 and U+2029 are escaped too, so a quoted string is also safe
/// inside an HTML `<script>` element: dispatch text can never close the script.
/// Control characters (C0, DEL, C1) are escaped as `\uXXXX`, which YAML requires.
public enum JSONString {
    public static func quote(_ s: String) -> String {
        var out = "\""
        out.reserveCapacity(s.utf8.count + 2)
        append(s, to: &out)
        out.append("\"")
        return out
    }

    public static func append(_ s: String, to out: inout String) {
        var plainStart = s.unicodeScalars.startIndex
        let scalars = s.unicodeScalars
        var i = scalars.startIndex
        while i != scalars.endIndex {
            let v = scalars[i].value
            let escape: String?
            switch v {
            case 0x22: escape = "\\\""
            case 0x5C: escape = "\\\\"
            case 0x0A: escape = "\\n"
            case 0x0D: escape = "\\r"
            case 0x09: escape = "\\t"
            case 0x3C: escape = "\\u003c"
            case 0x3E: escape = "\\u003e"
            case 0x26: escape = "\\u0026"
            case 0x2028: escape = "\\u2028"
            case 0x2029: escape = "\\u2029"
            // C0 and C1 controls, the BOM and two non-characters: JSON accepts the last ones
            // raw, but YAML (the intermediate's front matter) refuses or drops them.
            case 0..<0x20, 0x7F...0x9F, 0xFEFF, 0xFFFE, 0xFFFF:
                let hex = String(v, radix: 16)
                escape = "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: escape = nil
            }
            if let escape {
                out.unicodeScalars.append(contentsOf: scalars[plainStart..<i])
                out.append(escape)
                plainStart = scalars.index(after: i)
            }
            i = scalars.index(after: i)
        }
        out.unicodeScalars.append(contentsOf: scalars[plainStart..<scalars.endIndex])
    }
}
