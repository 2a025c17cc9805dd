#include "text/fold.hpp"

#include "text/normalize.hpp"

namespace planlint::text {
bool fold_plain(std::string_view s, std::string& out) {
  out.resize(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ') {
      // One space between two words: anything else is collapsed or trimmed by normalize().
      if (i == 0 || i + 1 == s.size() || s[i + 1] == ' ') return false;
      out[i] = ' ';
    } else if (c > ' ' && c < 0x7F) {
      out[i] = static_cast<char>(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    } else if (c == 0xC3 && i + 1 < s.size()) {
      // U+00C0–U+00FF: precomposed (NFC leaves them), capitals fold to their small letter 0x20 above,
      // but × (U+00D7), which has none, and ß (U+00DF), which folds to "ss".
      const auto d = static_cast<unsigned char>(s[i + 1]);
      if (d < 0x80 || d > 0xBF || d == 0x9F) return false;
      out[i] = static_cast<char>(c);
      out[i + 1] = static_cast<char>(d >= 0x80 && d <= 0x9E && d != 0x97 ? d + 0x20 : d);
      ++i;
    } else {
      return false;  // control characters, other white space, other scripts, combining marks
    }
  }
  return true;
}

std::string_view casefold_into(std::string_view s, std::string& buffer) {
  if (!fold_plain(s, buffer)) buffer = casefold(s);
  return buffer;
}

std::string fold(std::string_view s) {
  std::string out;
  if (fold_plain(s, out)) return out;
  return casefold(normalize(s));
}

}  // namespace planlint::text
