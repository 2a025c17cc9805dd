#pragma once
// An untagged PDF read from where its words stand (pdf_words.hpp): lines from baselines; running
// headers, footers and page numbers dropped; goal tables found by their header row ("Toimenpide" …
// "Mittari", the keyword table of grammar/keywords.hpp), their columns from the gutter under the header,
// their rows from the vertical gaps between lines (pdf_rows.hpp), a row cut by a page break joined with its
// continuation (told from a paragraph after the table by the cell border beside it, pdf_rules.hpp) and the
// header repeated on later pages dropped; paragraphs from line spacing and font size; list items
// from their markers; line-end hyphens and wraps joined (pdf_text.hpp).
#include <vector>

#include "read/pdf_rules.hpp"
#include "read/pdf_text.hpp"
#include "read/pdf_words.hpp"
#include "read/structured.hpp"

namespace planlint::read::pdf {

// `rule`: where the page's ruling lines are (pdf_rules.hpp), to tell a table row cut by a page break from a
// paragraph after the table, and a row whose indicator cell is empty or merged from a cell's paragraph;
// empty: not known (such a line is a paragraph, or goes on in the row above).
structured::Document read_layout(const std::vector<Page>& pages, const FindRule& rule = {});

// The running headers, footers and page numbers of the pages (what read_layout leaves out).
std::vector<std::string> page_furniture(const std::vector<Page>& pages);

}  // namespace planlint::read::pdf
