#pragma once
// The language a plan is written in, for spelling: Finnish ("fi", spelt by Voikko) or Swedish ("sv", by
// Hunspell). Bilingual towns publish their plans in Swedish (`MÅL 1.`, `Åtgärd`, `Mätare`). Decided, in
// this order, by:
//   1. keywords (grammar/keywords.hpp): the word that begins each goal heading (TAVOITE / MÅL), the
//      table header cells (Toimenpide, Mittari / Åtgärd, Mätare, Indikator) and the status word
//      (LUONNOS / UTKAST); the language with more of them wins;
//   2. when they are absent or tied, the share of a sample of the document's words (the first
//      `sample_words` distinct ones) that each dictionary accepts: Voikko's first, and when it accepts
//      three in four or more the plan is Finnish without asking Hunspell; else the larger share wins;
//   3. Finnish, when neither says anything (no words, no dictionary).
// Linear in the document: one pass over the goals, and a sample of bounded size.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"

namespace planlint::spell {

class Speller;

// The languages planlint can tell apart, and the values of the `language` setting.
inline constexpr std::string_view language_codes[] = {"fi", "sv"};
bool is_language_code(std::string_view code);          // "fi" or "sv"
bool is_language_setting(std::string_view setting);    // "fi", "sv" or "auto"

struct LanguageVotes {
  int fi = 0;
  int sv = 0;
};

// Step 1. `source` is the document the plan's ranges point into (may be empty: then the goal headings,
// which the model keeps only as ranges, do not vote).
LanguageVotes keyword_votes(const Plan& plan, std::string_view source);

// The sample of step 2: distinct words (tokenizer.hpp's `word` tokens) of `text` in order, at most `max`.
inline constexpr std::size_t sample_words = 100;
std::vector<std::string> word_sample(std::string_view text, std::size_t max = sample_words);

struct DetectedLanguage {
  std::string code;  // "fi" or "sv"
  std::string how;   // "keywords", "dictionaries" or "default"
};

// Steps 1–3. `speller_for("fi")` and `speller_for("sv")` are asked for only when step 2 needs them; null
// (that dictionary is not installed) accepts nothing, as does a speller that fails while it is asked.
using SpellerFor = std::function<Speller*(std::string_view code)>;
DetectedLanguage detect_language(const Plan& plan, std::string_view source, const SpellerFor& speller_for);

}  // namespace planlint::spell
