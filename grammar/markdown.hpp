#pragma once
// Grammar of plans kept as Markdown (CommonMark with GitHub's pipe tables): ATX and setext headings, bullet
// and ordered lists nested by indentation, pipe tables, paragraphs, HTML comment lines (planlint's
// directives), fenced code blocks and YAML front matter (skipped: not the plan's text), and a LUONNOS status
// line, as in drafts (grammar/draft.hpp). A heading, a plain line or a list item that is a goal reference
// (grammar::goal_ref) is a goal heading or an item of the overview of goals; the claims are found in
// paragraphs, list items and headings. Inline markup (**bold**, _x_, links) is left in the text.
// Where this follows CommonMark only in part (README.md, "Markdown plans"): a table row must hold a pipe, a
// header row need not have as many cells as its delimiter row, a closing fence need not be as long as
// its opening one, an indented line is never a code block, and a setext underline of '-' needs three.
// No actions here; src/read/markdown_reader.cpp attaches them.
#include "grammar/common.hpp"

namespace planlint::grammar::markdown {
using namespace tao::pegtl;

// --- lines that are not the plan's text ------------------------------------------------------------------
// "<!-- planlint: … -->" on a line of its own: a comment line (directives for planlint), as in drafts.
struct comment_open : string<'<', '!', '-', '-'> {};
struct comment_close : string<'-', '-', '>'> {};
struct comment_body : until<at<comment_close>, sor<text_byte, tab>> {};
struct comment_start : seq<star<blank>, comment_open> {};
struct comment_line : seq<star<blank>, comment_open, comment_body, comment_close, star<blank>, line_end> {};
// Any other HTML comment ("<!-- … -->" with text after it, or over several lines) is skipped to the end of the
// line that closes it; one never closed runs to the end of the document, as a Markdown renderer hides it.
struct comment_block
    : seq<star<blank>, comment_open, until<sor<comment_close, eof>, sor<text_byte, tab, eol>>, rest_of_line, line_end> {};

// A line of the document and its line end: what code blocks and front matter are made of.
struct code_line : seq<rest_of_line, eol> {};
// ``` or ~~~ (three or more), an info string ("text", "mermaid"), the lines, and a closing fence of the
// same character (or the end of the document). A backtick fence's info string holds no backtick.
template <char C>
struct fence : seq<rep<3, one<C>>, star<one<C>>> {};
template <char C>
struct closing_fence : seq<star<blank>, fence<C>, star<blank>, line_end> {};
struct backtick_info : star<not_at<one<'`'>>, sor<text_byte, tab>> {};
struct tilde_info : rest_of_line {};
template <char C, typename Info>
struct fenced_code_of : seq<star<blank>, fence<C>, Info, line_end, until<sor<closing_fence<C>, eof>, code_line>> {};
struct backtick_code : fenced_code_of<'`', backtick_info> {};
struct tilde_code : fenced_code_of<'~', tilde_info> {};
struct fenced_code : sor<backtick_code, tilde_code> {};
struct fence_start : seq<star<blank>, sor<rep<3, one<'`'>>, rep<3, one<'~'>>>> {};

// "---" lines around YAML metadata at the very start of the document (Jekyll, Pandoc, Hugo).
struct front_matter_close : seq<sor<string<'-', '-', '-'>, string<'.', '.', '.'>>, star<blank>, line_end> {};
struct front_matter : seq<string<'-', '-', '-'>, star<blank>, eol, until<front_matter_close, code_line>> {};

// "***", "- - -", "___": a thematic break; "===" under a line: a setext heading's underline (so is "---",
// which is a thematic break here). The line above stays what it is: a title line, a paragraph, a goal
// heading.
template <char C>
struct break_of : seq<one<C>, star<blank>, one<C>, star<blank>, one<C>, star<sor<one<C>, blank>>> {};
struct thematic_break : seq<star<blank>, sor<break_of<'-'>, break_of<'*'>, break_of<'_'>>, line_end> {};
struct setext_underline : seq<star<blank>, plus<one<'='>>, star<blank>, line_end> {};

// --- the status line ------------------------------------------------------------------------------------
// "LUONNOS" on a line of its own, also as "**LUONNOS**" or "_LUONNOS_" (or as a heading, below).
struct emphasis : rep_min_max<1, 3, one<'*', '_'>> {};
struct status_word : kw<role::status> {};
struct status_line : seq<star<blank>, opt<emphasis>, status_word, opt<emphasis>, star<blank>, line_end> {};

// --- goal headings --------------------------------------------------------------------------------------
// "TAVOITE 1. title" at the start of a line, as in drafts.
struct goal_line_content : seq<goal_ref> {};
struct goal_line : seq<goal_line_content, line_end> {};

// ATX headings: "#" to "######", a blank, the text, an optional closing sequence of '#'s after a blank.
struct atx_marker : seq<star<blank>, rep_min_max<1, 6, one<'#'>>, not_at<one<'#'>>> {};
struct heading_tail : seq<opt<plus<blank>, plus<one<'#'>>>, star<blank>, line_end> {};
// A heading's goal reference: grammar::goal_ref, whose title ends where the heading's closing sequence
// begins. (Words and runs of blanks at a time, so that a long run of blanks is not scanned once per blank.)
struct heading_goal_title : star<not_at<heading_tail>, sor<plus<blank>, plus<not_at<blank>, text_byte>>> {};
struct heading_goal_ref : goal_ref_with<heading_goal_title> {};
struct goal_heading_content : seq<heading_goal_ref> {};
struct heading_status : seq<opt<emphasis>, status_word, opt<emphasis>, at<heading_tail>> {};
// Any other heading's text: a title line or a paragraph of its own (claims are read in it).
struct heading_text : plus<not_at<heading_tail>, sor<claim, number_token, word, plus<blank>, text_byte>> {};
struct heading_content : sor<goal_heading_content, heading_status, heading_text> {};
struct atx_heading : seq<atx_marker, sor<heading_tail, seq<plus<blank>, heading_content, heading_tail>>> {};
struct atx_start : seq<atx_marker, sor<blank, line_end>> {};

// --- pipe tables ----------------------------------------------------------------------------------------
// "| Toimenpide | Mittari |", "|---|:--:|", then rows; the outer pipes may be left out, "\|" is a pipe in a
// cell. A cell's text is trimmed of blanks: the blanks around it belong to the cell, not to its text.
struct pipe : one<'|'> {};
// A cell's text up to its last non-blank byte, before the next unescaped pipe or the line end; may be
// empty. Custom rule: one pass over the cell, not a rule per byte.
struct cell_text {
  using rule_t = cell_text;
  using subs_t = empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) {
    const char* const start = in.current();
    const char* const end = in.end();
    const char* last = start;  // just after the last byte that is not blank
    for (const char* q = start; q < end;) {
      const auto c = static_cast<unsigned char>(*q);
      if (c == '|' || (c < 0x20 && c != '\t') || c == 0x7F) break;
      if (c == '\\' && q + 1 < end && q[1] == '|') {
        q += 2;
        last = q;
        continue;
      }
      ++q;
      if (c != ' ' && c != '\t') last = q;
    }
    in.bump_in_this_line(static_cast<std::size_t>(last - start));
    return true;
  }
};
struct cell : seq<star<blank>, cell_text, star<blank>> {};
struct row_end : seq<star<blank>, line_end> {};
// A pipe followed by nothing but blanks is the row's closing pipe, not the start of an empty cell.
struct next_cell : seq<pipe, not_at<row_end>, cell> {};
struct cell_list : sor<seq<pipe, cell, star<next_cell>, opt<pipe>>,                              // "| a | b |", "| a | b"
                       seq<cell, pipe, opt<not_at<row_end>, cell, star<next_cell>, opt<pipe>>>> {};  // "a | b |", "a |"
