#pragma once
// The spaces at line wraps that a structure tree's text lost, put back from the page words. Chromium tags a
// paragraph's lines as one piece of marked content, and poppler gives its text with the lines glued
// without the space a wrap stands for ("lasten januorten"): the glued token is no word of the pages, but the
// last word of one line and the first of the next, read one after the other.
#include <vector>

#include "read/pdf_text.hpp"
#include "read/pdf_words.hpp"
#include "read/structured.hpp"

namespace planlint::read::pdf {

// Replaces each token of the tree's paragraphs and cells (between spaces) that is the concatenation of words
// meeting at line wraps on the pages (a line's last word and the next line's first in the same column; with
// lines of one word between them, a run of up to four) by those words joined as a wrap is (join_line: a
// space; after a hyphen, none, or one before "ja"), the hyphen kept as the tree has it. A token that is
// also a word of the pages is taken in order: the k-th time the tree has it is the k-th place the pages
// read it, alone or glued. Linear in the words and the text (hash maps; each line looks a few lines down).
void restore_wraps(structured::Document& tree, const std::vector<Page>& pages);

}  // namespace planlint::read::pdf
