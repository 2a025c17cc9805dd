// Goal levels in every text reader: numbered sub-goals ("Tavoite 1.2") and areas above goals ("PAINOPISTE
// 1.", "Painopistealue 2:", "Teema 3 –"), with their positions, and what the rules make of them.
#include <string>

#include <catch2/catch.hpp>

#include "read/blocks_reader.hpp"
#include "read/draft_reader.hpp"
#include "read/markdown_reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

using namespace planlint;

namespace {

// Areas with sub-goals numbered under them, then a goal of its own with sub-goals numbered under it.
const char* const draft =
    "Hyvinvointisuunnitelma\n"
    "\n"
    "- Tavoite 1.1 Liikutaan enemmän\n"
    "- Tavoite 1.2 Ulkoillaan\n"
    "\n"
    "PAINOPISTE 1. Liikunta\n"
    "\n"
    "Toimenpide\tMittari\n"
    "Alueen oma rivi.\tMäärä\n"
    "\n"
    "Tavoite 1.1 Liikutaan enemmän\n"
    "\n"
    "Toimenpide\tMittari\n"
    "Lisätään liikuntaryhmiä.\tRyhmien määrä\n"
    "\n"
    "Tavoite 1.2: Ulkoillaan\n"
    "\n"
    "Toimenpide\tMittari\n"
    "Kunnostetaan polkuja.\tPolkujen pituus\n"
    "\n"
    "Painopistealue 2: Osallisuus\n"
    "\n"
    "TAVOITE 1. Asukkaat osallistuvat\n"
    "\n"
    "Tavoite 1.1 – Nuoret osallistuvat\n"
    "\n"
    "Toimenpide\tMittari\n"
    "Perustetaan nuorisovaltuusto.\tKokousten määrä\n"
    "\n"
    "TAVOITE 2. 2022 alkaen kaikki mukana\n"
    "\n"
    "Tavoite 1.2.3 ei ole alatavoite\n";

void check_levels(const Plan& p) {
  REQUIRE(p.areas.size() == 2);
  CHECK(p.areas[0].number == 1);
  CHECK(p.areas[0].title.text == "Liikunta");
  CHECK(p.areas[0].heading.begin.line == 6);
  CHECK(p.areas[1].number == 2);
  CHECK(p.areas[1].title.text == "Osallisuus");
  REQUIRE(p.goals.size() == 5);
  CHECK(p.goals[0].parent_number == 1);
  CHECK(p.goals[0].number == 1);
  CHECK(p.goals[0].title.text == "Liikutaan enemmän");
  CHECK(p.goals[0].heading.begin.line == 11);
  CHECK(p.goals[0].area == 0);
  CHECK(p.goals[0].parent == -1);  // under the area, which has no goal of its own
  CHECK(p.goals[1].parent_number == 1);
  CHECK(p.goals[1].number == 2);
  CHECK(p.goals[1].title.text == "Ulkoillaan");
  CHECK(p.goals[2].parent_number == 0);
  CHECK(p.goals[2].number == 1);  // areas may number their goals from 1 again
  CHECK(p.goals[2].area == 1);
  CHECK(p.goals[3].parent_number == 1);
  CHECK(p.goals[3].number == 1);
  CHECK(p.goals[3].title.text == "Nuoret osallistuvat");
  CHECK(p.goals[3].parent == 2);
  CHECK(p.goals[3].area == 1);
  // A blank after the dot: goal 2 titled "2022 …", not a sub-goal.
  CHECK(p.goals[4].number == 2);
  CHECK(p.goals[4].parent_number == 0);
  CHECK(p.goals[4].title.text == "2022 alkaen kaikki mukana");
  for (const Goal& g : p.goals) CHECK(g.measures.size() <= 1);
  CHECK(p.goals[0].measures.size() == 1);
  CHECK(p.goals[3].measures.size() == 1);
}

std::vector<std::string> findings_of(const Plan& plan, const std::string& rule) {
  static const rules::RuleSet set = rules::RuleSet::compile(rules::builtin_rule_sources());
  rules::EvalOptions options;
  options.enabled = [&](std::string_view id) { return id == rule; };
  std::vector<std::string> out;
  for (const Finding& f : set.evaluate(plan, options)) out.push_back(std::to_string(f.range.begin.line) + ": " + f.message);
  return out;
}

}  // namespace

TEST_CASE("draft: areas above goals and numbered sub-goals with their lines", "[read][levels]") {
  const Plan p = read::read_draft(make_source("t.txt", draft));
  check_levels(p);
  // The rows under an area's heading, before its first goal, belong to no goal.
  REQUIRE(p.stray_rows.size() == 1);
  CHECK(p.stray_rows[0].text.text == "Alueen oma rivi.");
  CHECK(p.stray_rows[0].row.begin.line == 9);
  // "Tavoite 1.2.3" is not read as a goal at all: it is prose.
  REQUIRE(!p.paragraphs.empty());
  CHECK(p.paragraphs.back().text == "Tavoite 1.2.3 ei ole alatavoite");
  REQUIRE(p.overview.size() == 2);
  CHECK(p.overview[1].parent_number == 1);
  CHECK(p.overview[1].number == 2);
}

