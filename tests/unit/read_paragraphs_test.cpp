// Prose paragraphs in the model: every reader fills Plan::paragraphs, each with its source range, and
// leaves out the title, the status line, goal headings, tables and the overview list.
#include <catch2/catch.hpp>

#include "read/reader.hpp"
#include "read/source.hpp"
#include "text/normalize.hpp"

using namespace planlint;

namespace {

Plan read_sample(const std::string& name) {
  return read::read_plan(load_source(std::string(PLANLINT_SOURCE_DIR) + "/samples/" + name));
}

std::vector<std::string> texts(const Plan& p) {
  std::vector<std::string> out;
  for (const Span& s : p.paragraphs) out.push_back(text::normalize(s.text));
  return out;
}

// The paragraph whose normalised text begins with `start`, or null.
const Span* find(const Plan& p, std::string_view start) {
  for (const Span& s : p.paragraphs)
    if (text::normalize(s.text).rfind(start, 0) == 0) return &s;
  return nullptr;
}

}  // namespace

TEST_CASE("draft paragraphs: lines join until a blank line or another block", "[read][draft][paragraphs]") {
  const std::string doc =
      "Otsikko\n"                                  // 1 title
      "\n"
      "LUONNOS\n"                                  // 3 status
      "\n"
      "Ensimmäinen kappale alkaa.\n"               // 5
      "  Se jatkuu tällä rivillä  \n"              // 6
      "<!-- planlint-disable-next-line spelling -->\n"
      "ja päättyy tähän.\n"                        // 8
      "\n"
      "- kohta yksi\n"                             // 10
      "- TAVOITE 1. Liikunta\n"                    // 11 overview
      "Väliotsikko\n"                              // 12
      "TAVOITE 1. Liikunta\n"                      // 13 heading
      "Toimenpide\tMittari\n"
      "Lisätään ryhmiä.\tRyhmät\n"
      "\n"
      "Loppusanat.\n";                             // 17
  const Plan p = read::read_plan(make_source("t.txt", doc));
  REQUIRE(p.title.size() == 1);
  CHECK(p.title[0].text == "Otsikko");
  CHECK(texts(p) == std::vector<std::string>{"Ensimmäinen kappale alkaa. Se jatkuu tällä rivillä ja päättyy tähän.",
                                             "kohta yksi", "Väliotsikko", "Loppusanat."});
  const Span& first = p.paragraphs[0];
  CHECK(first.range.begin.line == 5);
  CHECK(first.range.begin.column == 1);
  CHECK(first.range.end.line == 8);
  CHECK(first.range.end.column == 18);
  CHECK(doc.substr(first.range.begin.offset, 5) == "Ensim");
  const Span& item = p.paragraphs[1];
  CHECK(item.text == "kohta yksi");  // the marker is layout
  CHECK(item.range.begin.line == 10);
  CHECK(item.range.begin.column == 3);
  CHECK(doc.substr(item.range.begin.offset, item.range.end.offset - item.range.begin.offset) == "kohta yksi");
  const Span& last = p.paragraphs[3];
  CHECK(last.range.begin.line == 17);
  CHECK(doc.substr(last.range.begin.offset, last.range.end.offset - last.range.begin.offset) == "Loppusanat.");
  // Adjacent lines: the paragraph views the document's bytes, line break included.
  const Plan q = read::read_plan(make_source("t.txt", "Otsikko\n\nEka rivi.\nToka rivi.\n"));
  REQUIRE(q.paragraphs.size() == 1);
  CHECK(q.paragraphs[0].text == "Eka rivi.\nToka rivi.");
}

TEST_CASE("sample draft: paragraphs / not the title / status / overview / headings or tables", "[read][draft][paragraphs]") {
  const Plan p = read_sample("tyoikaiset-2022-2025-luonnos.txt");
  REQUIRE(!p.paragraphs.empty());
  const Span* intro = find(p, "Espoon kaupungin hyvinvointikertomus ja -suunnitelma 2022-2025 sisältää");
  REQUIRE(intro);
  CHECK(intro->range.begin.line == 11);
  CHECK(find(p, "Edistämme osallisuutta ja yhdenvertaisuutta"));  // a bullet item
  for (const Span& s : p.paragraphs) {
    INFO(s.text);
    CHECK(s.text.find("TAVOITE") == std::string_view::npos);
    CHECK(s.text != "LUONNOS");
    for (const Span& t : p.title) CHECK(s.range.begin.offset != t.range.begin.offset);
  }
}

TEST_CASE("PDF-text paragraphs: wrapped lines are joined / in blocks and layout", "[read][final][paragraphs]") {
  for (const char* name : {"tyoikaiset-2022-2025-final-blocks.txt", "tyoikaiset-2022-2025-final-layout.txt"}) {
    INFO(name);
    const Plan p = read_sample(name);
    REQUIRE(!p.paragraphs.empty());
    // The sample draft's first paragraph is one line there; in PDF text it is wrapped over several.
    const Span* intro = find(p, "Espoon kaupungin hyvinvointikertomus ja -suunnitelma 2022-2025 sisältää");
    REQUIRE(intro);
    CHECK(intro->range.end.line > intro->range.begin.line);
    CHECK(text::normalize(intro->text).find("\n") == std::string::npos);
    for (const Span& s : p.paragraphs) {
      INFO(s.text);
      CHECK(s.text.find("TAVOITE") == std::string_view::npos);
      CHECK(!s.text.empty());
      CHECK(s.range.begin.offset < s.range.end.offset);
    }
  }
}
