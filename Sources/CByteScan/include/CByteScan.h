#ifndef CBYTESCAN_H
#define CBYTESCAN_H

#include <stddef.h>

/// Scanners for the escapers' hot loops: each returns the offset of the first byte of
/// `p[0..<n]` that its escaper must look at, or `n`. Sixteen bytes per step with SSE2 (every
/// x86-64 CPU has it); a byte at a time elsewhere. Swift's own vectors compiled the same
/// compares into scalar code ten times slower, hence C.

/// `<`, `>`, `&`, `"`, `'` (HTML text and attribute values).
size_t sitegen_scan_html(const unsigned char *p, size_t n);

/// Bytes below 0x20, 0x7F, `"`, `\`, `<`, `>`, `&`, and 0xC2, 0xE2, 0xEF, which start the
/// C1 controls, U+2028/2029 and U+FEFF/FFFE/FFFF (`JSONString`).
size_t sitegen_scan_json(const unsigned char *p, size_t n);

/// Tab, line feed, carriage return and `\` `` ` `` `*` `_` `[` `]` `<` `>` `&` (`MarkdownEscaper`).
size_t sitegen_scan_markdown(const unsigned char *p, size_t n);

#endif
