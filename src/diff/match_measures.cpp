// Measures are matched across the whole plan, so that one that changed goal is seen as moved rather than
// removed and added. Identical texts are paired through a hash table; only what is left is compared by
// similarity, and only against candidates that share a rare word (diff/pairing), so the cost stays about
// linear in the size of the plans.
#include <algorithm>
#include <deque>
#include <string_view>
#include <tuple>
#include <unordered_map>

#include "diff/matching.hpp"
#include "diff/pairing.hpp"
#include "text/normalize.hpp"

namespace planlint::diff {
namespace {

struct Item {
  std::size_t goal = 0, position = 0;
  const Measure* measure = nullptr;
  std::string key;
  std::size_t partner = none;  // the index of the measure it is paired with on the other side
};

std::vector<Item> items_of(const Plan& plan) {
  std::vector<Item> items;
  for (std::size_t g = 0; g < plan.goals.size(); ++g)
    for (std::size_t p = 0; p < plan.goals[g].measures.size(); ++p)
      items.push_back({g, p, &plan.goals[g].measures[p], match_key(plan.goals[g].measures[p].text.text), none});
  return items;
}

// Identical texts; among duplicates, one that stays in its goal is preferred over one that moves.
void pair_identical(std::vector<Item>& olds, std::vector<Item>& news, const std::vector<std::size_t>& new_goal_of_old_goal) {
  struct Hash {
    std::size_t operator()(const std::pair<std::string_view, std::size_t>& k) const {
      return std::hash<std::string_view>()(k.first) ^ (k.second * 0x9E3779B97F4A7C15ull);
    }
  };
  std::unordered_map<std::pair<std::string_view, std::size_t>, std::deque<std::size_t>, Hash> by_key_and_goal;
  std::unordered_map<std::string_view, std::deque<std::size_t>> by_key;
  for (std::size_t o = 0; o < olds.size(); ++o) {
    by_key_and_goal[{olds[o].key, new_goal_of_old_goal[olds[o].goal]}].push_back(o);
    by_key[olds[o].key].push_back(o);
  }
  auto link = [&](std::size_t o, std::size_t n) {
    olds[o].partner = n;
    news[n].partner = o;
  };
  for (std::size_t n = 0; n < news.size(); ++n) {
    const auto it = by_key_and_goal.find({news[n].key, news[n].goal});
    if (it == by_key_and_goal.end() || it->second.empty()) continue;
    link(it->second.front(), n);
    it->second.pop_front();
  }
  for (std::size_t n = 0; n < news.size(); ++n) {
    if (news[n].partner != none) continue;
    const auto it = by_key.find(news[n].key);
    if (it == by_key.end()) continue;
    auto& queue = it->second;
    while (!queue.empty() && olds[queue.front()].partner != none) queue.pop_front();
    if (queue.empty()) continue;
    link(queue.front(), n);
    queue.pop_front();
  }
}

// Of two equally good partners, the one in the same goal: a move needs evidence.
void pair_similar(std::vector<Item>& olds, std::vector<Item>& news, const std::vector<std::size_t>& new_goal_of_old_goal,
                  double threshold) {
  pair_unpaired_by_similarity(olds, news, threshold, [&](std::size_t o, std::size_t n) {
    return new_goal_of_old_goal[olds[o].goal] == news[n].goal ? 0.01 : 0.0;
  });
}

void compare(MeasurePair& m) {
  const Measure &o = *m.old_measure, &n = *m.new_measure;
  // Byte-equal texts (most of them) need no normalising.
  m.text_modified = o.text.text != n.text.text && text::normalize(o.text.text) != text::normalize(n.text.text);
  if (m.text_modified) m.text_diff = diff_words(o.text.text, n.text.text);
  if (o.indicator.has_value() != n.indicator.has_value()) {
    m.indicator_modified = true;
  } else if (o.indicator && o.indicator->text != n.indicator->text &&
             text::normalize(o.indicator->text) != text::normalize(n.indicator->text)) {
    m.indicator_modified = true;
  }
  if (m.indicator_modified)
    m.indicator_diff = diff_words(o.indicator ? o.indicator->text : "", n.indicator ? n.indicator->text : "");
}

// Within each goal pair, the measures that stayed keep the old order along a longest increasing run; the
// others were reordered.
void mark_reordered(std::vector<MeasurePair>& measures) {
  std::size_t begin = 0;
  while (begin < measures.size()) {
    std::size_t end = begin;
    while (end < measures.size() && measures[end].goal_pair == measures[begin].goal_pair) ++end;
    std::vector<std::size_t> stayed, old_positions;
    for (std::size_t i = begin; i < end; ++i) {
      const auto& m = measures[i];
      if (m.old_measure && m.new_measure && !m.moved) stayed.push_back(i), old_positions.push_back(m.old_position);
    }
    std::vector<bool> in_order(stayed.size(), false);
    for (const auto k : longest_increasing(old_positions)) in_order[k] = true;
    for (std::size_t k = 0; k < stayed.size(); ++k) measures[stayed[k]].reordered = !in_order[k];
    begin = end;
  }
}

}  // namespace

std::vector<MeasurePair> match_measures(const Plan& old_plan, const Plan& new_plan, const std::vector<GoalPair>& goals,
                                        const DiffOptions& options) {
  std::vector<std::size_t> new_goal_of_old_goal(old_plan.goals.size(), none);
  std::vector<std::size_t> pair_of_old_goal(old_plan.goals.size(), none), pair_of_new_goal(new_plan.goals.size(), none);
  for (std::size_t g = 0; g < goals.size(); ++g) {
    if (goals[g].old_goal) pair_of_old_goal[goals[g].old_index] = g;
    if (goals[g].new_goal) pair_of_new_goal[goals[g].new_index] = g;
    if (goals[g].old_goal && goals[g].new_goal) new_goal_of_old_goal[goals[g].old_index] = goals[g].new_index;
  }
  auto olds = items_of(old_plan), news = items_of(new_plan);
  pair_identical(olds, news, new_goal_of_old_goal);
  pair_similar(olds, news, new_goal_of_old_goal, options.measure_threshold);

  // Sort key: (goal pair, new position or that of the stayed measure before a removed one, 0/1, old position)
  std::vector<std::tuple<std::size_t, long, int, std::size_t, MeasurePair>> rows;
  for (const auto& n : news) {
    MeasurePair m;
    m.new_measure = n.measure;
    m.new_goal = n.goal;
    m.new_position = n.position;
    m.goal_pair = pair_of_new_goal[n.goal];
    if (n.partner != none) {
      const Item& o = olds[n.partner];
      m.old_measure = o.measure;
      m.old_goal = o.goal;
      m.old_position = o.position;
      m.by = o.key == n.key ? MatchedBy::exact : MatchedBy::similar;
      m.similarity = m.by == MatchedBy::exact ? 1.0 : similarity(fingerprint(o.key), fingerprint(n.key));
      m.moved = new_goal_of_old_goal[o.goal] != n.goal;
      compare(m);
    }
    rows.emplace_back(m.goal_pair, static_cast<long>(n.position), 0, 0, std::move(m));
  }
  // A removed measure is shown after the measure that preceded it in its old goal and stayed there.
  long before = -1;
  for (std::size_t o = 0; o < olds.size(); ++o) {
    if (o == 0 || olds[o].goal != olds[o - 1].goal) before = -1;
    const Item& it = olds[o];
    if (it.partner != none) {
      if (news[it.partner].goal == new_goal_of_old_goal[it.goal]) before = static_cast<long>(news[it.partner].position);
      continue;
    }
    MeasurePair m;
    m.old_measure = it.measure;
    m.old_goal = it.goal;
    m.old_position = it.position;
    m.goal_pair = pair_of_old_goal[it.goal];
    rows.emplace_back(m.goal_pair, before, 1, it.position, std::move(m));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a), std::get<3>(a)) <
           std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b), std::get<3>(b));
  });
  std::vector<MeasurePair> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(std::move(std::get<4>(r)));
  mark_reordered(out);
  return out;
}

}  // namespace planlint::diff
