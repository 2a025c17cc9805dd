#pragma once
// The rows of an untagged PDF's two-column goal table (pdf_layout.hpp finds the table's lines and where
// its columns divide): a row starts where the measure column's text starts after a row gap (the cell
// padding and border that the line pitch inside a cell does not have) with text in both columns, or with
// the measure alone where a border is drawn above it (pdf_rules.hpp), or at the top of a page with a
// capitalised measure; a row cut by a page break goes on in the row it started in; an indicator cell
// merged downwards (its text still running when the next row's measure starts, or no border above the
// new row in its column) is given to both rows.
#include <cstdint>
#include <string>
#include <vector>

#include "read/pdf_lines.hpp"
#include "read/pdf_rules.hpp"
#include "read/pdf_text.hpp"

namespace planlint::read::pdf {

struct TableLine {
  const Line* line;
  bool repeated_header = false;  // part of the header row repeated at the top of a later page
};

struct RowText {
  std::string cells[2];  // measure, indicator: joined lines, spaces not yet collapsed
  std::uint32_t page = 0;
  // The row where the indicator cell starts when it is merged over this row and earlier ones; otherwise
  // this row's own index.
  std::size_t indicator_from = 0;
};

// The rows of the table made of `lines` (its header row first), the columns divided at x = `split`;
// `rule`: where the borders are (empty: not known).
std::vector<RowText> table_rows(const std::vector<TableLine>& lines, double split,
                                const FindRule& rule = {});

}  // namespace planlint::read::pdf
