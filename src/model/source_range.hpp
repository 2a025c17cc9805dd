#pragma once
// Where a piece of the model came from in its document. Every element of the model carries one, so that
// every diagnostic can point to file:line:col and editors can underline the exact text.
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace planlint {

// Offsets, lines and columns are 32-bit: a plan holds three ranges per measure, and 12 bytes rather than
// 24 per position is a fifth of the model's memory. (Documents are at most 2 GiB: see Source.)
struct SourcePosition {
  std::uint32_t offset = 0;  // byte offset from the start of the file (a byte-order mark counts)
  std::uint32_t line = 1;    // 1-based
  std::uint32_t column = 1;  // 1-based, in Unicode code points (not bytes)

  constexpr SourcePosition() = default;
  constexpr SourcePosition(std::size_t byte_offset, std::size_t line_number, std::size_t column_number)
      : offset(static_cast<std::uint32_t>(byte_offset)), line(static_cast<std::uint32_t>(line_number)), column(static_cast<std::uint32_t>(column_number)) {}
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

// Half-open: `end` is the position just after the last character.
struct SourceRange {
  SourcePosition begin;
  SourcePosition end;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A piece of document text exactly as written, with its range. The text is a view: into the document's
// bytes, or into text the plan keeps (Plan::text), so that a plan of many small pieces does not hold a
// copy of each (a copy and its allocation cost more than the piece itself).
struct Span {
  std::string_view text;
  SourceRange range;
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace planlint
