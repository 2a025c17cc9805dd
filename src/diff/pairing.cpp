#include "diff/pairing.hpp"

#include <algorithm>
#include <unordered_map>

namespace planlint::diff {

std::vector<Pairing> best_pairs(const std::vector<const Fingerprint*>& olds, const std::vector<const Fingerprint*>& news,
                                double threshold, const std::function<double(std::size_t, std::size_t)>& preference,
                                const PairingLimits& limits) {
  // Document frequency of each word over both sides: a word that few texts share says most about a pair.
  std::unordered_map<std::uint32_t, std::size_t> df;
  std::unordered_map<std::uint32_t, std::vector<std::size_t>> postings;
  for (std::size_t i = 0; i < olds.size(); ++i) {
    for (const auto w : olds[i]->distinct_words) {
      ++df[w];
      postings[w].push_back(i);
    }
  }
  for (const auto* f : news)
    for (const auto w : f->distinct_words) ++df[w];

  struct Scored {
    double rank;
    Pairing p;
  };
  std::vector<Scored> scored;
  std::vector<std::uint32_t> words;
  std::unordered_map<std::size_t, std::size_t> votes;
  std::vector<std::pair<std::size_t, std::size_t>> ranked;  // (votes, old index)
  for (std::size_t n = 0; n < news.size(); ++n) {
    words = news[n]->distinct_words;
    std::sort(words.begin(), words.end(), [&](auto a, auto b) { return df[a] != df[b] ? df[a] < df[b] : a < b; });
    if (words.size() > limits.rare_words) words.resize(limits.rare_words);
    votes.clear();
    for (const auto w : words) {
      const auto it = postings.find(w);
      if (it == postings.end()) continue;
      const std::size_t count = std::min(it->second.size(), limits.posting_cap);
      for (std::size_t k = 0; k < count; ++k) ++votes[it->second[k]];
    }
    ranked.clear();
    for (const auto& [o, v] : votes) ranked.emplace_back(v, o);
    const auto keep = std::min(ranked.size(), limits.candidates);
    std::partial_sort(ranked.begin(), ranked.begin() + static_cast<long>(keep), ranked.end(),
                      [](const auto& a, const auto& b) { return a.first != b.first ? a.first > b.first : a.second < b.second; });
    for (std::size_t k = 0; k < keep; ++k) {
      const std::size_t o = ranked[k].second;
      const double s = similarity(*olds[o], *news[n]);
      if (s < threshold) continue;
      scored.push_back({s + (preference ? preference(o, n) : 0.0), {o, n, s}});
    }
  }
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.rank != b.rank) return a.rank > b.rank;
    if (a.p.new_index != b.p.new_index) return a.p.new_index < b.p.new_index;
    return a.p.old_index < b.p.old_index;
  });
  std::vector<bool> old_used(olds.size(), false), new_used(news.size(), false);
  std::vector<Pairing> out;
  for (const auto& s : scored) {
    if (old_used[s.p.old_index] || new_used[s.p.new_index]) continue;
    old_used[s.p.old_index] = new_used[s.p.new_index] = true;
    out.push_back(s.p);
  }
  std::sort(out.begin(), out.end(), [](const Pairing& a, const Pairing& b) { return a.new_index < b.new_index; });
  return out;
}

}  // namespace planlint::diff
