#include "read/pdf_joins.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <functional>

#include "text/utf8.hpp"

namespace planlint::read::pdf {

namespace {

bool is_letter(char32_t c) {
  if (c < 0x80) return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(c));
  return cat >= UTF8PROC_CATEGORY_LU && cat <= UTF8PROC_CATEGORY_LO;
}

bool is_lower(char32_t c) {
  if (c < 0x80) return c >= 'a' && c <= 'z';
  return utf8proc_category(static_cast<utf8proc_int32_t>(c)) == UTF8PROC_CATEGORY_LL;
}

// The letters that end `s` (after its last non-letter).
std::string_view trailing_letters(std::string_view s) {
  std::size_t start = 0;
  for (std::size_t i = 0; i < s.size();) {
    if (!is_letter(utf8::decode(s, i))) start = i;
  }
  return s.substr(start);
}

// The bytes of the hyphen that ends `s` (a hyphen-minus or U+2010), 0 when it ends otherwise.
std::size_t hyphen_at_end(std::string_view s) {
  if (s.ends_with('-')) return 1;
  if (s.ends_with("\u2010")) return 3;
  return 0;
}

// The letters that start `s` (up to its first non-letter).
std::string_view leading_letters(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    std::size_t next = i;
    if (is_join_mark(s[i]) || !is_letter(utf8::decode(s, next))) break;
    i = next;
  }
  return s.substr(0, i);
}

// The word (up to a space or a mark) that starts at `at`.
std::string_view word_at(std::string_view s, std::size_t at) {
  std::size_t end = at;
  while (end < s.size() && s[end] != ' ' && !is_join_mark(s[end])) ++end;
  return s.substr(at, end - at);
}

// Whether the hyphen between `stem` and `next`, at a line end of a hyphenated document, only broke a word:
// - without it the whole is a word, with it not ("toimenpitei-" / "den"; at a compound's seam the author
//   may have typed it, "yhteistyö-" / "mallilla": nothing on the page tells, the word processor's is taken);
// - or it follows letters that are no word, where an author types one only after a word or an
//   abbreviation ("sote-"): the whole is a word ("osallis-" / "tuville", though Voikko takes
//   "osallis-tuville" too) or the rest is no word either ("lyhytkurs-" / "seja", "Li-" / "fecare").
bool hyphen_only_breaks(std::string_view stem, std::string_view next, const IsWord& is_word) {
  if (stem.empty() || next.empty()) return false;
  const std::string joined = std::string(stem) + std::string(next);
  if (is_word(joined) && !is_word(std::string(stem) + "-" + std::string(next))) return true;
  return !is_word(stem) && (is_word(joined) || !is_word(next));
}

// Code points of the shortest word taken for one cut at a column's edge after other words on its line:
// narrower than any goal table's column (some 16 characters at 11 pt in 3 cm).
constexpr std::size_t min_cut_word = 16;

// Whether a wrap between the line `line` and the text `rest` after it cut a word: see settle_joins.
bool cut_word(std::string_view line, std::string_view rest, const IsWord& is_word) {
  if (rest.empty()) return false;
  if (std::string_view(".,;:!?)]}»”").find(rest.front()) != std::string_view::npos) return true;
  if (!is_word || line.empty()) return false;
  const std::string_view head = trailing_letters(line);
  const std::string_view tail = leading_letters(rest);
  if (head.empty() || tail.empty()) return false;
  std::size_t i = 0;
  if (!is_lower(utf8::decode(tail, i))) return false;  // a capital starts a word of its own
  const std::string whole = std::string(head) + std::string(tail);
  // LibreOffice starts a word too wide for its column where the line has room and cuts it at the
  // column's edge: on a line of other words too, only a word longer than any column is that wide.
  const bool alone = line.find(' ') == std::string_view::npos;
  if (!alone && utf8::count_code_points(whole) < min_cut_word) return false;
  // A letter alone is a word to Voikko, but no part of a word cut at a column's edge stands alone.
  const auto stands_alone = [&](std::string_view part) { return utf8::count_code_points(part) > 1 && is_word(part); };
  return is_word(whole) && (!stands_alone(head) || !stands_alone(tail));
}

}  // namespace

void count_hyphen_breaks(std::string_view text, const IsWord& is_word, HyphenBreaks& breaks) {
  breaks.soft += static_cast<std::size_t>(std::count(text.begin(), text.end(), soft_break_mark));
  for (std::size_t at = text.find(hyphen_mark); at != std::string_view::npos; at = text.find(hyphen_mark, at + 1)) {
    ++breaks.all;
    const std::size_t hyphen = hyphen_at_end(text.substr(0, at));
    if (!is_word || hyphen == 0) continue;
    const std::string_view stem = trailing_letters(text.substr(0, at - hyphen));
    const std::string_view next = leading_letters(text.substr(at + 1));
    if (!stem.empty() && !next.empty() && !is_word(stem) && is_word(std::string(stem) + std::string(next))) {
      ++breaks.mid_word;
    }
  }
}

Hyphenation hyphenation_of(const HyphenBreaks& breaks) {
  if (breaks.soft > 0) return {.hyphenated = true, .breaks_marked = true};
  return {.hyphenated = breaks.mid_word >= 2 && breaks.mid_word * 3 >= breaks.all, .breaks_marked = false};
}

std::string settle_joins(std::string_view text, Hyphenation hyphenation, const IsWord& is_word) {
  std::string out;
  out.reserve(text.size());
  std::size_t line_start = 0;  // where, in `out`, the line being read started
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (c == hyphen_mark) {
      const std::size_t hyphen = hyphen_at_end(out);
      const std::string_view stem = trailing_letters(std::string_view(out).substr(0, out.size() - hyphen));
      const bool only_breaks = hyphenation.hyphenated && !hyphenation.breaks_marked && is_word && hyphen > 0 &&
                               hyphen_only_breaks(stem, leading_letters(text.substr(i + 1)), is_word);
      if (only_breaks) {
        out.resize(out.size() - hyphen);
      }
      line_start = out.size();
    } else if (c == soft_break_mark) {
      line_start = out.size();
    } else if (c == wrap_mark) {
      const std::string_view line = std::string_view(out).substr(line_start);
      // LibreOffice breaks a line after "/" only at a space, unless it hyphenates: then within the word too.
      const bool slash_in_word = hyphenation.hyphenated && line.ends_with('/');
      if (!slash_in_word && !cut_word(line, word_at(text, i + 1), is_word)) out += ' ';
      line_start = out.size();
    } else {
      out += c;
    }
  }
  return out;
}

void settle_line_joins(structured::Document& doc, const IsWord& is_word) {
  HyphenBreaks breaks;
  structured::for_each_text(doc, [&](const std::string& text) { count_hyphen_breaks(text, is_word, breaks); });
  const Hyphenation hyphenation = hyphenation_of(breaks);
  structured::for_each_text(doc, [&](std::string& text) {
    if (std::ranges::any_of(text, is_join_mark)) text = settle_joins(text, hyphenation, is_word);
  });
}

}  // namespace planlint::read::pdf
