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

bool is_conjunction(std::string_view w) {
  for (std::string_view c : conjunctions) {
    if (w == c) return true;
  }
  return false;
}

bool is_digit(char32_t c) { return c >= '0' && c <= '9'; }

// Joins `next` after a line that ends in a hyphen at `at` (a hyphen-minus or U+2010).
void join_after_hyphen(std::string& text, std::size_t at, std::string_view next) {
  const std::size_t space = text.find_last_of(' ', at == 0 ? 0 : at - 1);
  const std::size_t word_start = space == std::string::npos || at == 0 ? 0 : space + 1;
  if (word_start == at) {  // "Kaikukortti -" / "toimintaa": the hyphen belongs to the next word
    text += next;
    return;
  }
  const auto [before, unused] = last_code_point(std::string_view(text).substr(word_start, at - word_start));
  const std::string_view next_word = first_token(next);
  if (!is_letter_or_digit(before) || is_conjunction(next_word)) {  // "terveys-" / "ja"
    text += ' ';
  } else if (const auto [first, len] = first_code_point(next_word);
             !is_digit(before) && !is_digit(first) && !(first >= 'A' && first <= 'Z')) {
    text += hyphen_mark;  // "2022-2025" and "LU-Sote" keep their hyphen; the rest is the document's call
  }
  text += next;
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
    out += c < 0x20 ? ' ' : static_cast<char>(c);
  }
  return out;
}

void join_line(std::string& text, std::string_view next) {
  if (next.empty()) return;
  if (text.empty()) {
    text.assign(next);
    return;
  }
  // A soft hyphen that broke the line: the word goes on without it.
  if (text.size() >= 2 && static_cast<unsigned char>(text[text.size() - 2]) == 0xC2 &&
      static_cast<unsigned char>(text.back()) == 0xAD) {
    text.resize(text.size() - 2);
    text += soft_break_mark;
    text += next;
    return;
  }
  const auto [last, at] = last_code_point(text);
  if (last == '-' || last == U'‐') {
    join_after_hyphen(text, at, next);
    return;
  }
  // "2019–" / "2028": a dash that ends a word was a break after the dash, within the word.
  const bool dash_in_word = (last == U'–' || last == U'—') && at > 0 && text[at - 1] != ' ';
  if (!dash_in_word && text.back() != ' ') text += wrap_mark;
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
      space = !out.empty() && !is_join_mark(out.back());
      continue;
    }
    if (space && !is_join_mark(c)) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

}  // namespace planlint::read::pdf
