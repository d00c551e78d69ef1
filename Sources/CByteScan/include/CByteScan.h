#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>

/// Scanners for the escapers' hot loops: each returns the offset of the first byte of
/// `p[0..<n]` that its escaper must look at, or `n`. Sixteen bytes per step with SSE2 (every
/// x86-64 CPU has it); a byte at a time elsewhere. Swift's own vectors compiled the same
/// compares into scalar code six times slower, hence C.

/// `<`, `>`, `&`, `"`, `'` (HTML text and attribute values).
size_t sitegen_scan_html(const unsigned char *p, size_t n);

/// Bytes below 0x20, 0x7F, `"`, `\`, `<`, `>`, `&`, and 0xC2, 0xE2, 0xEF, which start the
/// C1 controls, U+2028/2029 and U+FEFF/FFFE/FFFF (`JSONString`).
size_t sitegen_scan_json(const unsigned char *p, size_t n);

/// Tab, line feed, carriage return and `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` (`MarkdownEscaper`).
size_t sitegen_scan_markdown(const unsigned char *p, size_t n);

/// Offset of the first byte of `p[0..<n]` that does not start a well-formed UTF-8 sequence
/// (overlong forms, surrogates, values above U+10FFFF and truncated sequences are not), or
/// `n` if all of it is well formed. ASCII, most of a French text, is skipped sixteen bytes
/// at a time (`TextDecoder`).
size_t sitegen_first_invalid_utf8(const unsigned char *p, size_t n);

/// How many bytes of `p[0..<n]` are control characters other than tab, line feed, form feed
/// and carriage return (C0 and DEL), and whether one of them is NUL (`*nul` set to 1).
size_t sitegen_count_controls(const unsigned char *p, size_t n, int *nul);

/// Where a run of bytes that a line is copied with stops when its spaces are normalised
/// (`LineReader.appendNormalized`): the first tab, 0xC2 or 0xE2 (which may start a no-break
/// space), or space that ends the text or is followed by a space, tab, 0xC2 or 0xE2; `n` if
/// none.
size_t sitegen_scan_plain_run(const unsigned char *p, size_t n);

/// The first line feed or carriage return (`LineReader.lines`), or `n`.
size_t sitegen_scan_line_end(const unsigned char *p, size_t n);

#endif
