#pragma once
// UTF-8 helpers that the readers, rules and reports share. Input is validated once when a document is
// loaded (read/source), so everything downstream may assume well-formed UTF-8.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace planlint::utf8 {

// Offset of the first byte that does not start or continue a well-formed UTF-8 sequence (overlong forms,
// surrogates and code points above U+10FFFF are rejected), or nullopt when all of `text` is valid.
std::optional<std::size_t> first_invalid(std::string_view text);

// `text` with each byte that is not part of well-formed UTF-8 written as \xNN (two upper-case hex digits):
// how a name in another encoding (a Latin-1 file name) is shown where only UTF-8 may go (JSON, SARIF).
// Valid text comes back unchanged.
std::string escape_invalid(std::string_view text);

// Number of code points in valid UTF-8 text.
std::size_t count_code_points(std::string_view text);

// Number of UTF-16 code units the valid UTF-8 text takes (what the Language Server Protocol counts).
std::size_t count_utf16_units(std::string_view text);

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// The bytes of the sequence a byte of 0x80 or above leads, as its high bits say (2, 3 or 4; a byte that
// leads none, a continuation, counts as 2): the step decode() takes there.
inline std::size_t sequence_length(unsigned char lead) { return lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2; }

// Decodes the code point that starts at text[i] and advances i past it. Text must be valid. Inline: it is
// called per character by the similarity search and the spelling tokenizer, mostly on ASCII.
inline char32_t decode(std::string_view text, std::size_t& i) {
  const auto c = static_cast<unsigned char>(text[i]);
  if (c < 0x80) {
    ++i;
    return c;
  }
  const std::size_t len = sequence_length(c);
  char32_t cp = c & (0x7F >> len);
  for (std::size_t k = 1; k < len && i + k < text.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(text[i + k]) & 0x3F);
  }
  i += len;
  return cp;
}

// How many code points decode() reads from `text`, a step per lead byte: equal to count_code_points() for
// valid text, and decode()'s count also for text that is not (a rule may build such text).
inline std::size_t count_decoded(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size(); ++n) {
    const auto c = static_cast<unsigned char>(text[i]);
    i += c < 0x80 ? 1 : sequence_length(c);
  }
  return n;
}

}  // namespace planlint::utf8
