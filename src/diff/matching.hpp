#pragma once
// The steps of diff_plans, each in its own file (internal to src/diff).
#include <vector>

#include "diff/plan_diff.hpp"

namespace planlint::diff {

// Goal pairs (and unpaired goals) in report order: the new plan's order, a removed goal after the pair of
// the old goal before it.
std::vector<GoalPair> match_goals(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options);

// Measure pairs (and unpaired measures) across the whole plan, grouped by goal pair in `goals` order.
std::vector<MeasurePair> match_measures(const Plan& old_plan, const Plan& new_plan, const std::vector<GoalPair>& goals,
                                        const DiffOptions& options);

// Paragraph pairs (and unpaired paragraphs) in report order: identical texts in order, then the most
// similar, as measures are paired.
std::vector<ParagraphPair> match_paragraphs(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options);

// The flat list of changes in report order.
std::vector<Change> list_changes(const PlanDiff& diff, const DiffOptions& options);

// Indices of the elements of `seq` that form a longest strictly increasing subsequence (patience sorting,
// O(n log n)); ties go to the earliest elements.
std::vector<std::size_t> longest_increasing(const std::vector<std::size_t>& seq);

}  // namespace planlint::diff
