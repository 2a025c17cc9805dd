// Each matching case of `planlint diff`, on draft fixtures that differ from base.txt in one way each.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "diff/plan_diff.hpp"
#include "read/reader.hpp"
#include "support/run.hpp"

using namespace planlint;
using planlint::test::run_planlint;
using planlint::test::source_path;

namespace {

Plan fixture(const std::string& name) {
  return read::read_plan(load_source(source_path("tests/fixtures/diff/" + name + ".txt")));
}

// The kinds of the changes, in order, as JSON names.
std::vector<std::string> kinds(const diff::PlanDiff& d) {
  std::vector<std::string> out;
  for (const auto& c : d.changes) out.push_back(diff::to_string(c.kind));
  return out;
}

struct Case {
  Plan old_plan = fixture("base");
  Plan new_plan;
  diff::PlanDiff d;
  explicit Case(const std::string& name, diff::DiffOptions o = {}) : new_plan(fixture(name)) { d = diff_plans(old_plan, new_plan, o); }
};

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("diff: identical content (whitespace aside) has no changes", "[diff][match]") {
  Case c("same");
  CHECK(c.d.same());
  for (const auto& m : c.d.measures) CHECK(m.by == diff::MatchedBy::exact);
  CHECK(c.d.measures.size() == 8);
}

TEST_CASE("diff: a modified measure is paired by similarity", "[diff][match]") {
  Case c("modified");
  REQUIRE(kinds(c.d) == V{"measure-modified"});
  const auto& ch = c.d.changes[0];
  CHECK(ch.words.edits() == std::vector<diff::Edit>{{"", "uusia"}});
  CHECK(c.d.measures[ch.measure_pair].by == diff::MatchedBy::similar);
  CHECK(ch.old_side->line == 11);
  CHECK(ch.new_side->text == "Rakennetaan uusia ulkokuntosaleja lähiöihin.");
}

TEST_CASE("diff: a measure that changed goal is moved - not removed and added", "[diff][match]") {
  Case c("moved");
  REQUIRE(kinds(c.d) == V{"measure-moved"});
  const auto& m = c.d.measures[c.d.changes[0].measure_pair];
  CHECK(c.d.old_plan->goals[m.old_goal].number == 2);
  CHECK(c.d.new_plan->goals[m.new_goal].number == 3);
  CHECK(c.d.goals[c.d.changes[0].goal_pair].number() == 3);
}

TEST_CASE("diff: added and removed measures", "[diff][match]") {
  Case added("added");
  REQUIRE(kinds(added.d) == V{"measure-added"});
  CHECK(!added.d.changes[0].old_side);
  CHECK(added.d.changes[0].new_side->text == "Avataan neuvontapiste kauppakeskukseen.");
  Case removed("removed");
  REQUIRE(kinds(removed.d) == V{"measure-removed"});
  CHECK(removed.d.changes[0].old_side->line == 19);
  CHECK(!removed.d.changes[0].new_side);
}

TEST_CASE("diff: a dissimilar rewrite is a removal plus an addition", "[diff][match]") {
  Plan o = fixture("base"), n = fixture("base");
  n.goals[0].measures[0].text.text = "Kokonaan toinen lause uimahallien aukioloajoista.";
  const auto d = diff::diff_plans(o, n);
  CHECK(kinds(d) == V{"measure-removed", "measure-added"});  // the removed one stood first
}

TEST_CASE("diff: a goal renamed keeps its number and shows the word change", "[diff][match]") {
  Case c("renamed");
  REQUIRE(kinds(c.d) == V{"goal-title-modified"});
  CHECK(c.d.changes[0].words.inline_text() == "Kulttuuri tavoittaa {+kaikki+} nuoret");
  CHECK(c.d.goals[c.d.changes[0].goal_pair].by == diff::MatchedBy::number);
}

TEST_CASE("diff: goals renumbered after an insertion are matched by title", "[diff][match]") {
  Case c("renumbered");
  CHECK(kinds(c.d) == V{"goal-added", "measure-added", "measure-added", "goal-renumbered", "goal-renumbered", "goal-renumbered"});
  for (std::size_t g = 1; g < c.d.goals.size(); ++g) {
    CHECK(c.d.goals[g].by == diff::MatchedBy::title);
    CHECK(c.d.goals[g].new_goal->number == c.d.goals[g].old_goal->number + 1);
  }
  // No measure of a renumbered goal is "moved".
  for (const auto& m : c.d.measures) CHECK_FALSE(m.moved);
}

TEST_CASE("diff: indicator / claims and status changes", "[diff][match]") {
  Case ind("indicator");
  REQUIRE(kinds(ind.d) == V{"indicator-modified"});
  CHECK(ind.d.changes[0].words.inline_text() == "Kävijämäärä {+ja palaute+}");
  CHECK(ind.d.changes[0].old_side->text == "Kävijämäärä");
  Case cl("claims");
  // The sentence that declares the figure is a paragraph, which changed too.
  REQUIRE(kinds(cl.d) == V{"declared-modified", "paragraph-modified"});
  CHECK(cl.d.claims[cl.d.changes[0].claim_pair].old_claim->min == 2);
  CHECK(cl.d.claims[cl.d.changes[0].claim_pair].new_claim->min == 3);
  CHECK(cl.d.changes[0].goal_pair == diff::none);
  Case st("status");
  REQUIRE(kinds(st.d) == V{"status-modified"});
  CHECK(st.d.changes[0].old_side->text == "LUONNOS");
  CHECK(!st.d.changes[0].new_side);
}

TEST_CASE("diff: reordering is reported only when asked", "[diff][match]") {
  Case quiet("reordered");
  CHECK(quiet.d.same());
  std::size_t flagged = 0;
  for (const auto& m : quiet.d.measures) flagged += m.reordered;
  CHECK(flagged == 1);  // one measure out of the longest run in the old order
  diff::DiffOptions o;
  o.show_order = true;
  Case shown("reordered", o);
  CHECK(kinds(shown.d) == V{"measure-reordered"});
}

TEST_CASE("diff: duplicates prefer the pair that stays in its goal", "[diff][match]") {
  Plan o = fixture("base"), n = fixture("base");
  for (Plan* p : {&o, &n}) p->goals[2].measures.push_back(p->goals[0].measures[0]);  // same text in goals 1 and 3
  CHECK(diff::diff_plans(o, n).same());
}

TEST_CASE("planlint diff: exit codes and json", "[diff][cli]") {
  const std::string base = source_path("tests/fixtures/diff/base.txt");
  CHECK(run_planlint("diff " + base + " " + source_path("tests/fixtures/diff/same.txt")).exit_code == 0);
  CHECK(run_planlint("diff " + base + " " + source_path("tests/fixtures/diff/reordered.txt")).exit_code == 0);
  CHECK(run_planlint("diff --show-order " + base + " " + source_path("tests/fixtures/diff/reordered.txt")).exit_code == 1);
  const auto r = run_planlint("diff --format json " + base + " " + source_path("tests/fixtures/diff/moved.txt"));
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["kind"] == "measure-moved");
  CHECK(j[0]["goal"] == 3);
  CHECK(j[0]["old"]["line"] == 18);
  CHECK(j[0]["new"]["line"] == 25);
  CHECK(j[0]["old_goal"] == 2);
  const auto missing = run_planlint("diff " + base + " /nonexistent.txt");
  CHECK(missing.exit_code == 2);
  CHECK(missing.out.empty());
  CHECK(run_planlint("diff " + base).exit_code == 2);
}

