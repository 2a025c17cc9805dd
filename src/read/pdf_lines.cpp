#include "read/pdf_lines.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <unordered_map>

#include "read/pdf_text.hpp"

namespace planlint::read::pdf {

namespace {

// The part of the page where running headers and footers stand.
constexpr double margin_fraction = 0.12;

void extend(Line& line, const Word& w) {
  if (line.words.empty()) {
    line.x0 = w.x0, line.x1 = w.x1, line.y0 = w.y0, line.y1 = w.y1, line.baseline = w.y1;
  }
  line.x0 = std::min(line.x0, w.x0);
  line.x1 = std::max(line.x1, w.x1);
  line.y0 = std::min(line.y0, w.y0);
  line.y1 = std::max(line.y1, w.y1);
  line.font_size = std::max(line.font_size, w.font_size);
  line.words.push_back(&w);
}

bool in_margin(const Line& l) {
  return l.y1 < l.page_height * margin_fraction || l.y0 > l.page_height * (1 - margin_fraction);
}

// Text with every digit as '#': "Sivu 3 / 12" and "Sivu 4 / 12" are the same running footer.
std::string shape_of(const std::string& text) {
  std::string s = text;
  for (char& c : s) {
    if (c >= '0' && c <= '9') c = '#';
  }
  return s;
}

// "3", "- 3 -", "3 / 12", "3 (12)", "Sivu 3", "Page 3 of 12"; not "2019–2028." or "2022-2025".
bool is_page_number(const std::string& text) {
  std::string t;
  for (const char c : text) t += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  std::size_t i = 0;
  const auto skip = [&](std::string_view what) {
    while (i < t.size() && t[i] == ' ') ++i;
    if (t.compare(i, what.size(), what) != 0) return false;
    i += what.size();
    return true;
  };
  const auto number = [&] {
    while (i < t.size() && t[i] == ' ') ++i;
    const std::size_t from = i;
    while (i < t.size() && t[i] >= '0' && t[i] <= '9') ++i;
    return i > from && i - from <= 4;
  };
  for (std::string_view word : {"sivu", "page", "sida", "s."}) {
    if (skip(word)) break;
  }
  const bool dashed = skip("-");
  if (!number()) return false;
  if (skip("/") || skip("of") || skip("(")) {
    if (!number()) return false;
    skip(")");
  }
  if (dashed && !skip("-")) return false;
  while (i < t.size() && t[i] == ' ') ++i;
  return i == t.size();
}

}  // namespace

std::string text_of(const std::vector<const Word*>& words) {
  std::string text;
  const Word* prev = nullptr;
  for (const Word* w : words) {
    if (prev && (prev->space_after || w->x0 - prev->x1 > 0.12 * std::max(prev->font_size, 1.0))) text += ' ';
    text += clean_word(w->text);
    prev = w;
  }
  return text;
}

std::vector<Line> lines_of(const Page& page) {
  std::vector<const Word*> words;
  words.reserve(page.words.size());
  for (const Word& w : page.words) words.push_back(&w);
  std::sort(words.begin(), words.end(), [](const Word* a, const Word* b) {
    return a->y1 != b->y1 ? a->y1 < b->y1 : a->x0 < b->x0;
  });
  std::vector<Line> lines;
  for (const Word* w : words) {
    // Same line: baselines within a third of the font size (a bold word, a different font).
    if (!lines.empty() && std::abs(lines.back().baseline - w->y1) < 0.35 * std::max(w->font_size, 1.0)) {
      extend(lines.back(), *w);
      continue;
    }
    Line l;
    l.page = page.number;
    l.page_height = page.height;
    extend(l, *w);
    lines.push_back(std::move(l));
  }
  for (Line& l : lines) {
    std::sort(l.words.begin(), l.words.end(), [](const Word* a, const Word* b) { return a->x0 < b->x0; });
  }
  return lines;
}

namespace {

// A line in the margin right below one there that stays, each of its words starting where a word of that
// line starts, is the same block's next line, however often it repeats: the second line of a table's
// header row that a narrow column wraps ("Toimenpi" / "de"), repeated at the top of every page. (A running
// header above a table's header row is not below it.)
void keep_lines_next_to_kept(const std::vector<Line>& lines, std::vector<bool>& drop) {
  const auto goes_on = [&](const Line& above, const Line& l) {
    const double size = std::max({above.font_size, l.font_size, 1.0});
    if (!in_margin(above) || !in_margin(l) || l.baseline - above.baseline > 1.5 * size) return false;
    return std::all_of(l.words.begin(), l.words.end(), [&](const Word* w) {
      return std::any_of(above.words.begin(), above.words.end(), [&](const Word* a) { return std::abs(a->x0 - w->x0) <= 1.0; });
    });
  };
  for (std::size_t i = 1; i < lines.size(); ++i) {
    if (drop[i] && !drop[i - 1] && goes_on(lines[i - 1], lines[i])) drop[i] = false;
  }
}

}  // namespace

std::vector<std::string> drop_page_furniture(std::vector<std::vector<Line>>& pages) {
  // How many pages have each margin line's shape at about that height (rounded to 4 pt).
  std::unordered_map<std::string, std::size_t> seen;
  const auto key = [](const Line& l) {
    return shape_of(text_of(l.words)) + "@" + std::to_string(static_cast<long>(std::lround(l.baseline / 4)));
  };
  for (const auto& lines : pages) {
    std::unordered_map<std::string, bool> on_page;
    for (const Line& l : lines) {
      if (in_margin(l)) on_page[key(l)] = true;
    }
    for (const auto& [k, unused] : on_page) ++seen[k];
  }
  // A running header stands on most pages (not the title page, perhaps only odd or even ones); a line that
  // is at the same place on a few pages of a long document is the document's.
  const std::size_t repeated = pages.size() >= 2 ? std::max<std::size_t>(2, (pages.size() * 2 + 4) / 5) : 1000000;
  std::vector<std::string> dropped;
  for (auto& lines : pages) {
    std::vector<bool> drop(lines.size());
    for (std::size_t i = 0; i < lines.size(); ++i) {
      drop[i] = in_margin(lines[i]) && (seen[key(lines[i])] >= repeated || is_page_number(text_of(lines[i].words)));
    }
    keep_lines_next_to_kept(lines, drop);
    std::size_t i = 0;
    std::erase_if(lines, [&](const Line& l) {
      if (!drop[i++]) return false;
      dropped.push_back(text_of(l.words));
      return true;
    });
  }
  return dropped;
}

}  // namespace planlint::read::pdf
