#pragma once
// Grammar of plain-text plan drafts (as in samples/tyoikaiset-2022-2025-luonnos.txt): one line is one
// block. Goal headings, tab-separated goal tables, bullet lists (the overview of goals among them),
// a status line, comment lines, and paragraphs, in which the plan's claims about itself are found.
// No actions here; src/read/draft_reader.cpp attaches them.
#include "grammar/common.hpp"

namespace planlint::grammar::draft {
using namespace tao::pegtl;

// <!-- planlint: … --> on a line of its own: directives for planlint, skipped as text.
struct comment_body : until<at<string<'-', '-', '>'>>, sor<text_byte, tab>> {};
struct comment_line
    : seq<star<blank>, string<'<', '!', '-', '-'>, comment_body, string<'-', '-', '>'>, star<blank>, line_end> {};

// "TAVOITE 1. title" at the start of a line.
struct goal_heading_content : seq<goal_ref> {};
struct goal_heading : seq<goal_heading_content, line_end> {};

// Tables: "Toimenpide<TAB>Mittari[<TAB>more…]", then one row per line, "measure<TAB>indicator[<TAB>…]".
// Every row consumes at least one byte by its structure (a first cell that is not empty, or a tab), so
// that tao::pegtl::analyze can prove the loops over rows make progress.
struct cell : text_run {};                     // a cell after a tab; may be empty
struct first_cell : seq<text_byte, text_run> {};  // a row's first cell when it is not empty
struct empty_first_cell : success {};          // a row that starts with a tab has an empty first cell
struct row_cell_list : sor<seq<first_cell, star<tab, cell>>, seq<empty_first_cell, plus<tab, cell>>> {};
// A header row names its columns (grammar/columns.hpp) in any order. It is a row with a cell that begins
// with a measure header word ("Toimenpide", "Keinot"), wherever that cell stands ("Tavoite<TAB>Toimenpide
// <TAB>Mittari"), or a row whose every cell begins with a header word of some role: a header that names no
// measure column ("Vastuutaho<TAB>Mittari") is still a header, and the table-header rule reports it. The
// lookaheads decide which, so that no cell's action runs for a row that turns out not to be a header.
struct measure_header_cell : seq<star<blank>, kw<role::measure_header>, text_run> {};
struct known_header_word
    : sor<kw<role::measure_header>, kw<role::indicator_header>, kw<role::responsible_header>, kw<role::schedule_header>,
          kw<role::resources_header>, kw<role::target_header>, kw<role::status_header>> {};
struct known_header_cell : seq<star<blank>, known_header_word, text_run> {};
struct names_measure_column : seq<star<not_at<measure_header_cell>, text_run, tab>, measure_header_cell> {};
struct names_only_known_columns : seq<known_header_cell, plus<tab, known_header_cell>, line_end> {};
struct header_cell : text_run {};
struct lone_header_cell : seq<kw<role::measure_header>, text_run> {};
struct header_cells : sor<seq<at<kw<role::measure_header>, star<blank>, line_end>, lone_header_cell>,  // a lone "Toimenpide"
                          seq<sor<at<names_measure_column>, at<names_only_known_columns>>, header_cell, plus<tab, header_cell>>> {};
struct table_header : seq<header_cells, line_end> {};
struct row_cells : seq<row_cell_list> {};  // a sub-rule, so that actions see the whole row's range
// Inside a table, a header row is the table's header repeated: its first cell the header word and nothing
// more. A row whose measure only begins with the word ("Toimenpide numero 1 tehdään.") is a row.
struct repeated_header : seq<kw<role::measure_header>, star<one<' '>>, sor<tab, line_end>> {};
struct table_row : seq<not_at<blank_line>, not_at<goal_heading>, not_at<repeated_header>, row_cells, line_end> {};
// Without a header, a run of lines that each hold a tab is still a table.
struct tabbed_row : seq<not_at<goal_heading>, at<text_run, tab>, row_cells, line_end> {};
// A comment line among the rows (a directive for the row after it) does not end the table.
struct table : sor<seq<table_header, star<sor<comment_line, table_row>>>,
                   seq<tabbed_row, star<sor<comment_line, tabbed_row>>>> {};

// "LUONNOS" on a line of its own.
struct status_word : kw<role::status> {};
struct status_line : seq<star<blank>, status_word, star<blank>, line_end> {};

// Bullet lists, nested by indentation; an item that names a goal is an item of the overview of goals.
struct overview_item_content : seq<goal_ref> {};
struct overview_item : seq<star<blank>, bullet_marker, plus<blank>, overview_item_content, line_end> {};
struct bullet_text : inline_text {};  // an item's text after its marker: a paragraph of its own
struct bullet_line : seq<star<blank>, bullet_marker, plus<blank>, bullet_text, line_end> {};

struct paragraph_text : inline_text {};
struct paragraph_line : seq<paragraph_text, line_end> {};

struct block : sor<blank_line, comment_line, goal_heading, table, status_line, overview_item, bullet_line,
                   paragraph_line> {};
// Only a character that is not text (a control character, a lone carriage return) can stop the blocks.
struct document_end : eof {};
struct document : seq<star<block>, must<document_end>> {};

}  // namespace planlint::grammar::draft
