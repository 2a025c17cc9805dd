#pragma once
// Row recovery: where the cells of a goal table begin and end, when PDF-extracted text shows the table
// only as lines. Each reading of a table is scored with the signals its lines give (read/line_cues.hpp:
// soft-wrap blanks, sentence ends, capitals, cue words; in layout text also column positions and blank
// lines); the best reading is kept, and each row's confidence is the probability of that row under all
// readings (forward-backward over the segmentations), so a row that two readings explain about equally
// well gets a low confidence.
#include <cstddef>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

namespace planlint::read::rows {

// --- block text: one cell after another, line by line ----------------------------------------------
struct BlockLine {
  std::string_view text;  // the line's content, without a page mark and without trailing blanks
  int trailing = 0;       // number of blanks the line ended with (a soft wrap leaves one)
};

// A part of one line: text[begin, end) of lines[line].
struct Piece {
  std::size_t line = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
  friend bool operator==(const Piece&, const Piece&) = default;
};

struct BlockRow {
  std::vector<Piece> measure;
  std::optional<std::vector<Piece>> indicator;  // nullopt: the row has no indicator cell
  double confidence = 1.0;
};

std::vector<BlockRow> recover_block_rows(std::span<const BlockLine> lines);

// --- layout text: two columns side by side ----------------------------------------------------------
struct LayoutLine {
  std::optional<std::string_view> measure;    // text in the measure column, if any
  std::optional<std::string_view> indicator;  // text in the indicator column, if any
  bool after_page_break = false;              // the first line on a new page (no blank line can show above)
  bool blank() const { return !measure && !indicator; }
};

struct LayoutRow {
  std::size_t first = 0;  // lines[first..last] hold the row
  std::size_t last = 0;
  double confidence = 1.0;
};

std::vector<LayoutRow> recover_layout_rows(std::span<const LayoutLine> lines);

}  // namespace planlint::read::rows
