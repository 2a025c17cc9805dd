#pragma once
// Line joins that need the whole document in view: the marks join_line (pdf_text.hpp) leaves in the text
// of a paragraph or cell, settled once the PDF is read, by its tagged tree or by its layout.
#include <cstddef>
#include <string>
#include <string_view>

#include "read/pdf_text.hpp"
#include "read/structured.hpp"

namespace planlint::read::pdf {

// How the line-end hyphens of a document split their words.
struct HyphenBreaks {
  std::size_t soft = 0;        // soft hyphens that broke a line: the document is hyphenated
  std::size_t all = 0;         // hyphen marks
  std::size_t mid_word = 0;    // of them: "hyvin-" / "vointia", the first part no word and the whole one
};

// Counts the hyphen marks of `text` into `breaks`.
void count_hyphen_breaks(std::string_view text, const IsWord& is_word, HyphenBreaks& breaks);

// How a document breaks words at line ends.
struct Hyphenation {
  bool hyphenated = false;     // its word processor breaks words at line ends
  bool breaks_marked = false;  // and marks each such hyphen as a soft one: any other is the author's
};

// A document is hyphenated when a soft hyphen broke a line, or when several of its line-end hyphens,
// and a good share, split a word where no compound has a seam ("toimenpitei-" / "den"). A document that
// is not only ever ends a line in a hyphen the author typed.
Hyphenation hyphenation_of(const HyphenBreaks& breaks);

// The text with its marks decided. A hyphen mark: in a hyphenated document whose breaks are not marked,
// the hyphen goes where the word without it is a word and the hyphenated form is not ("hyvin-" /
// "vointia"); otherwise it stays ("luonto-liikunta"). A wrap mark is a space, except where a word
// was cut at its column's edge — the line's last word and the next line's start are together a word,
// one of them is no word ("osallistujamäär" / "ä"), and the line holds only that word or the word is
// longer than a column can be narrow (LibreOffice starts such a word after others: "Toteutetaan Espoon
// lähiliikuntapaikkaohjel" / "maa") — or where the next line starts with a
// closing mark ("." "," ")"), before which no word processor breaks a line, or after a "/" in a
// hyphenated document (LibreOffice breaks after a slash within a word only when it hyphenates:
// "hyödyntäminen/" / "määrä"). Without `is_word` only the certain cases are joined.
std::string settle_joins(std::string_view text, Hyphenation hyphenation, const IsWord& is_word);

// Settles every paragraph and cell of `doc`.
void settle_line_joins(structured::Document& doc, const IsWord& is_word);

}  // namespace planlint::read::pdf
