// Actions for grammar/draft.hpp: they turn matched lines into the document model.
#include "read/draft_reader.hpp"

#include <charconv>

#include <fmt/format.h>

#include "grammar/draft.hpp"
#include "grammar/draft_errors.hpp"
#include "model/error.hpp"
#include "read/pegtl_input.hpp"

namespace planlint::read {
namespace {

namespace g = planlint::grammar;
namespace gd = planlint::grammar::draft;
namespace pegtl = tao::pegtl;

int parse_int(std::string_view digits) {
  int value = 0;
  std::from_chars(digits.data(), digits.data() + digits.size(), value);
  return value;
}

// A line's text without the blanks around it (layout, not text); blanks are one byte and one column each.
Span trimmed(Span s) {
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

int number_value(std::string_view text) {
  if (!text.empty() && text.front() >= '0' && text.front() <= '9') return parse_int(text);
  return g::number_word_value(text).value_or(0);
}

// What one line-level rule collects before it is known to match as a whole (see change_states below).
// PEGTL's change_states hands `success` the input at the end of the match, so each state also records the
// range of the match from an action on its inner rule.
struct GoalRef {
  int number = 0;
  Span title;
  SourceRange range;
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

class Builder {
 public:
  explicit Builder(Plan& plan) : plan_(plan) {}

  void goal_heading(const GoalRef& ref, SourceRange heading) {
    end_paragraph();
    flush_rows();
    plan_.goals.push_back(Goal{ref.number, ref.title, heading, {}, {}});
    prelude_ = false;
  }
  void overview_item(const GoalRef& ref, SourceRange range) {
    end_paragraph();
    plan_.overview.push_back(OverviewItem{ref.number, ref.title, range});
    prelude_ = false;
  }
  void table_header(std::vector<Span> cells) {
    end_paragraph();
    header_ = std::move(cells);
    if (!plan_.goals.empty() && plan_.goals.back().header.empty()) plan_.goals.back().header = header_;
    prelude_ = false;
  }
  void table_end() { header_.clear(); }
  void row(const std::vector<Span>& cells, SourceRange range) {
    end_paragraph();
    Measure m;
    m.row = range;
    m.text = cells.at(0);
    if (cells.size() >= 2) m.indicator = cells[1];
    if (cells.size() > 2) {
      extra_.clear();
      for (std::size_t i = 2; i < cells.size(); ++i) {
        extra_.push_back(ExtraCell{i < header_.size() ? header_[i].text : std::string_view(), cells[i]});
      }
      m.extra = plan_.text->keep_cells(extra_);
    }
    rows_.push_back(m);
    prelude_ = false;
  }
  // The rows read since the last goal heading go to that goal (or, before any, to the stray rows) in a
  // vector of their exact number: growing each goal's vector by doubling left a third of the measures'
  // memory unused, and copying them as they grew cost time. rows_ keeps its capacity from goal to goal.
  void flush_rows() {
    if (rows_.empty()) return;
    auto& to = plan_.goals.empty() ? plan_.stray_rows : plan_.goals.back().measures;
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
  Plan& plan_;
  Cells row_cells_;
  std::vector<Measure> rows_;      // of the current goal, not yet in the plan (see flush_rows)
  std::vector<ExtraCell> extra_;   // the extra cells of the row being built
  std::vector<Span> header_;  // header of the table being read, for naming extra columns
  std::vector<Span> paragraph_lines_;  // of the paragraph being read (reused)
  Span status_word_;                   // of the status line being matched
  bool prelude_ = true;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

// Pieces of a goal reference go into a GoalRef; the enclosing heading or overview item decides what it is.
template <>
struct action<g::goal_number> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) { ref.number = parse_int(in.string_view()); }
};
template <>
struct action<g::goal_title> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) {
    ref.title = span_of(in);
    // Trailing blanks are layout, not title.
    while (!ref.title.text.empty() && (ref.title.text.back() == ' ' || ref.title.text.back() == '\t')) {
      ref.title.text.remove_suffix(1);
      --ref.title.range.end.offset;
      --ref.title.range.end.column;
    }
  }
};
template <>
struct action<g::goal_ref> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, GoalRef& ref) { ref.range = span_of(in).range; }
};
template <>
struct action<gd::goal_heading_content> : pegtl::change_states<GoalRef> {
  template <typename ParseInput>
  static void success(const ParseInput&, GoalRef& ref, Builder& b) { b.goal_heading(ref, ref.range); }
};
template <>
struct action<gd::overview_item_content> : pegtl::change_states<GoalRef> {
  template <typename ParseInput>
  static void success(const ParseInput&, GoalRef& ref, Builder& b) { b.overview_item(ref, ref.range); }
};

