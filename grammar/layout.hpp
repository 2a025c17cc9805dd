#pragma once
// Line structure of `pdftotext -layout` text: columns are laid out with runs of spaces, pages end with a
// form feed, and a page may carry a running header and a page number. A text line is read as chunks:
// runs of words with single blanks between them, apart from each other by two or more blanks. Which
// column a chunk belongs to follows from its position (the table header's cells give the columns); which
// lines form a row is decided by src/read/row_recovery. No actions here; src/read/layout_reader.cpp
// attaches them.
#include "grammar/common.hpp"

namespace planlint::grammar::layout {
using namespace tao::pegtl;

struct form_feed : one<'\f'> {};
struct page_break : plus<form_feed> {};
struct indent : star<blank> {};

// One printed character of a chunk: text that is not a blank.
struct ink : seq<not_at<blank>, text_byte> {};
// seq<ink, star<sor<ink, seq<one<' '>, at<ink>>>>>: printed characters with single blanks between words.
// Most of a layout line is chunks, and matching them a byte at a time through those combinators was a
// tenth of reading the text, so the same language is matched by a loop (custom rule;
// tests/unit/read_final_grammar_test.cpp compares the two on generated lines).
struct chunk {
  using rule_t = chunk;
  using subs_t = empty_list;
  static bool is_ink(char c) {  // a text_byte that is not a blank
    const auto b = static_cast<unsigned char>(c);
    return b > ' ' && b != 0x7F;
  }
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const p = in.current();
    const char* const e = in.end();
    if (p == e || !is_ink(*p)) return false;
    const char* q = p + 1;
    for (;;) {
      if (q < e && is_ink(*q)) ++q;
      else if (e - q >= 2 && *q == ' ' && is_ink(q[1])) q += 2;
      else break;
    }
    in.bump_in_this_line(static_cast<std::size_t>(q - p));
    return true;
  }
};
// Two blanks or a tab set chunks apart; one blank is a space between words.
struct gap : sor<seq<blank, plus<blank>>, tab> {};
struct chunks : seq<chunk, star<gap, chunk>> {};
struct line_tail : seq<star<blank>, line_end> {};

struct page_number : rep_min_max<1, 4, digit> {};
struct page_number_line : seq<indent, page_number, line_tail> {};

// "Toimenpide      Mittari": the second cell's column is where the indicator column begins.
struct header_measure : kw<role::measure_header> {};
struct header_indicator : seq<kw<role::indicator_header>, star<ink>> {};
struct header_rest : star<text_byte> {};
struct table_header : seq<indent, header_measure, plus<blank>, header_indicator, header_rest, line_end> {};

struct goal_heading : seq<indent, goal_ref, line_end> {};
struct overview_item : seq<indent, bullet_marker, plus<blank>, goal_ref, line_end> {};
struct status_word : kw<role::status> {};
struct status_line : seq<indent, status_word, line_tail> {};
struct text_line : seq<indent, chunks, line_tail> {};

struct line_body : sor<page_number_line, table_header, goal_heading, overview_item, status_line, text_line> {};
struct last_page_end : seq<page_break, eof> {};
struct line : sor<last_page_end, seq<opt<page_break>, sor<blank_line, line_body>>> {};
struct document_end : eof {};
struct document : seq<star<line>, must<document_end>> {};

}  // namespace planlint::grammar::layout

namespace tao::pegtl {
// chunk consumes at least one byte when it succeeds.
template <typename Name>
struct analyze_traits<Name, planlint::grammar::layout::chunk> : analyze_any_traits<> {};
}  // namespace tao::pegtl
