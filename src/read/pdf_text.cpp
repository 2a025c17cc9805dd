#include "read/pdf_text.hpp"

#include <array>
#include <cstdint>

namespace planlint::read::pdf {

namespace {

// The code point at the start of `s` and its length in bytes (0 for an empty or broken sequence).
std::pair<char32_t, std::size_t> first_code_point(std::string_view s) {
  if (s.empty()) return {0, 0};
  const auto c = static_cast<unsigned char>(s[0]);
  if (c < 0x80) return {c, 1};
  const std::size_t len = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
  if (len == 0 || s.size() < len) return {0, 0};
  char32_t cp = c & (0x3F >> (len - 1));
  for (std::size_t i = 1; i < len; ++i) cp = (cp << 6) | (static_cast<unsigned char>(s[i]) & 0x3F);
  return {cp, len};
}

bool is_letter_or_digit(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c != 0xD7 && c != 0xF7 && c < 0x2000);
}

// The code point that ends `s` and where it starts.
std::pair<char32_t, std::size_t> last_code_point(std::string_view s) {
  std::size_t i = s.size();
  while (i > 0 && (static_cast<unsigned char>(s[i - 1]) & 0xC0) == 0x80) --i;
  if (i == 0) return {0, 0};
  return {first_code_point(s.substr(i - 1)).first, i - 1};
}

// Words after which "terveys-" keeps its space: the second half of the compound follows later
// ("terveys- ja sosiaalipalvelut").
constexpr std::array<std::string_view, 9> conjunctions = {"ja", "tai", "sekä", "eli", "ynnä", "and", "or", "och", "eller"};

std::string_view first_token(std::string_view s) {
  const std::size_t end = s.find(' ');
  return s.substr(0, end);
}

// The word without what may follow it in running text (".", ",", ")", ":" …), for asking Voikko.
std::string_view without_trailing_punctuation(std::string_view w) {
  while (!w.empty() && std::string_view(".,;:!?)]\"'").find(w.back()) != std::string_view::npos) w.remove_suffix(1);
  return w;
}

bool is_conjunction(std::string_view w) {
  for (std::string_view c : conjunctions) {
    if (w == c) return true;
  }
  return false;
}

// Whether the hyphen that ends a line only broke the word (to be dropped) rather than belonging to it.
bool hyphen_only_breaks(std::string_view stem_word, std::string_view next_word, const IsWord& is_word) {
  if (!is_word || stem_word.empty() || next_word.empty()) return false;
  const auto [last, at] = last_code_point(stem_word);
  const auto [first, len] = first_code_point(next_word);
  if ((last >= '0' && last <= '9') || (first >= '0' && first <= '9')) return false;  // "2022-2025"
  if (first >= 'A' && first <= 'Z') return false;  // "LU-" / "Sote": a name keeps its hyphen
  const std::string_view rest = without_trailing_punctuation(next_word);
  const std::string joined = std::string(stem_word) + std::string(rest);
  const std::string hyphenated = std::string(stem_word) + "-" + std::string(rest);
  return is_word(joined) && !is_word(hyphenated);
}

}  // namespace

bool is_bullet(std::string_view word) {
  const auto [cp, len] = first_code_point(word);
  if (len == 0 || len != word.size()) return false;
  if (cp >= 0xE000 && cp <= 0xF8FF) return true;  // symbol-font bullets (Symbol, Wingdings) in the PUA
  switch (cp) {
    case U'•': case U'◦': case U'▪': case U'▫': case U'‣': case U'–': case U'○': case U'■': case U'□':
    case U'➢': case U'-': case U'·': case U'●': case U'►': case U'✓':
      return true;
    default:
      return false;
  }
}

std::string clean_word(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (c == 0xC2 && i + 1 < text.size()) {
      const auto d = static_cast<unsigned char>(text[i + 1]);
      if (d == 0xAD && i + 2 < text.size()) { ++i; continue; }  // a soft hyphen inside a word (at its end
                                                                  // it may have broken the line: join_line)
      if (d == 0xA0) { out += ' '; ++i; continue; }       // no-break space
    }
    out += (c == '\t' || c == '\r' || c == '\n') ? ' ' : static_cast<char>(c);
  }
  return out;
}

void join_line(std::string& text, std::string_view next, const IsWord& is_word) {
  if (next.empty()) return;
  if (text.empty()) {
    text.assign(next);
    return;
  }
  // A soft hyphen that broke the line: the word goes on without it.
  if (text.size() >= 2 && static_cast<unsigned char>(text[text.size() - 2]) == 0xC2 &&
      static_cast<unsigned char>(text.back()) == 0xAD) {
    text.resize(text.size() - 2);
    text += next;
    return;
  }
  const auto [last, at] = last_code_point(text);
  if (last == '-' || last == U'‐') {
    const std::size_t word_start = text.find_last_of(' ', at == 0 ? 0 : at - 1);
    const std::string_view stem = std::string_view(text).substr(word_start == std::string::npos ? 0 : word_start + 1,
                                                                at - (word_start == std::string::npos ? 0 : word_start + 1));
    const std::string_view next_word = first_token(next);
    if (stem.empty()) {  // "Kaikukortti -" / "toimintaa": the hyphen belongs to the next word
      text += next;
      return;
    }
    const auto [before, unused] = last_code_point(stem);
    if (!is_letter_or_digit(before) || is_conjunction(next_word)) {  // "terveys-" / "ja"
      text += ' ';
      text += next;
      return;
    }
    if (hyphen_only_breaks(stem, next_word, is_word)) text.resize(at);
    text += next;
    return;
  }
  // "määrä/" / "vuosi": word processors break after a slash without a space ("määrä/vuosi").
  if (text.back() != ' ' && text.back() != '/') text += ' ';
  text += next;
}

std::string collapse_spaces(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  bool space = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (static_cast<unsigned char>(c) == 0xC2 && i + 1 < text.size() && static_cast<unsigned char>(text[i + 1]) == 0xAD) {
      ++i;  // a soft hyphen left at the end of a paragraph
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace planlint::read::pdf
