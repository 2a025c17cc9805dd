// `planlint check` end to end, as a user and a CI gate meet it.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;
namespace fs = std::filesystem;

using planlint::test::TempDir;

namespace {

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

// A plan with one goal of three measures: goal-measure-count fires (error).
const std::string short_plan =
    "TAVOITE 1. Yksi\n\nToimenpide\tMittari\nLisätään liikuntaryhmiä.\tRyhmien määrä\n"
    "Tuetaan kulttuuria kouluissa.\tEsitysten määrä\nKehitetään neuvontaa verkossa.\tKävijämäärä\n";

}  // namespace

// The spelling rule aside (its findings on this draft: rules_spelling_test.cpp); with it, 10 warnings.
TEST_CASE("check on the sample draft: exactly the two title mismatches", "[cli][check][sample]") {
  const auto all = run_planlint("check --no-config --color never " + sample);
  CHECK(all.out.substr(all.out.rfind('\n', all.out.size() - 2) + 1) == "0 errors, 10 warnings, 0 infos in 1 document\n");
  const auto r = run_planlint("check --no-config --color never --disable spelling " + sample);
  CHECK(r.exit_code == 0);  // warnings stay under the default threshold (error)
  CHECK(r.err.empty());
  CHECK(r.out.find(sample + ":43:13: warning: the title of goal 1 differs from the overview list (line 39) in: "
                   "'Työkäisille' vs 'Työikäisille' [goal-title-mismatch]\n") != std::string::npos);
  CHECK(r.out.find(sample + ":71:12: warning: the title of goal 3 differs from the overview list (line 41) in: "
                   "'Työkäinen' vs 'Työikäinen' [goal-title-mismatch]\n") != std::string::npos);
  CHECK(r.out.find("   43 | TAVOITE 1 . Työkäisille") != std::string::npos);
  CHECK(r.out.find("      |             ^~~~") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // no colour when asked for none
  CHECK(r.out.substr(r.out.rfind('\n', r.out.size() - 2) + 1) == "0 errors, 2 warnings, 0 infos in 1 document\n");
  CHECK(r.out.find("      = fix: Replace 'Työkäisille espoolaisille on tarjolla ma…' with 'Työikäisille espoolaisille on "
                   "tarjolla m…' (or 1 other)\n") != std::string::npos);
  const auto j = nlohmann::json::parse(run_planlint("check --no-config --format json --disable spelling " + sample).out);
  REQUIRE(j.size() == 2);
  for (const auto& f : j) CHECK(f["rule"] == "goal-title-mismatch");
  CHECK(j[0]["line"] == 43);
  CHECK(j[0]["column"] == 13);
  CHECK(j[0]["end_line"] == 43);
  CHECK(j[0]["severity"] == "warning");
  CHECK(j[1]["line"] == 71);
}

TEST_CASE("exit codes and --fail-on", "[cli][check]") {
  TempDir d;
  const std::string plan = d.write("short.txt", short_plan);
  CHECK(run_planlint("check --no-config " + plan).exit_code == 1);
  CHECK(run_planlint("check --no-config " + sample).exit_code == 0);
  CHECK(run_planlint("check --no-config --fail-on warning " + sample).exit_code == 1);
  CHECK(run_planlint("check --no-config --disable goal-measure-count " + plan).exit_code == 0);
  CHECK(run_planlint("check --no-config --disable 'goal-*' " + plan).exit_code == 0);
  CHECK(run_planlint("check --no-config --disable '*' --enable goal-measure-count " + plan).exit_code == 1);
  CHECK(run_planlint("check --no-config --no-default-rules " + plan).exit_code == 0);
  const auto missing = run_planlint("check --no-config " + plan + " /nonexistent.txt");
  CHECK(missing.exit_code == 2);  // input errors win over findings
  CHECK(missing.err == "/nonexistent.txt: error: cannot open: No such file or directory\n");
  CHECK(missing.out.find("goal 1 has 3 measures") != std::string::npos);  // the other file is still checked
  CHECK(run_planlint("check").exit_code == 2);
  CHECK(run_planlint("check --fail-on fatal " + plan).exit_code == 2);
}

TEST_CASE("standard input / directories / extensions / stable order with -j", "[cli][check]") {
  TempDir d;
  d.write("b/two.txt", short_plan);
  d.write("a/one.txt", short_plan);
  d.write("a/skip.html", short_plan);
  d.write(".hidden/three.txt", short_plan);
  const auto r1 = run_planlint("check --no-config --format json -j 1 " + d.str());
  const auto r4 = run_planlint("check --no-config --format json -j 4 " + d.str());
  CHECK(r1.out == r4.out);
  const auto j = nlohmann::json::parse(r1.out);
  REQUIRE(j.size() == 2);
  CHECK(j[0]["file"].get<std::string>().find("a/one.txt") != std::string::npos);
  CHECK(j[1]["file"].get<std::string>().find("b/two.txt") != std::string::npos);
  CHECK(nlohmann::json::parse(run_planlint("check --no-config --format json --ext .html " + d.str()).out).size() == 1);
  const auto in = run_planlint("check --no-config --format json -", short_plan);
  CHECK(in.exit_code == 1);
  CHECK(nlohmann::json::parse(in.out)[0]["file"] == "<stdin>");
}

TEST_CASE("sarif output is a structurally valid SARIF 2.1.0 log", "[cli][check][sarif]") {
  TempDir d;
  const std::string plan = d.write("short.txt", short_plan + "\nTAVOITE 3. Kolme\n");
  const auto r = run_planlint("check --no-config --format sarif " + plan + " " + sample);
  REQUIRE(r.exit_code == 1);
  const auto log = nlohmann::json::parse(r.out);
  CHECK(log["version"] == "2.1.0");
  CHECK(log["$schema"].get<std::string>().find("sarif") != std::string::npos);
  REQUIRE(log["runs"].size() == 1);
  const auto& run = log["runs"][0];
  CHECK(run["tool"]["driver"]["name"] == "planlint");
  const auto& rules = run["tool"]["driver"]["rules"];
  REQUIRE(rules.size() >= 10);
  for (const auto& rule : rules) {
    CHECK(rule["id"].is_string());
    CHECK_FALSE(rule["shortDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["fullDescription"]["text"].get<std::string>().empty());
    CHECK_FALSE(rule["help"]["text"].get<std::string>().empty());
  }
  REQUIRE(run["results"].size() >= 3);
  for (const auto& res : run["results"]) {
    const std::string level = res["level"];
    CHECK((level == "error" || level == "warning" || level == "note"));
    CHECK(res["message"]["text"].is_string());
    const auto idx = res["ruleIndex"].get<std::size_t>();
    CHECK(rules[idx]["id"] == res["ruleId"]);
    const auto& loc = res["locations"][0]["physicalLocation"];
    const std::string uri = loc["artifactLocation"]["uri"];
    CHECK(uri.front() != '/');  // relative to the working directory
    CHECK(loc["region"]["startLine"].get<int>() >= 1);
    CHECK(loc["region"]["startColumn"].get<int>() >= 1);
    CHECK(loc["region"]["endLine"].get<int>() >= loc["region"]["startLine"].get<int>());
    CHECK(res["partialFingerprints"].size() == 1);
  }
}

TEST_CASE("github output: workflow commands with escaping", "[cli][check]") {
  const auto r = run_planlint("check --no-config --format github --disable spelling " + sample);
  CHECK(r.out.rfind("::warning file=" + sample + ",line=43,col=13,endLine=43,", 0) == 0);
  CHECK(r.out.find(",title=goal-title-mismatch::the title of goal 1 differs") != std::string::npos);
}

TEST_CASE("rule-file errors: file:line:col / exit 2", "[cli][check][rules]") {
  TempDir d;
  const std::string bad = d.write("bad.rules", "rule my-rule {\n  severity fatal\n}\n");
  const auto r = run_planlint("check --no-config --rules " + bad + " " + sample);
  CHECK(r.exit_code == 2);
  CHECK(r.err.rfind(bad + ":2:12: error: ", 0) == 0);
  const auto listed = run_planlint("rules --rules " + bad);
  CHECK(listed.exit_code == 2);
}

TEST_CASE("configuration file found by walking up - per-rule parameters and severity", "[cli][check][config]") {
  TempDir d;
  const std::string plan = d.write("plans/deep/short.txt", short_plan);
  // The message says whose range it is: planlint's default (and how to set one) or the configuration's.
  CHECK(run_planlint("check " + plan).out.find("planlint's default range is 6–12 (set your plan's with "
                                               "[rules.goal-measure-count] min and max") != std::string::npos);
  CHECK(run_planlint("check " + plan).exit_code == 1);
  d.write(".planlint.toml", "[rules.goal-measure-count]\nmin = 3\n");
  CHECK(run_planlint("check " + plan).exit_code == 0);
  d.write(".planlint.toml", "[rules.goal-measure-count]\nmin = 4\n");
  CHECK(run_planlint("check " + plan).out.find("the configured range is 4–12 [goal-measure-count]") != std::string::npos);
  d.write(".planlint.toml", "[rules.goal-measure-count]\nseverity = \"warning\"\n");
  const auto r = run_planlint("check --format json " + plan);
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out)[0]["severity"] == "warning");
  d.write(".planlint.toml", "[rules.goal-measure-count]\nmn = 3\n");
  const auto bad = run_planlint("check " + plan);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(".planlint.toml:2:6: error: ") != std::string::npos);
  CHECK(run_planlint("check --no-config " + plan).exit_code == 1);
  d.write("other.toml", "disable = [\"goal-measure-count\"]\n");
  CHECK(run_planlint("check --config " + (d.path / "other.toml").string() + " " + plan).exit_code == 0);
  d.write(".planlint.toml", "[[override]]\npaths = [\"plans/**\"]\ndisable = [\"goal-measure-count\"]\n");
  CHECK(run_planlint("check " + plan).exit_code == 0);
}

