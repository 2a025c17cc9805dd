#pragma once
// Finding, among many texts, the first one similar to a query — similar(a, b, threshold) of
// text_functions.hpp — without comparing the query with every text. A rule such as duplicate-measure asks
// this once per measure of a plan; comparing each with all others is quadratic, which a plan of thousands
// of goals cannot afford.
//
// Method: q-gram prefix filtering with location-based prefixes (Xiao, Wang, Lin: "Ed-Join", VLDB 2008).
// With the distinct q-grams of all texts in one global order (rarest first), a text's prefix is its
// shortest run of q-grams in that order that takes more than τ edits to destroy everywhere in the text.
// Two texts within τ edits then share a q-gram of both prefixes. Each text indexes only its prefix; a
// query looks up its own prefix and compares only the texts found there (plus texts too short to have a
// useful prefix). The filter never drops a similar text: the answer equals that of a linear scan.
//
// Candidates are gathered by counting (ScanCount), not by merging the posting lists: each list is read
// sequentially and only up to the first text equal to the query (found by hashing), since that one is
// similar and nothing after it can be the first. A rule that asks for each text of the list itself thus
// reads, per text, only postings of earlier texts.
//
// Before the edit distance, each candidate passes the count filter in a cheap form: a 1024-bit signature
// of a text's q-grams. A bit set for one text but not the other stands for a q-gram that only one has;
// each edit removes at most q q-grams, so two texts within τ edits differ in at most qτ such bits.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "rules/text_functions.hpp"

namespace planlint::rules {

class SimilarIndex {
 public:
  SimilarIndex(std::vector<PreparedText> texts, double threshold);
  // Over texts kept elsewhere (the evaluator's prepared texts), which must outlive the index.
  SimilarIndex(std::vector<const PreparedText*> texts, double threshold);
  SimilarIndex(const SimilarIndex&) = delete;  // texts_ may point into owned_
  SimilarIndex& operator=(const SimilarIndex&) = delete;

  // Position of the first text (in the order given) with similar(text, query, threshold), or nullopt.
  // `work` (if given) receives the evaluation steps it took: one per comparison, plus the cells it computed / 64.
  std::optional<std::size_t> first_similar(const PreparedText& query, std::size_t* work = nullptr) const;

  double threshold() const { return threshold_; }
  std::size_t size() const { return texts_.size(); }

 private:
  // A short list (a plan of a few goals) is scanned: building the index would cost more than it saves.
  static constexpr std::size_t min_indexed = 64;
  bool indexed() const { return texts_.size() >= min_indexed; }
  using Token = std::uint64_t;  // a q-gram
  using Signature = std::array<std::uint64_t, 16>;
  static Signature signature_of(const PreparedText& text);
  bool may_be_similar(const Signature& a, std::size_t a_length, std::size_t b) const;
  std::vector<Token> prefix_of(const PreparedText& text) const;  // empty: too short to filter

  void build(std::vector<const PreparedText*> texts, double threshold);

  std::vector<PreparedText> owned_;         // the texts, when the index was given them
  std::vector<const PreparedText*> texts_;
  std::vector<Signature> signatures_;
  double threshold_ = 0;
  std::unordered_map<Token, std::uint32_t> frequency_;                 // in how many indexed texts
  std::unordered_map<Token, std::vector<std::uint32_t>> postings_;     // token -> texts with it in their prefix
  std::vector<std::uint32_t> unfiltered_;                              // texts without a usable prefix
  std::unordered_map<std::u32string_view, std::uint32_t> first_equal_; // text -> first position with it
  // Scratch for one query (a query is not thread-safe; an index belongs to one evaluation): the query
  // number that last marked each text as a candidate.
  mutable std::vector<std::uint32_t> marked_;
  mutable std::uint32_t query_number_ = 0;
  mutable std::vector<std::uint32_t> candidates_;
};

}  // namespace planlint::rules
