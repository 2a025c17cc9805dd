#pragma once
// The steps of diff_plans, each in its own file (internal to src/diff).
#include <functional>
#include <vector>

#include "diff/pairing.hpp"
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

// Pairs the items of `olds` and `news` that have no partner yet (`partner == none`) by the similarity of
// their `key`s (best_pairs), setting both partners. `preference(old, new)` takes indices into `olds` and
// `news` and only ranks equally good partners. Shared by measures and paragraphs.
template <typename Item>
void pair_unpaired_by_similarity(std::vector<Item>& olds, std::vector<Item>& news, double threshold,
                                 const std::function<double(std::size_t, std::size_t)>& preference) {
  std::vector<std::size_t> os, ns;
  std::vector<Fingerprint> of, nf;
  for (std::size_t o = 0; o < olds.size(); ++o)
    if (olds[o].partner == none) os.push_back(o), of.push_back(fingerprint(olds[o].key));
  for (std::size_t n = 0; n < news.size(); ++n)
    if (news[n].partner == none) ns.push_back(n), nf.push_back(fingerprint(news[n].key));
  if (os.empty() || ns.empty()) return;
  std::vector<const Fingerprint*> op, np;
  for (const auto& f : of) op.push_back(&f);
  for (const auto& f : nf) np.push_back(&f);
  const auto ranked = [&](std::size_t o, std::size_t n) { return preference(os[o], ns[n]); };
  for (const auto& p : best_pairs(op, np, threshold, ranked)) {
    olds[os[p.old_index]].partner = ns[p.new_index];
    news[ns[p.new_index]].partner = os[p.old_index];
  }
}

}  // namespace planlint::diff
