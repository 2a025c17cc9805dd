#pragma once
// Ranking of spelling suggestions, with the document's own vocabulary first. For "Työkäisille" Voikko's
// first guess is "Työläisille", but "Työikäisille" is also among its candidates and stands in the plan's
// overview, so it wins. The order (docs/rule-language.md, "Spelling"):
//   1. candidates that occur in the document (case-insensitively);
//   2. candidates that share a stem with a correctly spelt word of the document: a common beginning of
//      four letters or more ("kurssien" shares "kurss" with "kursseille");
//   3. candidates that keep more of the word's ending, up to three letters: Finnish inflects at the end,
//      so a fix that keeps the case ending keeps the meaning ("kurssien" before "kurssein");
//   4. fewer edits from the misspelt word (Damerau–Levenshtein, where a vowel for another vowel costs
//      half: "hoitajaksot" -> "hoitojaksot" before "hoitajakeot");
//   5. the speller's own order.
// Candidates keep the case of the misspelt word as the speller wrote them; the document is only a vote.
#include <functional>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace planlint::spell {

// The distinct words of a document, case-folded.
class Vocabulary {
 public:
  Vocabulary() = default;
  void add_text(std::string_view text);
  void finish();  // sorts; call after the last add_text
  bool contains(const std::string& folded) const { return words_.contains(folded); }
  // Words beginning with `prefix` (case-folded), in sorted order.
  std::vector<std::string_view> starting_with(std::string_view prefix) const;
  std::size_t size() const { return words_.size(); }

 private:
  std::unordered_set<std::string> words_;
  std::vector<std::string> sorted_;
};

// Edit distance of two words over case-folded code points, with the weights above.
double weighted_distance(std::string_view a, std::string_view b);

// Ranks `candidates` for the misspelt `word`. `is_correct` tells whether a word of the vocabulary is
// spelt right (so that other misspellings in the document do not vote).
std::vector<std::string> rank_suggestions(std::string_view word, const std::vector<std::string>& candidates,
                                          const Vocabulary& vocabulary,
                                          const std::function<bool(std::string_view)>& is_correct);

}  // namespace planlint::spell
