#include "read/final_document.hpp"

#include <algorithm>
#include <array>
#include <span>

#include "grammar/common.hpp"
#include "read/claims.hpp"
#include "read/goal_runs.hpp"
#include "read/joined_text.hpp"
#include "read/line_cues.hpp"
#include "read/row_recovery.hpp"

namespace planlint::read {
namespace {

bool is_texty(LineKind k) { return k == LineKind::text || k == LineKind::bullet; }

class Assembler {
 public:
  Assembler(const Source& src, std::span<const FinalLine> lines, Flavour flavour, Plan& plan)
      : src_(src), lines_(lines), flavour_(flavour), plan_(plan), doc_(src.text()) {}

  void run() {
    for (std::size_t i = 0; i < lines_.size();) i = block_at(i);
  }

 private:
  // Reads the block that starts at line i; returns the index of the line after it.
  std::size_t block_at(std::size_t i) {
    const FinalLine& l = lines_[i];
    switch (l.kind) {
      case LineKind::blank:
      case LineKind::artefact: return i + 1;
      case LineKind::status:
        if (!plan_.status) plan_.status = l.status;
        return i + 1;
      case LineKind::goal_heading: return goal_heading(i);
      case LineKind::overview_item: return overview_item(i);
      case LineKind::table_header: return table(i);
      case LineKind::bullet:
      case LineKind::text: return paragraph(i);
    }
    return i + 1;
  }

  // The text of a line (all its chunks).
  void append_line(JoinedText& t, const FinalLine& l, Join first_join) {
    for (std::size_t c = 0; c < l.chunks.size(); ++c) t.append(src_, l.chunks[c].text, c == 0 ? first_join : Join::space);
  }
  static std::string_view last_text(const FinalLine& l) { return l.chunks.empty() ? std::string_view() : l.chunks.back().text; }
  static std::string_view first_text(const FinalLine& l) { return l.chunks.empty() ? std::string_view() : l.chunks.front().text; }

  // The line that continues the text of line `last`, if any: in block text a soft wrap (a trailing blank
  // not after a full stop) or a small initial; in layout text the next line, with no blank line between.
  std::optional<std::size_t> continuation(std::size_t last) const {
    std::size_t j = last + 1;
    while (j < lines_.size() && (lines_[j].kind == LineKind::artefact ||
                                 (flavour_ == Flavour::blocks && lines_[j].kind == LineKind::blank))) {
      ++j;
    }
    if (j >= lines_.size() || lines_[j].kind != LineKind::text) return std::nullopt;
    const FinalLine& prev = lines_[last];
    const bool lower = initial_of(first_text(lines_[j])) == Initial::lower;
    const bool open = !ends_sentence(last_text(prev));
    if (flavour_ == Flavour::blocks) {
      if ((prev.trailing > 0 && open) || lower) return j;
      return std::nullopt;
    }
    if (open || lower) return j;
    return std::nullopt;
  }

  // Joins lines from `i` on while they continue each other; returns the last line used.
  std::size_t gather(std::size_t i, JoinedText& t) {
    std::size_t last = i;
    while (auto next = continuation(last)) {
      const FinalLine& p = lines_[last];
      const FinalLine& n = lines_[*next];
      append_line(t, n, join_between(last_text(p), p.trailing > 0, first_text(n), doc_));
      last = *next;
    }
    return last;
  }

  // A heading's title goes on over the lines that continue it as a wrapped title does (with a small
  // initial: a capital starts the goal's prose), or, in a sentence that names goals one after another
  // ("Hyötytavoite 1: …, Hyötytavoite 2:"), up to the sentence's end.
  std::size_t gather_title(std::size_t i, JoinedText& t) {
    std::size_t last = i;
    while (auto next = continuation(last)) {
      const FinalLine& p = lines_[last];
      const FinalLine& n = lines_[*next];
      const bool lower = initial_of(first_text(n)) == Initial::lower;
      if (!lower && (inline_goal_refs(t.text()).empty() && !ends_in_goal_ref_head(t.text()))) break;
      append_line(t, n, join_between(last_text(p), p.trailing > 0, first_text(n), doc_));
      last = *next;
    }
    return last;
  }

