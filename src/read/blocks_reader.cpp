// Actions for grammar/blocks.hpp: classify each line, then let final_document put them together.
#include "read/blocks_reader.hpp"

#include "grammar/blocks.hpp"
#include "grammar/blocks_errors.hpp"
#include "model/error.hpp"
#include "read/final_actions.hpp"
#include "read/final_document.hpp"
#include "read/parse_failure.hpp"

namespace planlint::read {
namespace {

namespace g = planlint::grammar;
namespace gb = planlint::grammar::blocks;
namespace fa = final_actions;
namespace pegtl = tao::pegtl;

template <typename Rule>
struct action : pegtl::nothing<Rule> {};

template <> struct action<gb::page_mark> : fa::page_mark_action {};
template <> struct action<g::blank_line> : fa::blank_line_action {};
template <> struct action<gb::page_number_line> : fa::page_number_line_action {};
template <> struct action<gb::content> : fa::chunk_action {};
template <> struct action<gb::header_measure> : fa::chunk_action {};
template <> struct action<gb::header_indicator> : fa::chunk_action {};
template <> struct action<gb::trailing_blanks> : fa::trailing_action {};
template <> struct action<g::goal_number> : fa::goal_number_action {};
template <> struct action<g::goal_sub_path> : fa::goal_sub_path_action {};
template <> struct action<g::goal_keyword> : fa::goal_keyword_action {};
template <> struct action<g::goal_title> : fa::goal_title_action {};
template <> struct action<g::goal_ref> : fa::goal_ref_action {};
template <> struct action<gb::status_word> : fa::status_word_action {};

template <> struct action<gb::table_header> : fa::commit_line<LineKind::table_header> {};
template <> struct action<gb::goal_heading> : fa::commit_line<LineKind::goal_heading> {};
template <> struct action<gb::overview_item> : fa::commit_line<LineKind::overview_item> {};
template <> struct action<gb::bullet_line> : fa::commit_line<LineKind::bullet> {};
template <> struct action<gb::status_line> : fa::commit_line<LineKind::status> {};
template <> struct action<gb::text_line> : fa::commit_line<LineKind::text> {};

template <typename Rule>
using control = pegtl::must_if<gb::errors>::control<Rule>;

}  // namespace

Plan read_blocks(const Source& src) {
  fa::Lines& lines = fa::reused_lines(src.line_starts.size());  // at most a FinalLine a line
  auto in = make_input(src);
  try {
    pegtl::parse<gb::document, action, control>(in, lines);
  } catch (const pegtl::parse_error& e) {
    throw_parse_failure(src, e.positions().front().byte, false);
  }
  Plan plan = assemble_final(src, lines.out, Flavour::blocks);
  plan.format = "blocks";
  return plan;
}

}  // namespace planlint::read
