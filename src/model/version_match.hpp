#pragma once
// Two versions of a plan matched element by element: which old goal is which new one, which old measure
// which new one, and what changed in each pair. src/diff/ computes it (diff_plans, with the word diffs its
// reports show besides); the cross-version rules (scopes version, goal-pair, measure-pair, src/rules/pairs.hpp)
// read it. It lives here, below both, so that the rules do not depend on how versions are matched. A
// VersionMatch points into both plans and must not outlive them.
#include <cstddef>
#include <string>
#include <vector>

#include "model/plan.hpp"

namespace planlint {

// An index that points nowhere: the other side of an added or removed element.
inline constexpr std::size_t no_match = static_cast<std::size_t>(-1);

enum class MatchedBy { number, title, exact, similar, unmatched };
// "number", "title", "exact", "similar", "unmatched": the words of JSON output and of rules' matched_by.
const char* to_string(MatchedBy by);

struct GoalMatch {
  const Goal* old_goal = nullptr;  // null: the goal was added
  const Goal* new_goal = nullptr;  // null: the goal was removed
  std::size_t old_index = no_match;  // into old_plan.goals
  std::size_t new_index = no_match;  // into new_plan.goals
  MatchedBy by = MatchedBy::unmatched;
  double title_similarity = 0;     // 1 when the titles are the same text
  bool title_modified = false;
  bool renumbered = false;

  // The number shown for this goal: the new one, or the old one for a removed goal.
  int number() const { return new_goal ? new_goal->number : old_goal->number; }
  std::string label() const { return label_of(new_goal ? *new_goal : *old_goal); }  // "2", "1.2"
};

struct MeasureMatch {
  const Measure* old_measure = nullptr;  // null: added
  const Measure* new_measure = nullptr;  // null: removed
  std::size_t old_goal = no_match;       // into old_plan.goals
  std::size_t new_goal = no_match;       // into new_plan.goals
  std::size_t old_position = no_match;   // in its old goal
  std::size_t new_position = no_match;   // in its new goal
  std::size_t goal_pair = no_match;      // into the goal matches: where the measure is reported (its new goal's pair)
  MatchedBy by = MatchedBy::unmatched;
  double similarity = 0;
  bool text_modified = false;      // the normalised texts differ (case counts)
  bool indicator_modified = false;
  bool moved = false;              // its goals are not a matched pair
  bool reordered = false;          // same goal, but out of the old order (longest increasing run)
};

struct VersionMatch {
  const Plan* old_plan = nullptr;
  const Plan* new_plan = nullptr;
  std::vector<GoalMatch> goals;        // in the new plan's order; a removed goal after its old predecessor
  std::vector<MeasureMatch> measures;  // grouped by goal pair, in the new order within each
};

}  // namespace planlint
