#pragma once
// What one line (or the part of a line that a cell may start or end in) tells about cell boundaries, from
// its first and last words and the cue table (read/cues.hpp). Row recovery weighs these signals.
#include <cstddef>
#include <string_view>
#include <vector>

namespace planlint::read {

enum class Initial { upper, lower, other };  // lower: a small letter or a digit; other: punctuation

Initial initial_of(std::string_view text);
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
