// Cross-version rules: the scopes version, goal-pair and measure-pair (grammar, compile errors, what each
// node sees of both versions, where findings point, the step budget), and the built-in version rules on the
// sample plan's draft and final.
#include <catch2/catch.hpp>

#include "diff/plan_diff.hpp"
#include "grammar/rules.hpp"
#include "read/reader.hpp"
#include "rules_support.hpp"
#include "support/verify_rule.hpp"

using namespace planlint;
namespace gr = planlint::grammar::rules;

namespace {

// The old version: a draft with two goals.
const char* const old_text =
    "LUONNOS\n"                                        // 1
    "\n"                                               // 2
    "Suunnitelma\n"                                    // 3
    "\n"                                               // 4
    "Tavoitteita on kaksi ja 2–3 toimenpidettä.\n"     // 5
    "\n"                                               // 6
    "TAVOITE 1. Liikunta\n"                            // 7
    "\n"                                               // 8
    "Toimenpide\tMittari\n"                            // 9
    "Lisätään liikuntaryhmiä.\tRyhmien määrä\n"        // 10
    "Avataan uimahalli.\tKävijämäärä\n"                // 11
    "\n"                                               // 12
    "TAVOITE 2. Kulttuuri\n"                           // 13
    "\n"                                               // 14
    "Toimenpide\tMittari\n"                            // 15
    "Lisätään konsertteja.\tKonserttien määrä\n";      // 16

// The new version: goal 1 renamed, its indicator reworded and one measure gone; the concert measure moved
// to goal 1; goal 2 removed and goal 3 added; a new declared range; no status.
const char* const new_text =
    "Suunnitelma\n"                                    // 1
    "\n"                                               // 2
    "Tavoitteita on kaksi ja 3–4 toimenpidettä.\n"     // 3
    "\n"                                               // 4
    "TAVOITE 1. Liikunta ja ulkoilu\n"                 // 5
    "\n"                                               // 6
    "Toimenpide\tMittari\n"                            // 7
    "Lisätään liikuntaryhmiä.\tRyhmien lukumäärä\n"    // 8
    "Lisätään konsertteja.\tKonserttien määrä\n"       // 9
    "\n"                                               // 10
    "TAVOITE 3. Taide\n"                               // 11
    "\n"                                               // 12
    "Toimenpide\tMittari\n"                            // 13
    "Tuetaan taidekerhoja.\tKerhojen määrä\n";         // 14

Plan plan_of(const std::string& name, const std::string& text) { return read::read_draft(make_source(name, text)); }

// Findings of one rule of `scope` on the new version, compared with the old.
std::string run_versions(const std::string& scope, const std::string& body, const rules::EvalOptions& options = {}) {
  const Plan old_plan = plan_of("old.txt", old_text);
  const Plan new_plan = plan_of("new.txt", new_text);
  const VersionMatch versions = diff::diff_plans(old_plan, new_plan).match();
  return test::render(test::compile_rule(scope, body).evaluate(new_plan, options, &versions));
}

}  // namespace

TEST_CASE("the cross-version scopes in the grammar", "[rules][grammar][version]") {
  CHECK(test::matches_whole<gr::scope_value>("version"));
  CHECK(test::matches_whole<gr::scope_value>("goal-pair"));
  CHECK(test::matches_whole<gr::scope_value>("measure-pair"));
  CHECK(test::matches_whole<gr::scope_stmt>("scope goal-pair"));
  CHECK(test::consumed<gr::scope_value>("measure-pair\n") == 12u);
  CHECK_FALSE(test::consumed<gr::scope_value>("goal_pair"));  // not a scope: the error lists the scopes
  CHECK(test::compile_error("goal_pair", "  report true\n  message \"m\"") ==
        "t.rules:3:9: error: expected a scope: plan, overview, area, goal, measure, version, goal-pair or measure-pair");
}

TEST_CASE("names of the cross-version scopes are compile errors elsewhere / with a hint", "[rules][version][errors]") {
  const std::string in_goal = test::compile_error("goal", "  report exists(old)\n  message \"m\"");
  CHECK(in_goal.rfind("t.rules:6:17: error: unknown name 'old'; known here: goal, plan, number, ", 0) == 0);
  CHECK(in_goal.find("('old' belongs to the cross-version scopes version, goal-pair and measure-pair)") != std::string::npos);
  CHECK(test::compile_error("measure", "  report moved\n  message \"m\"").rfind("t.rules:6:10: error: unknown name 'moved'", 0) == 0);
  CHECK(test::compile_error("plan", "  report version.old == null\n  message \"m\"").find("('version' belongs to") !=
        std::string::npos);
  // ... and inside them, unknown fields of pairs are errors that list the pair's fields.
  CHECK(test::compile_error("goal-pair", "  report exists(pair.titel)\n  message \"m\"") ==
        "t.rules:6:22: error: a goal pair has no field 'titel'; its fields: old, new, number, matched_by, renumbered, "
        "title_modified, title_similarity, measure_pairs, index");
  CHECK(test::compile_error("measure-pair", "  report exists(old.titel)\n  message \"m\"").rfind(
            "t.rules:6:21: error: a measure has no field 'titel'", 0) == 0);
  // A pair scope has no `plan`: the two plans are version.old and version.new.
  CHECK(test::compile_error("measure-pair", "  report exists(plan)\n  message \"m\"").rfind(
            "t.rules:6:17: error: unknown name 'plan'; known here: pair, version, old, new,", 0) == 0);
}

