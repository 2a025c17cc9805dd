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

bool is_space(char32_t cp);

}  // namespace planlint::text
