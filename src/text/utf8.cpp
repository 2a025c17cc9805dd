#include "text/utf8.hpp"

#include <algorithm>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace planlint::utf8 {
namespace {

// Plan text is mostly ASCII with a non-ASCII letter every few words (ä, ö), and every document and every
// span is checked or counted, so both functions below take whole blocks of bytes at a time: 16 with SSE2
// (every x86-64 has it), otherwise 8 in a 64-bit word. Results are exactly those of the byte loops
// (tests/unit/utf8_test.cpp compares them over generated inputs).

// From `i`, a sequence boundary, skips what is plainly well-formed and returns the boundary at which
// first_invalid must look at the sequences one by one (a boundary, at most `n`).
//
// With SSE2, whole 16-byte blocks of ASCII and two-byte sequences (Finnish and Swedish letters: ä = C3 A4)
// are checked from bit masks, without a branch per character: a branch per ä, mispredicted where the
// letters fall, was most of the time of validating. Such a block is well-formed when its non-ASCII bytes
// are exactly its leads (C2..DF) and continuations (80..BF), and each continuation follows a lead (`carry`:
// the previous block's last byte was a lead). The first block that holds anything else (a three-byte en
// dash, an error) stops the skip at its start, or at the lead it continues.
std::size_t skip_plain_blocks(const unsigned char* s, std::size_t i, std::size_t n) {
#if defined(__SSE2__)
  const __m128i above_c1 = _mm_set1_epi8(static_cast<char>(0xC1));  // as signed bytes: C2..DF is -62..-33,
  const __m128i below_e0 = _mm_set1_epi8(static_cast<char>(0xE0));  // 80..BF is -128..-65
  const __m128i below_c0 = _mm_set1_epi8(static_cast<char>(0xC0));
  unsigned carry = 0;
  for (; i + 16 <= n; i += 16) {
    const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
    // (No shortcut for ASCII blocks: in Finnish text about half the blocks hold a letter, so a branch on it
    // would be mispredicted as often as not.)
    const auto non_ascii = static_cast<unsigned>(_mm_movemask_epi8(v));
    const auto leads =
        static_cast<unsigned>(_mm_movemask_epi8(_mm_and_si128(_mm_cmpgt_epi8(v, above_c1), _mm_cmplt_epi8(v, below_e0))));
    const auto continuations = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmplt_epi8(v, below_c0)));
    if (non_ascii != (leads | continuations) || (((leads << 1) | carry) & 0xFFFF) != continuations) break;
    carry = leads >> 15;
  }
  return i - carry;
#else
  // A 64-bit word at a time over ASCII only; any other byte is left to the sequence checks.
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    if (w & 0x8080808080808080ULL) break;
  }
  return i;
#endif
}

// Length of the well-formed sequence that starts with the non-ASCII byte s[i], or 0 (RFC 3629 table:
// overlong forms, surrogates and code points above U+10FFFF are not well-formed).
std::size_t sequence_length(const unsigned char* s, std::size_t i, std::size_t n) {
  const unsigned char c = s[i];
  std::size_t len = 0;
  unsigned char lo = 0x80, hi = 0xBF;  // allowed range of the second byte
  if (c >= 0xC2 && c <= 0xDF) {
    len = 2;
  } else if (c >= 0xE0 && c <= 0xEF) {
    len = 3;
    if (c == 0xE0) lo = 0xA0;          // overlong
    if (c == 0xED) hi = 0x9F;          // surrogates
  } else if (c >= 0xF0 && c <= 0xF4) {
    len = 4;
    if (c == 0xF0) lo = 0x90;          // overlong
    if (c == 0xF4) hi = 0x8F;          // above U+10FFFF
  } else {
    return 0;
  }
  if (i + 1 >= n || s[i + 1] < lo || s[i + 1] > hi) return 0;
  for (std::size_t k = 2; k < len; ++k) {
    if (i + k >= n || !is_continuation(s[i + k])) return 0;
  }
  return len;
}

// Number of continuation bytes (10xxxxxx) in s[0, n).
std::size_t count_continuations(const unsigned char* s, std::size_t n) {
  std::size_t count = 0;
  std::size_t i = 0;
#if defined(__SSE2__)
  // A continuation byte is below 0xC0 as a signed byte (-64) and not ASCII; compared as signed, 0x80..0xBF
  // are exactly the bytes below -64. Lanes count up to 255 matches before they are summed.
  const __m128i limit = _mm_set1_epi8(static_cast<char>(0xC0));
  while (i + 16 <= n) {
    __m128i lanes = _mm_setzero_si128();
    const std::size_t stop = (n - i) / 16 > 255 ? i + 255 * 16 : n - 15;
    for (; i < stop; i += 16) {
      const __m128i v = _mm_loadu_si128(reinterpret_cast<const __m128i*>(s + i));
      lanes = _mm_sub_epi8(lanes, _mm_cmplt_epi8(v, limit));  // a match is -1
    }
    const __m128i sums = _mm_sad_epu8(lanes, _mm_setzero_si128());
    count += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; i + 8 <= n; i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s + i, 8);
    // 10xxxxxx: the top bit set and the next one clear; the multiplication sums the eight 0/1 bytes into
    // the top byte (no popcount instruction is assumed).
    const std::uint64_t cont = (w & ~(w << 1) & 0x8080808080808080ULL) >> 7;
    count += static_cast<std::size_t>((cont * 0x0101010101010101ULL) >> 56);
  }
  for (; i < n; ++i) count += is_continuation(s[i]);
  return count;
}

}  // namespace

std::optional<std::size_t> first_invalid(std::string_view text) {
  const auto* s = reinterpret_cast<const unsigned char*>(text.data());
  const std::size_t n = text.size();
  std::size_t i = 0;
  for (;;) {
    i = skip_plain_blocks(s, i, n);
    if (i >= n) return std::nullopt;
    // Sequence by sequence through the block the skip stopped at (at least 16 bytes: progress), then
    // blocks again from the boundary reached.
    for (const std::size_t stop = std::min(n, i + 16); i < stop;) {
      if (s[i] < 0x80) {
        ++i;
        continue;
      }
      const std::size_t len = sequence_length(s, i, n);
      if (len == 0) return i;
      i += len;
    }
  }
}

std::string escape_invalid(std::string_view text) {
  std::string out;
  for (std::size_t at = 0;;) {
    const auto bad = first_invalid(text.substr(at));
    if (!bad) return out.append(text.substr(at));
    out.append(text.substr(at, *bad));
    constexpr char hex[] = "0123456789ABCDEF";
    const auto byte = static_cast<unsigned char>(text[at + *bad]);
    out += {'\\', 'x', hex[byte >> 4], hex[byte & 0xF]};
    at += *bad + 1;
  }
}

std::size_t count_code_points(std::string_view text) {
  return text.size() - count_continuations(reinterpret_cast<const unsigned char*>(text.data()), text.size());
}

std::size_t count_utf16_units(std::string_view text) {
  std::size_t count = 0;
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (!is_continuation(b)) count += (b >= 0xF0) ? 2 : 1;  // 4-byte sequences are surrogate pairs
  }
  return count;
}

}  // namespace planlint::utf8
