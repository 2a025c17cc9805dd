#pragma once
// Text put together from pieces of several source lines (a wrapped cell, a wrapped heading), which still
// knows where each of its bytes came from, so that any part of it becomes a Span with an exact range.
// Whitespace is collapsed while joining: cell text is whitespace-normalised by construction.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "model/plan.hpp"
#include "model/source_range.hpp"
#include "read/source.hpp"

namespace planlint::read {

// How a piece continues the text before it.
enum class Join {
  space,         // a new word: "…tukevaan" + "toimintaan" -> "…tukevaan toimintaan"
  none,          // glued: "yhteistyö-" + "mallilla" -> "yhteistyö-mallilla"
  drop_hyphen,   // a word hyphenated by the typesetter: "hyvin-" + "vointia" -> "hyvinvointia"
};

class JoinedText {
 public:
  // `text` must lie inside `src.bytes`; its offset is taken from its address.
  void append(const Source& src, std::string_view text, Join join = Join::space);

  const std::string& text() const { return text_; }
  bool empty() const { return text_.empty(); }
  // Byte offset in the source of byte `i` of text() (std::out_of_range past its end).
  std::size_t source_offset(std::size_t i) const;
  // The Span of text()[begin, end): from the first character to just after the last one, in the source.
  // Its text views the source where the piece stands there as it is (one line, blanks not collapsed), and
  // otherwise a copy that `keep` holds for the plan.
  Span span(const Source& src, PlanText& keep, std::size_t begin, std::size_t end) const;
  Span span(const Source& src, PlanText& keep) const { return span(src, keep, 0, text_.size()); }

 private:
  // Where text_'s bytes come from, as runs of bytes that lie one after another in the source: a cell's
  // line is one run, and each joining space and collapsed blank starts another. (An offset per byte was
  // eight bytes of memory per byte of text, filled a word at a time: with its allocations some 7 % of
  // reading layout text.)
  struct Run {
    std::size_t text_begin;    // the run's first byte in text_
    std::size_t source_begin;  // and where that byte is in the source
  };
  // Byte `at` of text_ and those after it came from `source_offset` on: a new run unless the last one
  // goes on there.
  void push_offset(std::size_t at, std::size_t source_offset);
  void pop_offset();                            // for the byte about to leave text_'s end
  std::size_t offset(std::size_t i) const;      // source_offset() unchecked: i < text_.size()

  std::string text_;
  std::vector<Run> runs_;  // by text_begin, ascending; the first at 0 unless text_ is empty
};

// The words of a document, case-folded, and its hyphenated compounds ("yhteistyö-mallilla"): gathered once,
// so that deciding a line-final hyphen costs a lookup. They are gathered at the first question, not when
// the Lexicon is made: folding every word of a document was some 8% of reading a final version, and a
// document whose lines never end in a hyphen after a word asks none. `document_text` must outlive it.
class Lexicon {
 public:
  explicit Lexicon(std::string_view document_text) : text_(document_text) {}
  bool has_word(const std::string& folded) const { return gathered().words.contains(folded); }
  bool has_compound(const std::string& folded) const { return gathered().compounds.contains(folded); }

 private:
  struct Words {
    std::unordered_set<std::string> words, compounds;
  };
  const Words& gathered() const;

  std::string_view text_;
  mutable std::optional<Words> words_;  // once gathered
};

// Which Join fits between a line ending in `prev` and the next line starting with `next`. `trailing_space`
// says the previous line ended in blanks (a soft wrap in PDF text). A line-final hyphen is kept unless the
// hyphen-less word occurs elsewhere in the document and the hyphenated one does not.
Join join_between(std::string_view prev, bool trailing_space, std::string_view next, const Lexicon& lexicon);

}  // namespace planlint::read
