// `planlint check` as a CI gate that can be trusted (issue 14): nothing checked is no pass, a mistyped rule
// id is no silent no-op, contradictory options are refused. Each probe of the issue is a test of its own.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

// One goal of three measures: goal-measure-count fires (error).
const std::string short_plan =
    "TAVOITE 1. Yksi\n\nToimenpide\tMittari\nLisätään liikuntaryhmiä.\tRyhmien määrä\n"
    "Tuetaan kulttuuria kouluissa.\tEsitysten määrä\nKehitetään neuvontaa verkossa.\tKävijämäärä\n";

// Prose without a goal heading, as seed 004 (answers to council questions) and plans in other layouts.
const std::string prose =
    "Vastaukset talousarvioneuvottelujen pöytäkirjamerkintöihin\n\n"
    "2. Espoo tekee hyvinvoinnin edistämistä myös yhteistyössä järjestöjen kanssa.\n\n"
    "Elinvoiman tulosalue jatkaa yhteistyötä järjestöjen kanssa\n"
    "ja toimintaa kehitetään jatkuvasti.\n";

// A usage error that names both options (CLI11 names them in the order they are defined).
bool refused(const planlint::test::RunResult& r, const std::string& a, const std::string& b) {
  return r.exit_code == 2 && (r.err.find(a + " excludes " + b) != std::string::npos ||
                              r.err.find(b + " excludes " + a) != std::string::npos);
}

}  // namespace

// --- 1. Nothing checked is no pass ---------------------------------------------------------------------

TEST_CASE("a directory with no .txt file is an input error naming where and for what", "[cli][check][gate]") {
  TempDir d;
  d.write("plans/notes.html", short_plan);
  const std::string dir = (d.path / "plans").string();
  const auto r = run_planlint("check --no-config " + dir);
  CHECK(r.exit_code == 2);
  CHECK(r.err == dir + ": error: no document to check: no file ending in .txt or .md or .docx or .odt or .pdf in this directory or below (hidden "
                       "directories skipped); --ext or `extensions` in .planlint.toml name others\n");
  // One empty directory among others is still an error: a gate over several folders must not skip one.
  d.write("more/a.txt", short_plan);
  const auto mixed = run_planlint("check --no-config " + (d.path / "more").string() + " " + dir);
  CHECK(mixed.exit_code == 2);
  CHECK(mixed.out.find("goal 1 has 3 measures") != std::string::npos);
}

TEST_CASE("check --ext txt without the dot means .txt", "[cli][check][gate]") {
  TempDir d;
  d.write("a.txt", short_plan);
  d.write("b.md", short_plan);
  const auto r = run_planlint("check --no-config --format json --ext txt " + d.str());
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["file"].get<std::string>().find("a.txt") != std::string::npos);
  CHECK(run_planlint("check --no-config --format json --ext .txt " + d.str()).out == r.out);
}

TEST_CASE("extensions txt without the dot in .planlint.toml means .txt", "[cli][check][gate][config]") {
  TempDir d;
  d.write(".planlint.toml", "extensions = [\"txt\", \"plan\"]\n");
  d.write("a.txt", short_plan);
  d.write("b.plan", short_plan);
  d.write("c.md", short_plan);
  const auto r = run_planlint("check --format json " + d.str());
  CHECK(r.exit_code == 1);
  CHECK(nlohmann::json::parse(r.out).size() == 2);
}

TEST_CASE("an empty or unusable --ext is a usage error", "[cli][check][gate]") {
  TempDir d;
  d.write("a.txt", short_plan);
  const auto empty = run_planlint("check --no-config --ext '' " + d.str());
  CHECK(empty.exit_code == 2);
  CHECK(empty.err == "planlint: error: --ext: '' is not an extension; write one such as .txt\n");
  CHECK(empty.out.empty());
  CHECK(run_planlint("check --no-config --ext . " + d.str()).exit_code == 2);
  const auto glob = run_planlint("check --no-config --ext '*.txt' " + d.str());
  CHECK(glob.exit_code == 2);
  CHECK(glob.err.find("'*.txt' cannot end a file name") != std::string::npos);
}

