#pragma once
// The one input type the readers parse with, and conversion of what a rule matched into model Spans.
#include <string_view>

#include <tao/pegtl.hpp>

#include "model/source_range.hpp"
#include "read/source.hpp"
#include "text/utf8.hpp"

namespace planlint::read {

using input_t = tao::pegtl::memory_input<tao::pegtl::tracking_mode::eager, tao::pegtl::eol::lf_crlf, std::string>;

// Positions count from the start of the file: the byte-order mark (if any) is skipped but counted in
// offsets, and not in columns.
inline input_t make_input(const Source& src);

// Columns of spans on the same line are counted on from the previous span of that line, not from the
// line start, so that a line with many cells or claims costs linear time, not quadratic (a 10 MB line of
// tab-separated cells). The memo is per thread and cleared by make_input, so it never outlives a parse.
struct ColumnMemo {
  const char* line_start = nullptr;
  const char* at = nullptr;
  std::size_t column = 1;
};
inline ColumnMemo& column_memo() {
  thread_local ColumnMemo memo;
  return memo;
}

inline input_t make_input(const Source& src) {
  column_memo() = ColumnMemo{};
  const std::string_view t = src.text();
  return input_t(t.data(), t.data() + t.size(), src.name, src.bom, 1, 1);
}

// The code-point column of `p`, which lies on the line that starts `byte_column - 1` bytes before `at`.
inline std::size_t code_point_column(const char* at, std::size_t byte_column, const char* p) {
  const char* line_start = at - (byte_column - 1);
  ColumnMemo& memo = column_memo();
  if (memo.line_start != line_start || memo.at > p) memo = ColumnMemo{line_start, line_start, 1};
  memo.column += utf8::count_code_points(std::string_view(memo.at, static_cast<std::size_t>(p - memo.at)));
  memo.at = p;
  return memo.column;
}

// Records that `p`, on the line code_point_column last saw, is at code-point column `column`: the end of a
// span just counted, so that the next span of the line (the next cell) counts only the bytes between them.
inline void remember_column(const char* p, std::size_t column) {
  ColumnMemo& memo = column_memo();
  if (p >= memo.at) {
    memo.at = p;
    memo.column = column;
  }
}

// Where a match starts: its byte offset, line and byte column. (ActionInput::position() gives the same and
// a copy of the file name as a std::string, an allocation for every span once the name is over 15 bytes;
// that was half of the allocations of reading a draft.)
template <typename ActionInput>
const auto& start_of(const ActionInput& in) {
  return in.iterator();
}

// The Span of a match that lies within one line.
template <typename ActionInput>
Span span_of(const ActionInput& in) {
  const auto& pos = start_of(in);
  const std::size_t column = code_point_column(in.begin(), pos.column, in.begin());
  const std::string_view text = in.string_view();
  const std::size_t end_column = column + utf8::count_code_points(text);
  remember_column(in.end(), end_column);
  const SourcePosition begin{pos.byte, pos.line, column};
  const SourcePosition end{pos.byte + text.size(), pos.line, end_column};
  return Span{text, SourceRange{begin, end}};
}

}  // namespace planlint::read