  std::size_t goal_heading(std::size_t i) {
    const FinalLine& l = lines_[i];
    JoinedText title;
    append_line(title, l, Join::space);
    const std::size_t last = gather_title(i, title);
    const std::vector<InlineGoalRef> more = inline_goal_refs(title.text());
    Span first = more.empty() ? title.span(src_, *plan_.text) : title.span(src_, *plan_.text, 0, more.front().previous_end);
    if (title.empty()) first.range.begin = first.range.end = l.goal_ref.end;
    const SourceRange heading{l.goal_ref.begin, title.empty() ? l.goal_ref.end : first.range.end};
    prelude_ = false;
    goal_open_ = !l.area;
    if (l.area) {  // "PAINOPISTE 1.": the goals after it stand under it
      plan_.areas.push_back(Area{l.goal_number, first, heading});
      return last + 1;
    }
    Goal g;
    g.number = l.goal_number;
    g.parent_number = l.goal_parent;
    g.title = first;
    g.heading = heading;
    add_goal(plan_, std::move(g));
    // Goals named one after another in the same sentence: a goal each, its heading its own reference.
    for (std::size_t k = 0; k < more.size(); ++k) {
      const std::size_t end = k + 1 < more.size() ? more[k + 1].previous_end : run_title_end(title.text(), more[k].title_begin);
      Goal next;
      next.number = more[k].number;
      next.title = title.span(src_, *plan_.text, more[k].title_begin, end);
      next.heading = SourceRange{title.span(src_, *plan_.text, more[k].ref_begin, end).range.begin, next.title.range.end};
      add_goal(plan_, std::move(next));
    }
    return last + 1;
  }

  // The overview lists goals; an area in it ("• PAINOPISTE 1. …") is a bullet item of its own.
  std::size_t overview_item(std::size_t i) {
    const FinalLine& l = lines_[i];
    if (l.area) return paragraph(i);
    JoinedText title;
    append_line(title, l, Join::space);
    const std::size_t last = gather(i, title);
    OverviewItem o;
    o.number = l.goal_number;
    o.parent_number = l.goal_parent;
    o.title = title.span(src_, *plan_.text);
    o.range = SourceRange{l.goal_ref.begin, title.empty() ? l.goal_ref.end : o.title.range.end};
    plan_.overview.push_back(std::move(o));
    prelude_ = false;
    return last + 1;
  }

  std::size_t paragraph(std::size_t i) {
    JoinedText t;
    append_line(t, lines_[i], Join::space);
    const std::size_t last = gather(i, t);
    find_claims(src_, t, *plan_.text, plan_.claims);
    if (lines_[i].kind == LineKind::bullet) prelude_ = false;
    if (prelude_) {
      const std::string& s = t.text();
      const char end = s.empty() ? '.' : s.back();
      if (end == '.' || end == '!' || end == '?' || end == ':') prelude_ = false;
      else {
        plan_.title.push_back(t.span(src_, *plan_.text));
        return last + 1;
      }
    }
    // Prose: the joined lines are a paragraph; a bullet item's marker is layout, not text.
    const std::size_t skip = bullet_marker_length(t.text());
    if (skip < t.text().size()) plan_.paragraphs.push_back(t.span(src_, *plan_.text, skip, t.text().size()));
    return last + 1;
  }

  // The length of a bullet marker and the blanks after it at the start of `text` (grammar/common.hpp's
  // bullet_marker), or 0.
  static std::size_t bullet_marker_length(std::string_view text) {
    namespace pegtl = tao::pegtl;
    pegtl::memory_input<pegtl::tracking_mode::lazy> in(text.data(), text.size(), "");
    if (!pegtl::parse<pegtl::seq<grammar::bullet_marker, pegtl::plus<grammar::blank>>>(in)) return 0;
    return static_cast<std::size_t>(in.current() - text.data());
  }

