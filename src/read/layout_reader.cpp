// Actions for grammar/layout.hpp: classify each line and cut it into chunks, drop running headers and
// footers, then let final_document put the lines together.
#include "read/layout_reader.hpp"

#include <map>
#include <span>

#include "grammar/layout.hpp"
#include "grammar/layout_errors.hpp"
#include "read/final_actions.hpp"
#include "read/final_document.hpp"
#include "read/parse_failure.hpp"
#include "text/normalize.hpp"

namespace planlint::read {
namespace {

namespace g = planlint::grammar;
namespace gl = planlint::grammar::layout;
namespace fa = final_actions;
namespace pegtl = tao::pegtl;

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <> struct action<gl::page_break> : fa::page_mark_action {};
template <> struct action<g::blank_line> : fa::blank_line_action {};
template <> struct action<gl::page_number_line> : fa::page_number_line_action {};
template <> struct action<gl::chunk> : fa::chunk_action {};
template <> struct action<gl::header_measure> : fa::chunk_action {};
template <> struct action<gl::header_indicator> : fa::chunk_action {};
template <> struct action<g::goal_number> : fa::goal_number_action {};
template <> struct action<g::goal_sub_path> : fa::goal_sub_path_action {};
template <> struct action<g::goal_keyword> : fa::goal_keyword_action {};
template <> struct action<g::goal_title> : fa::goal_title_action {};
template <> struct action<g::goal_ref> : fa::goal_ref_action {};
template <> struct action<gl::status_word> : fa::status_word_action {};

template <> struct action<gl::table_header> : fa::commit_line<LineKind::table_header> {};
template <> struct action<gl::goal_heading> : fa::commit_line<LineKind::goal_heading> {};
template <> struct action<gl::overview_item> : fa::commit_line<LineKind::overview_item> {};
template <> struct action<gl::status_line> : fa::commit_line<LineKind::status> {};
template <> struct action<gl::text_line> : fa::commit_line<LineKind::text> {};

template <typename Rule>
using control = pegtl::must_if<gl::errors>::control<Rule>;

std::string line_key(const FinalLine& l) {
  std::string s;
  for (const Chunk& c : l.chunks) s += std::string(c.text) + " ";
  // Running headers and footers differ only by their page number: compare them without digits.
  std::string key;
  for (char c : text::collapse_whitespace(s)) {
    if (c < '0' || c > '9') key += c;
  }
  return key;
}

// Text lines that stand first or last on two or more pages, the same apart from digits, are running
// headers and footers: page artefacts, not plan text. A header or footer is set apart from the page's
// text by a blank line; a line that is not (the last line of a paragraph that ends a page, such as a lone
// "maahanmuuttajille.") is one only if it stands so on three pages or more, and on at least half of them:
// pages that happen to end with the same short line must not lose it from a measure.
void mark_running_lines(std::span<FinalLine> lines) {
  std::vector<std::pair<std::size_t, std::size_t>> pages;  // [first, last] non-blank line of each page
  std::size_t start = 0;
  for (std::size_t i = 0; i <= lines.size(); ++i) {
    if (i == lines.size() || (i > start && lines[i].page_start)) {
      std::size_t a = start, b = i;
      while (a < b && lines[a].kind == LineKind::blank) ++a;
      while (b > a && lines[b - 1].kind == LineKind::blank) --b;
      if (a < b) pages.emplace_back(a, b - 1);
      start = i;
    }
  }
  if (pages.size() < 2) return;
  for (bool top : {true, false}) {
    std::map<std::string, int> seen;
    auto edge = [&](const std::pair<std::size_t, std::size_t>& p) {
      std::size_t i = top ? p.first : p.second;
      // Skip a page number that stands above a footer or below a header.
      if (lines[i].kind == LineKind::artefact && p.first != p.second) i = top ? i + 1 : i - 1;
      while (lines[i].kind == LineKind::blank && i > p.first && i < p.second) i = top ? i + 1 : i - 1;
      return i;
    };
    // Whether the edge line at i has a blank line (or nothing) between it and the rest of its page.
    auto set_apart = [&](const std::pair<std::size_t, std::size_t>& p, std::size_t i) {
      if (top) return i == p.second || lines[i + 1].kind == LineKind::blank;
      return i == p.first || lines[i - 1].kind == LineKind::blank;
    };
    struct Candidate {
      std::size_t line;
      std::string key;
      bool apart;
    };
    std::vector<Candidate> candidates;  // each page's edge line, when it is text
    std::map<std::string, int> apart;
    for (const auto& p : pages) {
      const std::size_t i = edge(p);
      if (lines[i].kind != LineKind::text) continue;
      candidates.push_back({i, line_key(lines[i]), set_apart(p, i)});
      ++seen[candidates.back().key];
      if (candidates.back().apart) ++apart[candidates.back().key];
    }
    for (const Candidate& c : candidates) {
      const int n = seen[c.key];
      const bool running = c.apart ? apart[c.key] >= 2 : n >= 3 && static_cast<std::size_t>(n) * 2 >= pages.size();
      if (running) lines[c.line].kind = LineKind::artefact;
    }
  }
}

}  // namespace

Plan read_layout(const Source& src) {
  fa::Lines& lines = fa::reused_lines(src.line_starts.size());  // at most a FinalLine a line
  auto in = make_input(src);
  try {
    pegtl::parse<gl::document, action, control>(in, lines);
  } catch (const pegtl::parse_error& e) {
    throw_parse_failure(src, e.positions().front().byte, true);
  }
  mark_running_lines(lines.out);
  Plan plan = assemble_final(src, lines.out, Flavour::layout);
  plan.format = "layout";
  return plan;
}

}  // namespace planlint::read
