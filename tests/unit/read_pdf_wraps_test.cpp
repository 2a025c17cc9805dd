// The spaces at line wraps that a structure tree's text lost, put back from the page words
// (read/pdf_wraps.hpp), on made-up pages: each line a row of word boxes 12 pt below the one before.
#include <catch2/catch.hpp>

#include <algorithm>
#include <initializer_list>
#include <set>
#include <string>
#include <variant>

#include "read/pdf_joins.hpp"
#include "read/pdf_wraps.hpp"

using planlint::read::pdf::Page;
using planlint::read::pdf::restore_wraps;
using planlint::read::pdf::settle_line_joins;
using planlint::read::pdf::Word;
namespace structured = planlint::read::structured;

namespace {

// Pages written line by line: add_line puts its words side by side on the next line of the last page.
class Pages {
 public:
  Pages& new_page() {
    pages_.push_back(Page{.number = static_cast<std::uint32_t>(pages_.size() + 1), .width = 595, .height = 842, .words = {}});
    y_ = 50;
    return *this;
  }
  Pages& add_line(std::initializer_list<const char*> words, double x = 50) {
    if (pages_.empty()) new_page();
    for (const char* text : words) {
      const double width = 6.0 * std::string(text).size();
      pages_.back().words.push_back(Word{.text = text, .x0 = x, .y0 = y_, .x1 = x + width, .y1 = y_ + 10, .font_size = 10,
                                         .space_after = true, .page = pages_.back().number});
      x += width + 3;
    }
    y_ += 12;
    return *this;
  }
  // A table row: its cells side by side, 250 pt apart, each of lines of words, all starting on the
  // current line; the words cell after cell, as poppler reads a cell's lines as one block.
  using Lines = std::initializer_list<std::initializer_list<const char*>>;
  Pages& add_row(std::initializer_list<Lines> cells) {
    const double top = y_;
    double bottom = top;
    double x = 50;
    for (const Lines& lines : cells) {
      y_ = top;
      for (const auto& words : lines) add_line(words, x);
      bottom = std::max(bottom, y_);
      x += 250;
    }
    y_ = bottom;
    return *this;
  }
  // Two cells' lines on one line of the page, read as one line (poppler does so where a row's lines align):
  // the left cell's words at 50 pt, the right cell's at `right_x` (400 unless said).
  Pages& add_lines_side_by_side(std::initializer_list<const char*> left, std::initializer_list<const char*> right,
                                double right_x = 400) {
    add_line(left, 50);
    y_ -= 12;
    return add_line(right, right_x);
  }
  const std::vector<Page>& get() const { return pages_; }

 private:
  std::vector<Page> pages_;
  double y_ = 50;
};

structured::Document document_of(std::initializer_list<std::string> paragraphs) {
  structured::Document d;
  d.kind = "pdf";
  std::uint32_t n = 0;
  for (const std::string& text : paragraphs) {
    structured::Paragraph p;
    p.text = text;
    p.where.paragraph = ++n;
    d.blocks.emplace_back(std::move(p));
  }
  return d;
}

std::vector<std::string> texts(const structured::Document& d) {
  std::vector<std::string> out;
  for (const auto& b : d.blocks) {
    if (const auto* p = std::get_if<structured::Paragraph>(&b)) {
      out.push_back(p->text);
      continue;
    }
    for (const auto& r : std::get<structured::Table>(b).rows) {
      for (const auto& c : r.cells) out.push_back(c.text);
    }
  }
  return out;
}

structured::Cell cell(std::string text, std::uint32_t row, std::uint32_t column) {
  structured::Cell c;
  c.text = std::move(text);
  c.where = {.page = 1, .table = 1, .row = row, .column = column};
  return c;
}

}  // namespace

TEST_CASE("pdf wraps: a token glued at a line wrap gets its space back", "[pdf][wraps]") {
  Pages pages;
  pages.add_line({"Espoon", "kaupungin", "lasten", "ja"}).add_line({"nuorten,", "työikäisten", "sekä"}).add_line({"ikääntyneiden."});
  auto d = document_of({"Espoon kaupungin lasten januorten, työikäisten sekäikääntyneiden."});
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Espoon kaupungin lasten ja nuorten, työikäisten sekä ikääntyneiden."});
}

// The tree's hyphen is the author's: kept, also where the word without it is a word ("luontoliikunta").
TEST_CASE("pdf wraps: a line ending in a hyphen is joined as a wrap is and the hyphen kept", "[pdf][wraps]") {
  Pages pages;
  pages.add_line({"voimaan", "astuvassa", "sote-"}).add_line({"järjestämislaissa", "terveys-"}).add_line({"ja", "sosiaalipalvelut"});
  pages.add_line({"Kokeillaan", "luonto-"}).add_line({"liikunta", "-painotteisina"});
  auto d = document_of({"voimaan astuvassa sote-järjestämislaissa terveys-ja sosiaalipalvelut",
                        "Kokeillaan luonto-liikunta -painotteisina"});
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"voimaan astuvassa sote-järjestämislaissa terveys- ja sosiaalipalvelut",
                                             "Kokeillaan luonto-liikunta -painotteisina"});
}

