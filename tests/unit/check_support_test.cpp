// The check layer's parts on their own: globs and selection, suppression directives, the baseline,
// configuration files.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "check/baseline.hpp"
#include "check/config.hpp"
#include "check/glob.hpp"
#include "check/suppression.hpp"
#include "model/error.hpp"
#include "read/draft_reader.hpp"
#include "read/source.hpp"
#include "support/temp_dir.hpp"
#include "support/verify_rule.hpp"
#include "grammar/directive.hpp"

using namespace planlint;
namespace fs = std::filesystem;

using planlint::test::TempDir;

namespace {

Finding finding(std::string rule, std::size_t line, std::string message = "m", std::string file = "t.txt") {
  return Finding{std::move(rule), Severity::warning, std::move(message), std::move(file),
                 SourceRange{{line * 10, line, 1}, {line * 10 + 1, line, 2}}, {}, {}};
}

std::string config_error(const std::string& text) {
  TempDir d;
  try {
    check::load_config(d.write(".planlint.toml", text));
  } catch (const InputError& e) {
    const std::string s = e.describe();
    return s.substr(s.find(".planlint.toml"));
  }
  return "no error";
}

}  // namespace

TEST_CASE("globs over rule ids and paths", "[check][glob]") {
  using check::glob_match;
  CHECK(glob_match("goal-*", "goal-numbering"));
  CHECK(glob_match("*", "anything"));
  CHECK(glob_match("goal-?umbering", "goal-numbering"));
  CHECK_FALSE(glob_match("goal-*", "table-header"));
  CHECK(glob_match("*-count", "declared-goal-count"));
  CHECK(glob_match("legacy/*.txt", "legacy/a.txt", true));
  CHECK_FALSE(glob_match("legacy/*.txt", "legacy/old/a.txt", true));
  CHECK(glob_match("legacy/**", "legacy/old/a.txt", true));
  CHECK(glob_match("**/*.txt", "a/b/c.txt", true));
  CHECK(glob_match("**/*.txt", "c.txt", true));
  CHECK_FALSE(glob_match("**/*.txt", "a/b/c.md", true));
  CHECK(glob_match("a/**/c.txt", "a/c.txt", true));
  CHECK(glob_match("a/**/c.txt", "a/x/y/c.txt", true));
  // Patterns without wildcards, and a star alone, are answered without the table: the same answers.
  CHECK(glob_match("spelling", "spelling"));
  CHECK_FALSE(glob_match("spelling", "spellings"));
  CHECK_FALSE(glob_match("spellings", "spelling"));
  CHECK(glob_match("", ""));
  CHECK_FALSE(glob_match("", "a"));
  CHECK(glob_match("*", ""));
  CHECK(glob_match("*", "a/b"));
  CHECK(glob_match("*", "ab", true));
  CHECK_FALSE(glob_match("*", "a/b", true));
}

TEST_CASE("rule selection: ordered globs / the last match wins", "[check][config]") {
  using check::selected;
  CHECK(selected({}, "goal-numbering"));
  CHECK_FALSE(selected({"-goal-*"}, "goal-numbering"));
  CHECK(selected({"-*", "goal-*"}, "goal-numbering"));
  CHECK_FALSE(selected({"-*", "goal-*"}, "table-header"));
  CHECK_FALSE(selected({"goal-*", "-goal-numbering"}, "goal-numbering"));
}

TEST_CASE("directive grammar", "[grammar][directive]") {
  namespace gdir = grammar::directive;
  using test::matches_whole;
  CHECK(matches_whole<gdir::directive>(" planlint-disable-next-line goal-numbering "));
  CHECK(matches_whole<gdir::directive>(" planlint-disable goal-*, table-header "));
  CHECK(matches_whole<gdir::directive>("planlint-enable"));
  CHECK(matches_whole<gdir::directive>(" planlint-disable-file "));
  CHECK_FALSE(test::consumed<gdir::directive>(" planlint-disablex goal "));
  CHECK_FALSE(test::consumed<gdir::directive>(" a normal comment "));
  CHECK_FALSE(test::consumed<gdir::directive>(" planlint-disable Goal "));  // ids are kebab-case
}

TEST_CASE("suppression directives", "[check][suppression]") {
  const Plan plan = read::read_draft(make_source("t.txt",
      "line one\n"                                              // 1
      "<!-- planlint-disable-next-line goal-numbering -->\n"    // 2
      "line three\n"                                            // 3
      "<!-- planlint-disable table-* -->\n"                     // 4
      "line five\n"                                             // 5
      "<!-- planlint-enable table-* -->\n"                      // 6
      "line seven\n"                                            // 7
      "<!-- planlint-disable-next-line empty-measure -->\n"     // 8
      "line nine\n"));                                          // 9
  const auto kept = check::apply_suppressions(
      plan, {finding("goal-numbering", 3), finding("goal-numbering", 5), finding("table-header", 5), finding("table-header", 7)},
      true);
  REQUIRE(kept.size() == 3);
  CHECK(kept[0].rule == "goal-numbering");
  CHECK(kept[0].range.begin.line == 5);
  CHECK(kept[1].rule == "table-header");
  CHECK(kept[1].range.begin.line == 7);
  CHECK(kept[2].rule == "unused-suppression");  // line 8 silenced nothing
  CHECK(kept[2].range.begin.line == 8);
  CHECK(kept[2].message == "this planlint directive (empty-measure) silences no finding; remove it");
  const auto quiet = check::apply_suppressions(plan, {finding("goal-numbering", 3)}, false);
  CHECK(quiet.empty());
}