TEST_CASE("an empty or unusable extensions list in .planlint.toml is an error at file:line:col", "[cli][check][gate][config]") {
  TempDir d;
  d.write("a.txt", short_plan);
  const std::string config = d.write(".planlint.toml", "extensions = []\n");
  const auto none = run_planlint("check " + d.str());
  CHECK(none.exit_code == 2);
  CHECK(none.err.find(config + ":1:14: error: 'extensions' must be a list of one or more extensions") != std::string::npos);
  d.write(".planlint.toml", "extensions = [\".txt\", \"\"]\n");
  const auto blank = run_planlint("check " + d.str());
  CHECK(blank.exit_code == 2);
  CHECK(blank.err.find(config + ":1:23: error: 'extensions': '' is not an extension") != std::string::npos);
}

TEST_CASE("a document in which no goal was read gets a no-goals-read error that says what was seen", "[cli][check][gate]") {
  TempDir d;
  const std::string doc = d.write("answers.txt", prose);
  const auto r = run_planlint("check --no-config --disable spelling --format json " + doc);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["rule"] == "no-goals-read");
  CHECK(j[0]["severity"] == "error");
  const std::string message = j[0]["message"];
  CHECK(message.rfind("no goal was read from this document: read as blocks text, it has 4 non-blank lines in 3 "
                      "paragraphs, 0 of them with a tab or a '|' (as table rows have), and no line begins with a goal keyword. ",
                      0) == 0);
  CHECK(message.find("'TAVOITE 1. Title'") != std::string::npos);
  CHECK(message.find("--input-format") != std::string::npos);
  CHECK(message.find("input-format in .planlint.toml") != std::string::npos);
}

TEST_CASE("no-goals-read points at a line that looks like a goal heading but is not one", "[cli][check][gate]") {
  TempDir d;
  const std::string doc = d.write("plan.txt", "Suunnitelma\n\nTavoite 1 Lisätään liikuntaa\n\nToimenpide\tMittari\n"
                                              "Avataan uimahalli.\tKävijämäärä\n");
  const auto r = run_planlint("check --no-config --disable spelling --format json " + doc);
  const auto j = nlohmann::json::parse(r.out);
  bool seen = false;
  for (const auto& f : j) {
    if (f["rule"] != "no-goals-read") continue;
    seen = true;
    CHECK(f["line"] == 3);
    CHECK(f["message"].get<std::string>().find("2 of them with a tab") != std::string::npos);
    CHECK(f["message"].get<std::string>().find("1 line begins with a goal keyword but is not a goal heading "
                                               "(line 3: Tavoite 1 Lisätään liikuntaa)") != std::string::npos);
  }
  CHECK(seen);
}

// --- 2. Mistyped rule ids are errors -----------------------------------------------------------------

TEST_CASE("check --enable with a mistyped rule id is exit 2 with a did-you-mean", "[cli][check][gate][rule-names]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  d.write("b.txt", short_plan);
  const auto r = run_planlint("check --no-config --enable goal-mesure-count " + d.str());
  CHECK(r.exit_code == 2);
  // Said once, not once per document.
  CHECK(r.err == "planlint: error: --enable: unknown rule 'goal-mesure-count'; did you mean 'goal-measure-count'?\n");
  const auto far = run_planlint("check --no-config --disable no-such-thing-at-all " + plan);
  CHECK(far.exit_code == 2);
  CHECK(far.err == "planlint: error: --disable: unknown rule 'no-such-thing-at-all'; `planlint rules` lists the rules\n");
}

TEST_CASE("check --disable with a glob that matches no rule is exit 2 with a did-you-mean", "[cli][check][gate][rule-names]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const auto r = run_planlint("check --no-config --disable 'gaol-*' " + plan);
  CHECK(r.exit_code == 2);
  CHECK(r.err == "planlint: error: --disable: no rule matches 'gaol-*'; did you mean 'goal-*'?\n");
  // planlint's own findings are rules to select too.
  CHECK(run_planlint("check --no-config --disable unused-suppression,invalid-suppression " + plan).exit_code == 1);
}