struct header_cells : seq<cell_list> {};
struct header_row : seq<not_at<blank_line>, star<blank>, header_cells, row_end> {};
struct delimiter_cell : seq<star<blank>, opt<one<':'>>, plus<one<'-'>>, opt<one<':'>>, star<blank>> {};
struct delimiter_row
    : seq<star<blank>, sor<seq<pipe, list_tail<delimiter_cell, pipe>>, seq<delimiter_cell, pipe, opt<list_tail<delimiter_cell, pipe>>>>,
          row_end> {};
// A header row without its delimiter row ("Toimenpide | Vastuutaho | Mittari", as a plain-text draft writes
// a table with pipes) still starts a table when a cell of it begins with a measure header word: a line of
// prose with a pipe in it does not. Whether the line from `p` is such a row (also read/detect.cpp's test).
inline bool names_measure_column(const char* p, const char* end) noexcept {
  bool pipe_seen = false, names = false, cell_start = true;
  for (; p < end && *p != '\n' && *p != '\r'; ++p) {
    if (*p == '\\' && p + 1 < end && p[1] == '|') {
      ++p;
      cell_start = false;
    } else if (*p == '|') {
      pipe_seen = cell_start = true;
    } else if (*p != ' ' && *p != '\t') {
      if (cell_start) {
        const std::size_t n = word_length(p, end);
        names = names || (n > 0 && is_keyword(role::measure_header, std::string_view(p, n)));
      }
      cell_start = false;
    }
  }
  return pipe_seen && names;
}
// The test above as a lookahead rule: it consumes nothing.
struct names_measure_cell {
  using rule_t = names_measure_cell;
  using subs_t = empty_list;
  template <typename ParseInput>
  static bool match(ParseInput& in) { return names_measure_column(in.current(), in.end()); }
};
struct table_start : sor<seq<header_row, delimiter_row>, seq<names_measure_cell, header_row>> {};
struct row_cells : seq<cell_list> {};  // a sub-rule, so that actions see the whole row
// A heading, a fence or a goal line ends the table, even with a pipe in it; so does a line without one.
struct row_breaker : sor<blank_line, atx_start, fence_start, goal_line> {};
struct table_row : seq<not_at<row_breaker>, star<blank>, row_cells, row_end> {};
// A comment line among the rows (a directive for the row after it) does not end the table.
struct table : seq<at<table_start>, header_row, opt<delimiter_row>, star<sor<comment_line, table_row>>> {};

