#pragma once
// Text comparisons behind the language's string functions.
#include <string>
#include <string_view>
#include <vector>

namespace planlint::rules {

// 1 − (edit distance / longer length), over code points of the case-folded, normalised texts: 1 for
// texts that say the same, near 0 for unrelated ones. `work` receives the number of cells computed.
double similarity(std::string_view a, std::string_view b, std::size_t* work = nullptr);

// The words in which two texts differ, "'Työkäisille' vs 'Työikäisille'"; several places are joined
// with "; ". Empty when the normalised texts have the same words.
std::string word_diff(std::string_view a, std::string_view b);

// Whitespace-separated words of the normalised text.
std::vector<std::string> split_words(std::string_view s);

}  // namespace planlint::rules
