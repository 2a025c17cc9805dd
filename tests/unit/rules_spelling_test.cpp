// The spelling rule (rules/spelling.rules) on the seeds, with a missing dictionary, with user word lists;
// the `fix` statement; fixes in JSON and SARIF output.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "check/runner.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"
#include "support/temp_dir.hpp"
#include "support/run.hpp"

using namespace planlint;
using planlint::test::run_planlint;
using planlint::test::source_path;
namespace fs = std::filesystem;

namespace {

// `planlint check`'s own path for one document, with only the spelling rule.
std::vector<Finding> spelling_of(const std::string& path, check::Settings s = {}) {
  s.select = {"-*", "spelling"};
  check::RuleSetCache cache;
  return check::check_source(load_source(path), s, cache).findings;
}

struct Reported {
  std::string word;
  std::string first;
  friend bool operator==(const Reported&, const Reported&) = default;
};

// The word each finding points at (read from the document at its range) and the first suggestion.
std::vector<Reported> reported(const std::string& path, const std::vector<Finding>& findings) {
  const Source src = load_source(path);
  std::vector<Reported> out;
  for (const Finding& f : findings) {
    const std::string word(src.bytes.substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset));
    out.push_back(Reported{word, f.fixes.empty() ? std::string() : f.fixes.front().replacement});
    // The range is exact: its columns agree with its offsets, and the message names that word.
    CHECK(src.position_of(f.range.begin.offset) == f.range.begin);
    CHECK(src.position_of(f.range.end.offset) == f.range.end);
    CHECK(f.message.find("'" + word + "'") != std::string::npos);
  }
  return out;
}

using planlint::test::TempDir;

}  // namespace

TEST_CASE("spelling on seed 002 (the draft): the issue's typos with the right suggestion first", "[spelling][sample]") {
  const std::string path = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const auto findings = spelling_of(path);
  for (const Finding& f : findings) CHECK(f.severity == Severity::warning);
  CHECK(reported(path, findings) == std::vector<Reported>{
                                        {"työkäisten", "työikäisten"},                 // a paragraph, line 11
                                        {"Työkäisille", "Työikäisille"},               // goal 1's heading
                                        {"kursseiden", "kurssien"},                    // an indicator
                                        {"Kulikutapaosuuksien", "Kulkutapaosuuksien"},
                                        {"Höydynnetään", "Hyödynnetään"},
                                        {"Työkäinen", "Työikäinen"},                   // goal 3's heading
                                        {"hoitajaksot", "hoitojaksot"},
                                        {"työkäisille", "työikäisille"},
                                    });
  // Not reported: "luonto-liikunta -painotteisina" (the second half of a compound split at " -") and
  // "LU-sotehankkeen" (sote, a compound part of the field's lexicon).
  REQUIRE(findings.size() == 8);
  CHECK(findings[1].message == "'Työkäisille' is not in the dictionary; did you mean 'Työikäisille'?");
  CHECK(findings[1].range.begin.line == 43);
  CHECK(findings[1].range.begin.column == 13);
  CHECK(findings[1].range.end.column == 24);
  // The top suggestions are offered as separate fixes, each replacing exactly the word.
  REQUIRE(findings[1].fixes.size() == 3);
  CHECK(findings[1].fixes[0].title == "Replace 'Työkäisille' with 'Työikäisille'");
  for (const Fix& x : findings[1].fixes) CHECK(x.range == findings[1].range);
}

TEST_CASE("spelling on seed 000 (the final version / joined lines): Höydynnetään alone", "[spelling][sample]") {
  const std::string path = source_path("samples/tyoikaiset-2022-2025-final-blocks.txt");
  CHECK(reported(path, spelling_of(path)) == std::vector<Reported>{{"Höydynnetään", "Hyödynnetään"}});
}

