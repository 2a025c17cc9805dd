#pragma once
// What the grammars of PDF-extracted text (grammar/blocks.hpp, grammar/layout.hpp) say about each line,
// before lines are put together into headings, paragraphs and tables (read/final_document).
#include <cstddef>
#include <string_view>
#include <vector>

#include "io/huge_pages.hpp"
#include "model/source_range.hpp"

namespace planlint::read {

enum class LineKind { blank, artefact, table_header, goal_heading, overview_item, status, bullet, text };

// A run of text on one line; `text` points into the Source's bytes.
struct Chunk {
  std::string_view text;
  std::size_t column = 0;  // 0-based code-point column where it starts
};

struct FinalLine {
  LineKind kind = LineKind::blank;
  std::size_t number = 0;         // 1-based line number
  bool page_start = false;        // the first line of a page
  int trailing = 0;               // blanks at the end of the line (a soft wrap in block text)
  std::vector<Chunk> chunks;      // text: its chunks; heading and overview item: the title; header: cells
  int goal_number = 0;            // heading and overview item ("Tavoite 1.2": 2)
  int goal_parent = 0;            // a sub-goal's first number ("Tavoite 1.2": 1)
  bool area = false;              // heading and overview item: an area's ("PAINOPISTE 1."), not a goal's
  SourceRange goal_ref;           // heading and overview item: "TAVOITE 1. …" on this line
  Span status;                    // status line: the word
};

// A document's lines: a 5 MB final version has 135,000 of 128 bytes, on huge pages (io/huge_pages.hpp).
using FinalLines = std::vector<FinalLine, io::HugePageAllocator<FinalLine>>;

}  // namespace planlint::read
