#pragma once
// A word that a spelling function found (misspelt_words(), or a stretch grammar_errors() found): its text
// and range in the document and the ranked suggestions. Word values of the language are NodeRefs of kind `word` that point to one of these,
// kept by the Evaluator for the rest of its evaluation.
#include <string>
#include <vector>

#include "model/source_range.hpp"

namespace planlint::rules {

struct WordValue {
  Span span;                             // the word as written, with its exact range
  std::vector<std::string> suggestions;  // best first
  int code = 0;                          // grammar_errors(): Voikko's error code
  std::string description = {};          // grammar_errors(): Voikko's short description
};

}  // namespace planlint::rules
