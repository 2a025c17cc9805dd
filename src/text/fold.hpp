#pragma once
// The form in which similarity measures compare texts: normalised (NFC, white space collapsed) and
// case-folded, i.e. casefold(normalize(s)) of normalize.hpp, which it equals for every input.
#include <string>
#include <string_view>

namespace planlint::text {

// Plain text (printable ASCII and the Latin-1 letters U+00C0–U+00FF but ß, single spaces between words)
// is folded here directly, a byte or two at a time; anything else goes through utf8proc. Plans are
// almost all plain text, and utf8proc spends some 300 instructions per character on it.
std::string fold(std::string_view s);

// The plain-text path alone: folds `s` into `out` (which keeps its length) and returns true when `s` is
// plain text; returns false, with `out` unspecified, otherwise.
bool fold_plain(std::string_view s, std::string& out);

// One code point of plain text, folded: A–Z and the Latin-1 capitals (but ×) to their small letters.
inline char32_t fold_plain_code_point(char32_t c) {
  if (c >= U'A' && c <= U'Z') return c + (U'a' - U'A');
  if (c >= 0xC0 && c <= 0xDE && c != 0xD7) return c + 0x20;
  return c;
}

// casefold(s) of normalize.hpp, written into `buffer` and viewed there: for callers that fold a word or two
// many times over (the final readers' line cues and lexicon: casefold was a tenth of reading block text,
// much of it allocating a std::string per fold), where a buffer that is reused keeps its capacity. Plain text
// takes fold_plain's path, which equals casefold there: normalize leaves plain text as it is.
std::string_view casefold_into(std::string_view s, std::string& buffer);

}  // namespace planlint::text
