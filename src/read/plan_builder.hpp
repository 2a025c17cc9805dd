#pragma once
// What the text grammars' actions build a Plan with (grammar/draft.hpp, grammar/markdown.hpp): goal
// headings, overview items, table headers and rows, claims, paragraphs, in document order. One builder for
// every grammar, so that a plan read from a draft or from Markdown means the same.
#include <algorithm>
#include <charconv>
#include <optional>
#include <string_view>
#include <vector>

#include "grammar/columns.hpp"
#include "grammar/keywords.hpp"
#include "model/plan.hpp"
#include "read/goal_runs.hpp"
#include "text/utf8.hpp"

namespace planlint::read {

inline int parse_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// A line's text without the blanks around it (layout, not text); blanks are one byte and one column each.
inline Span trimmed(Span s) {
  while (!s.text.empty() && (s.text.front() == ' ' || s.text.front() == '\t')) {
    s.text.remove_prefix(1);
    ++s.range.begin.offset;
    ++s.range.begin.column;
  }
  while (!s.text.empty() && (s.text.back() == ' ' || s.text.back() == '\t')) {
    s.text.remove_suffix(1);
    --s.range.end.offset;
    --s.range.end.column;
  }
  return s;
}

inline int number_value(std::string_view text) {
  if (!text.empty() && text.front() >= '0' && text.front() <= '9') return parse_int(text);
  return grammar::number_word_value(text).value_or(0);
}

// What one line-level rule collects before it is known to match as a whole (see change_states below).
// PEGTL's change_states hands `success` the input at the end of the match, so each state also records the
// range of the match from an action on its inner rule.
struct GoalRef {
  int number = 0;
  int parent = 0;  // "Tavoite 1.2": 1 (and number 2)
  grammar::role level = grammar::role::goal;  // goal, benefit_goal or area (grammar::heading_level)
  Span title;
  SourceRange range;
  std::string_view text;  // the whole reference, as range
};
struct Cells {
  std::vector<Span> cells;
  SourceRange range;
};
struct ClaimParts {
  int min = 0;
  int max = 0;
  Span text;
};

// The bytes [from, to) of a span that lies on one line, with its positions.
inline Span sub_span(const Span& s, std::size_t from, std::size_t to) {
  Span out{s.text.substr(from, to - from), s.range};
  out.range.begin.offset += static_cast<std::uint32_t>(from);
  out.range.begin.column += static_cast<std::uint32_t>(utf8::count_code_points(s.text.substr(0, from)));
  out.range.end = out.range.begin;
  out.range.end.offset += static_cast<std::uint32_t>(to - from);
  out.range.end.column += static_cast<std::uint32_t>(utf8::count_code_points(out.text));
  return out;
}

class PlanBuilder {
 public:
  explicit PlanBuilder(Plan& plan) : plan_(plan) {}

