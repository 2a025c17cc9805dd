#pragma once
// Line structure of "block" text extracted from a PDF (as in samples/tyoikaiset-2022-2025-final-blocks.txt):
// every visual line is followed by a blank line; a line that was soft-wrapped keeps its trailing blank(s);
// the first line of a page begins with one space; a page may show a bare page number; the table header is
// "Toimenpide Mittari" with a space. This grammar only classifies lines; which lines form which table cell
// is decided by src/read/row_recovery. No actions here; src/read/blocks_reader.cpp attaches them.
#include "grammar/common.hpp"

namespace planlint::grammar::blocks {
using namespace tao::pegtl;

// The blanks a line ends with: one after a soft wrap, sometimes two at the end of a cell.
struct trailing_blanks : seq<plus<blank>, at<line_end>> {};
// A line's text without its trailing blanks: plus<not_at<trailing_blanks>, sor<text_byte, tab>>, matched as
// a run of text (text_run_length, a block of bytes at a time) less the blanks that end the line, because
// that combinator tested every byte for trailing blanks ahead (custom rule; tests/unit/
// read_final_grammar_test.cpp compares the two on generated lines).
struct content {
  using rule_t = content;
  using subs_t = empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const p = in.current();
    const char* const e = in.end();
    const char* q = p + text_run_length<true>(p, e);
    // Blanks are trailing only before a line end (LF, CRLF or the end of the text), not before a lone CR.
    if (q == e || *q == '\n' || (*q == '\r' && e - q >= 2 && q[1] == '\n')) {
      while (q > p && (q[-1] == ' ' || q[-1] == '\t')) --q;
    }
    if (q == p) return false;
    in.bump_in_this_line(static_cast<std::size_t>(q - p));
    return true;
  }
};
struct line_tail : seq<opt<trailing_blanks>, line_end> {};

// A page begins with a line whose first character is a space.
struct page_mark : one<' '> {};
// A bare page number on a line of its own: an artefact of the page, never text.
struct page_number : rep_min_max<1, 4, digit> {};
struct page_number_line : seq<page_number, star<blank>, line_end> {};

// "Toimenpide Mittari", "Toimenpide Mittari/ mittarit".
struct header_measure : kw<role::measure_header> {};
struct header_indicator : seq<kw<role::indicator_header>, star<not_at<trailing_blanks>, text_byte>> {};
struct table_header : seq<header_measure, plus<blank>, header_indicator, line_tail> {};

// "TAVOITE 1 . title" (goal_ref's title keeps the trailing blanks, which the reader reads as a wrap).
struct goal_heading : seq<goal_ref, line_end> {};
// "• TAVOITE 1. title": an item of the overview of goals.
struct overview_item : seq<bullet_marker, plus<blank>, goal_ref, line_end> {};
struct bullet_line : seq<at<bullet_marker, plus<blank>>, content, line_tail> {};
struct status_word : kw<role::status> {};
struct status_line : seq<status_word, star<blank>, line_end> {};
struct text_line : seq<content, line_tail> {};

struct line_body
    : sor<page_number_line, table_header, goal_heading, overview_item, bullet_line, status_line, text_line> {};
struct page_start : seq<page_mark, line_body> {};
struct line : sor<blank_line, page_start, line_body> {};
struct document_end : eof {};
struct document : seq<star<line>, must<document_end>> {};

}  // namespace planlint::grammar::blocks

namespace tao::pegtl {
// content consumes at least one byte when it succeeds.
template <typename Name>
struct analyze_traits<Name, planlint::grammar::blocks::content> : analyze_any_traits<> {};
}  // namespace tao::pegtl
