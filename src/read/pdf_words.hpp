#pragma once
// The words of a PDF page as poppler lays them out (poppler-cpp's text boxes): text, box and font size, in
// page coordinates with y growing downwards. What the untagged reader (pdf_layout.hpp) builds lines,
// tables and paragraphs from, and what the tagged reader's text is checked against.
#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace poppler {
class document;
}

namespace planlint::read::pdf {

struct Word {
  std::string text;  // UTF-8, as poppler reads it (soft hyphens and Private Use Area bullets included)
  double x0 = 0, y0 = 0, x1 = 0, y1 = 0;  // box; y0 < y1
  double font_size = 0;
  bool space_after = false;  // poppler saw a space after it on its line
  std::uint32_t page = 0;    // 1-based
  std::string font;          // the font's name as the PDF has it ("CAAAAA+LiberationSans"); may be empty
};

struct Page {
  std::uint32_t number = 0;  // 1-based
  double width = 0, height = 0;
  std::vector<Word> words;  // in poppler's reading order
};

// Every page's words.
std::vector<Page> page_words(const poppler::document& doc);

// How many letters and digits the pages hold (what a complete structure tree must also hold).
std::size_t count_alnum(std::string_view utf8);

// Keeps poppler's own error chatter off stderr (an InputError, or nothing when harmless, says it instead),
// for the lifetime of the process: installed once, thread-safe.
void silence_poppler();

}  // namespace planlint::read::pdf
