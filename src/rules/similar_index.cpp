#include "rules/similar_index.hpp"

#include <algorithm>
#include <bit>
#include <cmath>

namespace planlint::rules {
namespace {

constexpr std::size_t q = 3;

// The q-grams of a text, as (q-gram, position) pairs sorted by q-gram, then position: equal q-grams are
// adjacent, so that the distinct q-grams and where each occurs are read off in one pass.
struct Occurrence {
  std::uint64_t gram;
  std::uint32_t position;
  friend bool operator<(const Occurrence& a, const Occurrence& b) {
    return a.gram != b.gram ? a.gram < b.gram : a.position < b.position;
  }
};

std::vector<Occurrence> occurrences(const std::u32string& s) {
  std::vector<Occurrence> out;
  if (s.size() < q) return out;
  out.reserve(s.size() - q + 1);
  for (std::size_t i = 0; i + q <= s.size(); ++i) {
    const std::uint64_t gram = (std::uint64_t{s[i]} << 42) ^ (std::uint64_t{s[i + 1]} << 21) ^ std::uint64_t{s[i + 2]};
    out.push_back({gram, static_cast<std::uint32_t>(i)});
  }
  std::sort(out.begin(), out.end());
  return out;
}

// The fewest edits that destroy every occurrence at the given start positions: an edit at one character
// destroys the q-grams that cover it, so this is the least number of points that stab every interval
// [p, p + q − 1] (greedy by right end). `positions` must be sorted.
std::size_t edits_to_destroy(const std::vector<std::uint32_t>& positions) {
  std::size_t edits = 0;
  std::int64_t covered_to = -1;
  for (const std::uint32_t p : positions) {
    if (static_cast<std::int64_t>(p) > covered_to) {
      ++edits;
      covered_to = static_cast<std::int64_t>(p) + static_cast<std::int64_t>(q) - 1;
    }
  }
  return edits;
}

// The most edits similar() allows between a text of `length` code points and any text it can be similar
// to: such a text is at most length / threshold long, and the distance at most (1 − threshold) × that.
std::size_t edit_bound(std::size_t length, double threshold) {
  if (!(threshold > 0)) return SIZE_MAX;  // also NaN: no bound, compare with everything
  const double bound = (1.0 - threshold) * static_cast<double>(length) / threshold;
  if (bound <= 0) return 0;  // a threshold of 1 or more: only equal texts (or none) qualify
  return bound >= 1e15 ? SIZE_MAX : static_cast<std::size_t>(std::floor(bound + 1e-9));
}

// Texts are indexed by length class as well as by token: similar texts have lengths in a ratio of at
// least `threshold`, so a query reads only the classes its length allows, not every posting of a token.
// Classes grow geometrically by 1 / threshold (with threshold >= 1 only equal lengths qualify).
std::uint32_t length_class(std::size_t length, double threshold) {
  if (length == 0) return 0;
  if (!(threshold < 1)) return static_cast<std::uint32_t>(std::min<std::size_t>(length, UINT32_MAX));
  return static_cast<std::uint32_t>(std::log(static_cast<double>(length)) / std::log(1.0 / threshold));
}

std::uint64_t posting_key(std::uint64_t token, std::uint32_t length_class) {
  return token ^ (std::uint64_t{length_class} * 0xC2B2AE3D27D4EB4FULL);
}

}  // namespace

std::vector<SimilarIndex::Token> SimilarIndex::prefix_of(const PreparedText& text) const {
  const std::vector<Occurrence> all = occurrences(text.code_points);
  const std::size_t tau = edit_bound(text.code_points.size(), threshold_);
  if (tau == SIZE_MAX) return {};
  // The distinct q-grams in the global order: rarest first (in how many texts they occur), ties by q-gram.
  struct Ranked {
    std::uint32_t frequency;
    Token gram;
    std::uint32_t first, last;  // its occurrences: all[first, last)
  };
  std::vector<Ranked> ranked;
  for (std::size_t i = 0; i < all.size();) {
    std::size_t j = i;
    while (j < all.size() && all[j].gram == all[i].gram) ++j;
    const auto f = frequency_.find(all[i].gram);
    ranked.push_back({f == frequency_.end() ? 0 : f->second, all[i].gram, static_cast<std::uint32_t>(i), static_cast<std::uint32_t>(j)});
    i = j;
  }
  std::sort(ranked.begin(), ranked.end(), [](const Ranked& a, const Ranked& b) {
    return a.frequency != b.frequency ? a.frequency < b.frequency : a.gram < b.gram;
  });
  // The shortest prefix whose q-grams take more than τ edits to destroy everywhere: a text within τ edits
  // keeps one of them, and the rarer of the two texts' kept q-grams lies in both prefixes (Ed-Join's
  // location-based prefix). The edits needed grow with the prefix, so its length is found by bisection.
  std::vector<std::uint32_t> positions;
  const auto edits_for = [&](std::size_t length) {
    positions.clear();
    for (std::size_t r = 0; r < length; ++r) {
      for (std::uint32_t o = ranked[r].first; o < ranked[r].last; ++o) positions.push_back(all[o].position);
    }
    std::sort(positions.begin(), positions.end());
    return edits_to_destroy(positions);
  };
  if (edits_for(ranked.size()) <= tau) return {};  // every q-gram may be edited away: compare with all
  std::size_t lo = 1, hi = ranked.size();         // the answer lies in [lo, hi]
  while (lo < hi) {
    const std::size_t mid = lo + (hi - lo) / 2;
    if (edits_for(mid) > tau) hi = mid;
    else lo = mid + 1;
  }
  std::vector<Token> prefix(lo);
  for (std::size_t r = 0; r < lo; ++r) prefix[r] = ranked[r].gram;
  return prefix;
}

SimilarIndex::Signature SimilarIndex::signature_of(const PreparedText& text) {
  Signature bits{};
  const std::u32string& s = text.code_points;
  for (std::size_t i = 0; i + q <= s.size(); ++i) {
    std::uint64_t h = (std::uint64_t{s[i]} << 42) ^ (std::uint64_t{s[i + 1]} << 21) ^ std::uint64_t{s[i + 2]};
    h *= 0x9E3779B97F4A7C15ULL;
    const unsigned bit = static_cast<unsigned>(h >> 54);  // 0..1023
    bits[bit / 64] |= std::uint64_t{1} << (bit % 64);
  }
  return bits;
}

// With the CPU's popcnt where it has one (the default x86-64 target calls a library routine per word).
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
[[gnu::target_clones("popcnt", "default")]]
#endif
bool SimilarIndex::may_be_similar(const Signature& a, std::size_t a_length, std::size_t b) const {
  const std::size_t b_length = texts_[b]->code_points.size();
  const std::size_t longer = std::max(a_length, b_length);
  const double allowed = (1.0 - threshold_) * static_cast<double>(longer);
  if (!(allowed >= 0) || allowed >= 1e15) return true;  // let similar() decide the odd thresholds
  const std::size_t k = static_cast<std::size_t>(allowed + 1e-9);  // the edits similar() allows
  const std::size_t gap = a_length > b_length ? a_length - b_length : b_length - a_length;
  if (gap > k) return false;
  const Signature& sb = signatures_[b];
  std::size_t only_a = 0, only_b = 0;
  for (std::size_t w = 0; w < a.size(); ++w) {
    only_a += static_cast<std::size_t>(std::popcount(a[w] & ~sb[w]));
    only_b += static_cast<std::size_t>(std::popcount(sb[w] & ~a[w]));
  }
  return only_a <= q * k && only_b <= q * k;
}

SimilarIndex::SimilarIndex(std::vector<PreparedText> texts, double threshold) : owned_(std::move(texts)) {
  std::vector<const PreparedText*> views;
  views.reserve(owned_.size());
  for (const PreparedText& t : owned_) views.push_back(&t);
  build(std::move(views), threshold);
}

SimilarIndex::SimilarIndex(std::vector<const PreparedText*> texts, double threshold) { build(std::move(texts), threshold); }

void SimilarIndex::build(std::vector<const PreparedText*> texts, double threshold) {
  texts_ = std::move(texts);
  threshold_ = threshold;
  marked_.assign(texts_.size(), 0);
  signatures_.reserve(texts_.size());
  for (const PreparedText* t : texts_) signatures_.push_back(signature_of(*t));
  for (std::uint32_t i = 0; i < texts_.size(); ++i) first_equal_.try_emplace(std::u32string_view(texts_[i]->code_points), i);
  if (!indexed()) return;
  for (const PreparedText* t : texts_) {
    const std::vector<Occurrence> all = occurrences(t->code_points);
    for (std::size_t i = 0; i < all.size(); ++i) {
      if (i == 0 || all[i].gram != all[i - 1].gram) ++frequency_[all[i].gram];
    }
  }
  for (std::uint32_t i = 0; i < texts_.size(); ++i) {
    const std::vector<Token> prefix = prefix_of(*texts_[i]);
    if (prefix.empty()) unfiltered_.push_back(i);
    const std::uint32_t cls = length_class(texts_[i]->code_points.size(), threshold_);
    for (Token token : prefix) postings_[posting_key(token, cls)].push_back(i);
  }
}

std::optional<std::size_t> SimilarIndex::first_similar(const PreparedText& query, std::size_t* work) const {
  std::size_t total = 0;
  const Signature query_signature = signature_of(query);
  // A comparison is a step, as it would be in a rule's own loop; the edit distance adds its cells / 64.
  const auto verify = [&](std::size_t i) {
    std::size_t cells = 0;
    const bool yes = similar(*texts_[i], query, threshold_, &cells);
    total += cells / 64;
    return yes;
  };
  const auto passes_filter = [&](std::size_t i) {
    ++total;
    return may_be_similar(query_signature, query.code_points.size(), i);
  };
  const auto test = [&](std::size_t i) { return passes_filter(i) && verify(i); };
  // A text equal to the query is similar to it (unless the threshold excludes even equal texts, which
  // test() tells): it bounds the search, as nothing after it can be the first.
  std::size_t limit = texts_.size();
  if (const auto equal = first_equal_.find(std::u32string_view(query.code_points)); equal != first_equal_.end()) {
    limit = equal->second;
  }
  std::optional<std::size_t> found;
  const std::vector<Token> prefix = indexed() ? prefix_of(query) : std::vector<Token>{};
  if (prefix.empty()) {
    for (std::size_t i = 0; i < limit && !found; ++i) {
      if (test(i)) found = i;
    }
  } else {
    // Every text before `limit` that shares a prefix token with the query, each once, in ascending order.
    if (++query_number_ == 0) {  // wrapped: clear the marks of 2^32 queries ago
      std::fill(marked_.begin(), marked_.end(), 0);
      query_number_ = 1;
    }
    // Candidates that pass the signature filter; few do, so only they are sorted.
    std::vector<std::uint32_t>& candidates = candidates_;
    candidates.clear();
    const auto gather = [&](const std::vector<std::uint32_t>& list) {
      for (const std::uint32_t i : list) {
        if (i >= limit) break;  // lists are in ascending order: texts were indexed in order
        if (marked_[i] != query_number_) {
          marked_[i] = query_number_;
          if (passes_filter(i)) candidates.push_back(i);
        }
      }
    };
    gather(unfiltered_);
    // The lengths a similar text can have, widened by one on each side against rounding; their classes.
    const double length = static_cast<double>(query.code_points.size());
    const auto shortest = static_cast<std::size_t>(std::max(0.0, std::floor(length * threshold_) - 1));
    const auto longest = static_cast<std::size_t>(std::min(1e15, std::ceil(length / threshold_) + 1));
    const std::uint32_t first_class = length_class(shortest, threshold_);
    const std::uint32_t last_class = length_class(longest, threshold_);
    for (Token token : prefix) {
      for (std::uint32_t cls = first_class; cls <= last_class; ++cls) {
        if (const auto it = postings_.find(posting_key(token, cls)); it != postings_.end()) gather(it->second);
      }
    }
    std::sort(candidates.begin(), candidates.end());
    for (const std::uint32_t i : candidates) {
      if (verify(i)) {
        found = i;
        break;
      }
    }
  }
  if (!found && limit < texts_.size() && test(limit)) found = limit;
  if (work) *work = total;
  return found;
}

}  // namespace planlint::rules
