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
