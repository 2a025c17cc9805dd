#include "read/line_cues.hpp"

#include <array>

#include <utf8proc.h>

#include "grammar/keywords.hpp"
#include "read/cues.hpp"
#include "text/fold.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::read {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_blank(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_blank(s.back())) s.remove_suffix(1);
  return s;
}

std::string_view first_word(std::string_view s) {
  s = trim(s);
  return s.substr(0, grammar::word_length(s.data(), s.data() + s.size()));
}

// The last blank-separated token, e.g. "lukumäärä." or "(kyllä/ei)". (A loop, not find_last_of(" \t"),
// which calls memchr once per byte it passes: that was 3% of reading block text.)
std::string_view last_token(std::string_view s) {
  s = trim(s);
  std::size_t start = s.size();
  while (start > 0 && !is_blank(s[start - 1])) --start;
  return s.substr(start);
}

// (Compared byte by byte: the suffixes are a few bytes long, shorter than a call to memcmp.)
bool ends_with(std::string_view s, std::string_view suffix) {
  if (s.size() < suffix.size()) return false;
  const char* tail = s.data() + (s.size() - suffix.size());
  for (std::size_t i = 0; i < suffix.size(); ++i) {
    if (tail[i] != suffix[i]) return false;
  }
  return true;
}

// (Words of the same length are compared byte by byte: they are a few bytes long, shorter than a call to
// memcmp.)
template <std::size_t N>
bool in_list(std::string_view folded, const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (w.size() == folded.size() && ends_with(folded, w)) return true;
  }
  return false;
}

// Which ASCII bytes the words of some cue lists end with. A word whose last byte is ASCII folds to a word
// that ends in that byte made small (casefold changes no other ASCII byte, and NFC composes nothing onto
// one), so a word that ends in another ASCII byte is in none of the lists: it is turned away unfolded, as
// most words of a line are (casefold was a tenth of reading block text).
using ascii_set = std::array<bool, 128>;
template <std::size_t N>
constexpr void add_last_bytes(ascii_set& set, const std::string_view (&list)[N]) {
  for (std::string_view w : list) {
    if (!w.empty() && static_cast<unsigned char>(w.back()) < 0x80) set[static_cast<unsigned char>(w.back())] = true;
  }
}
constexpr ascii_set opener_ends = [] {
  ascii_set set{};
  add_last_bytes(set, cues::measure_openers);
  return set;
}();
constexpr ascii_set passive_ends = [] {
  ascii_set set{};
  add_last_bytes(set, cues::measure_openers);
  add_last_bytes(set, cues::passive_suffixes);
  return set;
}();
// False when `word` cannot fold to a word that ends in a byte of `ends`; true when it may.
bool may_end_in(std::string_view word, const ascii_set& ends) {
  if (word.empty()) return false;
  auto c = static_cast<unsigned char>(word.back());
  if (c >= 0x80) return true;
  if (c >= 'A' && c <= 'Z') c = static_cast<unsigned char>(c + ('a' - 'A'));
  return ends[c];
}

bool is_passive_form(std::string_view word) {
  if (word.size() < 6 || !may_end_in(word, passive_ends)) return false;
  thread_local std::string buffer;
  const std::string_view f = text::casefold_into(word, buffer);
  if (in_list(f, cues::measure_openers)) return true;
  for (std::string_view s : cues::not_passive_suffixes) {
    if (ends_with(f, s)) return false;
  }
  for (std::string_view s : cues::passive_suffixes) {
    if (ends_with(f, s)) return true;
  }
  return false;
}

}  // namespace

Initial initial_of(std::string_view text) {
  text = trim(text);
  if (text.empty()) return Initial::other;
  std::size_t i = 0;
  const char32_t c = utf8::decode(text, i);
  switch (utf8proc_category(static_cast<utf8proc_int32_t>(c))) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LT: return Initial::upper;
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_ND: return Initial::lower;
    default: return Initial::other;
  }
}

bool opens_measure(std::string_view text, bool allow_suffix) {
  const std::string_view w = first_word(text);
  if (w.empty()) return false;
  thread_local std::string buffer;
  if (may_end_in(w, opener_ends) && in_list(text::casefold_into(w, buffer), cues::measure_openers)) return true;
  return allow_suffix && initial_of(w) == Initial::upper && is_passive_form(w);
}

bool has_inner_passive(std::string_view text) {
  text = trim(text);
  const char* p = text.data();
  const char* end = p + text.size();
  bool first = true;
  while (p < end) {
    const std::size_t n = grammar::word_length(p, end);
    if (n == 0) {
      ++p;
      continue;
    }
    if (!first && is_passive_form(std::string_view(p, n))) return true;
    first = false;
    p += n;
  }
  return false;
}

bool ends_sentence(std::string_view text) {
  text = trim(text);
  while (!text.empty() && (text.back() == ')' || text.back() == '"' || text.back() == '\'')) text.remove_suffix(1);
  if (text.empty()) return false;
  const char c = text.back();
  if (c == '!' || c == '?') return true;
  if (c != '.') return false;
  std::string_view tok = last_token(text);
  tok.remove_suffix(1);
  while (!tok.empty() && (tok.front() == '(' || tok.front() == '"')) tok.remove_prefix(1);
  thread_local std::string buffer;
  return !in_list(text::casefold_into(tok, buffer), cues::abbreviations);
}

bool ends_open(std::string_view text) {
  text = trim(text);
  if (text.empty()) return false;
  const char c = text.back();
  if (c == ',' || c == ':' || c == '-' || c == ';' || c == '/') return true;
  thread_local std::string buffer;
  return in_list(text::casefold_into(last_token(text), buffer), cues::conjunctions);
}

bool ends_indicator(std::string_view text) {
  thread_local std::string buffer;
  std::string_view f = text::casefold_into(last_token(text), buffer);
  if (in_list(f, cues::indicator_suffixes)) return true;
  while (!f.empty() && (f.back() == '.' || f.back() == ',' || f.back() == ')')) f.remove_suffix(1);
  // "määrä/vuosi": an indicator noun before a per-unit slash counts too.
  const auto slash = f.find('/');
  for (std::string_view s : cues::indicator_suffixes) {
    if (ends_with(f, s)) return true;
    if (slash != std::string_view::npos && ends_with(f.substr(0, slash), s)) return true;
  }
  return false;
}

std::vector<std::size_t> sentence_starts(std::string_view text) {
  std::vector<std::size_t> out;
  for (std::size_t i = 1; i + 1 < text.size(); ++i) {
    if (text[i] != ' ' || is_blank(text[i - 1])) continue;
    std::size_t j = i;
    while (j < text.size() && is_blank(text[j])) ++j;
    if (j >= text.size()) break;
    if (!ends_sentence(text.substr(0, i))) continue;
    if (initial_of(text.substr(j)) != Initial::upper) continue;
    out.push_back(j);
  }
  return out;
}

}  // namespace planlint::read
