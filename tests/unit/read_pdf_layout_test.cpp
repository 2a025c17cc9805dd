// The rows of an untagged PDF's goal table (read/pdf_layout.hpp, read/pdf_rows.hpp) from word boxes laid
// out as LibreOffice lays out a Word table (Table Grid, A4, 2 cm margins, 11 pt): a line pitch of 12.7 pt
// inside a cell, 13.2 pt from a row's last line to the next row's first (the border and padding between);
// and LibreOffice's PDF, whose ruling lines (read/pdf_rules.hpp) tell a row cut by a page break.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "read/pdf_joins.hpp"
#include "read/pdf_layout.hpp"
#include "read/pdf_reader.hpp"
#include "read/pdf_rules.hpp"
#include "read_pdf_support.hpp"

using planlint::read::pdf::Box;
using planlint::read::pdf::FindRule;
using planlint::read::pdf::Page;
using planlint::read::pdf::read_layout;
using planlint::read::pdf::Rule;
using planlint::read::pdf::Word;
namespace structured = planlint::read::structured;

namespace {

// The layout as read_pdf gives it: the line joins settled (pdf_joins.hpp), without Voikko.
planlint::read::structured::Document settled(planlint::read::structured::Document d) {
  planlint::read::pdf::settle_line_joins(d, {});
  return d;
}

constexpr double page_width = 595.3, page_height = 841.9;
constexpr double measure_x = 56.8, indicator_x = 297.8;  // the columns' text, 50/50 of 17 cm
constexpr double pitch = 12.7, row_gap = 13.2;
constexpr double size = 11;

// The words of `text` side by side from x on the baseline y (boxes' bottoms), about half the font size per
// character.
void put(Page& page, double x, double y, const std::string& text, const std::string& font = "LiberationSans") {
  std::istringstream in(text);
  std::string w;
  while (in >> w) {
    const double width = 0.5 * size * static_cast<double>(w.size());
    page.words.push_back(Word{w, x, y - size, x + width, y, size, true, page.number, font});
    x += width + 3;
  }
  if (!page.words.empty()) page.words.back().space_after = false;
}

Page page(std::uint32_t number) {
  Page p;
  p.number = number;
  p.width = page_width;
  p.height = page_height;
  return p;
}

// A text line of the page, then the header row of a goal table.
double header(Page& p, double y) {
  put(p, measure_x, y, "Johdanto.");
  y += 24;
  put(p, measure_x, y, "Toimenpide");
  put(p, indicator_x, y, "Mittari");
  return y + row_gap;
}

const structured::Table& only_table(const structured::Document& d) {
  const structured::Table* found = nullptr;
  for (const auto& b : d.blocks) {
    if (const auto* t = std::get_if<structured::Table>(&b)) {
      REQUIRE(found == nullptr);
      found = t;
    }
  }
  REQUIRE(found != nullptr);
  return *found;
}

std::string cell(const structured::Table& t, std::size_t row, std::size_t column) {
  REQUIRE(row < t.rows.size());
  REQUIRE(column < t.rows[row].cells.size());
  return t.rows[row].cells[column].text;
}

bool has_paragraph(const structured::Document& d, const std::string& text) {
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<structured::Paragraph>(&b); p && p->text == text) return true;
  }
  return false;
}

// The vertical cell borders of a table drawn down the page from `top` to `bottom`: left of each column's
// text, in the cell padding.
FindRule borders(std::uint32_t on_page, double top, double bottom) {
  return [=](std::uint32_t page, Rule rule, const Box& box) {
    if (rule != Rule::down || page != on_page || box.top < top || box.bottom > bottom) return false;
    for (const double x : {measure_x - 5.4, indicator_x - 5.4}) {
      if (x >= box.left && x <= box.right) return true;
    }
    return false;
  };
}

// Horizontal borders at these heights of page 1, across both columns (or only the measure column).
FindRule row_borders(std::vector<double> both, std::vector<double> measure_only = {}) {
  return [=](std::uint32_t page, Rule rule, const Box& box) {
    if (rule != Rule::across || page != 1) return false;
    const bool in_measure = box.right < indicator_x;
    const auto crosses = [&](const std::vector<double>& ys) {
      return std::any_of(ys.begin(), ys.end(), [&](double y) { return y >= box.top && y <= box.bottom; });
    };
    return crosses(both) || (in_measure && crosses(measure_only));
  };
}

