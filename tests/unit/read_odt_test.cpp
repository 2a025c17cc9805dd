// The .odt reader on small OpenDocument texts made for one feature each (tests/fixtures/documents/unit:
// hand-written packages, and LibreOffice's conversions of the .docx fixtures), and on the bundled plan.
#include <catch2/catch.hpp>

#include "read/odt_reader.hpp"
#include "support/office_doc.hpp"

using namespace planlint;
using namespace planlint::test;
using read::structured::PendingChange;

namespace {

read::structured::Document odt(const std::string& file) { return read::read_odt(unit_document(file), file); }

Locator at_paragraph(std::uint32_t n) { return Locator{0, n, 0, 0, 0}; }
Locator at_cell(std::uint32_t table, std::uint32_t row, std::uint32_t column) { return Locator{0, 0, table, row, column}; }

}  // namespace

TEST_CASE("odt: list labels from list styles - nesting - start values and continued numbering", "[odt]") {
  const auto doc = odt("lists-hand.odt");
  CHECK(doc.kind == "odt");
  CHECK(paragraph(doc, "TAVOITE 1. Goal one").list_level == -1);  // a label with words: as if typed
  CHECK(paragraph(doc, "TAVOITE 2. Goal two").where == at_paragraph(2));
  CHECK(paragraph(doc, "3. Three").list_level == 0);  // text:start-value 3
  CHECK(paragraph(doc, "3.a) Three a").list_level == 1);  // display-levels 2
  CHECK(paragraph(doc, "3.b) Three b").list_level == 1);
  CHECK(paragraph(doc, "Dash item").list_level == 2);  // a bullet level
  CHECK(paragraph(doc, "4. Four").list_level == 0);
  CHECK(paragraph(doc, "5. Five continues").list_level == 0);  // text:continue-numbering
  CHECK(paragraph(doc, "9. Nine restarts").list_level == 0);   // a new list, and the item's start-value
  CHECK(paragraph(doc, "(I) Roman").list_level == 0);
  CHECK(paragraph(doc, "(II) Roman two").list_level == 0);
  const auto heading = paragraph(doc, "TAVOITE 7. Numbered heading");  // the label LibreOffice wrote
  CHECK(heading.heading_level == 2);
  CHECK(heading.list_level == -1);
}

TEST_CASE("odt: headings - spaces - tabs - line breaks - soft hyphens - spans - links and sections", "[odt]") {
  const auto doc = odt("text-hand.odt");
  const auto heading = paragraph(doc, "Heading one");
  CHECK(heading.heading_level == 1);
  CHECK(heading.where == at_paragraph(1));
  CHECK(paragraph(doc, "a b   c d ef").heading_level == 0);  // text:s c="3"; soft page break: nothing
  paragraph(doc, "hyvinvointi link span");
  paragraph(doc, "In a section");
  CHECK(paragraph(doc, "Annotated paragraph").where == at_paragraph(5));  // the annotation is not text
}

TEST_CASE("odt: annotations are comments anchored to their paragraph", "[odt]") {
  const auto doc = odt("text-hand.odt");
  REQUIRE(doc.comments.size() == 1);
  CHECK(doc.comments[0].text == "planlint-disable-next-line spelling second");
  CHECK(doc.comments[0].anchor == at_paragraph(5));
}

TEST_CASE("odt: tables with header rows - spans - covered cells - repeated rows and cells - nested tables", "[odt]") {
  const auto doc = odt("tables-hand.odt");
  const auto t = tables(doc);
  REQUIRE(t.size() == 1);
  REQUIRE(t[0].rows.size() == 5);
  CHECK(t[0].rows[0].repeated_header);
  CHECK(cell_texts(t[0].rows[0]) == std::vector<std::string>{"Toimenpide", "Mittari"});
  CHECK(t[0].rows[0].cells[0].span == 2);
  CHECK(t[0].rows[0].cells[1].where == at_cell(1, 1, 3));
  CHECK_FALSE(t[0].rows[1].repeated_header);
  CHECK(cell_texts(t[0].rows[1]) == std::vector<std::string>{"merged down", "b2", "c2"});
  for (std::size_t r = 2; r <= 3; ++r) {  // number-rows-repeated 2, under a cell spanning 3 rows
    INFO("row " << r + 1);
    CHECK(cell_texts(t[0].rows[r]) == std::vector<std::string>{"merged down", "same", "same"});
    CHECK(t[0].rows[r].cells[0].where == at_cell(1, 2, 1));
    CHECK(t[0].rows[r].cells[2].where == at_cell(1, static_cast<std::uint32_t>(r + 1), 3));
  }
  CHECK(cell_texts(t[0].rows[4]) == std::vector<std::string>{"a5 inner", "", "c5"});
}

