#pragma once
// Where a piece of the model came from in its document. Every element of the model carries one, so that
// every diagnostic can point to file:line:col and editors can underline the exact text.
#include <cstddef>
#include <string>

namespace planlint {

struct SourcePosition {
  std::size_t offset = 0;  // byte offset from the start of the file (a byte-order mark counts)
  std::size_t line = 1;    // 1-based
  std::size_t column = 1;  // 1-based, in Unicode code points (not bytes)
  friend bool operator==(const SourcePosition&, const SourcePosition&) = default;
};

// Half-open: `end` is the position just after the last character.
struct SourceRange {
  SourcePosition begin;
  SourcePosition end;
  friend bool operator==(const SourceRange&, const SourceRange&) = default;
};

// A piece of document text exactly as written, with its range.
struct Span {
  std::string text;
  SourceRange range;
  friend bool operator==(const Span&, const Span&) = default;
};

}  // namespace planlint
