// A team's own heading and column words in .planlint.toml ([headings], [columns]): read by check, parse and
// diff for the documents that configuration covers, and refused with their place when they are not words.
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::TempDir;

namespace {

// A goal heading and a header that only the configuration's words make one.
const char* const plan =
    "Suunnitelma\n\nKehittämiskohde 1. Liikunta\n\nKeino\tOmistaja\tSeuranta\n"
    "Lisätään ryhmiä.\tLiikuntapalvelut\tRyhmien määrä\nAvataan salit.\tOpetus\t\n";

const char* const config =
    "[headings]\ngoal = [\"Kehittämiskohde\"]\n\n[columns]\nindicator = [\"Seuranta\"]\nresponsible = [\"Omistaja\"]\n";

}  // namespace

TEST_CASE("configured heading and column words are read by parse and check", "[cli][config][keywords]") {
  TempDir d;
  d.write(".planlint.toml", config);
  const std::string doc = d.write("plan.txt", plan);
  const auto p = run_planlint("parse --format json " + doc);
  REQUIRE(p.exit_code == 0);
  const auto j = nlohmann::json::parse(p.out);
  REQUIRE(j["goals"].size() == 1);
  CHECK(j["goals"][0]["title"] == "Liikunta");
  REQUIRE(j["goals"][0]["measures"].size() == 2);
  CHECK(j["goals"][0]["measures"][0]["indicator"] == "Ryhmien määrä");
  CHECK(j["goals"][0]["measures"][0]["extra"][0]["column"] == "Omistaja");
  const auto c = run_planlint("check --disable '*' --enable measure-missing-indicator --enable table-header " + doc);
  CHECK(c.out.find(doc + ":7:23: error: the indicator (Mittari) of measure 2 of goal 1 is empty") != std::string::npos);
  CHECK(c.out.find("table-header") == std::string::npos);
  // Without the configuration the same text has no goal.
  const auto n = run_planlint("parse --no-config --format json " + doc);
  CHECK(nlohmann::json::parse(n.out)["goals"].empty());
}

TEST_CASE("diff reads both versions with the new one's configured words", "[cli][config][keywords]") {
  TempDir d;
  d.write(".planlint.toml", config);
  const std::string old_doc = d.write("old.txt", plan);
  std::string changed = plan;
  const std::string was = "Ryhmien määrä";
  changed.replace(changed.find(was), was.size(), "Ryhmien lukumäärä");
  const std::string new_doc = d.write("new.txt", changed);
  const auto r = run_planlint("diff " + old_doc + " " + new_doc);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("TAVOITE 1. Liikunta\n  indicator      6 → 6     Ryhmien [-määrä-]{+lukumäärä+}") != std::string::npos);
}

TEST_CASE("a configured keyword that is not one word is an error at its place", "[cli][config][keywords]") {
  TempDir d;
  d.write(".planlint.toml", "[columns]\nindicator = [\"Seuranta ja arviointi\"]\n");
  const std::string doc = d.write("plan.txt", plan);
  const auto r = run_planlint("check " + doc);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(".planlint.toml:2:13: error: [columns] indicator: \"Seuranta ja arviointi\" is not a single word") != std::string::npos);
  d.write(".planlint.toml", "[columns]\nowner = [\"Omistaja\"]\n");
  const auto u = run_planlint("check " + doc);
  CHECK(u.exit_code == 2);
  CHECK(u.err.find("unknown key 'owner' in [columns]; known: measure, indicator, responsible, schedule, resources, target, status") != std::string::npos);
}