TEST_CASE("baseline: a CI gate fails only on new findings", "[cli][check][baseline]") {
  TempDir d;
  const std::string plan = d.write("short.txt", short_plan);
  const std::string baseline = (d.path / "baseline.json").string();
  const auto w = run_planlint("check --no-config --write-baseline " + baseline + " " + plan);
  CHECK(w.exit_code == 0);
  CHECK(w.err.find("wrote 1 finding to the baseline") != std::string::npos);
  const auto again = run_planlint("check --no-config --baseline " + baseline + " " + plan);
  CHECK(again.exit_code == 0);
  CHECK(again.out.find("(1 in the baseline not shown)") != std::string::npos);
  // A new finding (an empty indicator), with the old one unchanged: the baseline keys on what a finding is about.
  std::string worse_plan = short_plan;
  worse_plan.replace(worse_plan.find("\tKävijämäärä"), std::string("\tKävijämäärä").size(), "\t");
  d.write("short.txt", worse_plan);
  const auto worse = run_planlint("check --no-config --format json --baseline " + baseline + " " + plan);
  CHECK(worse.exit_code == 1);
  const auto j = nlohmann::json::parse(worse.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["rule"] == "measure-missing-indicator");
  CHECK(run_planlint("check --no-config --baseline " + (d.path / "none.json").string() + " " + plan).exit_code == 2);
}

