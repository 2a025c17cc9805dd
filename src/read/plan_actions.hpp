#pragma once
// PEGTL actions for the rules the text grammars share (grammar/common.hpp: goal references, claims), and
// the pieces a grammar's own table actions are made of. A reader's action template derives from
// common_action and adds its grammar's rules (src/read/draft_reader.cpp, src/read/markdown_reader.cpp).
#include <tao/pegtl.hpp>

#include "grammar/common.hpp"
#include "read/pegtl_input.hpp"
#include "read/plan_builder.hpp"

namespace planlint::read {

template <typename Rule>
struct common_action : tao::pegtl::nothing<Rule> {};

// Pieces of a goal reference go into a GoalRef; the enclosing heading or overview item decides what it is.
template <>
struct common_action<grammar::goal_number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) { ref.number = parse_int(in.string_view()); }
};
template <>
struct common_action<grammar::goal_title> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) {
    ref.title = span_of(in);
    // Trailing blanks are layout, not title.
    while (!ref.title.text.empty() && (ref.title.text.back() == ' ' || ref.title.text.back() == '\t')) {
      ref.title.text.remove_suffix(1);
      --ref.title.range.end.offset;
      --ref.title.range.end.column;
    }
  }
};
template <>
struct common_action<grammar::goal_ref> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) {
    const Span whole = span_of(in);
    ref.range = whole.range;
    ref.text = whole.text;
  }
};
template <>
struct common_action<grammar::goal_sub_path> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) {
    ref.parent = ref.number;
    ref.number = parse_int(in.string_view().substr(1));
  }
};
template <>
struct common_action<grammar::goal_keyword> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) {
    ref.level = grammar::heading_level(in.string_view()).value_or(grammar::role::goal);
  }
};
// A grammar's goal heading and overview item: the GoalRef read inside, handed to the builder.
struct goal_heading_action : tao::pegtl::change_states<GoalRef> {
  template <typename ParseInput>
  static void success(const ParseInput&, GoalRef& ref, PlanBuilder& b) { b.goal_heading(ref, ref.range); }
};
struct overview_item_action : tao::pegtl::change_states<GoalRef> {
  template <typename ParseInput>
  static void success(const ParseInput&, GoalRef& ref, PlanBuilder& b) { b.overview_item(ref, ref.range); }
};

// Table cells, into the row's Cells.
struct cell_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Cells& row) { row.cells.push_back(span_of(in)); }
};
// A row runs from the start of its first cell (which may be empty) to the end of its last: its range is
// theirs, and its columns need not be counted again from the line start.
struct row_range_action {
  template <typename ActionInput>
  static void apply(const ActionInput&, Cells& row) {
    row.range = SourceRange{row.cells.front().range.begin, row.cells.back().range.end};
  }
};
struct header_cells_action : tao::pegtl::change_states<Cells> {
  template <typename ParseInput>
  static void success(const ParseInput&, Cells& row, PlanBuilder& b) { b.table_header(std::move(row.cells)); }
};
// What change_states<Cells> does, with the builder's Cells, emptied for each row but kept between rows: a
// fresh vector for every row cost three allocations and frees as it grew, a tenth of reading a draft.
// (Rows do not nest, so one Cells serves all.)
struct reused_cells : tao::pegtl::maybe_nothing {
  template <typename Rule, tao::pegtl::apply_mode A, tao::pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, PlanBuilder& b) {
    Cells& row = b.row_cells();
    row.cells.clear();
    if (!tao::pegtl::match<Rule, A, M, Action, Control>(in, row)) return false;
    if constexpr (A == tao::pegtl::apply_mode::action) b.row(row.cells, row.range);
    return true;
  }
};
struct table_end_action {
  template <typename ActionInput>
  static void apply(const ActionInput&, PlanBuilder& b) { b.table_end(); }
};

// The status line ("LUONNOS": its word noted, taken once the whole line matched) and comment lines.
struct status_word_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) { b.status_word(span_of(in)); }
};
struct status_line_action {
  template <typename ActionInput>
  static void apply(const ActionInput&, PlanBuilder& b) { b.status_line(); }
};
struct comment_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) { b.comment(span_of(in)); }
};

// Claims.
template <>
struct common_action<grammar::range_min> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.min = number_value(in.string_view()); }
};
template <>
struct common_action<grammar::range_max> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.max = number_value(in.string_view()); }
};
template <>
struct common_action<grammar::count_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.min = c.max = number_value(in.string_view()); }
};
struct claim_text_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.text = span_of(in); }
};
template <>
struct common_action<grammar::measure_range_phrase> : claim_text_action {};
template <>
struct common_action<grammar::goal_count_phrase> : claim_text_action {};
template <>
struct common_action<grammar::measure_range_claim> : tao::pegtl::change_states<ClaimParts> {
  template <typename ParseInput>
  static void success(const ParseInput&, ClaimParts& c, PlanBuilder& b) { b.claim(ClaimKind::measure_range, c); }
};
template <>
struct common_action<grammar::goal_count_claim> : tao::pegtl::change_states<ClaimParts> {
  template <typename ParseInput>
  static void success(const ParseInput&, ClaimParts& c, PlanBuilder& b) { b.claim(ClaimKind::goal_count, c); }
};
template <>
struct common_action<grammar::blank_line> {
  template <typename ActionInput>
  static void apply(const ActionInput&, PlanBuilder& b) { b.end_paragraph(); }
};

}  // namespace planlint::read
