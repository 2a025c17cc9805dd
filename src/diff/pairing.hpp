#pragma once
// Best one-to-one pairs between two lists of texts by similarity, in about linear time: each new text is
// scored only against the old texts that share one of its rarest words (an inverted index), never against
// all of them.
#include <cstddef>
#include <functional>
#include <vector>

#include "diff/similarity.hpp"

namespace planlint::diff {

struct Pairing {
  std::size_t old_index = 0;  // into the `olds` given
  std::size_t new_index = 0;  // into the `news` given
  double similarity = 0;
};

struct PairingLimits {
  std::size_t rare_words = 8;     // of each new text, the rarest words looked up
  std::size_t posting_cap = 256;  // old texts read from the index per word (very common words are noise)
  std::size_t candidates = 16;    // old texts scored per new text, those sharing the most rare words
};

// Pairs with similarity >= threshold, chosen greedily best-first. `preference(old, new)` is added to the
// similarity only to rank the pairs (e.g. a small bonus for staying in the same goal), never to pass the
// threshold. Deterministic: ties break by new index, then old index.
std::vector<Pairing> best_pairs(const std::vector<const Fingerprint*>& olds, const std::vector<const Fingerprint*>& news,
                                double threshold, const std::function<double(std::size_t, std::size_t)>& preference = {},
                                const PairingLimits& limits = {});

}  // namespace planlint::diff
