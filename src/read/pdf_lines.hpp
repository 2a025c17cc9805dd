#pragma once
// Lines of a PDF page built from its words, and the lines that are not the document's text: running
// headers and footers (the same text at the same height on several pages) and page numbers.
#include <cstdint>
#include <string>
#include <vector>

#include "read/pdf_words.hpp"

namespace planlint::read::pdf {

struct Line {
  std::vector<const Word*> words;  // left to right
  double x0 = 0, x1 = 0, y0 = 0, y1 = 0;
  double baseline = 0;   // the bottom of its words' boxes
  double font_size = 0;  // the largest of its words
  std::uint32_t page = 0;
  double page_height = 0;
};

// The page's lines, top to bottom: words whose boxes share a baseline.
std::vector<Line> lines_of(const Page& page);

// The text of words side by side: a space where poppler saw one or where the gap is a space's width
// (Chromium's PDFs have no space characters).
std::string text_of(const std::vector<const Word*>& words);

// Drops running headers and footers (the same text, digits aside, near the same height on
// two pages in five or more and at the top or bottom of the page) and lines that are only a page number;
// returns their texts.
std::vector<std::string> drop_page_furniture(std::vector<std::vector<Line>>& pages);

}  // namespace planlint::read::pdf
