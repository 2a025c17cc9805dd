// The built-in rule set (rules/*.rules) on the sample draft and on each rule's fixtures
// (tests/fixtures/rules/<id>/trigger.txt with trigger.expected beside it, and ok.txt; the cross-version
// rules compare both with the old version old.txt).
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "check/locations.hpp"
#include "diff/plan_diff.hpp"
#include "read/document.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

using namespace planlint;
namespace fs = std::filesystem;

namespace {

const rules::RuleSet& builtins() {
  static const rules::RuleSet set = rules::RuleSet::compile(rules::builtin_rule_sources());
  return set;
}

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// One line per finding, as the fixtures' .expected files hold them: line:col, or in a .docx, .odt or PDF
// the place ("table 1, row 2, column 1").
std::string render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    const std::string at = f.where ? describe(*f.where) : fmt::format("{}:{}", f.range.begin.line, f.range.begin.column);
    out += fmt::format("{}: {}: {} [{}]\n", at, to_string(f.severity), f.message, f.rule);
  }
  return out;
}

// A fixture's file `stem`.* other than .expected: text, or a .docx/.odt/PDF for rules about those.
fs::path fixture_file(const fs::path& dir, const std::string& stem) {
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().stem() == stem && e.path().extension() != ".expected") return e.path();
  }
  return dir / (stem + ".txt");
}

// `source` is the document's bytes, as `planlint check` passes them (document_lines(), exact word ranges).
std::vector<Finding> check_only(const std::string& rule, const Plan& plan, std::string_view source = {},
                                const Plan* old_version = nullptr) {
  rules::EvalOptions options;
  options.source_text = source;
  options.enabled = [&](std::string_view id) { return id == rule; };
  if (!old_version) return builtins().evaluate(plan, options);
  const VersionMatch versions = diff::diff_plans(*old_version, plan).match();
  return builtins().evaluate(plan, options, &versions);
}

const fs::path fixtures = fs::path(PLANLINT_SOURCE_DIR) / "tests/fixtures/rules";

}  // namespace

TEST_CASE("built-in rules compile", "[rules][builtin]") {
  REQUIRE(builtins().rules().size() >= 10);
  for (const auto& r : builtins().rules()) {
    CAPTURE(r.id);
    CHECK(r.file == "rules/" + r.id + ".rules");  // one rule per file, named after it
    CHECK_FALSE(r.summary.empty());
    CHECK(r.doc.find("What it checks") != std::string::npos);
    CHECK(r.doc.find("How to fix") != std::string::npos);
  }
}

// The spelling rule aside (rules_spelling_test.cpp pins its findings on this draft).
TEST_CASE("on the sample draft the built-ins report exactly the two title mismatches", "[rules][builtin][sample]") {
  const Plan plan = read::read_plan(load_source(std::string(PLANLINT_SOURCE_DIR) + "/samples/tyoikaiset-2022-2025-luonnos.txt"));
  rules::EvalOptions options;
  options.enabled = [](std::string_view id) { return id != "spelling"; };
  const auto findings = builtins().evaluate(plan, options);
  REQUIRE(findings.size() == 2);
  CHECK(findings[0].rule == "goal-title-mismatch");
  CHECK(findings[0].severity == Severity::warning);
  CHECK(findings[0].file == plan.file);
  CHECK(findings[0].range.begin.line == 43);
  CHECK(findings[0].range.begin.column == 13);  // the title, after "TAVOITE 1 . "
  CHECK(findings[0].message ==
        "the title of goal 1 differs from the overview list (line 39) in: 'Työkäisille' vs 'Työikäisille'");
  CHECK(findings[1].rule == "goal-title-mismatch");
  CHECK(findings[1].range.begin.line == 71);
  CHECK(findings[1].message ==
        "the title of goal 3 differs from the overview list (line 41) in: 'Työkäinen' vs 'Työikäinen'");
}

TEST_CASE("every built-in rule has fixtures: trigger.txt reports as expected / ok.txt reports nothing", "[rules][builtin][fixtures]") {
  for (const auto& r : builtins().rules()) {
    SECTION(r.id) {
      const fs::path dir = fixtures / r.id;
      REQUIRE(fs::exists(fixture_file(dir, "ok")));
      const bool cross_version = r.scope == "version" || r.scope == "goal-pair" || r.scope == "measure-pair";
      REQUIRE(fs::exists(dir / "old.txt") == cross_version);
      const std::optional<Plan> old = cross_version ? std::optional(read::read_plan(load_source((dir / "old.txt").string()))) : std::nullopt;
      const Plan* old_version = old ? &*old : nullptr;
      const read::Document ok = read::read_document(fixture_file(dir, "ok").string());
      CHECK(render(check_only(r.id, ok.plan, ok.source.bytes, old_version)).empty());
      if (!fs::exists(fixture_file(dir, "trigger"))) continue;  // rules whose trigger needs a model built in code
      const read::Document trigger = read::read_document(fixture_file(dir, "trigger").string());
      const std::string expected = slurp(dir / "trigger.expected");
      CHECK_FALSE(expected.empty());
      std::vector<Finding> found = check_only(r.id, trigger.plan, trigger.source.bytes, old_version);
      check::attach_locations(trigger.plan, found);
      CHECK(render(found) == expected);
      if (cross_version) CHECK(check_only(r.id, trigger.plan, trigger.source.bytes).empty());  // without an old version: silent
    }
  }
}

// Draft text is always certain, so the trigger of uncertain-row-boundary is a model as a PDF reader
// would build it.
TEST_CASE("uncertain-row-boundary reports rows below the confidence threshold", "[rules][builtin]") {
  Plan plan = read::read_plan(load_source((fixtures / "uncertain-row-boundary/ok.txt").string()));
  REQUIRE(plan.goals.size() == 1);
  REQUIRE(plan.goals[0].measures.size() == 2);
  plan.goals[0].measures[0].confidence = 0.8;   // at the threshold: fine
  plan.goals[0].measures[1].confidence = 0.62;
  CHECK(render(check_only("uncertain-row-boundary", plan)) ==
        "7:1: info: planlint is unsure where this row of goal 1 begins or ends (confidence 0.62); check that measure "
        "and indicator are split correctly [uncertain-row-boundary]\n");
  rules::EvalOptions options;
  options.enabled = [](std::string_view id) { return id == "uncertain-row-boundary"; };
  options.params["uncertain-row-boundary"]["threshold"] = 0.5;
  CHECK(builtins().evaluate(plan, options).empty());
}
