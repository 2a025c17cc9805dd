#pragma once
// A generated plan (corpus_gen.hpp) written as the text that PDF export tools give for a final version, in
// the two forms planlint reads: `pdftotext -layout` text (columns by spaces, a running header, a page
// number, form feeds) and block text (every line followed by a blank line, soft wraps keeping a trailing
// blank, a page starting with a line that begins with a space). A C++ port of the renderers of
// tests/fixtures/final/generate.py, whose fixtures the final readers are tested on; final versions carry
// no status and no "who is responsible" column, as the samples do not.
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "corpus_gen.hpp"

namespace planlint::bench {

// Columns are counted in characters (code points), as a PDF lays them out.
inline std::size_t columns(std::string_view s) {
  std::size_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

inline std::string pad_right(std::string s, std::size_t width) {
  const std::size_t n = columns(s);
  if (n < width) s.append(width - n, ' ');
  return s;
}

inline std::string trim_right(std::string s) {
  while (!s.empty() && s.back() == ' ') s.pop_back();
  return s;
}

// Greedy word wrap at `width` columns; a word with a hyphen inside may break after it. Each line comes
// with whether it was wrapped (true) or ends the text (false).
inline std::vector<std::pair<std::string, bool>> wrap(std::string_view text, std::size_t width) {
  std::vector<std::string> words;
  for (std::size_t i = 0; i < text.size();) {
    const std::size_t end = std::min(text.find(' ', i), text.size());
    if (end > i) words.emplace_back(text.substr(i, end - i));
    i = end + 1;
  }
  std::vector<std::pair<std::string, bool>> out;
  std::string line;
  for (std::size_t k = 0; k < words.size(); ++k) {
    const std::string& w = words[k];
    const std::string candidate = line.empty() ? w : line + " " + w;
    if (columns(candidate) <= width || line.empty()) {
      line = candidate;
      continue;
    }
    const std::size_t hyphen = w.size() > 2 ? w.find('-', 1) : std::string::npos;
    if (hyphen != std::string::npos && hyphen + 1 < w.size()) {
      const std::string head = w.substr(0, hyphen + 1);
      if (columns(line + " " + head) <= width) {
        out.emplace_back(line + " " + head, true);
        line = w.substr(hyphen + 1);
        continue;
      }
    }
    out.emplace_back(line, true);
    line = w;
  }
  out.emplace_back(line, false);
  return out;
}

// `pdftotext -layout`: the measure column `measure_width` wide, a gap, then the indicator column.
struct LayoutShape {
  std::size_t measure_width = 50, gap = 4, indicator_width = 40, page_lines = 45;
  bool padded = false;          // a blank line after each row
  bool repeat_header = false;   // a table that goes on to the next page repeats its header there
};

inline std::string render_layout(const GeneratedPlan& p, const LayoutShape& shape) {
  const std::size_t column = shape.measure_width + shape.gap;
  const std::size_t text_width = column + shape.indicator_width;
  std::vector<std::vector<std::string>> pages;
  std::vector<std::string> page;
  bool table_open = false;
  const auto two = [&](const std::string& left, const std::string& right) {
    return right.empty() ? left : trim_right(pad_right(left, column) + right);
  };
  const auto new_page = [&](bool continuing) {
    if (!page.empty()) pages.push_back(std::move(page));
    page.clear();
    if (continuing && table_open && shape.repeat_header) page.push_back(two("Toimenpide", "Mittari"));
  };
  const auto emit = [&](std::string line) {
    if (page.size() >= shape.page_lines) new_page(true);
    page.push_back(std::move(line));
  };
  for (const std::string* paragraph : {&p.title, &p.municipality, &p.introduction}) {
    for (auto& [line, soft] : wrap(*paragraph, text_width)) emit(line);
    emit("");
  }
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    const auto lines = wrap("TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title, text_width - 2);
    for (std::size_t k = 0; k < lines.size(); ++k) emit((k == 0 ? "\u2022 " : "  ") + lines[k].first);
  }
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    table_open = false;
    new_page(false);
    for (auto& [line, soft] : wrap("TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title, text_width)) emit(line);
    emit("");
    emit(two("Toimenpide", "Mittari"));
    table_open = true;
    if (shape.padded) emit("");
    for (const GeneratedRow& r : p.goals[g].rows) {
      const auto measure = wrap(r.measure, shape.measure_width);
      const auto indicator = r.indicator.empty() ? decltype(measure){} : wrap(r.indicator, shape.indicator_width);
      for (std::size_t k = 0; k < std::max(measure.size(), indicator.size()); ++k) {
        emit(two(k < measure.size() ? measure[k].first : "", k < indicator.size() ? indicator[k].first : ""));
      }
      if (shape.padded) emit("");
    }
  }
  pages.push_back(std::move(page));
  // The running header centred as Python's str.center does it, the page number under the middle.
  std::string header;
  if (const std::size_t n = columns(p.title); n < text_width) {
    const std::size_t margin = text_width - n;
    header = std::string(margin / 2 + (margin & text_width & 1), ' ');
  }
  header += p.title;
  std::string out;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (k > 0) out += '\f';
    out += header + "\n\n";
    for (const std::string& line : pages[k]) out += line + "\n";
    const std::string number = std::to_string(k + 1);
    out += "\n" + std::string(text_width / 2 + 1 - std::min(text_width / 2 + 1, number.size()), ' ') + number + "\n";
  }
  return out + "\f";
}

// Block text: every line followed by a blank line, soft wraps keep a trailing blank, a new page begins
// with a line that starts with a space and usually shows a bare page number.
struct BlocksShape {
  std::size_t width = 80, page_lines = 24;
};

inline std::string render_blocks(const GeneratedPlan& p, const BlocksShape& shape, Rng& rng) {
  // A cell's lines: a soft wrap ends in a blank (not after a hyphen); the last line of a cell sometimes
  // keeps a blank or two, as PDF export leaves them.
  const auto cell_lines = [&](const std::string& text, std::size_t width) {
    std::vector<std::string> lines;
    for (auto& [line, soft] : wrap(text, width)) {
      if (soft && !line.ends_with('-')) lines.push_back(line + " ");
      else if (!soft && line.ends_with('.') && rng.below(4) == 0) lines.push_back(line + (rng.below(2) ? " " : "  "));
      else lines.push_back(line);
    }
    return lines;
  };
  std::vector<std::vector<std::string>> pages;
  std::vector<std::string> page;
  const auto new_page = [&] {
    if (!page.empty()) pages.push_back(std::move(page));
    page.clear();
  };
  const auto emit = [&](std::string line) {
    if (page.size() >= shape.page_lines) new_page();
    page.push_back(std::move(line));
  };
  for (const std::string* paragraph : {&p.title, &p.municipality, &p.introduction}) {
    for (std::string& line : cell_lines(*paragraph, shape.width + 20)) emit(std::move(line));
  }
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    const auto lines = cell_lines("TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title, shape.width);
    for (std::size_t k = 0; k < lines.size(); ++k) emit((k == 0 ? "\u2022 " : "") + lines[k]);
  }
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    new_page();
    for (std::string& line : cell_lines("TAVOITE " + std::to_string(g + 1) + ". " + p.goals[g].title, shape.width + 25)) {
      emit(std::move(line));
    }
    emit("Toimenpide Mittari");
    for (const GeneratedRow& r : p.goals[g].rows) {
      std::vector<std::string> measure = cell_lines(r.measure, shape.width);
      std::vector<std::string> indicator = r.indicator.empty() ? std::vector<std::string>{} : cell_lines(r.indicator, shape.width);
      std::size_t from = 0;
      if (measure.size() == 1 && !indicator.empty()) {
        // A one-line measure: PDF export puts the indicator's first line on the same line.
        emit(trim_right(measure[0]) + " " + indicator[0]);
        from = 1;
      } else {
        for (std::string& line : measure) emit(std::move(line));
      }
      for (std::size_t k = from; k < indicator.size(); ++k) emit(std::move(indicator[k]));
    }
  }
  pages.push_back(std::move(page));
  std::string out;
  std::size_t number = 1;
  for (std::size_t k = 0; k < pages.size(); ++k) {
    if (pages[k].empty()) continue;
    ++number;
    for (std::size_t j = 0; j < pages[k].size(); ++j) {
      if (j == 0 && k > 0) {
        out += " " + pages[k][j] + "\n\n";
        if (rng.below(10) < 7) out += std::to_string(number) + "\n\n";
        continue;
      }
      out += pages[k][j] + "\n";
      if (j + 1 < pages[k].size()) out += "\n";
    }
  }
  return out;
}

// A final version in one of the two forms, its page and column sizes drawn from `rng`.
inline std::string render_final(const GeneratedPlan& p, bool layout, Rng& rng) {
  if (layout) {
    LayoutShape shape;
    shape.measure_width = rng.between(38, 60);
    shape.gap = rng.between(3, 5);
    shape.indicator_width = rng.between(30, 45);
    shape.page_lines = rng.between(25, 50);
    shape.padded = rng.below(2) == 0;
    shape.repeat_header = rng.below(2) == 0;
    return render_layout(p, shape);
  }
  BlocksShape shape;
  shape.width = rng.between(45, 110);
  shape.page_lines = rng.between(14, 30);
  return render_blocks(p, shape, rng);
}

}  // namespace planlint::bench
