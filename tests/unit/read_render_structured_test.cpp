// The renderer of documents that are not text (read/render_structured.hpp): a document's paragraphs, lists
// and tables become draft text that the draft grammar reads, and every piece maps back to its place.
#include <catch2/catch.hpp>

#include "read/document.hpp"
#include "read/draft_reader.hpp"
#include "read/render_structured.hpp"

using namespace planlint;
using namespace planlint::read;

namespace {

structured::Paragraph para(std::string text, std::uint32_t n, int list_level = -1) {
  return {std::move(text), 0, list_level, Locator{.paragraph = n}};
}

structured::Cell cell(std::string text, std::uint32_t table, std::uint32_t row, std::uint32_t column, std::uint32_t span = 1) {
  return {std::move(text), span, Locator{.table = table, .row = row, .column = column}};
}

// A small plan as a Word reader would give it: overview list, one goal heading, a table with a header row.
structured::Document small_plan() {
  structured::Document doc;
  doc.kind = "docx";
  doc.blocks.push_back(para("Suunnitelma", 1));
  doc.blocks.push_back(para("TAVOITE 1. Liikettä arkeen", 2, 0));
  doc.blocks.push_back(para("TAVOITE 1. Liikettä arkeen", 3));
  structured::Table t;
  t.number = 1;
  t.rows.push_back({{cell("Toimenpide", 1, 1, 1), cell("Mittari", 1, 1, 2)}, true});
  t.rows.push_back({{cell("Kävelyreitit\tkuntoon", 1, 2, 1), cell("Reittien määrä", 1, 2, 2)}, false});
  t.rows.push_back({{cell(" ", 1, 3, 1), cell("", 1, 3, 2)}, false});  // an empty row
  t.rows.push_back({{cell("Toimenpide", 1, 4, 1), cell("Mittari", 1, 4, 2)}, true});  // repeated on a new page
  t.rows.push_back({{cell("Pyöräily", 1, 5, 1)}, false});  // no indicator cell
  doc.blocks.push_back(std::move(t));
  return doc;
}

Locator at(const RenderedDocument& r, std::string_view text) {
  const auto offset = r.text.find(text);
  REQUIRE(offset != std::string::npos);
  return r.map->at(static_cast<std::uint32_t>(offset)).value();
}

}  // namespace

TEST_CASE("a structured document renders as draft text - a paragraph a line and list items and tab-separated rows", "[read][render]") {
  const RenderedDocument r = render_structured(small_plan());
  CHECK(r.text ==
        "Suunnitelma\n\n"
        "- TAVOITE 1. Liikettä arkeen\n\n"
        "TAVOITE 1. Liikettä arkeen\n\n"
        "Toimenpide\tMittari\n"
        "Kävelyreitit kuntoon\tReittien määrä\n"
        "Pyöräily\n\n");
  CHECK(r.map->kind() == "docx");
}

TEST_CASE("every rendered piece maps back to its paragraph or cell", "[read][render]") {
  const RenderedDocument r = render_structured(small_plan());
  CHECK(at(r, "Suunnitelma") == Locator{.paragraph = 1});
  CHECK(at(r, "- TAVOITE") == Locator{.paragraph = 2});
  CHECK(at(r, "Reittien") == (Locator{.table = 1, .row = 2, .column = 2}));
  CHECK(at(r, "Pyöräily") == (Locator{.table = 1, .row = 5, .column = 1}));
  CHECK(describe(at(r, "Reittien")) == "table 1, row 2, column 2");
}

TEST_CASE("the draft grammar reads the rendered document - goal and overview item and rows", "[read][render]") {
  const RenderedDocument r = render_structured(small_plan());
  const Plan plan = read_draft(make_source("plan.docx", r.text));
  REQUIRE(plan.goals.size() == 1);
  REQUIRE(plan.overview.size() == 1);
  REQUIRE(plan.goals[0].measures.size() == 2);
  CHECK(plan.goals[0].measures[0].indicator->text == "Reittien määrä");
  CHECK_FALSE(plan.goals[0].measures[1].indicator);  // the row had no indicator cell
}

TEST_CASE("a cell in a later column leaves empty cells before it and a merged cell covers its columns", "[read][render]") {
  structured::Document doc;
  doc.kind = "odt";
  structured::Table t;
  t.number = 2;
  t.rows.push_back({{cell("a", 2, 1, 1), cell("c", 2, 1, 3)}, false});
  t.rows.push_back({{cell("ab", 2, 2, 1, 2), cell("c", 2, 2, 3)}, false});
  t.rows.push_back({{cell("b", 2, 3, 2)}, false});
  doc.blocks.push_back(std::move(t));
  CHECK(render_structured(doc).text == "a\t\tc\nab\t\tc\n\tb\n\n");
}

TEST_CASE("a directive comment becomes a comment line before the row it is anchored to", "[read][render]") {
  structured::Document doc = small_plan();
  doc.comments.push_back({"planlint-disable-next-line measure-missing-indicator", Locator{.table = 1, .row = 5, .column = 1}});
  doc.comments.push_back({"Tarkista tämä --> pian", Locator{.paragraph = 1}});  // an author's remark: left out
  const RenderedDocument r = render_structured(doc);
  CHECK(r.text.find("<!-- planlint-disable-next-line measure-missing-indicator -->\nPyöräily\n") != std::string::npos);
  CHECK(r.text.find("Tarkista") == std::string::npos);
  const Plan plan = read_draft(make_source("plan.docx", r.text));
  REQUIRE(plan.comments.size() == 1);
  CHECK(plan.goals[0].measures.size() == 2);  // the comment line did not end the table
}

TEST_CASE("a comment line among a text draft's rows does not end the table", "[read][render][grammar]") {
  const Plan plan = read_draft(make_source("d.txt",
                                           "TAVOITE 1. Otsikko\n\nToimenpide\tMittari\na\tb\n<!-- planlint-disable-next-line "
                                           "measure-missing-indicator -->\nc\n"));
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].measures.size() == 2);
  CHECK(plan.comments.size() == 1);
}

TEST_CASE("pending tracked changes are described at the row they fall in", "[read][render]") {
  structured::Document doc = small_plan();
  doc.pending_changes.push_back({structured::PendingChange::Kind::insertion, "kuntoon", "Matti",
                                 Locator{.table = 1, .row = 2, .column = 1}});
  doc.pending_changes.push_back({structured::PendingChange::Kind::deletion, "vanha", "", Locator{.paragraph = 1}});
  const RenderedDocument r = render_structured(doc);
  REQUIRE(r.changes.size() == 2);
  CHECK(r.changes[0].description == "insertion \"kuntoon\" by Matti");
  CHECK(r.text.substr(r.changes[0].offset).starts_with("Kävelyreitit"));
  CHECK(r.changes[1].description == "deletion \"vanha\"");
  CHECK(r.changes[1].offset == 0);
}

TEST_CASE("control characters and invalid UTF-8 in a document's text are made fit for a line", "[read][render]") {
  structured::Document doc;
  doc.kind = "pdf";
  doc.blocks.push_back(para("a\x01" "b\xFF" "c\r\nd", 1));
  CHECK(render_structured(doc).text == "a b\xEF\xBF\xBD" "c  d\n\n");
}