TEST_CASE("spelling: a missing dictionary is one clear finding per document / nothing crashes", "[spelling]") {
  // The language is a parameter; one whose dictionary is not installed (here "xx": the Finnish one is,
  // and Voikko always searches its standard places) is reported once, at the start of the document.
  check::Settings s;
  s.rules["spelling"].params["language"] = check::ParamSetting{std::string("xx"), "", {}};
  s.rules["spelling"].params["dictionary"] = check::ParamSetting{std::string("/nonexistent/voikko"), "", {}};
  const auto findings = spelling_of(source_path("samples/tyoikaiset-2022-2025-luonnos.txt"), s);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].rule == "spelling");
  CHECK(findings[0].severity == Severity::warning);
  CHECK(findings[0].range.begin == SourcePosition{0, 1, 1});
  CHECK(findings[0].message.find("spelling is not checked: the Voikko dictionary for language 'xx' cannot be opened "
                                 "(searched in '/nonexistent/voikko' too)") == 0);
  CHECK(findings[0].message.find("apt-get install libvoikko1") != std::string::npos);
  // Through the command line too, with a clear message and no crash.
  const auto r = run_planlint("check --no-config --format json --disable '*' --enable spelling " +
                              source_path("samples/tyoikaiset-2022-2025-luonnos.txt"));
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).size() == 8);
}

TEST_CASE("spelling: words and word-files of the spelling table in .planlint.toml are accepted / with the case rules", "[spelling][config]") {
  TempDir d;
  d.write("words.txt", "# the team's words\nhoitajaksot\n");
  d.write(".planlint.toml", "[spelling]\nwords = [\"Höydynnetään\", \"kursseiden\"]\nword-files = [\"words.txt\"]\n");
  const std::string plan = d.write("plan.txt", "Höydynnetään kursseiden Kursseiden hoitajaksot höydynnetään\n");
  const auto r = run_planlint("check --format json --disable '*' --enable spelling " + plan);
  const auto j = nlohmann::json::parse(r.out);
  // "Höydynnetään" has a capital: only that spelling; "kursseiden" is lower case: any case.
  REQUIRE(j.size() == 1);
  CHECK(j[0]["message"].get<std::string>().find("'höydynnetään'") == 0);
  d.write(".planlint.toml", "[spelling]\nwordz = []\n");
  const auto bad = run_planlint("check --disable '*' --enable spelling " + plan);
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("unknown setting 'wordz' in [spelling]; known: words, word-files") != std::string::npos);
}

