#pragma once
// Finding, among many texts, the first one similar to a query — similar(a, b, threshold) of
// text_functions.hpp — without comparing the query with every text. A rule such as duplicate-measure asks
// this once per measure of a plan; comparing each with all others is quadratic, which a plan of thousands
// of goals cannot afford.
//
// Method: q-gram prefix filtering (Xiao, Wang, Lin: "Ed-Join", VLDB 2008). Two texts within edit distance
// τ share at least max(|A|, |B|) − qτ of their q-grams, so, with all q-grams ordered by a global order
// (rarest first), their first qτ + 1 q-grams share at least one. Each text indexes only that prefix; a
// query looks up its own prefix and compares only the texts found there (plus texts too short to have a
// useful prefix). The filter never drops a similar text: the answer equals that of a linear scan.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <unordered_map>
#include <vector>

#include "rules/text_functions.hpp"

namespace planlint::rules {

class SimilarIndex {
 public:
  SimilarIndex(std::vector<PreparedText> texts, double threshold);

  // Position of the first text (in the order given) with similar(text, query, threshold), or nullopt.
  // `work` (if given) receives the evaluation steps it took: one per comparison, plus the cells it computed / 64.
  std::optional<std::size_t> first_similar(const PreparedText& query, std::size_t* work = nullptr) const;

  double threshold() const { return threshold_; }
  std::size_t size() const { return texts_.size(); }

 private:
  using Token = std::uint64_t;  // a q-gram with its occurrence number within the text
  std::vector<Token> prefix_of(const PreparedText& text) const;  // empty: too short to filter

  std::vector<PreparedText> texts_;
  double threshold_;
  std::unordered_map<Token, std::uint32_t> frequency_;                 // over all indexed texts
  std::unordered_map<Token, std::vector<std::uint32_t>> postings_;     // token -> texts with it in their prefix
  std::vector<std::uint32_t> unfiltered_;                              // texts without a usable prefix
};

}  // namespace planlint::rules