TEST_CASE("planlint diff --git: git's argument convention", "[diff][cli]") {
  const std::string base = source_path("tests/fixtures/diff/base.txt"), mod = source_path("tests/fixtures/diff/modified.txt");
  const auto r = run_planlint("diff --git --color never plan.txt " + base + " 0000 100644 " + mod + " 1111 100644");
  CHECK(r.exit_code == 0);  // git stops at a driver that exits non-zero
  CHECK(r.out.rfind("--- a/plan.txt\n+++ b/plan.txt\n", 0) == 0);
  CHECK(r.out.find("{+uusia+}") != std::string::npos);
  const auto renamed = run_planlint("diff --git old.txt " + base + " 0 100644 " + mod + " 1 100644 new.txt 'similarity index 90%'");
  CHECK(renamed.out.rfind("--- a/old.txt\n+++ b/new.txt\n", 0) == 0);
  const auto deleted = run_planlint("diff --git --format json plan.txt " + base + " 0 100644 /dev/null . .");
  CHECK(deleted.exit_code == 0);
  CHECK(nlohmann::json::parse(deleted.out).size() == 1 + 2 + 3 + 8 + 1 + 1);  // status, claims, goals, measures, title, paragraph
  CHECK(run_planlint("diff --git " + base + " " + mod).exit_code == 2);
}