// A table whose second row runs to the foot of page 1 (the last baseline 770.9 pt, the bottom margin
// below it); page 2 starts with `first_line` at x (in the measure or the indicator column).
std::vector<Page> row_cut_by_page_break(double x, const std::string& first_line) {
  std::vector<Page> pages{page(1), page(2)};
  double y = header(pages[0], 100);
  put(pages[0], measure_x, y, "Ensimmäinen toimenpide.");
  put(pages[0], indicator_x, y, "Ensimmäinen mittari");
  y += row_gap;
  put(pages[0], measure_x, y, "Toinen toimenpide");
  put(pages[0], indicator_x, y, "Toinen mittari");
  for (y += pitch; y < 771; y += pitch) put(pages[0], measure_x, y, "jatkuu");
  y = 57.1;
  put(pages[1], x, y, first_line);
  y += row_gap;
  put(pages[1], measure_x, y, "Kolmas toimenpide.");
  put(pages[1], indicator_x, y, "Kolmas mittari");
  return pages;
}

}  // namespace

TEST_CASE("pdf layout: a row cut by a page break goes on with its measure alone on the next page", "[pdf][layout]") {
  const auto pages = row_cut_by_page_break(measure_x, "loppuun asti.");
  const auto d = settled(read_layout(pages, borders(2, 40, 90)));
  const auto& t = only_table(d);
  REQUIRE(t.rows.size() == 4);
  CHECK(cell(t, 2, 0).starts_with("Toinen toimenpide jatkuu"));
  CHECK(cell(t, 2, 0).ends_with("jatkuu loppuun asti."));
  CHECK(cell(t, 2, 1) == "Toinen mittari");
  CHECK(cell(t, 3, 0) == "Kolmas toimenpide.");
  CHECK(cell(t, 3, 1) == "Kolmas mittari");
}

TEST_CASE("pdf layout: a row cut by a page break goes on with its indicator alone on the next page", "[pdf][layout]") {
  const auto pages = row_cut_by_page_break(indicator_x, "vuodessa");
  const auto d = settled(read_layout(pages, borders(2, 40, 90)));
  const auto& t = only_table(d);
  REQUIRE(t.rows.size() == 4);
  CHECK(cell(t, 2, 1) == "Toinen mittari vuodessa");
  CHECK(cell(t, 3, 0) == "Kolmas toimenpide.");
}

TEST_CASE("pdf layout: a short paragraph after a table at the foot of the page before is not the table's", "[pdf][layout]") {
  const auto pages = row_cut_by_page_break(measure_x, "Lyhyt kappale.");
  // No border beside it; nor where the borders are not known.
  for (const FindRule& rule : {borders(1, 40, 800), FindRule{}}) {
    const auto d = settled(read_layout(pages, rule));
    const auto& t = only_table(d);
    CHECK(t.rows.size() == 3);
    CHECK(cell(t, 2, 0).ends_with("jatkuu"));
    CHECK(has_paragraph(d, "Lyhyt kappale."));
  }
}

TEST_CASE("pdf layout: a heading in another font further below the table than a row gap is not a row", "[pdf][layout]") {
  std::vector<Page> pages{page(1)};
  double y = header(pages[0], 100);
  put(pages[0], measure_x, y, "Ainoa toimenpide.");
  put(pages[0], indicator_x, y, "Ainoa mittari");
  put(pages[0], measure_x, y + 25, "TAVOITE 2. Seuraava", "DejaVuSans-Bold");
  const auto d = settled(read_layout(pages));
  const auto& t = only_table(d);
  CHECK(t.rows.size() == 2);
  CHECK(cell(t, 1, 0) == "Ainoa toimenpide.");
  CHECK(has_paragraph(d, "TAVOITE 2. Seuraava"));
}

