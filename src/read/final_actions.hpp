#pragma once
// Actions that the block and layout readers share: each line-kind rule collects its parts into a fresh
// FinalLine (change_states), which is kept only when the whole line matched.
#include <tao/pegtl.hpp>

#include "grammar/common.hpp"
#include "read/final_lines.hpp"
#include "read/pegtl_input.hpp"

namespace planlint::read::final_actions {

namespace pegtl = tao::pegtl;

struct Lines {
  // A FinalLine for each line, or none (a trailing form feed): readers reserve one for each line, since a
  // FinalLine is large and growing the vector moved them, a twentieth of reading layout text.
  FinalLines out;
  bool page_start = false;  // the next line is the first of a page
};

// Empty Lines, with room for `line_count` lines, whose vector keeps its capacity on this thread from one
// document to the next: a large document's lines are megabytes, and each fresh page of them costs a fault
// on first touch, even on huge pages (the language server and the benchmarks read documents again and
// again: 26.5 against 23.4 MB/s on a generated 1 MB layout plan). A reader uses them until it has
// assembled its plan, which keeps none of them.
inline Lines& reused_lines(std::size_t line_count) {
  thread_local Lines lines;
  lines.out.clear();
  lines.out.reserve(line_count);
  lines.page_start = false;
  return lines;
}

inline std::size_t column0(const char* begin, std::size_t byte_column) {
  return code_point_column(begin, byte_column, begin) - 1;
}

// A line of kind K: its parts were collected into `line`; keep it.
template <LineKind K>
struct commit_line : pegtl::change_states<FinalLine> {
  template <typename ParseInput>
  static void success(const ParseInput&, FinalLine& line, Lines& lines) {
    line.kind = K;
    line.page_start = lines.page_start;
    lines.page_start = false;
    lines.out.push_back(std::move(line));
  }
};

struct blank_line_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Lines& lines) {
    FinalLine l;
    l.number = start_of(in).line;
    lines.out.push_back(std::move(l));  // a page mark before a blank line marks nothing
  }
};

struct page_mark_action {
  template <typename ActionInput>
  static void apply(const ActionInput&, Lines& lines) { lines.page_start = true; }
};

// A run of text: a chunk of the line.
struct chunk_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    const auto& pos = start_of(in);
    l.number = pos.line;
    l.chunks.push_back(Chunk{in.string_view(), column0(in.begin(), pos.column)});
  }
};

struct trailing_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) { l.trailing = static_cast<int>(in.size()); }
};

struct goal_number_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    int v = 0;
    for (char c : in.string_view()) v = v * 10 + (c - '0');
    l.goal_number = v;
    l.goal_parent = 0;
  }
};

struct goal_sub_path_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    l.goal_parent = l.goal_number;
    int v = 0;
    for (char c : in.string_view().substr(1)) v = v * 10 + (c - '0');
    l.goal_number = v;
  }
};

struct goal_keyword_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    l.area = grammar::heading_level(in.string_view()) == grammar::role::area;
  }
};

// The title runs to the end of the line; its trailing blanks tell a soft wrap.
struct goal_title_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    std::string_view t = in.string_view();
    int trailing = 0;
    while (!t.empty() && (t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1), ++trailing;
    l.trailing = trailing;
    l.chunks.clear();
    if (!t.empty()) l.chunks.push_back(Chunk{t, column0(in.begin(), start_of(in).column)});
  }
};

struct goal_ref_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    const Span s = span_of(in);
    l.number = s.range.begin.line;
    l.goal_ref = s.range;
    // The reference ends where its title does, without trailing blanks.
    const std::size_t blanks = static_cast<std::size_t>(l.trailing);
    l.goal_ref.end.offset -= blanks;
    l.goal_ref.end.column -= blanks;
  }
};

struct status_word_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, FinalLine& l) {
    l.status = span_of(in);
    l.number = l.status.range.begin.line;
  }
};

struct page_number_line_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Lines& lines) {
    FinalLine l;
    l.kind = LineKind::artefact;
    l.number = start_of(in).line;
    l.page_start = lines.page_start;
    lines.page_start = false;
    lines.out.push_back(std::move(l));
  }
};

}  // namespace planlint::read::final_actions