TEST_CASE("Markdown: areas and sub-goals as headings", "[read][levels][markdown]") {
  std::string md = draft;
  // Headings as Markdown headings, tables as pipe tables.
  const auto replace_all = [&](const std::string& from, const std::string& to) {
    for (std::size_t at = md.find(from); at != std::string::npos; at = md.find(from, at + to.size())) md.replace(at, from.size(), to);
  };
  replace_all("\nPAINOPISTE", "\n# PAINOPISTE");
  replace_all("\nPainopistealue", "\n# Painopistealue");
  replace_all("\nTavoite 1.1 ", "\n## Tavoite 1.1 ");
  replace_all("\nTavoite 1.2: ", "\n## Tavoite 1.2: ");
  replace_all("\nTAVOITE", "\n## TAVOITE");
  replace_all("Toimenpide\tMittari\n", "| Toimenpide | Mittari |\n|---|---|\n");
  for (const char* row : {"Alueen oma rivi.\tMäärä", "Lisätään liikuntaryhmiä.\tRyhmien määrä", "Kunnostetaan polkuja.\tPolkujen pituus",
                          "Perustetaan nuorisovaltuusto.\tKokousten määrä"}) {
    std::string r = row;
    const std::string piped = "| " + r.replace(r.find('\t'), 1, " | ") + " |";
    replace_all(row, piped);
  }
  const Plan p = read::read_markdown(make_source("t.md", md));
  REQUIRE(p.areas.size() == 2);
  REQUIRE(p.goals.size() == 5);
  CHECK(p.goals[0].parent_number == 1);
  CHECK(p.goals[0].title.text == "Liikutaan enemmän");
  CHECK(p.goals[3].parent == 2);
  CHECK(p.goals[3].measures.size() == 1);
  CHECK(p.goals[0].measures.size() == 1);
  CHECK(p.stray_rows.size() == 1);
}

TEST_CASE("PDF text: areas and sub-goals", "[read][levels][final]") {
  // Extracted text has no tabs: a row is one line, measure and indicator set apart by the sentence's end.
  const std::string text =
      "Hyvinvointisuunnitelma\n\nPAINOPISTE 1. Liikunta\n\nTavoite 1.1 Liikutaan enemmän\n\nToimenpide Mittari\n\n"
      "Lisätään liikuntaryhmiä. Ryhmien määrä\n\nTavoite 1.2 Ulkoillaan\n\nToimenpide Mittari\n\nKunnostetaan polkuja. "
      "Polkujen pituus\n\nPAINOPISTE 2. Osallisuus\n\nTavoite 2.1 Nuoret osallistuvat\n\nToimenpide Mittari\n\n"
      "Perustetaan nuorisovaltuusto. Kokousten määrä\n";
  const Plan p = read::read_blocks(make_source("t.txt", text));
  REQUIRE(p.areas.size() == 2);
  CHECK(p.areas[1].heading.begin.line == 17);
  REQUIRE(p.goals.size() == 3);
  CHECK(p.goals[1].parent_number == 1);
  CHECK(p.goals[1].number == 2);
  CHECK(p.goals[2].parent_number == 2);
  CHECK(p.goals[2].area == 1);
  CHECK(p.goals[2].heading.begin.line == 19);
  for (const Goal& g : p.goals) CHECK(g.measures.size() == 1);
}

TEST_CASE("rules: sub-goals numbered under their goal or area", "[rules][levels]") {
  const Plan ok = read::read_draft(make_source("t.txt", draft));
  CHECK(findings_of(ok, "goal-numbering").empty());
  const Plan wrong = read::read_draft(make_source(
      "t.txt",
      "TAVOITE 1. Liikunta\n\nTavoite 2.1 Väärä ylätavoite\n\nTavoite 1.3 Aukko\n\nTAVOITE 2. Osallisuus\n\n"
      "Tavoite 2.2 Ensimmäinen on kaksi\n\nPAINOPISTE 5. Alue\n\nTavoite 4.1 Väärä alue\n"));
  const std::vector<std::string> expected = {
      "3: sub-goal 2.1 stands under goal 1; its number begins with 1",
      "5: goal 1.2 is missing; goals are numbered 1.1, 1.2, 1.3 … in order",
      "9: the first sub-goal under 2 is numbered 2.2; sub-goals are numbered 2.1, 2.2 …",
      "13: sub-goal 4.1 stands under area 5; its number begins with 5",
  };
  CHECK(findings_of(wrong, "goal-numbering") == expected);
}

TEST_CASE("rules: a goal with sub-goals is not counted / each sub-goal is", "[rules][levels]") {
  const Plan p = read::read_draft(make_source(
      "t.txt", "TAVOITE 1. Liikunta\n\nTavoite 1.1 Ryhmät\n\nToimenpide\tMittari\nA.\tB\n\nTavoite 1.2 Polut\n\nToimenpide\tMittari\nC.\tD\n"));
  const std::vector<std::string> expected = {
      "3: goal 1.1 has 1 measure; planlint's default range is 6–12 (set your plan's with [rules.goal-measure-count] min and max in .planlint.toml)",
      "8: goal 1.2 has 1 measure; planlint's default range is 6–12 (set your plan's with [rules.goal-measure-count] min and max in .planlint.toml)",
  };
  CHECK(findings_of(p, "goal-measure-count") == expected);
  CHECK(findings_of(p, "table-header").empty());
}

TEST_CASE("rules: numbering may start again in each area", "[rules][levels]") {
  const Plan p = read::read_draft(make_source(
      "t.txt", "PAINOPISTE 1. A\n\nTAVOITE 1. a\n\nTAVOITE 2. b\n\nPAINOPISTE 2. B\n\nTAVOITE 1. c\n\nTAVOITE 3. d\n"));
  const std::vector<std::string> expected = {"11: goal 3 comes after goal 1; goals are numbered 1, 2, 3 … in order"};
  CHECK(findings_of(p, "goal-numbering") == expected);
}