TEST_CASE("pdf layout: an indicator cell merged over two rows is each row's indicator", "[pdf][layout]") {
  std::vector<Page> pages{page(1)};
  double y = header(pages[0], 100);
  put(pages[0], measure_x, y, "Ensimmäinen toimenpide.");
  put(pages[0], indicator_x, y, "Yhteinen mittari");
  y += pitch;
  put(pages[0], indicator_x, y, "kahdelle");
  y += pitch;
  put(pages[0], indicator_x, y, "riville.");
  // The second row's measure starts half a point below the merged cell's third line: a row gap below the
  // row's last line where the cell above goes on at its line pitch.
  put(pages[0], measure_x, y + 0.5, "Toinen toimenpide");
  put(pages[0], measure_x, y + 0.5 + pitch, "kahdella rivillä.");
  y += 0.5 + pitch + row_gap;
  put(pages[0], measure_x, y, "Kolmas toimenpide.");
  put(pages[0], indicator_x, y, "Kolmas mittari");
  const auto d = settled(read_layout(pages));
  const auto& t = only_table(d);
  REQUIRE(t.rows.size() == 4);
  CHECK(cell(t, 1, 0) == "Ensimmäinen toimenpide.");
  CHECK(cell(t, 1, 1) == "Yhteinen mittari kahdelle riville.");
  CHECK(cell(t, 2, 0) == "Toinen toimenpide kahdella rivillä.");
  CHECK(cell(t, 2, 1) == "Yhteinen mittari kahdelle riville.");
  CHECK(t.rows[2].cells[1].where.row == 2);  // the merged cell starts in the row above
  CHECK(cell(t, 3, 0) == "Kolmas toimenpide.");
}

TEST_CASE("pdf rules: LibreOffice's landscape export reads a row cut by a page break as one by the cell border beside it", "[pdf][layout]") {
  // Goal 2's first row starts at the foot of page 3 and goes on, its measure alone, at the top of page 4.
  const std::string bytes = planlint::test::slurp(std::string(PLANLINT_SOURCE_DIR) + "/tests/fixtures/documents/corpus/landscape.untagged.pdf");
  const auto d = planlint::read::read_pdf(bytes, "landscape.untagged.pdf", planlint::test::pdf::without_voikko());
  const auto tables = planlint::test::pdf::tables(d);
  REQUIRE(tables.size() == 3);
  const auto& t = *tables[1];
  REQUIRE(t.rows.size() == 9);  // the header and 8 measures
  const auto rows = planlint::test::pdf::plan_rows();
  CHECK(cell(t, 1, 0) == rows.at(12).first);
  CHECK(cell(t, 1, 1) == rows.at(12).second);
  CHECK(cell(t, 2, 0) == rows.at(13).first);
}

TEST_CASE("pdf layout: a measure alone a row gap lower starts a row where a border runs above it", "[pdf][layout]") {
  std::vector<Page> pages{page(1)};
  double y = header(pages[0], 100);
  put(pages[0], measure_x, y, "Ensimmäinen toimenpide.");
  put(pages[0], indicator_x, y, "Yhteinen mittari");
  const double second = y + row_gap;
  put(pages[0], measure_x, second, "Toinen toimenpide.");
  const double third = second + row_gap;
  put(pages[0], measure_x, third, "Kolmas toimenpide.");
  put(pages[0], indicator_x, third, "Kolmas mittari");
  const double border = second - size - 0.5;  // just above the second row's first line
  SECTION("the indicator cell merged over two rows: no border in its column") {
    const auto d = settled(read_layout(pages, row_borders({third - size - 0.5}, {border})));
    const auto& t = only_table(d);
    REQUIRE(t.rows.size() == 4);
    CHECK(cell(t, 2, 0) == "Toinen toimenpide.");
    CHECK(cell(t, 2, 1) == "Yhteinen mittari");
    CHECK(t.rows[2].cells[1].where.row == 2);
  }
  SECTION("an empty indicator cell: a border in both columns") {
    const auto d = settled(read_layout(pages, row_borders({border, third - size - 0.5})));
    const auto& t = only_table(d);
    REQUIRE(t.rows.size() == 4);
    CHECK(cell(t, 2, 0) == "Toinen toimenpide.");
    CHECK(t.rows[2].cells.size() == 1);  // a missing cell is absent
  }
  SECTION("no border: a paragraph of the cell above") {
    const auto d = settled(read_layout(pages, row_borders({third - size - 0.5})));
    const auto& t = only_table(d);
    REQUIRE(t.rows.size() == 3);
    CHECK(cell(t, 1, 0) == "Ensimmäinen toimenpide. Toinen toimenpide.");
  }
}