  // A goal table: from its header to the next goal heading (or status line, or the end).
  std::size_t table(std::size_t i) {
    const FinalLine& header = lines_[i];
    std::vector<Span> cells;
    for (const Chunk& c : header.chunks) {
      JoinedText t;
      t.append(src_, c.text);
      cells.push_back(t.span(src_, *plan_.text));
    }
    if (goal_open_ && plan_.goals.back().header.empty()) {
      plan_.goals.back().header = cells;
      // Only two-column tables are read from PDF text (measure, indicator): their roles as the header names them.
      for (const Span& c : cells) plan_.goals.back().columns.push_back(grammar::column_role_of(c.text));
    }
    prelude_ = false;
    std::size_t end = i + 1;
    while (end < lines_.size() && lines_[end].kind != LineKind::goal_heading && lines_[end].kind != LineKind::status) ++end;
    std::vector<Measure> measures =
        flavour_ == Flavour::blocks ? block_rows(i + 1, end) : layout_rows(header, i + 1, end);
    auto& target = goal_open_ ? plan_.goals.back().measures : plan_.stray_rows;
    for (Measure& m : measures) target.push_back(std::move(m));
    return end;
  }

  Measure make_measure(const JoinedText& measure, const std::optional<JoinedText>& indicator, double confidence) {
    Measure m;
    m.text = measure.span(src_, *plan_.text);
    m.row.begin = m.text.range.begin;
    m.row.end = m.text.range.end;
    if (indicator) {
      m.indicator = indicator->span(src_, *plan_.text);
      if (!indicator->empty() && m.indicator->range.end.offset > m.row.end.offset) m.row.end = m.indicator->range.end;
    }
    m.confidence = confidence;
    return m;
  }

  std::vector<Measure> block_rows(std::size_t begin, std::size_t end) {
    std::vector<rows::BlockLine> in;
    std::vector<const FinalLine*> source_lines;
    for (std::size_t j = begin; j < end; ++j) {
      const FinalLine& l = lines_[j];
      if (!is_texty(l.kind) || l.chunks.empty()) continue;  // blanks, artefacts, repeated headers
      in.push_back(rows::BlockLine{l.chunks.front().text, l.trailing});
      source_lines.push_back(&l);
    }
    auto join_pieces = [&](const std::vector<rows::Piece>& pieces) {
      JoinedText t;
      for (std::size_t p = 0; p < pieces.size(); ++p) {
        const rows::Piece& x = pieces[p];
        const std::string_view text = in[x.line].text.substr(x.begin, x.end - x.begin);
        Join j = Join::space;
        if (p > 0) {
          const rows::Piece& prev = pieces[p - 1];
          j = join_between(in[prev.line].text.substr(prev.begin, prev.end - prev.begin), in[prev.line].trailing > 0,
                           text, doc_);
        }
        t.append(src_, text, j);
      }
      return t;
    };
    const std::vector<rows::BlockRow> recovered = rows::recover_block_rows(in);
    std::vector<Measure> out;
    out.reserve(recovered.size());
    for (const rows::BlockRow& r : recovered) {
      std::optional<JoinedText> ind;
      if (r.indicator) ind = join_pieces(*r.indicator);
      out.push_back(make_measure(join_pieces(r.measure), ind, r.confidence));
    }
    return out;
  }

