// Plans beyond one template as Word and LibreOffice keep them (tests/fixtures/documents/unit/levels.docx and
// programme.docx, written by python-docx; levels-lo.odt and programme-lo.odt, LibreOffice's conversions):
// areas above goals, numbered sub-goals, columns in other orders, a programme's benefit goals.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

const std::string unit = source_path("tests/fixtures/documents/unit");

}  // namespace

TEST_CASE("levels in a docx and an odt: areas - sub-goals - the indicator from the indicator column", "[cli][documents][levels]") {
  for (const std::string file : {"levels.docx", "levels-lo.odt"}) {
    INFO(file);
    const auto r = run_planlint("parse --no-config --format json " + unit + "/" + file);
    REQUIRE(r.exit_code == 0);
    const auto j = nlohmann::json::parse(r.out);
    REQUIRE(j["areas"].size() == 2);
    CHECK(j["areas"][0]["number"] == 1);
    CHECK(j["areas"][0]["title"] == "Liikunta ja ulkoilu");
    CHECK(j["areas"][1]["title"] == "Osallisuus");
    REQUIRE(j["overview"].size() == 3);
    CHECK(j["overview"][2]["parent_number"] == 2);
    const auto& g = j["goals"];
    REQUIRE(g.size() == 3);
    CHECK(g[0]["parent_number"] == 1);
    CHECK(g[0]["number"] == 1);
    CHECK(g[0]["area"] == 0);
    CHECK(g[1]["number"] == 2);
    CHECK(g[1]["title"] == "Ulkoillaan");
    CHECK(g[2]["parent_number"] == 2);
    CHECK(g[2]["area"] == 1);
    // Toimenpide | Vastuutaho | Aikataulu | Mittari: the indicator is the fourth cell, the second an extra.
    REQUIRE(g[0]["measures"].size() == 3);
    CHECK(g[0]["measures"][0]["text"] == "Lisätään liikuntaryhmiä.");
    CHECK(g[0]["measures"][0]["indicator"] == "Ryhmien määrä");
    CHECK(g[0]["measures"][0]["extra"][0]["column"] == "Vastuutaho");
    CHECK(g[0]["measures"][0]["extra"][0]["text"] == "Liikuntapalvelut");
    CHECK(g[0]["measures"][1]["indicator"] == "");
    // Tavoite | Keinot | Arviointimittari(t) | Vastuutaho: a goal column first.
    REQUIRE(g[1]["measures"].size() == 2);
    CHECK(g[1]["measures"][0]["text"] == "Kunnostetaan polkuja.");
    CHECK(g[1]["measures"][0]["indicator"] == "Polkujen pituus");
    // Mittari | Toimenpide: the indicator first.
    REQUIRE(g[2]["measures"].size() == 2);
    CHECK(g[2]["measures"][1]["text"] == "Kysytään nuorten mielipidettä.");
    CHECK(g[2]["measures"][1]["indicator"] == "Vastaajien määrä");
  }
}

TEST_CASE("levels in a docx: findings name the table - row and column of the empty indicator", "[cli][documents][levels]") {
  const auto r = run_planlint("check --no-config --disable '*' --enable measure-missing-indicator --enable goal-numbering --format json " +
                              unit + "/levels.docx");
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["rule"] == "measure-missing-indicator");
  CHECK(j[0]["message"] == "the indicator (Mittari) of measure 2 of goal 1.1 is empty");
  CHECK(j[0]["place"] == "table 1, row 3, column 4");
}

TEST_CASE("a follow-up report against its programme kept as a docx and an odt", "[cli][documents][levels]") {
  TempDir d;
  const std::string report = d.write("raportti.txt",
                                     "Seurantaraportti 2025\n\nHyötytavoite 3: Asukkaiden mielen hyvinvointi paranee\n\n"
                                     "Mielen hyvinvointia on tuettu.\n");
  for (const std::string programme : {"programme.docx", "programme-lo.odt"}) {
    INFO(programme);
    const auto p = run_planlint("parse --no-config --format json " + unit + "/" + programme);
    const auto j = nlohmann::json::parse(p.out);
    REQUIRE(j["goals"].size() == 4);
    CHECK(j["goals"][2]["title"] == "Asukkaiden mielen hyvinvointi vahvistuu");
    const auto r = run_planlint("check --no-config --disable '*' --enable version-goal-title-changed " + report +
                                " --against " + unit + "/" + programme);
    CHECK(r.out.find(report + ":3:17: info: the title of goal 3 differs from the programme's (paragraph ") != std::string::npos);
    CHECK(r.out.find("'vahvistuu' vs 'paranee' [version-goal-title-changed]") != std::string::npos);
  }
}
