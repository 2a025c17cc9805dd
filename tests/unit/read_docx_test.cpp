// The .docx reader on small Word documents made for one feature each (tests/fixtures/documents/unit,
// made by make_unit.sh: python-docx with raw OOXML, and LibreOffice's own .docx), and on the bundled plan.
#include <catch2/catch.hpp>

#include "read/docx_reader.hpp"
#include "support/office_doc.hpp"

using namespace planlint;
using namespace planlint::test;
using read::structured::PendingChange;

namespace {

read::structured::Document docx(const std::string& file) { return read::read_docx(unit_document(file), file); }

Locator at_paragraph(std::uint32_t n) { return Locator{0, n, 0, 0, 0}; }
Locator at_cell(std::uint32_t table, std::uint32_t row, std::uint32_t column) { return Locator{0, 0, table, row, column}; }

}  // namespace

TEST_CASE("docx: heading levels come from style names - localized names - basedOn and outline levels", "[docx]") {
  const auto doc = docx("headings.docx");
  CHECK(doc.kind == "docx");
  CHECK(paragraph(doc, "Plain body text").heading_level == 0);
  CHECK(paragraph(doc, "Built-in heading one").heading_level == 1);
  CHECK(paragraph(doc, "Built-in heading two").heading_level == 2);
  CHECK(paragraph(doc, "Localized heading").heading_level == 2);          // "Otsikko 2"
  CHECK(paragraph(doc, "Based on heading one").heading_level == 1);       // basedOn Heading1
  CHECK(paragraph(doc, "Outline level style").heading_level == 3);        // the style's w:outlineLvl
  CHECK(paragraph(doc, "Direct outline level").heading_level == 4);       // the paragraph's own w:outlineLvl
  CHECK(paragraph(doc, "Heading style made body text").heading_level == 0);  // w:outlineLvl 9
  CHECK(paragraph(doc, "Plain body text").where == at_paragraph(1));
}

TEST_CASE("docx: numbered paragraphs get their labels from numbering.xml - bullets are list items", "[docx]") {
  const auto doc = docx("lists.docx");
  const auto goal = paragraph(doc, "TAVOITE 1. Goal one");
  CHECK(goal.heading_level == 1);
  CHECK(goal.list_level == -1);
  // A label with words is part of the paragraph, not a list bullet.
  CHECK(paragraph(doc, "TAVOITE 2. Goal two as body text").list_level == -1);
  // w:start 5, "%1.%2)" with lowerLetter, upperRoman, and a deeper level restarting after its parent.
  CHECK(paragraph(doc, "5. Five").list_level == 0);
  CHECK(paragraph(doc, "5.a) Five a").list_level == 1);
  CHECK(paragraph(doc, "5.b) Five b").list_level == 1);
  CHECK(paragraph(doc, "I. Five b one").list_level == 2);
  CHECK(paragraph(doc, "6. Six").list_level == 0);
  CHECK(paragraph(doc, "6.a) Six a").list_level == 1);
  CHECK(paragraph(doc, "Bullet top").list_level == 0);
  CHECK(paragraph(doc, "Bullet nested").list_level == 1);
  CHECK(paragraph(doc, "(i) Roman one").list_level == 0);
  CHECK(paragraph(doc, "(iii) Roman three").list_level == 0);
  // A w:num with w:startOverride restarts; one without continues its abstract numbering.
  CHECK(paragraph(doc, "1. Restarted one").list_level == 0);
  CHECK(paragraph(doc, "2. Restarted two").list_level == 0);
  CHECK(paragraph(doc, "TAVOITE 3. Goal three continues").list_level == -1);
  CHECK(paragraph(doc, "Not numbered").list_level == -1);  // w:numId 0
  CHECK(paragraph(doc, "Style bullet").list_level == 0);   // numbering from the List Bullet style
}

TEST_CASE("docx: tables by grid column with spans - vertical merges - gridBefore and nested tables", "[docx]") {
  const auto doc = docx("tables.docx");
  const auto t = tables(doc);
  REQUIRE(t.size() == 2);
  CHECK(t[0].number == 1);
  CHECK(t[1].number == 2);
  REQUIRE(t[0].rows.size() == 6);
  const auto& header = t[0].rows[0];
  CHECK(header.repeated_header);
  CHECK(cell_texts(header) == std::vector<std::string>{"Toimenpide", "Mittari"});
  CHECK(header.cells[0].span == 2);
  CHECK(header.cells[1].where == at_cell(1, 1, 3));
  CHECK_FALSE(t[0].rows[1].repeated_header);
  // The merged cell appears in each row it covers, pointing at its first row.
  for (std::size_t r = 1; r <= 3; ++r) {
    INFO("row " << r + 1);
    CHECK(t[0].rows[r].cells[0].text == "merged down");
    CHECK(t[0].rows[r].cells[0].where == at_cell(1, 2, 1));
  }
  CHECK(t[0].rows[2].cells[1].where == at_cell(1, 3, 2));
  CHECK(cell_texts(t[0].rows[3]) == std::vector<std::string>{"merged down", "first second paragraph", "c4"});
  REQUIRE(t[0].rows[4].cells.size() == 1);  // gridBefore 1: the one cell is in column 2
  CHECK(t[0].rows[4].cells[0].where == at_cell(1, 5, 2));
  CHECK(cell_texts(t[0].rows[5]) == std::vector<std::string>{"a6", "outer inner one inner two", "c6"});
  CHECK(paragraph(doc, "Between").where == at_paragraph(2));
}

