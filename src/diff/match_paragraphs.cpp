// Prose paragraphs are paired as measures are (match_measures.cpp), in one list for the whole plan:
// identical texts through a hash table, in document order; what is left by similarity, each paragraph
// scored only against those that share one of its rarest words (diff/pairing), so the cost stays about
// linear in the number of paragraphs. Whatever stays unpaired was added or removed.
#include <algorithm>
#include <cmath>
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
  const Span* paragraph = nullptr;
  std::string key;
  std::size_t partner = none;
};

std::vector<Item> items_of(const Plan& plan) {
  std::vector<Item> items;
  items.reserve(plan.paragraphs.size());
  for (const Span& p : plan.paragraphs) items.push_back({&p, match_key(p.text), none});
  return items;
}

// Identical texts, the first old one with a key for the first new one with it: in document order.
void pair_identical(std::vector<Item>& olds, std::vector<Item>& news) {
  std::unordered_map<std::string_view, std::deque<std::size_t>> by_key;
  for (std::size_t o = 0; o < olds.size(); ++o) by_key[olds[o].key].push_back(o);
  for (std::size_t n = 0; n < news.size(); ++n) {
    const auto it = by_key.find(news[n].key);
    if (it == by_key.end() || it->second.empty()) continue;
    news[n].partner = it->second.front();
    olds[it->second.front()].partner = n;
    it->second.pop_front();
  }
}

// Of two equally good partners, the one at about the same place in the document: prose is edited in
// place far more often than moved.
void pair_similar(std::vector<Item>& olds, std::vector<Item>& news, double threshold) {
  const double old_count = static_cast<double>(olds.size()), new_count = static_cast<double>(news.size());
  pair_unpaired_by_similarity(olds, news, threshold, [&](std::size_t o, std::size_t n) {
    const double distance = std::abs(static_cast<double>(o) / old_count - static_cast<double>(n) / new_count);
    return 0.01 * (1.0 - distance);
  });
}

// The paragraphs that stayed keep the old order along a longest increasing run; the others were reordered.
void mark_reordered(std::vector<ParagraphPair>& pairs) {
  std::vector<std::size_t> stayed, old_indices;
  for (std::size_t i = 0; i < pairs.size(); ++i)
    if (pairs[i].old_paragraph && pairs[i].new_paragraph) stayed.push_back(i), old_indices.push_back(pairs[i].old_index);
  std::vector<bool> in_order(stayed.size(), false);
  for (const auto k : longest_increasing(old_indices)) in_order[k] = true;
  for (std::size_t k = 0; k < stayed.size(); ++k) pairs[stayed[k]].reordered = !in_order[k];
}

}  // namespace

std::vector<ParagraphPair> match_paragraphs(const Plan& old_plan, const Plan& new_plan, const DiffOptions& options) {
  auto olds = items_of(old_plan), news = items_of(new_plan);
  pair_identical(olds, news);
  pair_similar(olds, news, options.paragraph_threshold);

  // Sort key: (new index, or that of the paired paragraph before a removed one; 0/1; old index)
  std::vector<std::tuple<long, int, std::size_t, ParagraphPair>> rows;
  rows.reserve(olds.size() + news.size());
  for (std::size_t n = 0; n < news.size(); ++n) {
    ParagraphPair p;
    p.new_paragraph = news[n].paragraph;
    p.new_index = n;
    if (const std::size_t o = news[n].partner; o != none) {
      p.old_paragraph = olds[o].paragraph;
      p.old_index = o;
      p.by = olds[o].key == news[n].key ? MatchedBy::exact : MatchedBy::similar;
      p.similarity = p.by == MatchedBy::exact ? 1.0 : similarity(fingerprint(olds[o].key), fingerprint(news[n].key));
      // Byte-equal texts (most of them) need no normalising.
      p.modified = p.old_paragraph->text != p.new_paragraph->text &&
                   text::normalize(p.old_paragraph->text) != text::normalize(p.new_paragraph->text);
      if (p.modified) p.words = diff_words(p.old_paragraph->text, p.new_paragraph->text);
    }
    rows.emplace_back(static_cast<long>(n), 0, 0, std::move(p));
  }
  // A removed paragraph is shown after the paragraph that preceded it in the old version and stayed.
  long before = -1;
  for (std::size_t o = 0; o < olds.size(); ++o) {
    if (olds[o].partner != none) {
      before = static_cast<long>(olds[o].partner);
      continue;
    }
    ParagraphPair p;
    p.old_paragraph = olds[o].paragraph;
    p.old_index = o;
    rows.emplace_back(before, 1, o, std::move(p));
  }
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
    return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
  });
  std::vector<ParagraphPair> out;
  out.reserve(rows.size());
  for (auto& r : rows) out.push_back(std::move(std::get<3>(r)));
  mark_reordered(out);
  return out;
}

}  // namespace planlint::diff