  std::vector<Measure> layout_rows(const FinalLine& header, std::size_t begin, std::size_t end) {
    // The indicator column begins where the header's second cell does; text may start a little left of it.
    const std::size_t indicator_column = header.chunks.size() > 1 ? header.chunks[1].column : SIZE_MAX;
    const std::size_t tolerance = 2;
    std::vector<rows::LayoutLine> in;
    // The chunks of each line, per column: line j's are chunks[column][from[j][column], from[j + 1][column]).
    // (Two vectors a line, as before, were two allocations a line.)
    std::vector<Chunk> chunks[2];
    std::vector<std::array<std::size_t, 2>> from{{0, 0}};
    const auto column_of = [&](std::size_t j, int column) {
      return std::span<const Chunk>(chunks[column]).subspan(from[j][column], from[j + 1][column] - from[j][column]);
    };
    const auto last_is_empty = [&] { return from[from.size() - 2] == from.back(); };
    const auto drop_last = [&] {
      in.pop_back();
      from.pop_back();
    };
    bool page_break = false;
    for (std::size_t j = begin; j < end; ++j) {
      const FinalLine& l = lines_[j];
      if (l.page_start) page_break = true;
      if (l.kind == LineKind::artefact || l.kind == LineKind::table_header) {
        page_break = true;  // a repeated header or a running header: the page changed
        continue;
      }
      if (l.kind == LineKind::blank) {
        if (!page_break) in.emplace_back(), from.push_back(from.back());
        continue;
      }
      const bool after_break = page_break && !in.empty();
      if (page_break) {
        // Blank lines around a page break are the page's margins, not space between rows.
        while (!in.empty() && last_is_empty()) drop_last();
        page_break = false;
      }
      for (const Chunk& c : l.chunks) chunks[c.column + tolerance >= indicator_column ? 1 : 0].push_back(c);
      in.emplace_back().after_page_break = after_break;
      from.push_back({chunks[0].size(), chunks[1].size()});
    }
    while (!in.empty() && last_is_empty()) drop_last();
    // Each column of a line as one piece of text: its chunks (split by a wide gap) go together, gaps
    // included, so that row recovery sees how far the line reaches.
    auto spanning = [](std::span<const Chunk> line) -> std::optional<std::string_view> {
      if (line.empty()) return std::nullopt;
      const char* first = line.front().text.data();
      const char* last = line.back().text.data() + line.back().text.size();
      return std::string_view(first, static_cast<std::size_t>(last - first));
    };
    for (std::size_t j = 0; j < in.size(); ++j) {
      in[j].measure = spanning(column_of(j, 0));
      in[j].indicator = spanning(column_of(j, 1));
    }
    auto join_column = [&](std::size_t first, std::size_t last, int column) {
      JoinedText t;
      std::string_view prev;
      for (std::size_t j = first; j <= last; ++j) {
        for (const Chunk& c : column_of(j, column)) {
          t.append(src_, c.text, prev.empty() ? Join::space : join_between(prev, false, c.text, doc_));
          prev = c.text;
        }
      }
      return t;
    };
    const std::vector<rows::LayoutRow> recovered = rows::recover_layout_rows(in);
    std::vector<Measure> out;
    out.reserve(recovered.size());
    for (const rows::LayoutRow& r : recovered) {
      const bool has_indicator = from[r.last + 1][1] > from[r.first][1];
      std::optional<JoinedText> ind;
      if (has_indicator) ind = join_column(r.first, r.last, 1);
      out.push_back(make_measure(join_column(r.first, r.last, 0), ind, r.confidence));
    }
    return out;
  }

  const Source& src_;
  std::span<const FinalLine> lines_;
  Flavour flavour_;
  Plan& plan_;
  Lexicon doc_;
  bool prelude_ = true;
  bool goal_open_ = false;  // a goal heading is the last heading read (not none, nor an area's)
};

}  // namespace

Plan assemble_final(const Source& src, std::span<const FinalLine> lines, Flavour flavour) {
  Plan plan;
  plan.text = std::make_shared<PlanText>(src.storage);  // the spans view the document's bytes
  plan.file = src.name;
  Assembler(src, lines, flavour, plan).run();
  return plan;
}

}  // namespace planlint::read
