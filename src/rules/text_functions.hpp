#pragma once
// Text comparisons behind the language's string functions.
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::rules {

// 1 − (edit distance / longer length), over code points of the case-folded, normalised texts: 1 for
// texts that say the same, near 0 for unrelated ones. `work` receives the number of cells computed.
double similarity(std::string_view a, std::string_view b, std::size_t* work = nullptr);

// A text prepared for repeated similarity tests: normalised, case-folded code points and a coarse
// histogram of them (a cheap lower bound of the edit distance between two texts).
struct PreparedText {
  std::u32string code_points;
  std::array<std::uint16_t, 64> histogram{};
};
PreparedText prepare(std::string_view s);

// similarity(a, b) >= threshold, decided without computing the full distance where possible: texts whose
// lengths or character histograms differ too much are rejected at once, and the bit-parallel distance
// (text/edit_distance.hpp) stops as soon as the threshold is out of reach. `work` receives the number of
// cells computed (64 per block of the bit-parallel table).
bool similar(const PreparedText& a, const PreparedText& b, double threshold, std::size_t* work = nullptr);

// The most edits similar() allows between two texts whose longer one has `longer` code points, or −1
// when none can be similar (a threshold above 1, or NaN). Exact for thresholds in [0, 1]; capped at 10^15.
std::int64_t edits_allowed(std::size_t longer, double threshold);

// The words in which two texts differ, "'Työkäisille' vs 'Työikäisille'"; several places are joined
// with "; ". Empty when the normalised texts have the same words.
std::string word_diff(std::string_view a, std::string_view b);

// Whitespace-separated words of the normalised text.
std::vector<std::string> split_words(std::string_view s);

}  // namespace planlint::rules
