#include "read/pdf_rows.hpp"

#include <algorithm>

namespace planlint::read::pdf {

namespace {

// Baselines further apart than this many font sizes are not lines of one cell: line spacing is about
// 1.15–1.25 font sizes, paragraph spacing and cell padding add more.
constexpr double paragraph_gap = 1.45;

double size_of(const Line& a, const Line& b) { return std::max({a.font_size, b.font_size, 1.0}); }

// A measure starts with a capital letter; a row's continuation on the next page goes on with whatever
// (a small letter, a number: "2019–2028.").
bool starts_upper_case(const std::string& text) {
  if (text.empty()) return false;
  const auto c = static_cast<unsigned char>(text[0]);
  if (c >= 'A' && c <= 'Z') return true;
  // Ä, Ö, Å, É … (U+00C0–U+00DE)
  return c == 0xC3 && text.size() > 1 && static_cast<unsigned char>(text[1]) < 0x9F;
}

// The part of a table line in one column: its text and its baseline (the bottom of its words' boxes).
// The columns of one line are read apart because a cell merged over two rows goes on with its own line
// pitch while the next row's measure starts half a point lower, below the border between the rows: the
// two are one line to lines_of (pdf_lines.hpp) but not one row.
struct ColumnPart {
  std::string text;
  double baseline = 0;
};

struct LineParts {
  ColumnPart columns[2];
  bool both() const { return !columns[0].text.empty() && !columns[1].text.empty(); }
  bool measure_only() const { return !columns[0].text.empty() && columns[1].text.empty(); }
};

int column_of(const Word& w, double split) { return (w.x0 + w.x1) / 2 < split ? 0 : 1; }

LineParts parts_of(const Line& l, double split) {
  std::vector<const Word*> words[2];
  LineParts parts;
  for (const Word* w : l.words) {
    const int c = column_of(*w, split);
    words[c].push_back(w);
    parts.columns[c].baseline = std::max(parts.columns[c].baseline, w->y1);
  }
  for (int c = 0; c < 2; ++c) parts.columns[c].text = text_of(words[c]);
  return parts;
}

// Where each column's text stands across the page: from the left of its leftmost word to the right of its
// rightmost (a border between two rows runs across all of it).
struct Columns {
  std::pair<double, double> x[2] = {{1e9, -1e9}, {1e9, -1e9}};
};

Columns columns_of(const std::vector<TableLine>& lines, double split) {
  Columns c;
  for (const TableLine& tl : lines) {
    for (const Word* w : tl.line->words) {
      auto& [from, to] = c.x[column_of(*w, split)];
      from = std::min(from, w->x0);
      to = std::max(to, w->x1);
    }
  }
  return c;
}

// Line pitch inside a cell: the closest two lines of the table on one page (Word's tables add only a
// border, half a point, between rows), or 1e9 when no two lines share a page.
double line_pitch(const std::vector<TableLine>& lines) {
  double pitch = 1e9;
  for (std::size_t k = 1; k < lines.size(); ++k) {
    const Line& a = *lines[k - 1].line;
    const Line& b = *lines[k].line;
    if (a.page == b.page) pitch = std::min(pitch, b.baseline - a.baseline);
  }
  return pitch;
}

class RowBuilder {
 public:
  RowBuilder(double pitch, const Columns& columns, const FindRule& rule)
      : pitch_(pitch), columns_(columns), rule_(rule) {}

  void add(const Line& l, const LineParts& parts) {
    const bool first_on_page = !prev_ || prev_->page != l.page;
    bool new_row = rows_.empty();
    bool indicator_goes_on = false;
    if (!new_row && !first_on_page && parts.both()) {
      new_row = row_gap(l, parts.columns[0].baseline);
      // The indicator's line sits at the line pitch of the cell above, the measure's a row gap lower: the
      // indicator cell is merged over the new row too.
      indicator_goes_on = new_row && !row_gap(l, parts.columns[1].baseline);
    } else if (!new_row && !first_on_page && parts.measure_only() && row_gap(l, parts.columns[0].baseline)) {
      // A measure alone a row gap lower: a new row where a border runs above it (a paragraph of the cell
      // after some spacing has none); the indicator cell is merged over it where its column has none.
      new_row = border_above(l, 0);
      indicator_goes_on = new_row && !border_above(l, 1);
    }
    if (!new_row && first_on_page) new_row = parts.both() && starts_upper_case(parts.columns[0].text);
    if (new_row) start_row(l.page, indicator_goes_on);
    for (int c = 0; c < 2; ++c) join_line(rows_[owner_[c]].cells[c], parts.columns[c].text);
    prev_ = &l;
  }

  // The next line is the first of its page (a repeated header row stood between).
  void page_break() { prev_ = nullptr; }

  std::vector<RowText> take() { return std::move(rows_); }

 private:
  bool row_gap(const Line& l, double baseline) const {
    const double gap = baseline - prev_->baseline;
    return gap > paragraph_gap * size_of(*prev_, l) || gap > std::min(pitch_, 1.17 * size_of(*prev_, l)) + 0.3;
  }

  // Whether a border runs across column c between the previous line and `l` (LibreOffice draws it just
  // above the line's box, Chromium a padding higher).
  bool border_above(const Line& l, int c) const {
    const auto [from, to] = columns_.x[c];
    if (!rule_ || from >= to) return false;
    return rule_(l.page, Rule::across, Box{from, prev_->y0 + 1, to, l.y0 + 1});
  }

  void start_row(std::uint32_t page, bool indicator_goes_on) {
    RowText row;
    row.page = page;
    const std::size_t index = rows_.size();
    owner_[0] = index;
    if (!indicator_goes_on || rows_.empty()) owner_[1] = index;
    row.indicator_from = owner_[1];
    rows_.push_back(std::move(row));
  }

  double pitch_;
  Columns columns_;
  const FindRule& rule_;
  std::vector<RowText> rows_;
  std::size_t owner_[2] = {0, 0};  // the row whose cell each column's text goes on in
  const Line* prev_ = nullptr;
};

}  // namespace

std::vector<RowText> table_rows(const std::vector<TableLine>& lines, double split,
                                const FindRule& rule) {
  RowBuilder rows(line_pitch(lines), columns_of(lines, split), rule);
  for (const TableLine& tl : lines) {
    if (tl.repeated_header) {
      rows.page_break();
      continue;
    }
    rows.add(*tl.line, parts_of(*tl.line, split));
  }
  std::vector<RowText> out = rows.take();
  // A merged indicator cell reads the same in every row it covers.
  for (std::size_t r = 0; r < out.size(); ++r) {
    if (out[r].indicator_from != r && out[r].cells[1].empty()) out[r].cells[1] = out[out[r].indicator_from].cells[1];
  }
  return out;
}

}  // namespace planlint::read::pdf