TEST_CASE("a file-wide directive without ids silences everything", "[check][suppression]") {
  const Plan plan = read::read_draft(make_source("t.txt", "a\nb\n<!-- planlint-disable-file -->\n"));
  CHECK(check::apply_suppressions(plan, {finding("x", 1), finding("y", 9)}, true).empty());
}

TEST_CASE("baseline: round trip / counts / paths relative to the baseline", "[check][baseline]") {
  TempDir d;
  const std::string doc = (d.path / "plans" / "a.txt").string();
  const std::string path = (d.path / "baseline.json").string();
  check::Baseline::from({finding("r", 1, "m", doc), finding("r", 2, "m", doc), finding("s", 3, "n", doc)}, path).save(path);
  const auto b = check::Baseline::load(path);
  CHECK(b.size() == 3);
  std::ifstream f(path);
  const std::string text((std::istreambuf_iterator<char>(f)), {});
  CHECK(text.find("\"file\": \"plans/a.txt\"") != std::string::npos);
  // The same findings on other lines are still known (no context here: rule and occurrence tell them
  // apart); a third "r" is new; another file is new.
  const auto left = b.filter({finding("r", 10, "m", doc), finding("r", 11, "m", doc), finding("r", 12, "m", doc),
                              finding("s", 13, "n", doc), finding("s", 14, "n", d.write("b.txt", "x"))});
  REQUIRE(left.size() == 2);
  CHECK(left[0].range.begin.line == 12);
  CHECK(left[1].file.find("b.txt") != std::string::npos);
}

TEST_CASE("baseline: malformed files are input errors", "[check][baseline]") {
  TempDir d;
  CHECK_THROWS_AS(check::Baseline::load(d.write("b.json", "{\"version\": 3, \"findings\": []}")), InputError);
  CHECK_THROWS_AS(check::Baseline::load(d.write("e.json", "{\"version\": 2, \"findings\": [{\"file\": \"a.txt\"}]}")), InputError);
  CHECK_THROWS_AS(check::Baseline::load(d.write("c.json", "not json")), InputError);
  CHECK_THROWS_AS(check::Baseline::load((d.path / "missing.json").string()), InputError);
}

TEST_CASE("configuration: settings / rule parameters / overrides", "[check][config]") {
  TempDir d;
  const std::string path = d.write(".planlint.toml",
      "rule-paths = [\"team\"]\n"
      "default-rules = true\n"
      "disable = [\"duplicate-measure\"]\n"
      "fail-on = \"warning\"\n"
      "extensions = [\".txt\", \".plan\"]\n"
      "[rules.goal-measure-count]\n"
      "severity = \"warning\"\n"
      "min = 7\n"
      "[[override]]\n"
      "paths = [\"legacy/**\"]\n"
      "disable = [\"table-header\"]\n"
      "[override.rules.goal-measure-count]\n"
      "min = 5\n");
  const auto c = check::load_config(path);
  CHECK(c.base.rule_paths == std::vector<std::string>{(d.path / "team").string()});
  CHECK(c.base.select == std::vector<std::string>{"-duplicate-measure"});
  CHECK(c.base.fail_on == Severity::warning);
  CHECK(c.base.extensions.size() == 2);
  const auto& gmc = c.base.rules.at("goal-measure-count");
  CHECK(gmc.severity == Severity::warning);
  CHECK(std::get<double>(gmc.params.at("min").value) == 7);
  CHECK(gmc.params.at("min").where.line == 8);
  const auto legacy = c.for_document((d.path / "legacy" / "old" / "a.txt").string());
  CHECK(std::get<double>(legacy.rules.at("goal-measure-count").params.at("min").value) == 5);
  CHECK(legacy.select == std::vector<std::string>{"-duplicate-measure", "-table-header"});
  const auto fresh = c.for_document((d.path / "new" / "a.txt").string());
  CHECK(std::get<double>(fresh.rules.at("goal-measure-count").params.at("min").value) == 7);
}

TEST_CASE("configuration errors point at file:line:col", "[check][config][errors]") {
  CHECK(config_error("fail-on = \"fatal\"\n") ==
        ".planlint.toml:1:11: error: 'fail-on' must be \"error\", \"warning\" or \"info\"");
  CHECK(config_error("\n\nbogus = 1\n").rfind(".planlint.toml:3:9: error: unknown setting 'bogus'", 0) == 0);
  CHECK(config_error("[rules.x]\nmin = [1]\n") ==
        ".planlint.toml:2:7: error: rule parameter 'min' must be a number, a string or a boolean");
  CHECK(config_error("select = [\n").rfind(".planlint.toml:", 0) == 0);  // a TOML syntax error
  CHECK(config_error("[[override]]\ndisable = [\"x\"]\n").find("needs 'paths'") != std::string::npos);
}

TEST_CASE("configuration is found by walking up / nearest first", "[check][config]") {
  TempDir d;
  d.write(".planlint.toml", "fail-on = \"info\"\n");
  d.write("sub/.planlint.toml", "fail-on = \"warning\"\n");
  d.write("sub/deep/x.txt", "x");
  check::ConfigFinder finder;
  CHECK(finder.for_directory(d.path / "sub" / "deep").base.fail_on == Severity::warning);
  CHECK(finder.for_directory(d.path).base.fail_on == Severity::info);
  CHECK(finder.for_directory(d.path / "sub" / "deep").path == (d.path / "sub" / ".planlint.toml").string());
}
