#pragma once
// How alike two texts are, for pairing measures and goal titles that were edited between versions. Texts
// are compared whitespace- and case-normalised; the score mixes shared words (a rewritten sentence keeps
// most of its words) and shared character trigrams (a typo fix or a joined compound keeps most trigrams).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::diff {

// The matching key of a text: NFC, whitespace collapsed, case folded. Equal keys are "identical texts".
std::string match_key(std::string_view text);

struct Fingerprint {
  std::vector<std::uint32_t> words;   // hashes of the key's words (punctuation at their ends removed), sorted
  std::vector<std::uint32_t> grams;   // hashes of the key's character trigrams, sorted
  std::vector<std::uint32_t> distinct_words;  // `words` without repeats
};

// `key` is a match_key().
Fingerprint fingerprint(std::string_view key);

// In [0, 1]: the mean of the Dice coefficients of the word and trigram multisets. 1 for equal keys.
double similarity(const Fingerprint& a, const Fingerprint& b);

// Dice coefficient 2|A∩B| / (|A|+|B|) of two sorted multisets (exposed for tests).
double dice(const std::vector<std::uint32_t>& a, const std::vector<std::uint32_t>& b);

}  // namespace planlint::diff
