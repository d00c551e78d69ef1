#include "CByteScan.h"
#if defined(__SSE2__)
#include <emmintrin.h>
#endif

static inline int is_html(unsigned char c) {
    return c == '<' || c == '>' || c == '&' || c == '"' || c == '\'';
}

static inline int is_json(unsigned char c) {
    return c < 0x20 || c == 0x7F || c == '"' || c == '\\' || c == '<' || c == '>' || c == '&'
        || c == 0xC2 || c == 0xE2 || c == 0xEF;
}

static inline int is_markdown(unsigned char c) {
    return c == '\t' || c == '\n' || c == '\r' || c == '\\' || c == '`' || c == '*' || c == '_'
        || c == '[' || c == ']' || c == '<' || c == '>' || c == '&';
}

static inline int is_line_end(unsigned char c) { return c == '\n' || c == '\r'; }

#if defined(__SSE2__)
#define EQ(v, c) _mm_cmpeq_epi8((v), _mm_set1_epi8((char)(c)))
#define OR(a, b) _mm_or_si128((a), (b))

static inline __m128i html_mask(__m128i v) {
    return OR(OR(EQ(v, '<'), EQ(v, '>')), OR(OR(EQ(v, '&'), EQ(v, '"')), EQ(v, '\'')));
}

static inline __m128i json_mask(__m128i v) {
    // Unsigned `v <= 0x1F`: the larger of v and 0x1F is 0x1F.
    __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, _mm_set1_epi8(0x1F)), _mm_set1_epi8(0x1F));
    __m128i a = OR(OR(EQ(v, 0x7F), EQ(v, '"')), OR(EQ(v, '\\'), EQ(v, '<')));
    __m128i b = OR(OR(EQ(v, '>'), EQ(v, '&')), OR(OR(EQ(v, 0xC2), EQ(v, 0xE2)), EQ(v, 0xEF)));
    return OR(low, OR(a, b));
}

static inline __m128i markdown_mask(__m128i v) {
    __m128i a = OR(OR(EQ(v, '\t'), EQ(v, '\n')), OR(EQ(v, '\r'), EQ(v, '\\')));
    __m128i b = OR(OR(EQ(v, '`'), EQ(v, '*')), OR(EQ(v, '_'), EQ(v, '[')));
    __m128i c = OR(OR(EQ(v, ']'), EQ(v, '<')), OR(EQ(v, '>'), EQ(v, '&')));
    return OR(a, OR(b, c));
}

static inline __m128i line_end_mask(__m128i v) { return OR(EQ(v, '\n'), EQ(v, '\r')); }

// Sixteen bytes per step; the last step is an overlapping load ending at `n`, with the
// bytes already looked at masked off, so no byte is read outside `p[0..<n]`.
#define SCAN(mask, scalar)                                                              \
    size_t i = 0;                                                                       \
    if (n < 16) {                                                                       \
        for (; i < n; i++) if (scalar(p[i])) return i;                                  \
        return n;                                                                       \
    }                                                                                   \
    for (; i + 16 <= n; i += 16) {                                                      \
        unsigned bits = (unsigned)_mm_movemask_epi8(mask(_mm_loadu_si128((const __m128i *)(p + i)))); \
        if (bits) return i + (size_t)__builtin_ctz(bits);                               \
    }                                                                                   \
    if (i == n) return n;                                                               \
    unsigned bits = (unsigned)_mm_movemask_epi8(mask(_mm_loadu_si128((const __m128i *)(p + n - 16)))); \
    bits &= ~0u << (16 - (n - i));                                                      \
    return bits ? n - 16 + (size_t)__builtin_ctz(bits) : n;
#else
#define SCAN(mask, scalar)                                                              \
    for (size_t i = 0; i < n; i++) if (scalar(p[i])) return i;                          \
    return n;
#endif

size_t sitegen_scan_html(const unsigned char *p, size_t n) { SCAN(html_mask, is_html) }
size_t sitegen_scan_json(const unsigned char *p, size_t n) { SCAN(json_mask, is_json) }
size_t sitegen_scan_markdown(const unsigned char *p, size_t n) { SCAN(markdown_mask, is_markdown) }
size_t sitegen_scan_line_end(const unsigned char *p, size_t n) { SCAN(line_end_mask, is_line_end) }

