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
        String(decoding: bodyBytes(for: d), as: UTF8.self)
    }

    /// `body(for:)` as bytes, built in one buffer: what the build hands to cmark. Blocks
    /// are separated by a blank line; a paragraph or caption with no text is left out (the
    /// lead is kept even empty: it is the first paragraph by convention).
    public static func bodyBytes(for d: Dispatch) -> [UInt8] {
        var out: [UInt8] = [0x0A]
        // Sized from the blocks as they are (`Dispatch.paragraphs` would make an array of them).
        var size = (d.lead?.utf8.count ?? 0) + 256
        for b in d.body {
            switch b {
            case .paragraph(let p): size += p.utf8.count + 2
            case .caption(let c): size += c.text.utf8.count + (c.credit?.utf8.count ?? 0) + 8
            }
        }
        out.reserveCapacity(size)
        var blocks = 0
        func block(keepEmpty: Bool = false, _ write: (inout [UInt8]) -> Void) {
            let mark = out.count
            if blocks > 0 { out.append(0x0A); out.append(0x0A) }
            let start = out.count
            write(&out)
            if out.count == start && !keepEmpty { out.removeLast(out.count - mark); return }
            blocks += 1
        }
        if let lead = d.lead { block(keepEmpty: true) { MarkdownEscaper.appendEscaped(lead, to: &$0) } }
        for b in d.body {
            switch b {
            case .paragraph(let p):
                block { MarkdownEscaper.appendEscaped(p, to: &$0) }
            case .caption(let c):
                block { out in
                    // `> text` and `> *credit*`, each line only when it has text.
                    let start = out.count
                    out.append(contentsOf: [0x3E, 0x20])
                    MarkdownEscaper.appendEscaped(c.text, to: &out)
                    let hasText = out.count > start + 2
                    if !hasText { out.removeLast(2) }
                    if let credit = c.credit {
                        let line = out.count
                        if hasText { out.append(0x0A) }
                        out.append(contentsOf: [0x3E, 0x20, 0x2A])
                        let text = out.count
                        MarkdownEscaper.appendEscaped(credit, to: &out)
                        if out.count == text { out.removeLast(out.count - line) } else { out.append(0x2A) }
                    }
                }
            }
        }
        if blocks == 0 { return [] }
        out.append(0x0A)
        return out
    }
}
