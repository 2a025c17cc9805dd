#include "rules/similar_index.hpp"

#include <algorithm>
#include <cmath>

namespace planlint::rules {
namespace {

constexpr std::size_t q = 3;

// The q-grams of a text as tokens: equal q-grams are told apart by their occurrence number, so that the
// tokens form a set whose overlap counts shared q-grams as a multiset would.
std::vector<std::uint64_t> tokens(const std::u32string& s) {
  std::vector<std::uint64_t> out;
  if (s.size() < q) return out;
  std::unordered_map<std::uint64_t, std::uint32_t> seen;
  out.reserve(s.size() - q + 1);
  for (std::size_t i = 0; i + q <= s.size(); ++i) {
    const std::uint64_t gram = (std::uint64_t{s[i]} << 42) ^ (std::uint64_t{s[i + 1]} << 21) ^ std::uint64_t{s[i + 2]};
    const std::uint32_t occurrence = seen[gram]++;
    out.push_back(gram ^ (std::uint64_t{occurrence} * 0x9E3779B97F4A7C15ULL));
  }
  return out;
}

// The most edits similar() allows between a text of `length` code points and any text it can be similar
// to: such a text is at most length / threshold long, and the distance at most (1 − threshold) × that.
std::size_t edit_bound(std::size_t length, double threshold) {
  if (!(threshold > 0)) return SIZE_MAX;  // also NaN: no bound, compare with everything
  const double bound = (1.0 - threshold) * static_cast<double>(length) / threshold;
  if (bound <= 0) return 0;  // a threshold of 1 or more: only equal texts (or none) qualify
  return bound >= 1e15 ? SIZE_MAX : static_cast<std::size_t>(std::floor(bound + 1e-9));
}

}  // namespace

std::vector<SimilarIndex::Token> SimilarIndex::prefix_of(const PreparedText& text) const {
  std::vector<Token> ts = tokens(text.code_points);
  const std::size_t tau = edit_bound(text.code_points.size(), threshold_);
  // With qτ + 1 > |tokens| every q-gram may be edited away: such a text must be compared with all others.
  if (tau >= ts.size() || q * tau + 1 > ts.size()) return {};
  const std::size_t prefix = q * tau + 1;
  // The global order: rarest first, ties by token. Frequencies are looked up once per token, not per comparison.
  std::vector<std::pair<std::uint32_t, Token>> ranked;
  ranked.reserve(ts.size());
  for (Token t : ts) {
    const auto f = frequency_.find(t);
    ranked.emplace_back(f == frequency_.end() ? 0 : f->second, t);
  }
  std::partial_sort(ranked.begin(), ranked.begin() + static_cast<std::ptrdiff_t>(prefix), ranked.end());
  ts.resize(prefix);
  for (std::size_t i = 0; i < prefix; ++i) ts[i] = ranked[i].second;
  return ts;
}

SimilarIndex::SimilarIndex(std::vector<PreparedText> texts, double threshold)
    : texts_(std::move(texts)), threshold_(threshold) {
  for (const PreparedText& t : texts_) {
    for (Token token : tokens(t.code_points)) ++frequency_[token];
  }
  for (std::uint32_t i = 0; i < texts_.size(); ++i) {
    const std::vector<Token> prefix = prefix_of(texts_[i]);
    if (prefix.empty()) unfiltered_.push_back(i);
    for (Token token : prefix) postings_[token].push_back(i);
  }
}

std::optional<std::size_t> SimilarIndex::first_similar(const PreparedText& query, std::size_t* work) const {
  std::size_t total = 0;
  const auto test = [&](std::size_t i) {
    std::size_t cells = 0;
    const bool yes = similar(texts_[i], query, threshold_, &cells);
    total += 1 + cells / 64;  // a comparison is a step, as it would be in a rule's own loop
    return yes;
  };
  std::optional<std::size_t> found;
  const std::vector<Token> prefix = prefix_of(query);
  if (prefix.empty()) {
    for (std::size_t i = 0; i < texts_.size() && !found; ++i) {
      if (test(i)) found = i;
    }
  } else {
    // Candidates in ascending position, merged from the posting lists (each sorted, as texts were indexed
    // in order): the first one that passes is the answer, so the lists are read only up to it.
    struct Cursor {
      const std::vector<std::uint32_t>* list;
      std::size_t at;
    };
    std::vector<Cursor> cursors;
    if (!unfiltered_.empty()) cursors.push_back({&unfiltered_, 0});
    for (Token token : prefix) {
      if (const auto it = postings_.find(token); it != postings_.end()) cursors.push_back({&it->second, 0});
    }
    const auto later = [](const Cursor& a, const Cursor& b) { return (*a.list)[a.at] > (*b.list)[b.at]; };
    std::make_heap(cursors.begin(), cursors.end(), later);
    std::size_t last_tested = SIZE_MAX;
    while (!cursors.empty() && !found) {
      std::pop_heap(cursors.begin(), cursors.end(), later);
      Cursor& c = cursors.back();
      const std::uint32_t i = (*c.list)[c.at];
      if (i != last_tested) {
        last_tested = i;
        if (test(i)) found = i;
      }
      if (++c.at == c.list->size()) cursors.pop_back();
      else std::push_heap(cursors.begin(), cursors.end(), later);
    }
  }
  if (work) *work = total;
  return found;
}

}  // namespace planlint::rules