TEST_CASE("fixes in JSON and SARIF output", "[spelling][report]") {
  const std::string path = source_path("tests/fixtures/rules/spelling/trigger.txt");
  const auto j = nlohmann::json::parse(run_planlint("check --no-config --format json --disable '*' --enable spelling " + path).out);
  REQUIRE(j.size() == 4);
  const auto& f = j[1];  // 'Työkäisille' at 7:12
  REQUIRE(f["fixes"].size() == 3);
  CHECK(f["fixes"][0] == nlohmann::json{{"title", "Replace 'Työkäisille' with 'Työikäisille'"},
                                        {"line", 7},
                                        {"column", 12},
                                        {"end_line", 7},
                                        {"end_column", 23},
                                        {"offset", f["offset"]},
                                        {"end_offset", f["end_offset"]},
                                        {"replacement", "Työikäisille"}});
  const auto s = nlohmann::json::parse(run_planlint("check --no-config --format sarif --disable '*' --enable spelling " + path).out);
  const auto& result = s["runs"][0]["results"][1];
  REQUIRE(result["fixes"].size() == 3);
  const auto& fix = result["fixes"][0];
  CHECK(fix["description"]["text"] == "Replace 'Työkäisille' with 'Työikäisille'");
  const auto& change = fix["artifactChanges"][0];
  CHECK(change["artifactLocation"]["uri"] == result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
  CHECK(change["replacements"][0]["deletedRegion"] == result["locations"][0]["physicalLocation"]["region"]);
  CHECK(change["replacements"][0]["insertedContent"]["text"] == "Työikäisille");
  // Text output shows the best fix under the source line.
  const auto t = run_planlint("check --no-config --color never --disable '*' --enable spelling " + path).out;
  CHECK(t.find("      = fix: Replace 'Työkäisille' with 'Työikäisille' (or 2 others)\n") != std::string::npos);
}

TEST_CASE("goal-title-mismatch offers both titles as fixes / the heading's first", "[spelling][rules]") {
  const Source src = load_source(source_path("samples/tyoikaiset-2022-2025-luonnos.txt"));
  const Plan plan = read::read_plan(src);
  rules::EvalOptions options;
  options.enabled = [](std::string_view id) { return id == "goal-title-mismatch"; };
  const auto findings = rules::RuleSet::compile(rules::builtin_rule_sources()).evaluate(plan, options);
  REQUIRE(findings.size() == 2);
  REQUIRE(findings[0].fixes.size() == 2);
  CHECK(findings[0].fixes[0].range == plan.goals[0].title.range);
  CHECK(findings[0].fixes[0].replacement == plan.overview[0].title.text);
  CHECK(findings[0].fixes[1].range == plan.overview[0].title.range);
  CHECK(findings[0].fixes[1].replacement == plan.goals[0].title.text);
}

TEST_CASE("the fix statement: a text / a list of texts or null - errors at compile time", "[rules][fix]") {
  const auto compile = [](const std::string& body) {
    return rules::RuleSet::compile({{"t.rules", "rule t {\n severity info\n scope goal\n summary \"s\"\n" + body + "\n doc \"d\"\n}\n"}});
  };
  const Plan plan = read::read_plan(make_source("p.txt", "TAVOITE 1. Yksi kaksi\n"));
  const auto fixes = [&](const std::string& fix) {
    return compile("report true\n message \"m\"\n at title\n" + fix).evaluate(plan).at(0).fixes;
  };
  CHECK(fixes("fix title with \"Kolme\"").size() == 1);
  CHECK(fixes("fix title with [\"A\", null, \"B\"]").size() == 2);
  CHECK(fixes("fix title with null").empty());
  CHECK(fixes("fix title with title").empty());  // replacing a text by itself fixes nothing
  CHECK(fixes("fix heading with \"X\"").at(0).range == plan.goals[0].heading);
  CHECK(fixes("fix title with \"A\" fix heading with \"B\"").size() == 2);
  CHECK(fixes("fix title with take([\"A\", \"B\", \"C\"], 2)").size() == 2);
  CHECK_THROWS_WITH(compile("report true\n message \"m\"\n fix 3 with \"x\""), Catch::Contains("'fix' expects a part of the document"));
  CHECK_THROWS_WITH(compile("report true\n message \"m\"\n fix title \"x\""), Catch::Contains("expected 'with'"));
  CHECK_THROWS_WITH(compile("report true\n message \"m\"\n fix title with 3"), Catch::Contains("'with' expects a text or a list of texts"));
}

TEST_CASE("misspelt_words() works on any text value / also texts a rule computes", "[rules][spelling]") {
  const auto set = rules::RuleSet::compile({{"t.rules", R"(rule t {
  severity info
  scope plan
  summary "s"
  for w in misspelt_words(["Höydynnetään", null, [goals[0].title]])
  report true
  message "{w.text}: {join(w.suggestions, "/")}"
  at w
  doc "d"
})"}});
  const Plan plan = read::read_plan(make_source("p.txt", "TAVOITE 1. Työkäisille\n"));
  const auto findings = set.evaluate(plan);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].message.find("Höydynnetään: Hyödynnetään") == 0);
  CHECK(findings[0].range.begin.line == 1);  // a computed text has no place: the document's start
  CHECK(findings[1].message.find("Työkäisille: ") == 0);
  CHECK(findings[1].range.begin.column == 12);
}

TEST_CASE("spelling: whole_document = false checks only the plan's parts - no suggestion / no fix", "[spelling]") {
  const std::string path = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  check::Settings s;
  s.rules["spelling"].params["whole_document"] = check::ParamSetting{false, "", {}};
  const auto parts = reported(path, spelling_of(path, s));
  // "työkäisten" stands in a paragraph (line 11), which is no goal title, overview item, measure,
  // indicator or claim; the other seven are in those.
  REQUIRE(parts.size() == 7);
  CHECK(std::find(parts.begin(), parts.end(), Reported{"työkäisten", "työikäisten"}) == parts.end());
  CHECK(parts.front() == Reported{"Työkäisille", "Työikäisille"});

  TempDir d;
  const std::string plan = d.write("plan.txt", "Tämä on xqzvbnmk.\n");
  const auto none = spelling_of(plan);
  REQUIRE(none.size() == 1);
  CHECK(none[0].message == "'xqzvbnmk' is not in the dictionary and Voikko has no suggestion");
  CHECK(none[0].fixes.empty());
}