TEST_CASE("write-baseline never overwrites a document being checked", "[cli][check][baseline]") {
  TempDir d;
  const std::string plan = d.write("short.txt", short_plan);
  const std::string other = d.write("other.txt", short_plan);
  // The same file under another spelling of its path, reached through a directory argument.
  const auto r = run_planlint("check --no-config --write-baseline " + (d.path / "." / "short.txt").string() + " " +
                              d.path.string());
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("refusing to write the baseline over a document being checked") != std::string::npos);
  CHECK(planlint::test::slurp(plan) == short_plan);
  CHECK(planlint::test::slurp(other) == short_plan);
}

TEST_CASE("inline suppression in the document", "[cli][check][suppression]") {
  TempDir d;
  const std::string plan = d.write("short.txt", "<!-- planlint-disable-next-line goal-measure-count -->\n" + short_plan);
  CHECK(run_planlint("check --no-config " + plan).exit_code == 0);
  const std::string stale = d.write("stale.txt", "<!-- planlint-disable-next-line table-header -->\n" + short_plan);
  const auto r = run_planlint("check --no-config --format json --disable goal-measure-count " + stale);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["rule"] == "unused-suppression");
}

TEST_CASE("rules and explain", "[cli][rules]") {
  const auto r = run_planlint("rules");
  CHECK(r.exit_code == 0);
  for (const char* id : {"goal-measure-count", "declared-measure-range", "declared-goal-count", "measure-missing-indicator",
                         "goal-numbering", "goal-title-mismatch", "overview-missing-goal", "table-header",
                         "duplicate-measure", "empty-measure"}) {
    CHECK(r.out.find(id) != std::string::npos);
  }
  const auto e = run_planlint("explain goal-measure-count");
  CHECK(e.exit_code == 0);
  CHECK(e.out.find("min = 6") != std::string::npos);
  CHECK(e.out.find("Why it matters") != std::string::npos);
  CHECK(run_planlint("explain no-such-rule").exit_code == 2);
}

TEST_CASE("check never writes to the documents it reads", "[cli][check]") {
  TempDir d;
  const std::string plan = d.write("short.txt", short_plan);
  const auto before = fs::last_write_time(plan);
  run_planlint("check --no-config " + plan);
  CHECK(slurp(plan) == short_plan);
  CHECK(fs::last_write_time(plan) == before);
}
