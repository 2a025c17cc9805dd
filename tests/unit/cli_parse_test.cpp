// `planlint parse` end to end: outputs, exit codes, error messages.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;

namespace {
const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
}

TEST_CASE("parse --format json follows the documented schema", "[cli][parse]") {
  const auto r = run_planlint("parse " + sample + " --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["file"] == sample);
  CHECK(j["format"] == "draft");
  CHECK(j["status"] == "LUONNOS");
  CHECK(j["declared"]["goal_count"] == 3);
  CHECK(j["declared"]["measures_min"] == 6);
  CHECK(j["declared"]["measures_max"] == 12);
  REQUIRE(j["overview"].size() == 3);
  CHECK(j["overview"][1]["number"] == 2);
  CHECK(j["overview"][1]["line"] == 40);
  REQUIRE(j["goals"].size() == 3);
  std::size_t measures = 0;
  for (const auto& g : j["goals"]) measures += g["measures"].size();
  CHECK(measures == 26);
  const auto& m = j["goals"][1]["measures"][0];
  CHECK(m["line"] == 62);
  CHECK(m["column"] == 1);
  CHECK(m["indicator"] == "Ohjaamon lisävakanssi saatu (kyllä/ei)");
  CHECK(j["goals"][2]["line"] == 71);
}

TEST_CASE("parse --format csv: one RFC 4180 row per measure", "[cli][parse]") {
  const auto r = run_planlint("parse " + sample + " --format csv");
  REQUIRE(r.exit_code == 0);
  std::size_t rows = 0;
  for (std::size_t p = 0; (p = r.out.find("\r\n", p)) != std::string::npos; p += 2) ++rows;
  CHECK(rows == 27);  // header + 26 measures (no field holds a line break)
  CHECK(r.out.rfind("goal,goal_title,measure,indicator,line\r\n", 0) == 0);
  // Fields with commas are quoted; quotes inside are doubled.
  CHECK(r.out.find("\"Työkäinen espoolainen saa tarvitsemansa palvelun sujuvasti (työllisyys, sote, järjestöt, liikunta- ja kulttuuri)\"") != std::string::npos);
  const auto q = run_planlint("parse - --format csv", "TAVOITE 1. A \"quoted\" title\nToimenpide\tMittari\nm\ti\n");
  CHECK(q.out.find("1,\"A \"\"quoted\"\" title\",m,i,3\r\n") != std::string::npos);  // a quote: quoted, doubled
  const auto c = run_planlint("parse - --format csv", "TAVOITE 1. A, \"B\"\nToimenpide\tMittari\nm\t\nn\n");
  CHECK(c.out.find("1,\"A, \"\"B\"\"\",m,,3\r\n") != std::string::npos);
  CHECK(c.out.find("1,\"A, \"\"B\"\"\",n,,4\r\n") != std::string::npos);
}

TEST_CASE("parse --format text: an outline with line numbers", "[cli][parse]") {
  const auto r = run_planlint("parse " + sample);
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("goals: 3 with 26 measures") != std::string::npos);
  CHECK(r.out.find("    43  goal 1: 12 measures") != std::string::npos);
  CHECK(r.out.find("3 goals (\"tavoitteita on kolme\")") != std::string::npos);
  CHECK(r.out.find("6–12 measures per goal") != std::string::npos);
  const auto none = run_planlint("parse -", "Just a memo.\n");
  CHECK(none.exit_code == 0);
  CHECK(none.out.find("goals: none found") != std::string::npos);
}

TEST_CASE("parse: input errors are one line on stderr / exit 2 / nothing on stdout", "[cli][parse][errors]") {
  const auto missing = run_planlint("parse /nonexistent/plan.txt --format json");
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(missing.err == "/nonexistent/plan.txt: error: cannot open: No such file or directory\n");
  const auto dir = run_planlint("parse " + source_path("samples"));
  CHECK(dir.exit_code == 2);
  CHECK(dir.err.find("is a directory") != std::string::npos);
  const auto empty = run_planlint("parse -");
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "<stdin>: error: file is empty; expected a plan document\n");
  const auto bad = run_planlint("parse -", "Määrä\n\xFF\n");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "<stdin>:2:1: error: invalid UTF-8 at byte offset 9 (byte 0xFF); save the file as UTF-8\n");
  const auto binary = run_planlint("parse /bin/sh");
  CHECK(binary.exit_code == 2);
  CHECK(binary.out.empty());
}

TEST_CASE("usage errors exit 2 - --help exits 0", "[cli]") {
  CHECK(run_planlint("").exit_code == 2);
  CHECK(run_planlint("parse").exit_code == 2);
  CHECK(run_planlint("parse " + sample + " --format xml").exit_code == 2);
  CHECK(run_planlint("frobnicate").exit_code == 2);
  const auto help = run_planlint("--help");
  CHECK(help.exit_code == 0);
  CHECK(help.out.find("parse") != std::string::npos);
}