TEST_CASE("scope version: the old and the new plan / each read in its own document", "[rules][eval][version]") {
  CHECK(run_versions("version",
                     "  report true\n  message \"{old.file} {old.status} {old.declared.measures_min}–{old.declared.measures_max} "
                     "| {new.file} {new.status} {new.declared.measures_min}–{new.declared.measures_max} "
                     "| {count(old.goals)} {count(new.goals)} {count(goal_pairs)} {count(measure_pairs)} | {version}\"") ==
        "1:1-1:1: warning: old.txt LUONNOS 2–3 | new.txt null 3–4 | 2 2 3 4 | old.txt → new.txt [t]\n");
  CHECK(run_versions("version", "  report true\n  message \"m\"\n  at new.declared.measure_range_claim") ==
        "3:25-3:42: warning: m [t]\n");
}

TEST_CASE("scope goal-pair: matched / removed and added goals and where they point", "[rules][eval][version]") {
  // The removed goal 2 points at the goal now in its place (goal 3's heading); an old goal's neighbours
  // and index are those of the old version.
  CHECK(run_versions("goal-pair",
                     "  report true\n  message \"{number} {matched_by}: {old.title ?? '-'} > {new.title ?? '-'}; "
                     "old prev {old.prev.title ?? '-'}, old index {old.index ?? 0}, {count(measure_pairs)} measures\"") ==
        "5:1-5:31: warning: 1 number: Liikunta > Liikunta ja ulkoilu; old prev -, old index 1, 3 measures [t]\n"
        "11:1-11:17: warning: 2 unmatched: Kulttuuri > -; old prev Liikunta, old index 2, 0 measures [t]\n"
        "11:1-11:17: warning: 3 unmatched: - > Taide; old prev -, old index 0, 1 measures [t]\n");
  CHECK(run_versions("goal-pair", "  report title_modified\n  message \"{word_diff(old.title, new.title)}\"\n  at new.title") ==
        "5:12-5:31: warning: (nothing) vs 'ja ulkoilu' [t]\n");
}

TEST_CASE("scope measure-pair: texts / ranges and goals of both sides", "[rules][eval][version]") {
  // A removed measure points at its goal's heading in the new version; the others at their new rows.
  CHECK(run_versions("measure-pair",
                     "  report true\n  message \"{old.text ?? '-'} (old {old.row.line ?? 0}:{old.text.column ?? 0}, goal "
                     "{old.goal.number ?? 0}) > {new.text ?? '-'} (new {new.row.line ?? 0}, goal {new_goal.number ?? 0}); "
                     "{matched_by} moved={moved} indicator={indicator_modified} in {goal_pair.number}\"") ==
        "5:1-5:31: warning: Avataan uimahalli. (old 11:1, goal 1) > - (new 0, goal 0); unmatched moved=false "
        "indicator=false in 1 [t]\n"
        "8:1-8:43: warning: Lisätään liikuntaryhmiä. (old 10:1, goal 1) > Lisätään liikuntaryhmiä. (new 8, goal 1); "
        "exact moved=false indicator=true in 1 [t]\n"
        "9:1-9:40: warning: Lisätään konsertteja. (old 16:1, goal 2) > Lisätään konsertteja. (new 9, goal 1); "
        "exact moved=true indicator=false in 1 [t]\n"
        "14:1-14:37: warning: - (old 0:0, goal 0) > Tuetaan taidekerhoja. (new 14, goal 3); unmatched moved=false "
        "indicator=false in 3 [t]\n");
  CHECK(run_versions("measure-pair", "  when indicator_modified\n  report true\n  message \"{old.indicator} > {new.indicator}\"\n"
                                     "  at new.indicator") == "8:26-8:43: warning: Ryhmien määrä > Ryhmien lukumäärä [t]\n");
}

TEST_CASE("pair rules are silent without an old version", "[rules][eval][version]") {
  const Plan new_plan = plan_of("new.txt", new_text);
  for (const char* scope : {"version", "goal-pair", "measure-pair"}) {
    CAPTURE(scope);
    CHECK(test::compile_rule(scope, "  report true\n  message \"m\"").evaluate(new_plan).empty());
  }
}

TEST_CASE("a pair finding cannot point into the old version", "[rules][eval][version]") {
  CHECK(run_versions("goal-pair", "  when exists(old)\n  report true\n  message \"m\"\n  at old.title") ==
        "5:1-5:31: error: rule t could not be evaluated (t.rules:9:10): 'at' names a part of the old version; findings "
        "point into the new document (use new.… or leave 'at' out) [t]\n");
}

TEST_CASE("the step budget covers pair rules", "[rules][eval][version][limits]") {
  rules::EvalOptions o;
  o.step_budget = 1000;
  const std::string costly = "  assert count(a in version.measure_pairs: count(b in version.measure_pairs: count(c in "
                             "version.measure_pairs: count(d in version.measure_pairs: true) > 0) > 0) > 0) > 1000000\n"
                             "  message \"m\"";
  CHECK(run_versions("measure-pair", costly, o) ==
        "8:1-8:43: error: rule t stopped: it took more than 1000 evaluation steps on this document [t]\n");
  o.step_budget = 1'000'000;
  CHECK(run_versions("version", costly, o) == "1:1-1:1: warning: m [t]\n");
}
