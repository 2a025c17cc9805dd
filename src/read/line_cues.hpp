#pragma once
// What one line (or the part of a line that a cell may start or end in) tells about cell boundaries, from
// its first and last words and the cue table (read/cues.hpp). Row recovery weighs these signals.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::read {

enum class Initial { upper, lower, other };  // lower: a small letter or a digit; other: punctuation

Initial initial_of(std::string_view text);
// text::casefold(text), written into `buffer` and viewed there: the cues fold a word or two of every line,
// weighed in many candidate cells; casefold was a tenth of reading block text, much of it allocating a
// std::string per fold, where a buffer that is reused keeps its capacity. (Plain text folds a byte at a time, as casefold does it.)
std::string_view casefold_into(std::string_view text, std::string& buffer);
// The first word is a measure opener ("Lisätään") or, when `allow_suffix`, ends like a passive verb.
bool opens_measure(std::string_view text, bool allow_suffix = true);
// The text holds a passive verb after its first word ("Toiminnassa hyödynnetään …"): measure-like.
bool has_inner_passive(std::string_view text);
// Ends with . ! ? (maybe inside closing brackets or quotes), and the last word is not an abbreviation.
bool ends_sentence(std::string_view text);
// Ends in the middle of a phrase: a comma, a colon, a hyphen, or a conjunction ("… ja").
bool ends_open(std::string_view text);
// The last word closes an indicator ("määrä", "lukumäärä.", "(kyllä/ei)").
bool ends_indicator(std::string_view text);
// Byte offsets in `text` where a new sentence starts with a capital letter ("… liikkumismuotoja. Kulku…"):
// where a line that joins a one-line measure and its indicator may be split.
std::vector<std::size_t> sentence_starts(std::string_view text);

}  // namespace planlint::read
