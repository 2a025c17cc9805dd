#pragma once
// Candidates for SimilarIndex on long lists (issue 17): locality-sensitive hashing of texts' q-gram sets
// by MinHash in bands (Broder 1997; Indyk and Motwani 1998; Leskovec, Rajaraman, Ullman, "Mining of Massive
// Datasets", ch. 3). Each text gets `bands` keys, each the hash of `rows` min-hashes of its distinct
// q-grams; two texts are candidates when a key of one equals a key of the other. The min-hashes are those
// of one permutation split into `rows × bands` bins, densified for the bins a text leaves empty
// (Li, Owen, Zhang, NIPS 2012; Shrivastava, ICML 2017): each q-gram is hashed once, not once per
// min-hash (384 times; that loop was a fifth of duplicate-measure's time on large plans), and each bin
// still agrees between two texts with probability J, their Jaccard similarity. With independent bins two
// texts would share a key with probability 1 − (1 − J^rows)^bands: 0.989 at J = 0.74,
// 0.9998 at 0.8 and 1 − 2·10⁻¹² at 0.9, and 0.0006 on average for two unrelated measures of a plan
// (whose phrases come from one vocabulary: J ≈ 0.15, up to 0.45). So a query meets a fixed share of the
// texts, not every text that shares a common q-gram with it (the exact index's prefixes, which on such
// plans grow with the plan): its cost stays flat as plans grow. A densified bin copies another bin, so the
// bins of a short text are not independent and these figures are approximate for it; the recall test
// measures what they give.
//
// Exactness is traded away for that: a pair above the similarity threshold whose q-gram sets overlap little
// may be missed. SimilarIndex therefore asks the bands only for long texts in long lists (see there); the
// probabilities above, and the recall test in tests/unit/similar_index_test.cpp, say how rare a miss is.
//
// Memory: per text, `bands` places of 4 bytes in an open-addressing table at most 70 % full: ~0.27 KB a text.
// (Places of 6 bytes in two arrays, a 16-bit check apart from the text, were 0.4 KB a text and two cache
// misses a band: 3 % more time a measure at 100,000 measures. The 8-bit check lets one place in 255 of
// another key through, a candidate the caller's filters drop.) A table holds at most 2^24 texts.
#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "rules/zeroed_pages.hpp"

namespace planlint::rules {

class MinHashBands {
 public:
  static constexpr std::size_t rows = 8, bands = 48;
  using Keys = std::array<std::uint64_t, bands>;

  // The band keys of a text's q-grams (any 64-bit values; a q-gram given twice counts once).
  static void keys_of(const std::vector<std::uint64_t>& grams, Keys& out);
  // 64 bools from `flags` on as the bits of a word, flag k as bit k (keys_of's empty bins).
  static std::uint64_t flags_as_bits(const bool* flags);

  // A table for up to `texts` texts.
  explicit MinHashBands(std::size_t texts);
  void add(std::uint32_t text, const Keys& keys);
  // Calls f(text) for every text added with a key equal to one of `keys` (a text once per key it shares;
  // now and then, one 2^-15 of the time, a text whose key only shares its check bits: a false candidate,
  // which the caller's own tests drop).
  template <typename F>
  void for_each_candidate(const Keys& keys, F&& f) const {
    // The keys' places are at random in a table of megabytes on a long list: all are fetched ahead.
    for (std::size_t b = 0; b < bands; ++b) __builtin_prefetch(&places_[home(keys[b])]);
    for (std::size_t b = 0; b < bands; ++b) {
      const std::uint32_t check = check_of(keys[b]);
      for (std::size_t i = home(keys[b]); places_[i] != 0; i = i + 1 == places_.size() ? 0 : i + 1) {
        if ((places_[i] & 0xFF) == check) f(places_[i] >> 8);
      }
    }
  }
  // The most texts a table holds: a text is 24 bits of a place.
  static constexpr std::size_t max_texts = std::size_t{1} << 24;

 private:
  static void keys_from(const std::array<std::uint32_t, rows * bands>& min_hashes, Keys& out);
  // Open addressing with linear probing, a place per (text, band): the text in its high 24 bits and 8 bits
  // of its key as a check in the low ones (0: empty). A key's entries lie in the run of occupied places from
  // its home on. 4 bytes a place at most 70 % full: ~0.27 KB a text.
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>(((key >> 32) * places_.size()) >> 32);  // multiply-shift: any table size
  }
  static std::uint32_t check_of(std::uint64_t key) {
    const auto c = static_cast<std::uint32_t>(key & 0xFF);
    return c == 0 ? 1 : c;  // 0 marks an empty place
  }
  ZeroedPages<std::uint32_t> places_;
};

}  // namespace planlint::rules
