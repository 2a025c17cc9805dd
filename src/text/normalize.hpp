#pragma once
// Comparison helpers. The model keeps text exactly as written; these produce the forms that rules and
// diffs compare, so that "Työikäisille  espoolaisille" and its NFD twin compare equal.
#include <string>
#include <string_view>

namespace planlint::text {

// Unicode NFC (utf8proc). Input must be valid UTF-8.
std::string nfc(std::string_view s);

// Trims, and collapses every run of Unicode whitespace (including NBSP and tabs) to one ASCII space.
std::string collapse_whitespace(std::string_view s);

// Unicode case folding (utf8proc), e.g. "TYÖIKÄISILLE" -> "työikäisille".
std::string casefold(std::string_view s);

// NFC + collapsed whitespace: the form in which two texts "say the same".
std::string normalize(std::string_view s);

bool normalized_equal(std::string_view a, std::string_view b);

// Quick checks by one scan of the bytes, so that the common case (text already in normal form) costs
// neither a copy nor utf8proc. They may answer false for some texts that are in the form (text with
// characters from U+0300 on), never true for one that is not.
// nfc(s) == s: every character is below U+0300 (ASCII, Latin-1, Latin Extended), where NFC changes nothing.
bool known_nfc(std::string_view s);
// collapse_whitespace(s) == s: no white space at either end, and only single ASCII spaces inside.
bool known_collapsed(std::string_view s);
// normalize(s) == s.
bool known_normalized(std::string_view s);

// collapse_whitespace(s).empty(): the text is empty or only white space, decided without a copy.
bool is_blank(std::string_view s);

bool is_space(char32_t cp);

}  // namespace planlint::text
