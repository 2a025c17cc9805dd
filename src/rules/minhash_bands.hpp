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
// Memory: per text, `bands` entries of 6 bytes in an open-addressing table at most 70 % full: ~0.4 KB a text.
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
    for (std::size_t b = 0; b < bands; ++b) {
      __builtin_prefetch(&checks_[home(keys[b])]);
      __builtin_prefetch(&texts_[home(keys[b])]);
    }
    for (std::size_t b = 0; b < bands; ++b) {
      const std::uint16_t check = check_of(keys[b]);
      for (std::size_t i = home(keys[b]); checks_[i] != 0; i = i + 1 == checks_.size() ? 0 : i + 1) {
        if (checks_[i] == check) f(texts_[i]);
      }
    }
  }

 private:
  static void keys_from(const std::array<std::uint32_t, rows * bands>& min_hashes, Keys& out);
  // Open addressing with linear probing, an entry per (text, band) in two arrays: a key's entries lie in
  // the run of occupied places from its home on. 6 bytes an entry at most 70 % full: ~0.4 KB a text.
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>(((key >> 32) * checks_.size()) >> 32);  // multiply-shift: any table size
  }
  static std::uint16_t check_of(std::uint64_t key) { return static_cast<std::uint16_t>(key) | 1; }  // 0: empty
  ZeroedPages<std::uint16_t> checks_;
  ZeroedPages<std::uint32_t> texts_;
};

}  // namespace planlint::rules
