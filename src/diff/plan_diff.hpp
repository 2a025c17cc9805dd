#pragma once
// What changed between two versions of a plan, in the plan's own terms. `diff_plans` matches goals (by
// number, then by title), measures (across the whole plan: identical texts, then the most similar) and prose
// paragraphs (the same way), compares the title and status, and lists the changes. The matched pairs are kept too, so that cross-version rules can look at old and new
// side by side; a PlanDiff points into both plans and must not outlive them.
#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "diff/words.hpp"
#include "model/plan.hpp"
#include "model/version_match.hpp"

namespace planlint::diff {

inline constexpr std::size_t none = no_match;

enum class ChangeKind {
  goal_added,
  goal_removed,
  goal_title_modified,
  goal_renumbered,     // matched by title under another number
  measure_added,
  measure_removed,
  measure_modified,
  measure_moved,       // to another goal
  measure_reordered,   // inside its goal; listed only with DiffOptions::show_order
  indicator_modified,
  declared_modified,   // a declared figure (goal count, measure range)
  status_modified,     // e.g. "LUONNOS" gone in the final
  title_modified,      // the document's title (not a goal's)
  paragraph_added,
  paragraph_removed,
  paragraph_modified,
  paragraph_reordered,  // out of the old order; listed only with DiffOptions::show_order
};

// "goal-added", "measure-moved", …: the names in JSON output and, later, in cross-version rules.
const char* to_string(ChangeKind kind);
// paragraph-added, -removed, -modified, -reordered: reported in a section of their own.
bool is_paragraph_change(ChangeKind kind);

using planlint::MatchedBy;
using planlint::to_string;  // of MatchedBy, beside this namespace's own

// A goal pair as the rules see it (model/version_match.hpp), and the word diff of its titles.
struct GoalPair : GoalMatch {
  WordDiff title_diff;
};

// A measure pair as the rules see it, and the word diffs of its texts and indicators.
struct MeasurePair : MeasureMatch {
  WordDiff text_diff;
  WordDiff indicator_diff;
};

struct ClaimPair {
  ClaimKind kind = ClaimKind::goal_count;
  const Claim* old_claim = nullptr;  // the declared figure of that kind, if any
  const Claim* new_claim = nullptr;
  bool modified = false;  // presence or values differ (a reworded claim of the same figure is not a change)
};

struct StatusPair {
  const Span* old_status = nullptr;
  const Span* new_status = nullptr;
  bool modified = false;
};

// The document's title: its title lines, compared as one text.
struct TitlePair {
  std::vector<Span> old_title, new_title;  // the plans' title lines
  bool modified = false;                   // the normalised texts differ (case counts)
  WordDiff words;
};

// A prose paragraph in both versions, or in one (added, removed).
struct ParagraphPair {
  const Span* old_paragraph = nullptr;  // null: added
  const Span* new_paragraph = nullptr;  // null: removed
  std::size_t old_index = none;         // into old_plan.paragraphs
  std::size_t new_index = none;         // into new_plan.paragraphs
  MatchedBy by = MatchedBy::unmatched;
  double similarity = 0;
  bool modified = false;   // the normalised texts differ (case counts)
  bool reordered = false;  // out of the old order (outside a longest increasing run)
  WordDiff words;
};

// One side of a change: where it is and the text (normalised) it is about.
struct Side {
  std::size_t line = 0;
  std::string text;
  SourceRange range;
};

struct Change {
  ChangeKind kind = ChangeKind::measure_modified;
  std::size_t goal_pair = none;     // into PlanDiff::goals; none for plan-level changes (status, declared)
  std::size_t measure_pair = none;  // into PlanDiff::measures, for measure and indicator changes
  std::size_t claim_pair = none;    // into PlanDiff::claims, for declared-modified
  std::size_t paragraph_pair = none;  // into PlanDiff::paragraphs, for paragraph-* changes
  std::optional<Side> old_side;
  std::optional<Side> new_side;
  WordDiff words;                   // word changes for the *-modified kinds
};

struct Summary {
  std::size_t goals_added = 0, goals_removed = 0, goals_renamed = 0, goals_renumbered = 0;
  std::size_t measures_added = 0, measures_removed = 0, measures_modified = 0, measures_moved = 0,
              measures_reordered = 0;
  std::size_t indicators_changed = 0, claims_changed = 0;
  bool status_changed = false, title_changed = false;
  std::size_t paragraphs_added = 0, paragraphs_removed = 0, paragraphs_modified = 0, paragraphs_reordered = 0;
};

struct DiffOptions {
  double measure_threshold = 0.5;  // below this similarity a measure is removed and another added
  double goal_threshold = 0.5;     // title similarity for pairing goals whose numbers moved
  double paragraph_threshold = 0.5;  // below this similarity a paragraph is removed and another added
  bool show_order = false;         // list measure-reordered and paragraph-reordered changes
};

struct PlanDiff {
  const Plan* old_plan = nullptr;
  const Plan* new_plan = nullptr;
  std::vector<GoalPair> goals;        // in the new plan's order; a removed goal after its old predecessor
  std::vector<MeasurePair> measures;  // grouped by goal pair, in the new order within each
  std::vector<ClaimPair> claims;      // one per claim kind declared in either version
  StatusPair status;
  TitlePair title;
  std::vector<ParagraphPair> paragraphs;  // in the new plan's order; a removed one after its old predecessor
  std::vector<Change> changes;        // plan-level first (paragraphs last of them), then per goal pair in `goals` order

  bool same() const { return changes.empty(); }
  Summary summary() const;
  // The changes reported under goal pair `g` (indices into `changes`); `none`: the plan-level ones.
  std::vector<std::size_t> changes_of_goal(std::size_t g) const;
  // The matched goals and measures without their word diffs: what the cross-version rules read.
  VersionMatch match() const;
};

PlanDiff diff_plans(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options = {});

}  // namespace planlint::diff