// Tables.
struct cell_action {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Cells& row) { row.cells.push_back(span_of(in)); }
};
template <>
struct action<gd::cell> : cell_action {};
template <>
struct action<gd::first_cell> : cell_action {};
template <>
struct action<gd::empty_first_cell> : cell_action {};
template <>
struct action<gd::header_first_cell> : cell_action {};
// A row runs from the start of its first cell (which may be empty) to the end of its last: its range is
// theirs, and its columns need not be counted again from the line start.
template <>
struct action<gd::row_cell_list> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Cells& row) {
    row.range = SourceRange{row.cells.front().range.begin, row.cells.back().range.end};
  }
};
template <>
struct action<gd::header_cells> : pegtl::change_states<Cells> {
  template <typename ParseInput>
  static void success(const ParseInput&, Cells& row, Builder& b) { b.table_header(std::move(row.cells)); }
};
// What change_states<Cells> does, with the builder's Cells, emptied for each row but kept between rows: a
// fresh vector for every row cost three allocations and frees as it grew, a tenth of reading a draft.
// (Rows do not nest, so one Cells serves all.)
struct reused_cells : pegtl::maybe_nothing {
  template <typename Rule, pegtl::apply_mode A, pegtl::rewind_mode M, template <typename...> class Action,
            template <typename...> class Control, typename ParseInput>
  [[nodiscard]] static bool match(ParseInput& in, Builder& b) {
    Cells& row = b.row_cells();
    row.cells.clear();
    if (!pegtl::match<Rule, A, M, Action, Control>(in, row)) return false;
    if constexpr (A == pegtl::apply_mode::action) b.row(row.cells, row.range);
    return true;
  }
};
template <>
struct action<gd::row_cells> : reused_cells {};
template <>
struct action<gd::table> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) { b.table_end(); }
};

// Claims.
template <>
struct action<g::range_min> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.min = number_value(in.string_view()); }
};
template <>
struct action<g::range_max> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.max = number_value(in.string_view()); }
};
template <>
struct action<g::count_value> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.min = c.max = number_value(in.string_view()); }
};
template <>
struct action<g::measure_range_phrase> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.text = span_of(in); }
};
template <>
struct action<g::goal_count_phrase> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, ClaimParts& c) { c.text = span_of(in); }
};
template <>
struct action<g::measure_range_claim> : pegtl::change_states<ClaimParts> {
  template <typename ParseInput>
  static void success(const ParseInput&, ClaimParts& c, Builder& b) { b.claim(ClaimKind::measure_range, c); }
};
template <>
struct action<g::goal_count_claim> : pegtl::change_states<ClaimParts> {
  template <typename ParseInput>
  static void success(const ParseInput&, ClaimParts& c, Builder& b) { b.claim(ClaimKind::goal_count, c); }
};

// Other lines.
template <>
struct action<gd::status_word> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) { b.status_word(span_of(in)); }
};
template <>
struct action<gd::status_line> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) { b.status_line(); }
};
template <>
struct action<gd::comment_body> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) { b.comment(span_of(in)); }
};
template <>
struct action<gd::bullet_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) { b.bullet(span_of(in)); }
};
template <>
struct action<g::blank_line> {
  template <typename ActionInput>
  static void apply(const ActionInput&, Builder& b) { b.end_paragraph(); }
};
template <>
struct action<gd::paragraph_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Builder& b) { b.paragraph(span_of(in)); }
};

template <typename Rule>
using control = pegtl::must_if<gd::errors>::control<Rule>;

// The parse stops at the start of the line that holds the offending character; name that character.
std::size_t offending_byte(std::string_view text, std::size_t at) {
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    if ((c < 0x20 && c != '\t' && c != '\n') || c == 0x7F) {
      if (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n') {
        at += 2;
        continue;
      }
      return at;
    }
    ++at;
  }
  return at;
}

std::string describe_stop(std::string_view text, std::size_t at) {
  if (at >= text.size()) return "unexpected end of text";
  const auto c = static_cast<unsigned char>(text[at]);
  if (c == '\r') return "carriage return without a line feed (old Mac line ends?); use LF or CRLF line ends";
  return fmt::format("control character U+{:04X}; plan text may hold only printable characters, tabs and line ends", c);
}

}  // namespace

Plan read_draft(const Source& src) {
  Plan plan;
  plan.text = std::make_shared<PlanText>(src.storage);  // the spans view the document's bytes
  plan.file = src.name;
  plan.format = "draft";
  Builder builder(plan);
  auto in = make_input(src);
  try {
    pegtl::parse<gd::document, action, control>(in, builder);
    builder.finish();
  } catch (const pegtl::parse_error& e) {
    const std::size_t at = offending_byte(src.bytes, e.positions().front().byte);
    throw InputError(src.name, describe_stop(src.bytes, at), src.position_of(at));
  }
  return plan;
}

}  // namespace planlint::read