  // A heading line that names further goals ("Hyötytavoite 1: A ja Hyötytavoite 2: B.", read/goal_runs.hpp)
  // is a goal for each. An area's heading ("PAINOPISTE 1.") opens an area: the goals after it stand under it.
  void goal_heading(const GoalRef& ref, SourceRange heading) {
    end_paragraph();
    flush_rows();
    prelude_ = false;
    if (ref.level == grammar::role::area) {
      plan_.areas.push_back(Area{ref.number, ref.title, heading});
      goal_open_ = false;
      return;
    }
    goal_open_ = true;
    const std::vector<InlineGoalRef> more = inline_goal_refs(ref.title.text);
    if (more.empty()) {
      add_goal(ref.number, ref.parent, ref.title, heading);
      return;
    }
    const Span first = sub_span(ref.title, 0, more.front().previous_end);
    add_goal(ref.number, ref.parent, first, {heading.begin, first.range.end});
    for (std::size_t k = 0; k < more.size(); ++k) {
      const std::size_t end = k + 1 < more.size() ? more[k + 1].previous_end : run_title_end(ref.title.text, more[k].title_begin);
      add_goal(more[k].number, 0, sub_span(ref.title, more[k].title_begin, end), sub_span(ref.title, more[k].ref_begin, end).range);
    }
  }
  // The overview lists goals; an area in it ("- PAINOPISTE 1. …") is a bullet item of its own.
  void overview_item(const GoalRef& ref, SourceRange range) {
    end_paragraph();
    prelude_ = false;
    if (ref.level == grammar::role::area) {
      paragraph_lines_.push_back(Span{ref.text, range});
      end_paragraph();
      return;
    }
    plan_.overview.push_back(OverviewItem{ref.number, ref.title, range, ref.parent});
  }
  // A header gives each column its role by its text (grammar/columns.hpp), in whatever order the columns
  // stand; without a header the first column is the measure and the second the indicator (the table-header
  // rule reports such a table).
  void table_header(std::vector<Span> cells) {
    end_paragraph();
    header_ = std::move(cells);
    roles_.clear();
    for (const Span& c : header_) roles_.push_back(grammar::column_role_of(c.text));
    const auto first_with = [&](ColumnRole r) -> std::optional<std::size_t> {
      const auto it = std::find(roles_.begin(), roles_.end(), r);
      return it == roles_.end() ? std::nullopt : std::optional(static_cast<std::size_t>(it - roles_.begin()));
    };
    // A header that names no measure column: its first column of no known role stands in (reported).
    measure_column_ = first_with(ColumnRole::measure).value_or(first_with(ColumnRole::other).value_or(0));
    indicator_column_ = first_with(ColumnRole::indicator);
    if (goal_open_ && plan_.goals.back().header.empty()) {
      plan_.goals.back().header = header_;
      plan_.goals.back().columns = roles_;
    }
    prelude_ = false;
  }
  void table_end() {
    header_.clear();
    roles_.clear();
    measure_column_ = 0;
    indicator_column_ = 1;
  }
  void row(const std::vector<Span>& cells, SourceRange range) {
    end_paragraph();
    Measure m;
    m.row = range;
    if (measure_column_ < cells.size()) {
      m.text = cells[measure_column_];
    } else {  // a short row: its measure cell is empty, at the row's end
      const Span& last = cells.back();
      m.text = Span{std::string_view(last.text.data() + last.text.size(), 0), {last.range.end, last.range.end}};
    }
    if (indicator_column_ && *indicator_column_ < cells.size()) m.indicator = cells[*indicator_column_];
    const std::size_t named = (measure_column_ < cells.size()) + (m.indicator ? 1 : 0);
    if (cells.size() > named) {
      extra_.clear();
      for (std::size_t i = 0; i < cells.size(); ++i) {
        if (i == measure_column_ || i == indicator_column_) continue;
        extra_.push_back(ExtraCell{i < header_.size() ? header_[i].text : std::string_view(), cells[i],
                                   i < roles_.size() ? roles_[i] : ColumnRole::other});
      }
      m.extra = plan_.text->keep_cells(extra_);
    }
    rows_.push_back(m);
    prelude_ = false;
  }
  // The rows read since the last goal heading go to that goal (or, before any and after an area's heading,
  // to the stray rows) in a
  // vector of their exact number: growing each goal's vector by doubling left a third of the measures'
  // memory unused, and copying them as they grew cost time. rows_ keeps its capacity from goal to goal.
  void flush_rows() {
    if (rows_.empty()) return;
    auto& to = goal_open_ ? plan_.goals.back().measures : plan_.stray_rows;
    to.reserve(to.size() + rows_.size());
    to.insert(to.end(), rows_.begin(), rows_.end());
    rows_.clear();
  }
  // At the end of the document: the last rows, and no spare capacity in the plan's lists.
  void finish() {
    end_paragraph();
    flush_rows();
    plan_.goals.shrink_to_fit();
    plan_.overview.shrink_to_fit();
    plan_.claims.shrink_to_fit();
    plan_.title.shrink_to_fit();
    plan_.comments.shrink_to_fit();
    plan_.paragraphs.shrink_to_fit();
  }
  // The cells of the row being read (see reused_cells below).
  Cells& row_cells() { return row_cells_; }
  // The status word is noted when it matches and taken only once the whole line is a status line: a line
  // that merely starts with it ("LUONNOS 2") is text, and an action is not undone when its line fails.
  void status_word(Span word) { status_word_ = word; }
  void status_line() {
    end_paragraph();
    if (!plan_.status) plan_.status = status_word_;
  }
  void claim(ClaimKind kind, const ClaimParts& parts) {
    plan_.claims.push_back(Claim{kind, parts.min, parts.max, parts.text});
  }
  void comment(Span text) { plan_.comments.push_back(std::move(text)); }