TEST_CASE("pdf wraps: lines of one word in a narrow cell and a row whose cells meet at a wrap", "[pdf][wraps]") {
  Pages pages;
  pages.add_row({{{"Toimenpide"}}, {{"Mittari"}}});
  pages.add_row({{{"Lisätään"}, {"liikuntaa"}, {"kouluissa"}}, {{"Osallistujien"}, {"määrä"}}});
  structured::Document d;
  structured::Table t;
  t.number = 1;
  t.rows.push_back({.cells = {cell("Toimenpide", 1, 1), cell("Mittari", 1, 2)}, .repeated_header = false});
  t.rows.push_back({.cells = {cell("Lisätäänliikuntaakouluissa", 2, 1), cell("Osallistujienmäärä", 2, 2)}, .repeated_header = false});
  d.blocks.emplace_back(std::move(t));
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Toimenpide", "Mittari", "Lisätään liikuntaa kouluissa", "Osallistujien määrä"});
}

TEST_CASE("pdf wraps: a glued token that is also a word of the pages is taken in reading order", "[pdf][wraps]") {
  Pages pages;
  pages.add_line({"Hyvinvointityön", "painopisteet", "hyvinvointi"}).add_line({"työn", "tavoitteet"});
  pages.new_page().add_line({"hyvinvointityön", "ohjausryhmät"});
  auto d = document_of({"Hyvinvointityön painopisteet hyvinvointityön tavoitteet", "hyvinvointityön ohjausryhmät"});
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Hyvinvointityön painopisteet hyvinvointi työn tavoitteet",
                                             "hyvinvointityön ohjausryhmät"});
}

TEST_CASE("pdf wraps: the words of a line and the tokens of no wrap stay as they are", "[pdf][wraps]") {
  Pages pages;
  pages.add_line({"Tuemme", "mielen"}).add_line({"hyvinvointia"});
  // "Tuemmemielen": glued inside a line, not at a wrap; "mielenhyvinvointia" would be the wrap's.
  auto d = document_of({"Tuemmemielen hyvinvointia", "Tuemme mielen hyvinvointia"});
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Tuemmemielen hyvinvointia", "Tuemme mielen hyvinvointia"});
}

TEST_CASE("pdf wraps: a cell merged over rows gets the restored text in each row", "[pdf][wraps]") {
  Pages pages;
  pages.add_row({{{"Palkataan"}, {"asiantuntijoita"}}, {{"Palkatut"}, {"asiantuntijat"}}});
  pages.add_row({{{"Tilataan"}, {"koulutuksia"}}});
  structured::Document d;
  structured::Table t;
  t.number = 1;
  t.rows.push_back({.cells = {cell("Palkataanasiantuntijoita", 1, 1), cell("Palkatutasiantuntijat", 1, 2)}, .repeated_header = false});
  t.rows.push_back({.cells = {cell("Tilataankoulutuksia", 2, 1), cell("Palkatutasiantuntijat", 1, 2)}, .repeated_header = false});
  d.blocks.emplace_back(std::move(t));
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Palkataan asiantuntijoita", "Palkatut asiantuntijat", "Tilataan koulutuksia",
                                             "Palkatut asiantuntijat"});
}

TEST_CASE("pdf wraps: cells whose lines poppler reads across the row are joined within each cell", "[pdf][wraps]") {
  Pages pages;
  pages.add_lines_side_by_side({"Ilmaiset/edulliset", "palvelut", "edistävät"}, {"Kaikukortin", "käyttö:", "jaettujen", "korttien"});
  pages.add_lines_side_by_side({"kuntalaisten", "omaehtoista"}, {"määrä"});
  structured::Document d;
  structured::Table t;
  t.number = 1;
  t.rows.push_back({.cells = {cell("Ilmaiset/edulliset palvelut edistävätkuntalaisten omaehtoista", 1, 1),
                              cell("Kaikukortin käyttö: jaettujen korttienmäärä", 1, 2)},
                    .repeated_header = false});
  d.blocks.emplace_back(std::move(t));
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Ilmaiset/edulliset palvelut edistävät kuntalaisten omaehtoista",
                                             "Kaikukortin käyttö: jaettujen korttien määrä"});
}

TEST_CASE("pdf wraps: a paragraph that goes on at the top of the next page", "[pdf][wraps]") {
  Pages pages;
  pages.add_line({"Kunnan", "tulee", "myös"});
  pages.new_page().add_line({"tehdä", "yhteistyötä."});
  auto d = document_of({"Kunnan tulee myöstehdä yhteistyötä."});
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Kunnan tulee myös tehdä yhteistyötä."});
}

// Cells 6 pt apart (0.6 em: cell padding), closer than poppler's space tolerance: the right cell's lines
// start at one x, so the gap before it ends the left cell's piece of the line.
TEST_CASE("pdf wraps: cells a little more than a space apart are told apart by their common left edge", "[pdf][wraps]") {
  Pages pages;
  pages.add_lines_side_by_side({"Vahvistetaan", "roolia", "palveluiden"}, {"Kokemusasiantuntijapankista", "tehdyt"}, 236);
  pages.add_lines_side_by_side({"kehittämisessä", "ja"}, {"tilaukset."}, 236);
  pages.add_lines_side_by_side({"asiakastyössä."}, {"Palkatut"}, 236);
  structured::Document d;
  structured::Table t;
  t.number = 1;
  t.rows.push_back({.cells = {cell("Vahvistetaan roolia palveluidenkehittämisessä jaasiakastyössä.", 1, 1),
                              cell("Kokemusasiantuntijapankista tehdyttilaukset.Palkatut", 1, 2)},
                    .repeated_header = false});
  d.blocks.emplace_back(std::move(t));
  restore_wraps(d, pages.get());
  settle_line_joins(d, {});
  CHECK(texts(d) == std::vector<std::string>{"Vahvistetaan roolia palveluiden kehittämisessä ja asiakastyössä.",
                                             "Kokemusasiantuntijapankista tehdyt tilaukset. Palkatut"});
}