TEST_CASE("docx: tracked changes read as accepted - each recorded with its author and place", "[docx]") {
  const auto doc = docx("changes.docx");
  CHECK(paragraph(doc, "Kept inserted more middle end").where == at_paragraph(1));
  CHECK(paragraph(doc, "Stay moved").where == at_paragraph(2));
  CHECK(paragraph(doc, "Formatted").where == at_paragraph(3));
  const auto& c = doc.pending_changes;
  REQUIRE(c.size() == 7);
  CHECK(c[0].kind == PendingChange::Kind::insertion);
  CHECK(c[0].text == "inserted more");  // two adjacent w:ins of one author: one change
  CHECK(c[0].author == "Anna Editor");
  CHECK(c[0].where == at_paragraph(1));
  CHECK(c[1].kind == PendingChange::Kind::deletion);
  CHECK(c[1].text == "removed words");
  CHECK(c[2].kind == PendingChange::Kind::deletion);  // w:moveFrom
  CHECK(c[2].text == "moved");
  CHECK(c[3].kind == PendingChange::Kind::insertion);  // w:moveTo
  CHECK(c[3].where == at_paragraph(2));
  CHECK(c[4].kind == PendingChange::Kind::format);  // w:pPrChange
  CHECK(c[5].kind == PendingChange::Kind::format);  // w:rPrChange
  CHECK(c[5].where == at_paragraph(3));
  // A deleted table row is gone from the table and recorded where it was.
  CHECK(c[6].kind == PendingChange::Kind::deletion);
  CHECK(c[6].text == "gone row x");
  CHECK(c[6].where == at_cell(1, 2, 0));
  const auto t = tables(doc);
  REQUIRE(t.size() == 1);
  REQUIRE(t[0].rows.size() == 2);
  CHECK(cell_texts(t[0].rows[1]) == std::vector<std::string>{"kept row", "y"});
}

TEST_CASE("docx: soft hyphens - breaks - symbols - content controls - fields and alternate content", "[docx]") {
  const auto doc = docx("text.docx");
  CHECK(paragraph(doc, "hyvinvointisuunnitelma").where == at_paragraph(1));  // U+00AD and w:softHyphen
  paragraph(doc, "sote-palvelut");                                            // w:noBreakHyphen
  paragraph(doc, "tab break cr end");                                         // one space each, never two
  paragraph(doc, "arrow dash \u2013 done");  // Wingdings F0E0 dropped, U+2013 kept
  paragraph(doc, "Block control");           // w:sdt at block level
  paragraph(doc, "Run control");             // w:sdt at run level
  paragraph(doc, "link tag custom simple");  // hyperlink, smartTag, customXml, fldSimple
  paragraph(doc, "Page 7 of text");          // a complex field: its result, not its instruction
  paragraph(doc, "Alternate chosen");        // mc:AlternateContent read once
  // A text box's paragraphs follow the paragraph that anchors it.
  CHECK(paragraph(doc, "Anchor after").where == at_paragraph(10));
  CHECK(paragraph(doc, "Boxed text").where == at_paragraph(11));
  const auto t = tables(doc);
  REQUIRE(t.size() == 1);
  REQUIRE(t[0].rows.size() == 1);  // row- and cell-level content controls
  CHECK(cell_texts(t[0].rows[0]) == std::vector<std::string>{"row and cell control", "<plain>"});
  CHECK(doc.pending_changes.empty());
}

TEST_CASE("docx: comments with the paragraph or cell they are anchored to", "[docx]") {
  const auto doc = docx("comments.docx");
  REQUIRE(doc.comments.size() == 4);
  CHECK(doc.comments[0].text == "planlint-disable-next-line goal-title-mismatch");
  CHECK(doc.comments[0].anchor == at_paragraph(1));
  CHECK(doc.comments[1].text == "Two paragraphs");
  CHECK(doc.comments[1].anchor == at_paragraph(3));  // a range begun between paragraphs: the next one
  CHECK(doc.comments[2].text == "About the indicator");
  CHECK(doc.comments[2].anchor == at_cell(1, 2, 2));
  CHECK(doc.comments[3].anchor == Locator{});  // anchored nowhere: the document
  // Comments are not part of the text.
  paragraph(doc, "Commented paragraph");
}

TEST_CASE("docx: the bundled plan - written by python-docx and by LibreOffice", "[docx]") {
  for (const std::string file : {"plan.docx", "plan-lo.docx"}) {
    INFO(file);
    const auto doc = docx(file);
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
      for (const auto& row : table.rows) CHECK(row.cells.size() == 2);
    }
    CHECK(rows == 26);
    CHECK(t[0].rows[1].cells[1].text == "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)");
    CHECK(t[0].rows[1].cells[1].where == at_cell(1, 2, 2));
  }
}
