#pragma once
// Text of PDF lines put back together as the author wrote it: list-item markers recognised, soft hyphens
// removed, a line-end hyphen joined or kept, the space that a line wrap stands for restored.
#include <functional>
#include <string>
#include <string_view>

namespace planlint::read::pdf {

// Whether a word is a word of the document's language (Voikko), for telling a hyphenated line end
// ("hyvin-" / "vointia") from a compound written with a hyphen ("sote-" / "palvelut"), and a word cut
// at a column's edge from two words (pdf_joins.hpp). Empty: not known.
using IsWord = std::function<bool(std::string_view)>;

// A list-item marker standing alone: a bullet of a symbol font in the Private Use Area (Word's U+F0B7,
// U+F0A7, U+F076, U+F0D8 …), "•", "◦", "▪", "▫", "‣", "–", "○", "■", "□", "➢", "-".
bool is_bullet(std::string_view word);

// Removes soft hyphens (U+00AD) inside the word (one at its end stays, for join_line to see that it broke
// the line) and turns tabs, other control characters (so no text holds a mark) and no-break spaces into spaces.
std::string clean_word(std::string_view text);

// What join_line cannot decide from two lines alone, it leaves as a mark in the text, for
// settle_line_joins (pdf_joins.hpp) to decide with the whole document in view; no other code sees a mark.
// A line wrap: a space, or nothing where a word too long for its column was cut ("osallistujamäär" / "ä").
inline constexpr char wrap_mark = '\x1E';
// After a line-end hyphen that may only have broken the word ("hyvin-" / "vointia") or may belong to it
// ("luonto-" / "liikunta"): which, depends on whether the document is hyphenated.
inline constexpr char hyphen_mark = '\x1F';
// Where a soft hyphen broke the line (the word goes on without it): proof that the document is hyphenated.
inline constexpr char soft_break_mark = '\x1D';
inline bool is_join_mark(char c) { return c == wrap_mark || c == hyphen_mark || c == soft_break_mark; }

// Joins the next line of the same paragraph or cell to `text`. Decided here: a soft hyphen that broke the
// line is dropped (soft_break_mark); a hyphen between digits ("2022-" / "2025") or before a capital ("LU-" / "Sote") is kept,
// joined without a space; "terveys-" before "ja" keeps the space; a lone "-" at a line end ("Kaikukortti
// -") belongs to the next word ("-toimintaa"); a dash that ends a word ("2019–" / "2028") is joined
// without a space (word processors break after a dash, never after a slash). Left as a mark: any other
// line-end hyphen (hyphen_mark) and any other wrap (wrap_mark).
void join_line(std::string& text, std::string_view next);

// Collapses runs of white space into one space, trims both ends and drops soft hyphens; a mark
// (wrap_mark, hyphen_mark) stays, without the spaces around it.
std::string collapse_spaces(std::string_view text);

}  // namespace planlint::read::pdf
