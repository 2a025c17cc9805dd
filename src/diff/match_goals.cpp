// Goals keep their number across versions unless one is added or removed before them, so the number is
// tried first, but only while the titles still say about the same thing; then the titles alone.
#include <algorithm>
#include <map>
#include <tuple>

#include "diff/matching.hpp"
#include "diff/pairing.hpp"
#include "text/normalize.hpp"

namespace planlint::diff {
namespace {

struct Titles {
  std::vector<std::string> keys;
  std::vector<Fingerprint> prints;
  explicit Titles(const std::vector<Goal>& goals) {
    for (const auto& g : goals) {
      keys.push_back(match_key(g.title.text));
      prints.push_back(fingerprint(keys.back()));
    }
  }
};

}  // namespace

std::vector<GoalPair> match_goals(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options) {
  const auto& og = old_plan.goals;
  const auto& ng = new_plan.goals;
  const Titles ot(og), nt(ng);
  std::vector<std::size_t> new_of_old(og.size(), none), old_of_new(ng.size(), none);
  std::vector<MatchedBy> by(ng.size(), MatchedBy::unmatched);
  auto link = [&](std::size_t o, std::size_t n, MatchedBy how) {
    new_of_old[o] = n;
    old_of_new[n] = o;
    by[n] = how;
  };

  // A sub-goal's number is its own and its parent's: 1.2 is not goal 2.
  const auto key = [](const Goal& g) { return std::pair{g.parent_number, g.number}; };
  std::multimap<std::pair<int, int>, std::size_t> old_by_number;
  for (std::size_t o = 0; o < og.size(); ++o) old_by_number.emplace(key(og[o]), o);
  // 1. Same number, title still alike.
  for (std::size_t n = 0; n < ng.size(); ++n) {
    const auto [lo, hi] = old_by_number.equal_range(key(ng[n]));
    for (auto it = lo; it != hi; ++it) {
      const std::size_t o = it->second;
      if (new_of_old[o] != none) continue;
      if (ot.keys[o] == nt.keys[n] || similarity(ot.prints[o], nt.prints[n]) >= options.goal_threshold) {
        link(o, n, MatchedBy::number);
        break;
      }
    }
  }
  // 2. The titles alone, for goals renumbered when another was added or removed.
  std::vector<std::size_t> os, ns;
  std::vector<const Fingerprint*> op, np;
  for (std::size_t o = 0; o < og.size(); ++o)
    if (new_of_old[o] == none) os.push_back(o), op.push_back(&ot.prints[o]);
  for (std::size_t n = 0; n < ng.size(); ++n)
    if (old_of_new[n] == none) ns.push_back(n), np.push_back(&nt.prints[n]);
  for (const auto& p : best_pairs(op, np, options.goal_threshold)) link(os[p.old_index], ns[p.new_index], MatchedBy::title);
  // 3. Same number, title rewritten: the number is still the goal's identity in the plan.
  for (std::size_t n = 0; n < ng.size(); ++n) {
    if (old_of_new[n] != none) continue;
    const auto [lo, hi] = old_by_number.equal_range(key(ng[n]));
    for (auto it = lo; it != hi; ++it) {
      if (new_of_old[it->second] != none) continue;
      link(it->second, n, MatchedBy::number);
      break;
    }
  }

  std::vector<std::tuple<long, int, std::size_t, GoalPair>> ordered;
  for (std::size_t n = 0; n < ng.size(); ++n) {
    GoalPair p;
    p.new_goal = &ng[n];
    p.new_index = n;
    p.by = by[n];
    if (const std::size_t o = old_of_new[n]; o != none) {
      p.old_goal = &og[o];
      p.old_index = o;
      p.title_similarity = ot.keys[o] == nt.keys[n] ? 1.0 : similarity(ot.prints[o], nt.prints[n]);
      p.title_modified = text::normalize(og[o].title.text) != text::normalize(ng[n].title.text);
      if (p.title_modified) p.title_diff = diff_words(og[o].title.text, ng[n].title.text);
      p.renumbered = key(og[o]) != key(ng[n]);
    }
    ordered.emplace_back(static_cast<long>(n), 0, 0, std::move(p));
  }
  long before = -1;  // the new index of the last paired old goal seen
  for (std::size_t o = 0; o < og.size(); ++o) {
    if (new_of_old[o] != none) {
      before = static_cast<long>(new_of_old[o]);
      continue;
    }
    GoalPair p;
    p.old_goal = &og[o];
    p.old_index = o;
    ordered.emplace_back(before, 1, o, std::move(p));
  }
  std::stable_sort(ordered.begin(), ordered.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::vector<GoalPair> out;
  for (auto& t : ordered) out.push_back(std::move(std::get<3>(t)));
  return out;
}

}  // namespace planlint::diff
