#include "read/joined_text.hpp"

#include <algorithm>
#include <stdexcept>

#include "grammar/keywords.hpp"
#include "read/cues.hpp"
#include "text/fold.hpp"
#include "text/normalize.hpp"

namespace planlint::read {
namespace {

bool is_blank_byte(char c) { return c == ' ' || c == '\t'; }

std::string lower(std::string_view s) { return text::casefold(s); }

// The slot of a (non-empty) word in Lexicon's table of words met lately: any spread will do, as a slot only
// saves work when it holds the very same bytes.
constexpr std::size_t recent_slots = 1024;
std::size_t recent_slot(std::string_view word) {
  const auto byte = [&](std::size_t i) { return static_cast<std::size_t>(static_cast<unsigned char>(word[i])); };
  return (word.size() * 31 + byte(0) * 7 + byte(word.size() / 2) * 131 + byte(word.size() - 1) * 1031) % recent_slots;
}

}  // namespace

void JoinedText::push_offset(std::size_t at, std::size_t source_offset) {
  if (!runs_.empty() && runs_.back().source_begin + (at - runs_.back().text_begin) == source_offset) return;  // goes on
  runs_.push_back({at, source_offset});
}

void JoinedText::pop_offset() {
  if (runs_.back().text_begin == text_.size() - 1) runs_.pop_back();  // the run was that byte alone
}

std::size_t JoinedText::offset(std::size_t i) const {
  // The last run that starts at or before byte i.
  const auto after = std::upper_bound(runs_.begin(), runs_.end(), i, [](std::size_t byte, const Run& r) { return byte < r.text_begin; });
  const Run& r = *(after - 1);
  return r.source_begin + (i - r.text_begin);
}

std::size_t JoinedText::source_offset(std::size_t i) const {
  if (i >= text_.size()) throw std::out_of_range("JoinedText::source_offset");
  return offset(i);
}

void JoinedText::append(const Source& src, std::string_view piece, Join join) {
  const std::size_t base = static_cast<std::size_t>(piece.data() - src.bytes.data());
  std::size_t i = 0;
  while (i < piece.size() && is_blank_byte(piece[i])) ++i;
  std::size_t end = piece.size();
  while (end > i && is_blank_byte(piece[end - 1])) --end;
  if (i == end) return;
  if (!text_.empty()) {
    if (join == Join::space) {
      text_ += ' ';
      push_offset(text_.size() - 1, base + i);  // a joining space stands for the line break before the piece
    } else if (join == Join::drop_hyphen && text_.back() == '-') {
      pop_offset();
      text_.pop_back();
    }
  }
  while (i < end) {
    if (is_blank_byte(piece[i])) {
      if (!text_.empty() && text_.back() != ' ') {  // collapse runs of blanks
        text_ += ' ';
        push_offset(text_.size() - 1, base + i);
      }
      ++i;
      continue;
    }
    // A word (a run of other bytes) is appended whole: a byte at a time, this was 4% of reading.
    std::size_t run = i;
    while (run < end && !is_blank_byte(piece[run])) ++run;
    text_.append(piece.data() + i, run - i);
    // Its bytes lie in order in the source: its first byte's offset places them all.
    push_offset(text_.size() - (run - i), base + i);
    i = run;
  }
}

Span JoinedText::span(const Source& src, PlanText& keep, std::size_t begin, std::size_t end) const {
  Span s;
  const std::string_view piece = std::string_view(text_).substr(begin, end - begin);
  if (begin < end && offset(end - 1) - offset(begin) == end - 1 - begin &&
      src.bytes.substr(offset(begin), piece.size()) == piece) {
    s.text = src.bytes.substr(offset(begin), piece.size());
  } else {
    s.text = keep.keep(std::string(piece));
  }
  if (begin >= end) {
    const std::size_t at = begin < text_.size() ? offset(begin) : (text_.empty() ? 0 : offset(text_.size() - 1) + 1);
    s.range.begin = s.range.end = src.position_of(at);
    return s;
  }
  s.range.begin = src.position_of(offset(begin));
  // Just after the last character: find where that character's bytes end in the source.
  std::size_t last = end - 1;
  while (last > begin && (static_cast<unsigned char>(text_[last]) & 0xC0) == 0x80) --last;
  const std::size_t char_bytes = end - last;
  s.range.end = src.position_of(offset(last) + char_bytes);
  return s;
}

const Lexicon::Words& Lexicon::gathered() const {
  if (words_) return *words_;
  Words& w = words_.emplace();
  std::string folded;
  std::vector<std::string_view> recent(recent_slots);
  const char* p = text_.data();
  const char* end = p + text_.size();
  while (p < end) {
    const std::size_t n = grammar::word_length(p, end);
    if (n == 0) {
      ++p;
      continue;
    }
    // Most words of a plan are repeats. A word with the same bytes as the one last met in its slot of a
    // small table was folded and kept then; any other is folded into one buffer and copied only when new.
    const std::string_view raw(p, n);
    std::string_view& slot = recent[recent_slot(raw)];
    if (slot != raw) {
      slot = raw;
      text::casefold_into(raw, folded);
      if (!w.words.contains(folded)) w.words.insert(folded);
    }
    // A compound: words joined by single hyphens, taken whole.
    const char* q = p + n;
    while (q + 1 < end && *q == '-' && grammar::word_length(q + 1, end) > 0) q += 1 + grammar::word_length(q + 1, end);
    if (q != p + n) {
      text::casefold_into(std::string_view(p, static_cast<std::size_t>(q - p)), folded);
      if (!w.compounds.contains(folded)) w.compounds.insert(folded);
    }
    p = q;
  }
  return w;
}

Join join_between(std::string_view prev, bool trailing_space, std::string_view next, const Lexicon& lexicon) {
  while (!prev.empty() && is_blank_byte(prev.back())) prev.remove_suffix(1);
  while (!next.empty() && is_blank_byte(next.front())) next.remove_prefix(1);
  if (prev.size() < 2 || prev.back() != '-') return Join::space;
  const char* p = prev.data();
  // The word before the hyphen must be a word ("ilta-"), not a dash standing alone (" - ").
  std::size_t start = prev.size() - 1;
  while (start > 0 && !is_blank_byte(prev[start - 1])) --start;
  const std::string_view head = prev.substr(start, prev.size() - 1 - start);
  if (head.empty() || grammar::word_length(p + start, p + prev.size() - 1) == 0) return Join::space;
  const std::size_t n = grammar::word_length(next.data(), next.data() + next.size());
  const std::string_view tail = next.substr(0, n);
  if (tail.empty()) return Join::space;
  for (std::string_view c : cues::conjunctions) {
    if (grammar::equals_folded(tail, c)) return Join::space;  // "ilta- ja viikonloppuaikaista"
  }
  if (trailing_space) return Join::space;                     // "Mielenterveys- " + "ja …"
  const std::string joined = lower(std::string(head) + std::string(tail));
  const std::string hyphenated = lower(std::string(head) + "-" + std::string(tail));
  if (lexicon.has_word(joined) && !lexicon.has_compound(hyphenated)) return Join::drop_hyphen;
  return Join::none;
}

}  // namespace planlint::read
