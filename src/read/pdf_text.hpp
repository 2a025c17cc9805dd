#pragma once
// Text of PDF lines put back together as the author wrote it: list-item markers recognised, soft hyphens
// removed, a line-end hyphen joined or kept, the space that a line wrap stands for restored.
#include <functional>
#include <string>
#include <string_view>

namespace planlint::read::pdf {

// Whether a word is a word of the document's language (Voikko), for telling a hyphenated line end
// ("hyvin-" / "vointia") from a compound written with a hyphen ("sote-" / "palvelut"). Empty: not known.
using IsWord = std::function<bool(std::string_view)>;

// A list-item marker standing alone: a bullet of a symbol font in the Private Use Area (Word's U+F0B7,
// U+F0A7, U+F076, U+F0D8 …), "•", "◦", "▪", "▫", "‣", "–", "○", "■", "□", "➢", "-".
bool is_bullet(std::string_view word);

// Removes soft hyphens (U+00AD) inside the word (one at its end stays, for join_line to see that it broke
// the line) and turns tabs and no-break spaces into spaces.
std::string clean_word(std::string_view text);

// Joins the next line of the same paragraph or cell to `text`. A line ending in a hyphen is joined
// without a space: the hyphen is dropped where it only broke a word (a soft hyphen, or, with `is_word`,
// where the joined word is a word and the hyphenated one is not) and kept in a compound ("sote-palvelut",
// "2022-2025"); "terveys-" before "ja" keeps the space; a line ending in a lone "-" ("Kaikukortti -")
// joins the next word to it ("-toimintaa"). Otherwise the wrap is a space.
void join_line(std::string& text, std::string_view next, const IsWord& is_word);

// Collapses runs of white space into one space, trims both ends and drops soft hyphens.
std::string collapse_spaces(std::string_view text);

}  // namespace planlint::read::pdf
