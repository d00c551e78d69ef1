import DispatchModel

/// Stage 2, forward: a `Dispatch` as Markdown with YAML front matter. The front matter holds
/// every parsed fact; the body holds the lead, paragraphs and captions. Every string is a
/// double-quoted YAML scalar and all body text goes through `MarkdownEscaper`, so nothing
/// from a dispatch can become YAML or Markdown structure.
///
/// Body conventions (read back by `IntermediateReader`):
/// - the lead is the first paragraph (present only when `lead` is set);
/// - a caption is a block quote; its credit, if any, is the last line, in `*…*`.
public enum IntermediateWriter {
    public static func markdown(for d: Dispatch) -> String {
        var out = "---\n"
        func field(_ key: String, _ value: String?) {
            out += key + ": " + (value.map(JSONString.quote) ?? "null") + "\n"
        }
        field("file", d.file)
        field("title", d.title)
        out += "titleDerived: \(d.titleDerived)\n"
        field("date", d.date.iso)
        out += "datePrecision: \(d.date.precision.rawValue)\n"
        if let e = d.eventDate { field("eventDate", e.iso) }
        field("place", d.place)
        field("agency", d.agency)
        field("dateline", d.dateline)
        field("signOff", d.signOff)
        if d.officials.isEmpty {
            out += "officials: []\n"
        } else {
            out += "officials:\n"
            for o in d.officials {
                out += "  - name: " + JSONString.quote(o.name) + "\n"
                out += "    role: " + (o.role.map(JSONString.quote) ?? "null") + "\n"
            }
        }
        if d.tags.isEmpty {
            out += "tags: []\n"
        } else {
            out += "tags:\n"
            for t in d.tags {
                out += "  - name: " + JSONString.quote(t.name) + "\n"
                out += "    kind: " + t.kind.rawValue + "\n"
            }
        }
        out += "---\n"
        out += body(for: d)
        return out
    }

    /// The Markdown body alone: what cmark renders.
    public static func body(for d: Dispatch) -> String {
        var blocks: [String] = []
        if let lead = d.lead { blocks.append(MarkdownEscaper.escape(lead)) }
        for b in d.body {
            switch b {
            case .paragraph(let p):
                let e = MarkdownEscaper.escape(p)
                if !e.isEmpty { blocks.append(e) }
            case .caption(let c):
                var lines: [String] = []
                let text = MarkdownEscaper.escape(c.text)
                if !text.isEmpty { lines.append("> " + text) }
                if let credit = c.credit {
                    let e = MarkdownEscaper.escape(credit)
                    if !e.isEmpty { lines.append("> *" + e + "*") }
                }
                if !lines.isEmpty { blocks.append(lines.joined(separator: "\n")) }
            }
        }
        return blocks.isEmpty ? "" : "\n" + blocks.joined(separator: "\n\n") + "\n"
    }
}
