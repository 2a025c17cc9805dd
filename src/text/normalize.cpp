#include "text/normalize.hpp"

#include <cstdlib>
#include <memory>

#include <utf8proc.h>

#include "text/fold.hpp"
#include "text/utf8.hpp"

namespace planlint::text {
namespace {

std::string map_with(std::string_view s, int options) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                              static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(options));
  std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owned(out, &std::free);
  if (n < 0) return std::string(s);  // only on invalid input, which loading has already rejected
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

// U+0300 is the first character whose UTF-8 form starts with a byte from 0xCC on; continuation bytes
// (0x80–0xBF) and the lead bytes of U+0080–U+02FF (0xC2–0xCB) are all below it. No character below
// U+0300 is a combining mark, composes with its neighbour or has another NFC form (the composition
// exclusions and singletons start at U+0340), so such text is its own NFC — the quick check of UAX #15
// answers YES for it. A unit test checks every one of those characters against utf8proc.
constexpr unsigned char first_byte_from_u0300 = 0xCC;

}  // namespace

bool is_space(char32_t cp) {
  return cp == ' ' || cp == '\t' || cp == '\n' || cp == '\r' || cp == '\f' || cp == '\v' ||
         cp == 0x00A0 || cp == 0x1680 || (cp >= 0x2000 && cp <= 0x200A) || cp == 0x2028 ||
         cp == 0x2029 || cp == 0x202F || cp == 0x205F || cp == 0x3000;
}

bool known_nfc(std::string_view s) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= first_byte_from_u0300) return false;
  }
  return true;
}

bool known_collapsed(std::string_view s) {
  if (s.empty()) return true;
  if (is_ascii_space(static_cast<unsigned char>(s.front())) || is_ascii_space(static_cast<unsigned char>(s.back()))) return false;
  unsigned char prev = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (c == ' ' ? prev == ' ' : is_ascii_space(c)) return false;
    } else if (c == 0xC2 || (c >= 0xE1 && c <= 0xE3)) {
      // The lead bytes of the other white space (U+00A0; U+1680; U+2000–U+205F; U+3000) also start
      // common punctuation ("–", "”", "…", "§"), so those characters are decoded and looked at.
      std::size_t j = i;
      if (is_space(utf8::decode(s, j))) return false;
    }
    prev = c;
  }
  return true;
}

bool known_normalized(std::string_view s) { return known_nfc(s) && known_collapsed(s); }

bool is_blank(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x80) {
      if (!is_ascii_space(c)) return false;
      ++i;
    } else if (!is_space(utf8::decode(s, i))) {
      return false;
    }
  }
  return true;
}

std::string nfc(std::string_view s) {
  if (known_nfc(s)) return std::string(s);
  return map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE);
}

std::string casefold(std::string_view s) {
  // Plain text (fold_plain: ASCII and Latin-1 letters, single spaces) is its own normal form, so folding
  // it is casefold() too, a byte or two per character instead of utf8proc's few hundred instructions.
  if (std::string out; fold_plain(s, out)) return out;
  return map_with(s, UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD);
}

std::string collapse_whitespace(std::string_view s) {
  if (known_collapsed(s)) return std::string(s);
  std::string out;
  out.reserve(s.size());
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const char32_t cp = utf8::decode(s, i);
    if (is_space(cp)) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string normalize(std::string_view s) { return nfc(collapse_whitespace(s)); }

bool normalized_equal(std::string_view a, std::string_view b) {
  if (a == b) return true;
  // Two different texts that are both their own normal form cannot normalise to the same text.
  if (known_normalized(a) && known_normalized(b)) return false;
  return normalize(a) == normalize(b);
}

}  // namespace planlint::text