TEST_CASE("odt: tracked changes recorded at their marks - the body read as accepted", "[odt]") {
  const auto doc = odt("changes-hand.odt");
  CHECK(paragraph(doc, "Kept inserted middle end").where == at_paragraph(1));
  const auto& c = doc.pending_changes;
  REQUIRE(c.size() == 3);
  CHECK(c[0].kind == PendingChange::Kind::insertion);
  CHECK(c[0].text == "inserted");
  CHECK(c[0].author == "Anna Editor");
  CHECK(c[0].where == at_paragraph(1));
  CHECK(c[1].kind == PendingChange::Kind::deletion);
  CHECK(c[1].text == "removed words");
  CHECK(c[1].author == "Ben");
  CHECK(c[2].kind == PendingChange::Kind::format);
  CHECK(c[2].where == at_cell(1, 1, 1));
}

TEST_CASE("odt: LibreOffice's own files converted from the .docx fixtures read the same", "[odt]") {
  const auto headings = odt("headings-lo.odt");
  CHECK(paragraph(headings, "Built-in heading one").heading_level == 1);
  CHECK(paragraph(headings, "Built-in heading two").heading_level == 2);
  CHECK(paragraph(headings, "Plain body text").heading_level == 0);

  const auto lists = odt("lists-lo.odt");
  CHECK(paragraph(lists, "TAVOITE 1. Goal one").heading_level == 1);
  CHECK(paragraph(lists, "5.a) Five a").list_level == 1);
  CHECK(paragraph(lists, "Bullet nested").list_level == 1);
  CHECK(paragraph(lists, "(ii) Roman two").list_level == 0);

  const auto t = tables(odt("tables-lo.odt"));
  REQUIRE(t.size() == 2);
  REQUIRE(t[0].rows.size() >= 4);
  CHECK(t[0].rows[2].cells[0].text == "merged down");  // w:vMerge became number-rows-spanned
  CHECK(t[0].rows[2].cells[0].where == at_cell(1, 2, 1));
  CHECK(t[0].rows[3].cells[1].text == "first second paragraph");

  const auto changes = odt("changes-lo.odt");
  paragraph(changes, "Kept inserted more middle end");
  REQUIRE_FALSE(changes.pending_changes.empty());
  CHECK(changes.pending_changes[0].kind == PendingChange::Kind::insertion);
  CHECK(changes.pending_changes[0].text == "inserted more");
  CHECK(changes.pending_changes[0].author == "Anna Editor");

  const auto comments = odt("comments-lo.odt");
  REQUIRE(comments.comments.size() >= 3);
  CHECK(comments.comments[0].text == "planlint-disable-next-line goal-title-mismatch");
  CHECK(comments.comments[0].anchor == at_paragraph(1));
}

TEST_CASE("odt: the bundled plan - as LibreOffice writes it", "[odt]") {
  const auto doc = odt("plan-lo.odt");
  int goal_headings = 0;
  int overview_items = 0;
  for (const auto& p : paragraphs(doc)) {
    if (p.text.rfind("TAVOITE", 0) == 0 && p.heading_level > 0) ++goal_headings;
    if (p.text.rfind("TAVOITE", 0) == 0 && p.list_level == 0) ++overview_items;
  }
  CHECK(goal_headings == 3);
  CHECK(overview_items == 3);
  const auto t = tables(doc);
  REQUIRE(t.size() == 3);
  std::size_t rows = 0;
  for (const auto& table : t) {
    CHECK(table.rows[0].cells.at(0).text == "Toimenpide");
    CHECK(table.rows[0].cells.at(1).text.rfind("Mittari", 0) == 0);  // "Mittari", "Mittari/ mittarit"
    rows += table.rows.size() - 1;
  }
  CHECK(rows == 26);
}