TEST_CASE("disable in .planlint.toml with a mistyped rule id is exit 2 at file:line:col", "[cli][check][gate][rule-names][config]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const std::string config = d.write(".planlint.toml", "fail-on = \"error\"\ndisable = [\"table-header\", \"duplicate-mesure\"]\n");
  const auto r = run_planlint("check " + plan);
  CHECK(r.exit_code == 2);
  CHECK(r.err == config + ":2:28: error: unknown rule 'duplicate-mesure'; did you mean 'duplicate-measure'?\n");
  d.write(".planlint.toml", "enable = [\"goal-measure-cont\"]\n");
  CHECK(run_planlint("check " + plan).err ==
        config + ":1:11: error: unknown rule 'goal-measure-cont'; did you mean 'goal-measure-count'?\n");
}

TEST_CASE("select in .planlint.toml with a glob that matches no rule is exit 2 at file:line:col", "[cli][check][gate][rule-names][config]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const std::string config = d.write(".planlint.toml", "select = [\"-*\", \"gaol-*\"]\n");
  const auto r = run_planlint("check " + plan);
  CHECK(r.exit_code == 2);
  CHECK(r.err == config + ":1:17: error: no rule matches 'gaol-*'; did you mean 'goal-*'?\n");
}

TEST_CASE("rule ids in override tables are checked even where the override applies to no document", "[cli][check][gate][rule-names][config]") {
  TempDir d;
  const std::string plan = d.write("plans/a.txt", short_plan);
  const std::string config = d.write(".planlint.toml", "[[override]]\npaths = [\"legacy/**\"]\ndisable = [\"table-headr\"]\n");
  const auto r = run_planlint("check " + plan);
  CHECK(r.exit_code == 2);
  CHECK(r.err == config + ":3:12: error: unknown rule 'table-headr'; did you mean 'table-header'?\n");
  d.write(".planlint.toml", "[[override]]\npaths = [\"legacy/**\"]\n[override.rules.goal-mesure-count]\nmin = 5\n");
  const auto table = run_planlint("check " + plan);
  CHECK(table.exit_code == 2);
  CHECK(table.err == config + ":3:17: error: [rules.goal-mesure-count]: unknown rule 'goal-mesure-count'; did you "
                              "mean 'goal-measure-count'?\n");
}

TEST_CASE("check --disable and --enable take comma lists", "[cli][check][gate][rule-names]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  CHECK(run_planlint("check --no-config --disable goal-measure-count,spelling " + plan).exit_code == 0);
  CHECK(run_planlint("check --no-config --disable 'goal-measure-count, spelling' " + plan).exit_code == 0);
  const auto r = run_planlint("check --no-config --format json --disable '*' --enable goal-measure-count,empty-measure " + plan);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["rule"] == "goal-measure-count");
  const auto bad = run_planlint("check --no-config --disable goal-measure-count,,spelling " + plan);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err == "planlint: error: --disable: empty rule id; `planlint rules` lists the rules\n");
}

TEST_CASE("a suppression comment naming an unknown rule is an invalid-suppression error with a did-you-mean", "[cli][check][gate][suppression]") {
  TempDir d;
  const std::string plan = d.write("a.txt", "<!-- planlint-disable-next-line goal-mesure-count -->\n" + short_plan);
  const auto r = run_planlint("check --no-config --disable spelling --format json " + plan);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  CHECK(j[0]["rule"] == "invalid-suppression");
  CHECK(j[0]["severity"] == "error");
  CHECK(j[0]["line"] == 1);
  CHECK(j[0]["message"] == "planlint directive: unknown rule 'goal-mesure-count'; did you mean 'goal-measure-count'?");
  CHECK(j[1]["rule"] == "goal-measure-count");  // not silenced: the directive named no rule
  CHECK(r.out.find("silences no finding") == std::string::npos);
  // A known id beside an unknown one still works; the unknown one is reported.
  const std::string mixed = d.write("b.txt", "<!-- planlint-disable-next-line goal-measure-count, tabel-header -->\n" + short_plan);
  const auto m = nlohmann::json::parse(run_planlint("check --no-config --disable spelling --format json " + mixed).out);
  REQUIRE(m.size() == 1);
  CHECK(m[0]["message"] == "planlint directive: unknown rule 'tabel-header'; did you mean 'table-header'?");
  // A glob that matches no rule, in a range directive: reported, and it does not turn into "every rule".
  const std::string glob = d.write("c.txt", "<!-- planlint-disable gaol-* -->\n" + short_plan);
  const auto g = nlohmann::json::parse(run_planlint("check --no-config --disable spelling --format json " + glob).out);
  REQUIRE(g.size() == 2);
  CHECK(g[0]["message"] == "planlint directive: no rule matches 'gaol-*'; did you mean 'goal-*'?");
  CHECK(g[1]["rule"] == "goal-measure-count");
}