// --- lists ----------------------------------------------------------------------------------------------
// "-", "*", "+" (and the draft's "•", "–"), or "1." / "1)", then blanks; nesting is by indentation, which
// changes nothing in what an item is.
struct ordered_marker : seq<rep_min_max<1, 9, digit>, one<'.', ')'>> {};
struct list_marker : sor<bullet_marker, one<'+'>, ordered_marker> {};
struct item_start : seq<star<blank>, list_marker, plus<blank>> {};
// An item that names a goal is an item of the overview of goals.
struct overview_item_content : seq<goal_ref> {};
struct overview_item : seq<item_start, overview_item_content, line_end> {};
// Any other item is a paragraph of its own, with the lines that continue it (indented or not) up to a
// blank line or the start of another block.
struct item_text : inline_text {};
struct continuation_text : inline_text {};
struct interrupts : sor<blank_line, comment_start, fence_start, atx_start, thematic_break, setext_underline,
                        table_start, status_line, goal_line, item_start> {};
struct continuation_line : seq<not_at<interrupts>, continuation_text, line_end> {};
struct list_item : seq<item_start, item_text, line_end, star<continuation_line>> {};

// --- paragraphs -----------------------------------------------------------------------------------------
struct paragraph_text : inline_text {};
struct paragraph_line : seq<paragraph_text, line_end> {};

struct block : sor<blank_line, fenced_code, comment_line, comment_block, atx_heading, thematic_break, setext_underline,
                   table, status_line, goal_line, overview_item, list_item, paragraph_line> {};
// Only a character that is not text (a control character, a lone carriage return) can stop the blocks.
struct document_end : eof {};
struct document : seq<opt<front_matter>, star<block>, must<document_end>> {};

}  // namespace planlint::grammar::markdown

namespace tao::pegtl {
// A cell's text may be empty.
template <typename Name>
struct analyze_traits<Name, planlint::grammar::markdown::cell_text> : analyze_opt_traits<> {};
// A lookahead: it consumes nothing.
template <typename Name>
struct analyze_traits<Name, planlint::grammar::markdown::names_measure_cell> : analyze_opt_traits<> {};
}  // namespace tao::pegtl
