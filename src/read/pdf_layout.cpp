#include "read/pdf_layout.hpp"

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>

#include "grammar/keywords.hpp"
#include "read/pdf_lines.hpp"
#include "read/pdf_rows.hpp"

namespace planlint::read::pdf {

namespace {

using structured::Cell;
using structured::Document;
using structured::Paragraph;
using structured::Row;
using structured::Table;

// Baselines further apart than this many font sizes are not lines of one paragraph (or one table row):
// line spacing is about 1.15–1.25 font sizes, paragraph spacing and cell padding add more.
constexpr double paragraph_gap = 1.45;
// Lines further apart than this are not the same table (unless a page break is between them).
constexpr double table_gap = 3.5;
// A gutter narrower than this (points) is only the space between two words.
constexpr double min_gutter = 4.0;

double gap(const Line& a, const Line& b) { return b.baseline - a.baseline; }
double size_of(const Line& a, const Line& b) { return std::max({a.font_size, b.font_size, 1.0}); }
bool spaced(const Line& a, const Line& b) { return gap(a, b) > paragraph_gap * size_of(a, b); }

// The leading word of a box's text (letters only: "Mittari/" is "Mittari").
std::string_view leading_word(const std::string& text) {
  return std::string_view(text).substr(0, grammar::word_length(text.data(), text.data() + text.size()));
}

// The header row of a goal table: a line that starts with a measure header word and has an indicator
// header word further right, a column's width away ("Toimenpide      Mittari", "Toimenpiteet  Mittarit").
struct HeaderWords {
  const Word* measure = nullptr;
  const Word* indicator = nullptr;
  bool cut = false;  // the measure header word goes on on the next line ("Toimenpi" / "de")
};
// The first word of the line below `l` where it goes on with `l`'s first word cut at a column's edge
// without a hyphen ("Toimenpi" / "de" in a column narrower than the header word): right below it, starting
// where it starts, in lower case.
const Word* cut_word_below(const Line& l, const Line* below) {
  if (!below || below->page != l.page || below->words.empty()) return nullptr;
  const Word* first = l.words.front();
  const Word* next = below->words.front();
  const double size = std::max(l.font_size, 1.0);
  if (gap(l, *below) > 1.5 * size || std::abs(next->x0 - first->x0) > 1.0) return nullptr;
  const char c = next->text.empty() ? 'A' : next->text.front();
  return (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80 ? next : nullptr;
}

// The line after lines[i], if any.
const Line* line_after(const std::vector<Line>& lines, std::size_t i) { return i + 1 < lines.size() ? &lines[i + 1] : nullptr; }

// `below`: the next line, for a header word cut at the column's edge.
std::optional<HeaderWords> header_words(const Line& l, const Line* below) {
  if (l.words.empty() || l.words.size() > 6) return std::nullopt;
  const Word* first = l.words.front();
  const auto is_measure_header = [](const std::string& text) {
    return grammar::is_keyword(grammar::role::measure_header, leading_word(text));
  };
  const Word* rest = is_measure_header(first->text) ? nullptr : cut_word_below(l, below);
  if (!is_measure_header(rest ? first->text + rest->text : first->text)) return std::nullopt;
  for (std::size_t i = 1; i < l.words.size(); ++i) {
    const Word* w = l.words[i];
    if (w->x0 - l.words[i - 1]->x1 < 1.5 * std::max(l.font_size, 1.0)) continue;  // a word space, not a gutter
    if (grammar::is_keyword(grammar::role::indicator_header, leading_word(w->text))) return HeaderWords{first, w, rest != nullptr};
    return std::nullopt;
  }
  return std::nullopt;
}

// The widest free stretch of [lo, hi] that no word of the line covers; nullopt when none is a gutter.
std::optional<std::pair<double, double>> narrow_gutter(std::pair<double, double> gutter, const Line& l) {
  std::vector<std::pair<double, double>> covered;
  for (const Word* w : l.words) {
    if (w->x1 > gutter.first && w->x0 < gutter.second) covered.emplace_back(w->x0, w->x1);
  }
  std::sort(covered.begin(), covered.end());
  std::pair<double, double> best{0, -1};
  double from = gutter.first;
  for (const auto& [a, b] : covered) {
    if (a - from > best.second - best.first) best = {from, a};
    from = std::max(from, b);
  }
  if (gutter.second - from > best.second - best.first) best = {from, gutter.second};
  if (best.second - best.first < min_gutter) return std::nullopt;
  return best;
}

struct TableExtent {
  std::vector<TableLine> lines;
  double split = 0;  // x between the columns
  std::size_t end = 0;  // index of the first line after the table
};

// Whether `l`, the first line of a page without the header row repeated above it, goes on with the table
// whose last line was the page before's last. A line with text in both columns does. A line in one column
// is either a row cut by the page break or a paragraph after the table short enough to fit in a column:
// the row's continuation stands inside the cell, a border drawn just left of its text (the left edge of
// the table or the line between the columns), the paragraph does not. Without `rule` (no way to look),
// or where the line starts left of the first column's text, it is a paragraph.
bool goes_on_after_break(const Line& l, double split, double left, const FindRule& rule) {
  bool first = false, second = false;
  for (const Word* w : l.words) ((w->x0 + w->x1) / 2 < split ? first : second) = true;
  if (first && second) return true;
  if (!rule || (first && left < 1e9 && l.x0 < left - 1.0)) return false;
  // The border stands in the cell's padding, left of the text (LibreOffice 5.4 pt, Chromium's 3 pt plus
  // the border); the band is the line's box less a point at each end.
  const double size = std::max(l.font_size, 1.0);
  return rule(l.page, Rule::down, Box{l.x0 - 1.5 * size, l.y0 + 1, l.x0 - 0.5, l.y1 - 1});
}

bool has_font(const Line& l, const std::string& font) {
  return std::any_of(l.words.begin(), l.words.end(), [&](const Word* w) { return w->font == font; });
}

// The lines of the table whose header row is lines[start], and where its columns divide.
TableExtent table_extent(const std::vector<Line>& lines, std::size_t start, const HeaderWords& header,
                         const FindRule& rule) {
  TableExtent t;
  std::pair<double, double> gutter{header.measure->x1, header.indicator->x0};
  t.lines.push_back({&lines[start]});
  double body_font = 0;
  std::string body_font_name;  // the font of the first row's first word
  double widest = 0;  // the widest gap between two lines of the table on one page
  double left = 1e9;  // the left edge of the first column's text (a centred header cell does not show it)
  std::size_t i = start + 1;
  for (; i < lines.size(); ++i) {
    const Line& l = lines[i];
    const Line& prev = lines[i - 1];
    const bool new_page = l.page != prev.page;
    if (const auto repeated = header_words(l, line_after(lines, i))) {
      if (!new_page) break;  // another table
      t.lines.push_back({&l, true});
      if (repeated->cut) t.lines.push_back({&lines[++i], true});  // the header word's rest ("de")
      continue;
    }
    if (!new_page && gap(prev, l) > table_gap * size_of(prev, l)) break;
    if (new_page && !t.lines.back().repeated_header &&
        !goes_on_after_break(l, (gutter.first + gutter.second) / 2, left, rule)) {
      break;
    }
    if (body_font > 0 && std::abs(l.font_size - body_font) > 0.2 * body_font) break;  // a heading
    // Lines of a table are a line pitch or a row gap apart; a line in another font (or size) further down
    // than any row gap so far is the heading after the table (LibreOffice's 13 pt DejaVu Sans Bold 23–27 pt
    // below 11, 13 or 14 pt Liberation Sans).
    if (!new_page && widest > 0 && gap(prev, l) > widest + 0.5 * size_of(prev, l) &&
        (std::abs(l.font_size - body_font) > 0.05 * body_font || !has_font(l, body_font_name))) {
      break;
    }
    if (l.x0 < left - 0.6 * std::max(l.font_size, 1.0) && left < 1e9) break;  // left of the first column
    const auto narrowed = narrow_gutter(gutter, l);
    if (!narrowed) break;
    gutter = *narrowed;
    if (body_font == 0) body_font = l.font_size, body_font_name = l.words.front()->font;
    if (!new_page) widest = std::max(widest, gap(prev, l));
    if (l.x0 < gutter.first) left = std::min(left, l.x0);
    t.lines.push_back({&l});
  }
  t.end = i;
  t.split = (gutter.first + gutter.second) / 2;
  return t;
}

class LayoutReader {
 public:
  LayoutReader(const std::vector<Line>& lines, const FindRule& rule) : lines_(lines), rule_(rule) {
    measure_document();
  }

  Document read() {
    Document doc;
    doc.kind = "pdf";
    std::size_t i = 0;
    while (i < lines_.size()) {
      if (const auto header = header_words(lines_[i], line_after(lines_, i))) {
        i = table(i, *header, doc);
      } else {
        i = paragraph(i, doc);
      }
    }
    return doc;
  }

 private:
  // The body font size (most words), the larger sizes of headings, the indents of list markers, the right
  // edge of full lines.
  void measure_document() {
    std::map<long, std::size_t> words_by_size;
    for (const Line& l : lines_) {
      words_by_size[std::lround(l.font_size * 2)] += l.words.size();
      right_ = std::max(right_, l.x1);
      if (!l.words.empty() && bullet_of(l)) marker_xs_.push_back(l.words.front()->x0);
    }
    std::size_t most = 0;
    for (const auto& [size, n] : words_by_size) {
      if (n > most) most = n, body_size_ = static_cast<double>(size) / 2;
    }
    for (const auto& [size, n] : words_by_size) {
      if (static_cast<double>(size) / 2 > body_size_ * 1.08) heading_sizes_.push_back(static_cast<double>(size) / 2);
    }
    std::sort(heading_sizes_.rbegin(), heading_sizes_.rend());
    std::sort(marker_xs_.begin(), marker_xs_.end());
    std::vector<double> levels;
    for (double x : marker_xs_) {
      if (levels.empty() || x - levels.back() > 3) levels.push_back(x);
    }
    marker_xs_ = std::move(levels);
  }

  int heading_level(double size) const {
    for (std::size_t i = 0; i < heading_sizes_.size() && i < 6; ++i) {
      if (std::abs(size - heading_sizes_[i]) < 0.3) return static_cast<int>(i + 1);
    }
    return 0;
  }

  int list_level(double x) const {
    for (std::size_t i = 0; i < marker_xs_.size(); ++i) {
      if (x - marker_xs_[i] <= 3) return static_cast<int>(i);
    }
    return 0;
  }

  // Whether the line starts with a list marker (a bullet standing alone, or glued to the first word).
  static bool bullet_of(const Line& l) { return is_bullet(l.words.front()->text) || glued_bullet(l.words.front()->text) > 0; }
  // The length of a Private Use Area bullet that poppler joined with the word after it.
  static std::size_t glued_bullet(const std::string& text) {
    if (text.size() <= 3 || static_cast<unsigned char>(text[0]) != 0xEF) return 0;
    return is_bullet(text.substr(0, 3)) ? 3 : 0;
  }

  // Whether `x` is where the text of the list item whose first line is `l` starts, after its marker: at its
  // second word, or, where poppler glued the marker to the first word, right of the marker by up to three
  // characters (the marker's width and the gap after it are not known then).
  static bool at_item_text(const Line& l, double x, double size) {
    const double marker = l.words.front()->x0;
    if (is_bullet(l.words.front()->text) && l.words.size() > 1) return std::abs(x - l.words[1]->x0) < 0.5 * size;
    return x > marker + 0.2 * size && x < marker + 3 * size;
  }

  // The line's text without a leading list marker.
  static std::string text_without_marker(const Line& l) {
    std::vector<const Word*> words = l.words;
    if (is_bullet(words.front()->text)) {
      words.erase(words.begin());
      return text_of(words);
    }
    std::string text = text_of(words);
    return text.substr(glued_bullet(words.front()->text));
  }

  // One paragraph or list item from lines[start]; returns the index of the line after it.
  std::size_t paragraph(std::size_t start, Document& doc) {
    const Line& first = lines_[start];
    const bool item = bullet_of(first);
    std::string text = item ? text_without_marker(first) : text_of(first.words);
    std::size_t i = start + 1;
    for (; i < lines_.size(); ++i) {
      const Line& l = lines_[i];
      const Line& prev = lines_[i - 1];
      if (header_words(l, line_after(lines_, i)) || bullet_of(l)) break;
      if (std::abs(l.font_size - prev.font_size) > 0.1 * size_of(prev, l)) break;
      // Whether the next line's first word would have fitted on this one: then the paragraph ended here.
      const bool next_fitted =
          prev.x1 + 0.3 * l.font_size + (l.words.front()->x1 - l.words.front()->x0) < right_ - l.font_size;
      if (l.page != prev.page) {
        // The last page's paragraph ended short of the margin; a list item goes on at its text's indent
        // unless its next word would have fitted.
        const bool item_goes_on = item && at_item_text(first, l.x0, size_of(prev, l)) && !next_fitted;
        if (prev.x1 < right_ - 3 * size_of(prev, l) && !item_goes_on) break;
      } else if (spaced(prev, l)) {
        break;
      } else if (!item && l.font_size <= body_size_ * 1.05 && next_fitted) {
        break;  // the paragraph (or a list item whose bullet is a drawing, as in Chromium's PDFs) ended there
      }
      if (item && l.x0 < first.words.front()->x0 - 0.5 * size_of(prev, l)) break;  // left of the list
      join_line(text, text_of(l.words));
    }
    Paragraph p;
    p.text = collapse_spaces(text);
    p.heading_level = item ? 0 : heading_level(first.font_size);
    p.list_level = item ? list_level(first.words.front()->x0) : -1;
    p.where.page = first.page;
    if (!p.text.empty()) {
      p.where.paragraph = ++paragraphs_;
      doc.blocks.emplace_back(std::move(p));
    }
    return i;
  }

  // The goal table whose header row is lines[start]; returns the index of the line after it.
  std::size_t table(std::size_t start, const HeaderWords& header, Document& doc) {
    const TableExtent extent = table_extent(lines_, start, header, rule_);
    std::vector<RowText> rows = table_rows(extent.lines, extent.split, rule_);
    // The header word that was cut at the column's edge is one word ("Toimenpi" / "de").
    if (const std::string cut = header.measure->text + wrap_mark; header.cut && !rows.empty() && rows[0].cells[0].starts_with(cut)) {
      rows[0].cells[0].erase(header.measure->text.size(), 1);
    }
    Table t;
    t.number = ++tables_;
    for (const RowText& rt : rows) {
      Row r;
      for (std::uint32_t c = 0; c < 2; ++c) {
        std::string text = collapse_spaces(rt.cells[c]);
        if (text.empty()) continue;  // a missing cell is absent
        // A merged cell points at the row where it starts.
        const std::size_t from = c == 1 ? rt.indicator_from : t.rows.size();
        const Locator where{.page = rows[from].page, .table = t.number, .row = static_cast<std::uint32_t>(from + 1), .column = c + 1};
        r.cells.push_back(Cell{std::move(text), 1, where});
      }
      t.rows.push_back(std::move(r));
    }
    doc.blocks.emplace_back(std::move(t));
    return extent.end;
  }

  const std::vector<Line>& lines_;
  const FindRule& rule_;
  double body_size_ = 0;
  double right_ = 0;
  std::vector<double> heading_sizes_;
  std::vector<double> marker_xs_;  // the x of each list level's markers
  std::uint32_t paragraphs_ = 0;
  std::uint32_t tables_ = 0;
};

}  // namespace

structured::Document read_layout(const std::vector<Page>& pages, const FindRule& rule) {
  std::vector<std::vector<Line>> by_page;
  by_page.reserve(pages.size());
  for (const Page& p : pages) by_page.push_back(lines_of(p));
  drop_page_furniture(by_page);
  std::vector<Line> lines;
  for (auto& page_lines : by_page) {
    for (Line& l : page_lines) lines.push_back(std::move(l));
  }
  return LayoutReader(lines, rule).read();
}

}  // namespace planlint::read::pdf

namespace planlint::read::pdf {

std::vector<std::string> page_furniture(const std::vector<Page>& pages) {
  std::vector<std::vector<Line>> by_page;
  by_page.reserve(pages.size());
  for (const Page& p : pages) by_page.push_back(lines_of(p));
  return drop_page_furniture(by_page);
}

}  // namespace planlint::read::pdf