TEST_CASE("a misspelt directive keyword is an invalid-suppression error with a did-you-mean", "[cli][check][gate][suppression]") {
  TempDir d;
  const std::string plan = d.write("a.txt", "<!-- planlint-disable-fil goal-measure-count -->\n"
                                            "<!-- planlint-enabel -->\n"
                                            "<!-- PLANLINT-DISABLE-FILE spelling -->\n"
                                            "<!-- planlint-disable-next-line: goal-measure-count -->\n"
                                            "<!-- planning notes: see the council's minutes -->\n"
                                            "<!-- planlint ei tarkista tätä kappaletta -->\n" +
                                                short_plan);
  const auto r = run_planlint("check --no-config --disable spelling --format json " + plan);
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 5);  // four directives that do nothing, and the finding they did not silence
  for (int i = 0; i < 4; ++i) {
    CHECK(j[i]["rule"] == "invalid-suppression");
    CHECK(j[i]["line"] == i + 1);
  }
  CHECK(j[0]["message"] == "unknown planlint directive 'planlint-disable-fil'; did you mean 'planlint-disable-file'?");
  CHECK(j[1]["message"] == "unknown planlint directive 'planlint-enabel'; did you mean 'planlint-enable'?");
  CHECK(j[2]["message"] == "planlint directives are written in lower case: did you mean 'planlint-disable-file'?");
  CHECK(j[3]["message"].get<std::string>().rfind("this planlint directive cannot be read: 'planlint-disable-next-line' "
                                                 "takes rule ids or globs",
                                                 0) == 0);
  CHECK(j[4]["rule"] == "goal-measure-count");
}

// --- 8. Contradictory options are refused ------------------------------------------------------------

TEST_CASE("check --baseline with --write-baseline is a usage error and leaves the baseline alone", "[cli][check][gate][baseline]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const std::string baseline = (d.path / "baseline.json").string();
  REQUIRE(run_planlint("check --no-config --write-baseline " + baseline + " " + plan).exit_code == 0);
  const std::string recorded = slurp(baseline);
  const auto r = run_planlint("check --no-config --baseline " + baseline + " --write-baseline " + baseline + " " + plan);
  CHECK(refused(r, "--baseline", "--write-baseline"));
  CHECK(slurp(baseline) == recorded);
  const auto other = run_planlint("check --no-config --baseline " + baseline + " --write-baseline " +
                                  (d.path / "new.json").string() + " " + plan);
  CHECK(refused(other, "--baseline", "--write-baseline"));
  CHECK_FALSE(std::filesystem::exists(d.path / "new.json"));
}

TEST_CASE("check --config with --no-config is a usage error", "[cli][check][gate][config]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const std::string config = d.write("team.toml", "disable = [\"goal-measure-count\"]\n");
  const auto r = run_planlint("check --config " + config + " --no-config " + plan);
  CHECK(refused(r, "--config", "--no-config"));
  CHECK(r.out.find("goal 1 has 3 measures") == std::string::npos);
}

TEST_CASE("check --write-baseline with --format or --fail-on is a usage error", "[cli][check][gate][baseline]") {
  TempDir d;
  const std::string plan = d.write("a.txt", short_plan);
  const std::string baseline = (d.path / "baseline.json").string();
  const auto format = run_planlint("check --no-config --format sarif --write-baseline " + baseline + " " + plan);
  CHECK(refused(format, "--format", "--write-baseline"));
  const auto fail_on = run_planlint("check --no-config --fail-on warning --write-baseline " + baseline + " " + plan);
  CHECK(refused(fail_on, "--fail-on", "--write-baseline"));
  CHECK_FALSE(std::filesystem::exists(baseline));
}
