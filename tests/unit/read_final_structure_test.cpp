// Headings, overview items, claims and page artefacts in the final-version readers, on the fixtures.
#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

using namespace planlint;

namespace {

Plan read_fixture(const std::string& name, read::InputFormat f = read::InputFormat::automatic) {
  return read::read_plan(load_source(std::string(PLANLINT_SOURCE_DIR) + "/tests/fixtures/final/" + name), f);
}

// Every cell of every goal, for checks that no page artefact got into one.
std::vector<std::string> all_cells(const Plan& plan) {
  std::vector<std::string> out;
  for (const Goal& g : plan.goals) {
    for (const Measure& m : g.measures) {
      out.emplace_back(m.text.text);
      if (m.indicator) out.emplace_back(m.indicator->text);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("layout: wrapped headings and overview items are joined - claims across lines", "[read][layout]") {
  const Plan plan = read_fixture("layout-sample-55-35.txt");
  CHECK(plan.format == "layout");
  REQUIRE(plan.goals.size() == 3);
  CHECK(plan.goals[0].title.text ==
        "Työkäisille espoolaisille on tarjolla mahdollisuuksia ja tukea hyvinvointia edistäviin elintapoihin");
  CHECK(plan.goals[0].title.range.end.line > plan.goals[0].title.range.begin.line);
  REQUIRE(plan.overview.size() == 3);
  CHECK(plan.overview[2].title.text ==
        "Työikäinen espoolainen saa tarvitsemansa palvelun sujuvasti (työllisyys, sote, järjestöt, liikunta- ja kulttuuri)");
  const Declared d = declared(plan);
  REQUIRE(d.goal_count);
  CHECK(d.goal_count->min == 3);
  REQUIRE(d.measure_range);
  CHECK(d.measure_range->min == 6);
  CHECK(d.measure_range->max == 12);
  REQUIRE(plan.goals[0].header.size() == 2);
  CHECK(plan.goals[0].header[1].text == "Mittari");
}

TEST_CASE("page artefacts never end up in cells", "[read][layout][blocks]") {
  for (const char* name : {"layout-sample-55-35.txt", "layout-nuoret-50-40.txt", "blocks-sample-w60.txt",
                           "blocks-nuoret-w70.txt"}) {
    INFO(name);
    const Plan plan = read_fixture(name);
    for (const std::string& cell : all_cells(plan)) {
      CHECK(cell.find('\f') == std::string::npos);
      CHECK(cell.find("hyvinvointisuunnitelma 20") == std::string::npos);  // the running header
      CHECK(cell.find("  ") == std::string::npos);                         // whitespace-normalised
      // A bare page number would stand alone as the last or first word of a cell.
      const auto last_space = cell.rfind(' ');
      const std::string last = last_space == std::string::npos ? cell : cell.substr(last_space + 1);
      CHECK_FALSE((last.size() <= 2 && !last.empty() && last.find_first_not_of("0123456789") == std::string::npos));
    }
  }
}

TEST_CASE("final readers: the format can be forced and a control character is an input error", "[read][layout][blocks]") {
  CHECK(read_fixture("blocks-sample-w60.txt", read::InputFormat::blocks).format == "blocks");
  CHECK(read::input_format_from_string("layout") == read::InputFormat::layout);
  CHECK(read::input_format_from_string("blocks") == read::InputFormat::blocks);
  const auto names = read::input_format_names();
  CHECK(std::find(names.begin(), names.end(), "layout") != names.end());
  const Source bad = make_source("bad.txt", "Otsikko\n\nteksti \x01 rikki\n");
  CHECK_THROWS_AS(read::read_plan(bad, read::InputFormat::blocks), InputError);
  CHECK_THROWS_AS(read::read_plan(bad, read::InputFormat::layout), InputError);
}

TEST_CASE("blocks: a heading that wraps is joined and a page number under it is skipped", "[read][blocks]") {
  const std::string text =
      " TAVOITE 1. Nuorilla on mahdollisuus harrastaa ja liikkua arjessaan kodin läheisyydessä \n\n"
      "riippumatta perheen tulotasosta\n\n4\n\nToimenpide Mittari\n\n"
      "Lisätään kerhoja. Kerhojen määrä\n\nTuetaan yhteistyö-\n\nmallia kouluissa.\n\nMallin käyttö (kyllä/ei)\n";
  const Plan plan = read::read_plan(make_source("b.txt", text), read::InputFormat::blocks);
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].title.text ==
        "Nuorilla on mahdollisuus harrastaa ja liikkua arjessaan kodin läheisyydessä riippumatta perheen tulotasosta");
  REQUIRE(plan.goals[0].measures.size() == 2);
  CHECK(plan.goals[0].measures[0].text.text == "Lisätään kerhoja.");
  CHECK(plan.goals[0].measures[0].indicator->text == "Kerhojen määrä");
  CHECK(plan.goals[0].measures[1].text.text == "Tuetaan yhteistyö-mallia kouluissa.");
  CHECK(plan.goals[0].measures[1].indicator->text == "Mallin käyttö (kyllä/ei)");
  // The measure's range starts at its first character and ends after its last, two lines further on.
  CHECK(plan.goals[0].measures[1].text.range.begin.line == 11);
  CHECK(plan.goals[0].measures[1].text.range.begin.column == 1);
  CHECK(plan.goals[0].measures[1].text.range.end.line == 13);
}

TEST_CASE("layout: a measure's last line that ends two pages is text / a header set apart is not", "[read][layout]") {
  // Pages 1 and 2 end with the same short line, the end of a measure; every page starts with the running
  // header, a blank line under it. (Found by the benchmark corpus: the line was dropped as a footer.)
  const std::string header = "                Hyvinvointisuunnitelma 2024\n\n";
  const std::string text =
      header +
      "TAVOITE 1. Nuoret liikkuvat\n\n"
      "Toimenpide                              Mittari\n"
      "Lisätään liikuntaryhmiä kouluissa       Ryhmien määrä\n"
      "nuorille.\n\n"
      "                  1\n"
      "\f" + header +
      "Tuetaan harrastuksia kirjastoissa       Kävijämäärä\n"
      "nuorille.\n\n"
      "                  2\n"
      "\f" + header +
      "Kehitetään etsivää nuorisotyötä.        Tavoitettujen määrä\n\n"
      "                  3\n\f";
  const Plan plan = read::read_plan(make_source("plan.txt", text), read::InputFormat::layout);
  REQUIRE(plan.goals.size() == 1);
  REQUIRE(plan.goals[0].measures.size() == 3);
  CHECK(plan.goals[0].measures[0].text.text == "Lisätään liikuntaryhmiä kouluissa nuorille.");
  CHECK(plan.goals[0].measures[1].text.text == "Tuetaan harrastuksia kirjastoissa nuorille.");
  CHECK(plan.goals[0].measures[2].text.text == "Kehitetään etsivää nuorisotyötä.");
  for (const std::string& cell : all_cells(plan)) CHECK(cell.find("Hyvinvointisuunnitelma") == std::string::npos);
}