 private:
  // The text of a paragraph of several lines: the document's bytes from its first line to its last (line
  // breaks included, no copy), or, when comment lines stand between them, its lines joined by a space.
  std::string_view joined_lines() {
    const Span& first = paragraph_lines_.front();
    const Span& last = paragraph_lines_.back();
    bool adjacent = true;
    for (std::size_t i = 1; i < paragraph_lines_.size(); ++i)
      adjacent = adjacent && paragraph_lines_[i].range.begin.line == paragraph_lines_[i - 1].range.begin.line + 1;
    if (adjacent) return {first.text.data(), static_cast<std::size_t>(last.text.data() + last.text.size() - first.text.data())};
    std::string t;
    for (const Span& l : paragraph_lines_) t.append(t.empty() ? "" : " ").append(l.text);
    return plan_.text->keep(std::move(t));
  }

 public:
  // A bullet item (not of the overview) is a paragraph of its own, without its marker, which is layout ("-"
  // in a draft, "•" in PDF text).
  void bullet(Span text) {
    end_paragraph();
    prelude_ = false;
    paragraph_lines_.push_back(trimmed(text));
    end_paragraph();
  }
  // The document's title is its leading lines that are not sentences: the lines before the first
  // paragraph that ends like a sentence, or the first list, heading or table. Other lines are prose: a
  // paragraph runs over the lines that follow each other without a blank line or another block between.
  void paragraph(Span line) {
    if (prelude_) {
      const std::string_view t = line.text;
      const auto last = t.find_last_not_of(" \t");
      if (last == std::string_view::npos || !(t[last] == '.' || t[last] == '!' || t[last] == '?' || t[last] == ':')) {
        plan_.title.push_back(std::move(line));
        return;
      }
      prelude_ = false;
    }
    paragraph_lines_.push_back(trimmed(line));
  }
  // A blank line, or any block but a comment line, ends the paragraph being read.
  void end_paragraph() {
    if (paragraph_lines_.empty()) return;
    const Span& first = paragraph_lines_.front();
    const Span& last = paragraph_lines_.back();
    Span p{first.text, {first.range.begin, last.range.end}};
    if (paragraph_lines_.size() > 1) p.text = joined_lines();
    plan_.paragraphs.push_back(p);
    paragraph_lines_.clear();
  }

 private:
  void add_goal(int number, int parent, Span title, SourceRange heading) {
    Goal g{number, title, heading, {}, {}, {}};
    g.parent_number = parent;
    planlint::add_goal(plan_, std::move(g));
  }

  Plan& plan_;
  Cells row_cells_;
  std::vector<Measure> rows_;      // of the current goal, not yet in the plan (see flush_rows)
  std::vector<ExtraCell> extra_;   // the extra cells of the row being built
  std::vector<Span> header_;  // header of the table being read, for naming extra columns
  std::vector<ColumnRole> roles_;  // what each of its columns holds
  std::size_t measure_column_ = 0;
  std::optional<std::size_t> indicator_column_ = 1;  // none: the header names no indicator column
  std::vector<Span> paragraph_lines_;  // of the paragraph being read (reused)
  Span status_word_;                   // of the status line being matched
  bool prelude_ = true;
  bool goal_open_ = false;  // a goal heading is the last heading read (not none, nor an area's)
};

}  // namespace planlint::read