/* Length of the well-formed sequence starting at p[i] (a byte at or above 0x80), or 0. */
static size_t sequence_length(const unsigned char *p, size_t i, size_t n) {
    unsigned c = p[i], v, min;
    size_t need;
    if ((c & 0xE0) == 0xC0) { need = 1; min = 0x80; v = c & 0x1F; }
    else if ((c & 0xF0) == 0xE0) { need = 2; min = 0x800; v = c & 0x0F; }
    else if ((c & 0xF8) == 0xF0) { need = 3; min = 0x10000; v = c & 0x07; }
    else return 0;
    if (i + need >= n) return 0;
    for (size_t k = 1; k <= need; k++) {
        unsigned cc = p[i + k];
        if ((cc & 0xC0) != 0x80) return 0;
        v = (v << 6) | (cc & 0x3F);
    }
    if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) return 0;
    return need + 1;
}

size_t sitegen_first_invalid_utf8(const unsigned char *p, size_t n) {
    size_t i = 0;
    while (i < n) {
#if defined(__SSE2__)
        if (i + 16 <= n) {
            unsigned high = (unsigned)_mm_movemask_epi8(_mm_loadu_si128((const __m128i *)(p + i)));
            if (!high) { i += 16; continue; }
            i += (size_t)__builtin_ctz(high); /* to the first byte at or above 0x80 */
        }
#endif
        if (p[i] < 0x80) { i++; continue; }
        size_t len = sequence_length(p, i, n);
        if (len == 0) return i;
        i += len;
    }
    return n;
}

static inline int is_control(unsigned char c) {
    return (c < 0x20 && c != 0x09 && c != 0x0A && c != 0x0C && c != 0x0D) || c == 0x7F;
}

size_t sitegen_count_controls(const unsigned char *p, size_t n, int *nul) {
    size_t count = 0, i = 0;
    *nul = 0;
#if defined(__SSE2__)
    const __m128i max1f = _mm_set1_epi8(0x1F);
    for (; i + 16 <= n; i += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + i));
        __m128i low = _mm_cmpeq_epi8(_mm_max_epu8(v, max1f), max1f); /* v <= 0x1F */
        __m128i allowed = OR(OR(EQ(v, 0x09), EQ(v, 0x0A)), OR(EQ(v, 0x0C), EQ(v, 0x0D)));
        __m128i ctl = OR(_mm_andnot_si128(allowed, low), EQ(v, 0x7F));
        unsigned bits = (unsigned)_mm_movemask_epi8(ctl);
        if (bits) {
            if (_mm_movemask_epi8(EQ(v, 0))) *nul = 1;
            count += (size_t)__builtin_popcount(bits);
        }
    }
#endif
    for (; i < n; i++) {
        if (p[i] == 0) *nul = 1;
        if (is_control(p[i])) count++;
    }
    return count;
}

static inline int breaks_run(unsigned char c) { return c == 0x09 || c == 0xC2 || c == 0xE2; }

size_t sitegen_scan_plain_run(const unsigned char *p, size_t n) {
    size_t k = 0;
#if defined(__SSE2__)
    /* A byte and the one after it, sixteen positions at a time (the second load reads one
       byte further, so the loop stops a byte short of the end). */
    for (; k + 17 <= n; k += 16) {
        __m128i v = _mm_loadu_si128((const __m128i *)(p + k));
        __m128i w = _mm_loadu_si128((const __m128i *)(p + k + 1));
        __m128i special = OR(OR(EQ(v, 0x09), EQ(v, 0xC2)), EQ(v, 0xE2));
        __m128i next = OR(OR(EQ(w, 0x09), EQ(w, 0xC2)), OR(EQ(w, 0xE2), EQ(w, 0x20)));
        __m128i stop = OR(special, _mm_and_si128(EQ(v, 0x20), next));
        unsigned bits = (unsigned)_mm_movemask_epi8(stop);
        if (bits) return k + (size_t)__builtin_ctz(bits);
    }
#endif
    for (; k < n; k++) {
        unsigned char c = p[k];
        if (breaks_run(c)) return k;
        if (c == 0x20 && (k + 1 == n || p[k + 1] == 0x20 || breaks_run(p[k + 1]))) return k;
    }
    return n;
}
