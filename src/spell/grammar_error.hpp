#pragma once
// One finding of Voikko's grammar checker in a paragraph, as the speller gives it and the answer file
// keeps it.
#include <cstddef>
#include <string>
#include <vector>

namespace planlint::spell {

// Where (in code points of the paragraph), Voikko's error code, its short description and its
// suggestions (replacements of that stretch).
struct GrammarError {
  int code = 0;
  std::size_t start = 0;
  std::size_t length = 0;
  std::string description;
  std::vector<std::string> suggestions;
  friend bool operator==(const GrammarError&, const GrammarError&) = default;
};

}  // namespace planlint::spell
