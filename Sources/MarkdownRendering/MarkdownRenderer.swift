import CCmark
#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Options for libcmark, as a Swift `OptionSet` so callers never see C constants.
public struct MarkdownOptions: OptionSet, Sendable, Hashable {
    public let rawValue: Int32
    public init(rawValue: Int32) { self.rawValue = rawValue }

    /// Typographic quotes and dashes.
    public static let smart = MarkdownOptions(rawValue: CMARK_OPT_SMART)
    /// Replace invalid UTF-8 with U+FFFD instead of passing it through.
    public static let validateUTF8 = MarkdownOptions(rawValue: CMARK_OPT_VALIDATE_UTF8)
    /// `data-sourcepos` attributes, for debugging only.
    public static let sourcePositions = MarkdownOptions(rawValue: CMARK_OPT_SOURCEPOS)

    /// What the site uses. Safe mode is libcmark's default since 0.29 (raw HTML is replaced
    /// by a comment and `javascript:`/`vbscript:`/`file:` links are emptied); we never pass
    /// `CMARK_OPT_UNSAFE`, so there is no option to turn it off.
    public static let site: MarkdownOptions = [.validateUTF8]

    /// `site` for Markdown made from Swift strings (the build's intermediate), which are
    /// valid UTF-8 by construction: cmark's own check, a pass over every line, repeated
    /// Swift's and was a fifth of cmark's time. The HTML is the same for valid input.
    public static let siteFromStrings: MarkdownOptions = site.subtracting(.validateUTF8)
}

/// Stage 3: CommonMark -> HTML with libcmark. Converting and freeing happen in one scope:
/// no C pointer escapes this type, and every buffer cmark returns is freed here.
public struct MarkdownRenderer: Sendable {
    public var options: MarkdownOptions

    public init(options: MarkdownOptions = .site) {
        self.options = options
    }

    public func html(from markdown: String) -> String {
        var source = markdown
        return source.withUTF8 { String(decoding: html(utf8: $0), as: UTF8.self) }
    }

    /// The HTML of UTF-8 Markdown as bytes: what the build puts into pages, with no
    /// `String` (and no validation of cmark's output) on the way.
    public func html(utf8 buffer: UnsafeBufferPointer<UInt8>) -> [UInt8] {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return [] }
        let raw = base.withMemoryRebound(to: CChar.self, capacity: buffer.count) { chars in
            cmark_markdown_to_html(chars, buffer.count, options.rawValue)
        }
        guard let raw else { return [] }
        defer { free(raw) }
        return raw.withMemoryRebound(to: UInt8.self, capacity: 1) { Array(UnsafeBufferPointer(start: $0, count: strlen(raw))) }
    }
}
