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
// (whose phrases come from one vocabulary: J ≈ 0.15, up to 0.45). So a query meets a small share of the
// texts before it, 0.0007 of them on the benchmark's generated plans, where the exact index's prefixes met
// 0.045 (every text that shares a common q-gram). That share is still a share: on those plans, whose
// measures grow more alike as they grow (duplicate-measure's findings: 18 per 1,000 measures at 10,000, 82 at
// 100,000), a query's candidates grow from 4.8 at 10,000 texts to 36 at 100,000 and its cost by half; on
// ten enciphered copies of the 10,000 plan (100,000 texts, tests/bench/ciphered_copies.py) it stays that of
// 10,000 (bench.sh: 4.2 against 4.1 µs a measure, where the generated 100,000 take 6.1).
// A densified bin copies another bin, so the bins of a short text are not independent and these figures
// are approximate for it; the recall test measures what they give.
//
// Exactness is traded away for that: a pair above the similarity threshold whose q-gram sets overlap little
// may be missed. SimilarIndex therefore asks the bands only for long texts in long lists (see there); the
// probabilities above, and the recall test in tests/unit/similar_index_test.cpp, say how rare a miss is.
//
// Memory: per text, `bands` places of 4 bytes in a table of buckets at most 70 % full: ~0.27 KB a text.
// A bucket is a cache line of 16 places, compared with the key's check in four instructions; a key's
// places are in its home bucket and, when that is full, the buckets after it. (Linear probing over single
// places, as before, read a run of unpredictable length per band, whose mispredicted ends and misses
// were 70 % of a query's time on large plans; a microbenchmark of the table alone on the 24,657 measures
// of the corpus's largest draft: 1.1 µs a text before, 0.6 after.) Places of 6 bytes in two arrays, a
// 16-bit check apart from the text, were 0.4 KB a text and two cache misses a band. The 8-bit check lets
// one place in 255 of another key through: about three false candidates a query, which the caller's
// filters drop. A table holds at most 2^24 texts.
#include <array>
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

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
  // and, for one place in 255 of the buckets read, a text whose key only shares the bucket and its check
  // bits: a false candidate, which the caller's own tests drop).
  template <typename F>
  void for_each_candidate(const Keys& keys, F&& f) const {
    // The keys' buckets are at random in a table of megabytes on a long list: all are fetched ahead.
    for (std::size_t b = 0; b < bands; ++b) __builtin_prefetch(bucket(home(keys[b])));
    for (std::size_t b = 0; b < bands; ++b) {
      const std::uint32_t check = check_of(keys[b]);
      for (std::size_t k = home(keys[b]);; k = k + 1 == buckets_ ? 0 : k + 1) {
        const std::uint32_t* places = bucket(k);
        for (std::uint32_t match = holding(places, check); match != 0; match &= match - 1) {
          f(places[std::countr_zero(match)] >> 8);
        }
        if (holding(places, 0) != 0) break;  // a bucket with room holds the last of the key's places
      }
    }
  }
  // The most texts a table holds: a text is 24 bits of a place.
  static constexpr std::size_t max_texts = std::size_t{1} << 24;

 private:
  static void keys_from(const std::array<std::uint32_t, rows * bands>& min_hashes, Keys& out);
  // A place: the text in its high 24 bits and 8 bits of its key as a check in the low ones (0: empty).
  static constexpr std::size_t per_bucket = 16;  // 64 bytes, a cache line
  std::size_t home(std::uint64_t key) const {
    return static_cast<std::size_t>(((key >> 32) * buckets_) >> 32);  // multiply-shift: any number of buckets
  }
  const std::uint32_t* bucket(std::size_t k) const { return first_ + k * per_bucket; }
  std::uint32_t* bucket(std::size_t k) { return first_ + k * per_bucket; }
  static std::uint32_t check_of(std::uint64_t key) {
    const auto c = static_cast<std::uint32_t>(key & 0xFF);
    return c == 0 ? 1 : c;  // 0 marks an empty place
  }
  // Bit i set for each place i of a bucket whose low 8 bits are `check` (0: the empty places).
  static std::uint32_t holding(const std::uint32_t* places, std::uint32_t check) {
#if defined(__SSE2__)
    const __m128i want = _mm_set1_epi32(static_cast<int>(check));
    const __m128i low = _mm_set1_epi32(0xFF);
    std::uint32_t bits = 0;
    for (std::size_t q = 0; q < per_bucket / 4; ++q) {
      const __m128i v = _mm_and_si128(_mm_load_si128(reinterpret_cast<const __m128i*>(places) + q), low);
      bits |= static_cast<std::uint32_t>(_mm_movemask_ps(_mm_castsi128_ps(_mm_cmpeq_epi32(v, want)))) << (4 * q);
    }
    return bits;
#else
    std::uint32_t bits = 0;
    for (std::size_t i = 0; i < per_bucket; ++i) bits |= static_cast<std::uint32_t>((places[i] & 0xFF) == check) << i;
    return bits;
#endif
  }
  std::size_t buckets_;
  ZeroedPages<std::uint32_t> places_;
  std::uint32_t* first_;  // the first bucket: places_ from its first 64-byte boundary on
};

}  // namespace planlint::rules
