// Actions for grammar/draft.hpp: they turn matched lines into the document model.
#include "read/draft_reader.hpp"

#include <fmt/format.h>

#include "grammar/draft.hpp"
#include "grammar/draft_errors.hpp"
#include "model/error.hpp"
#include "read/pegtl_input.hpp"
#include "read/plan_actions.hpp"

namespace planlint::read {
namespace {

namespace gd = planlint::grammar::draft;
namespace pegtl = tao::pegtl;

template <typename Rule>
struct action : common_action<Rule> {};

template <>
struct action<gd::goal_heading_content> : goal_heading_action {};
template <>
struct action<gd::overview_item_content> : overview_item_action {};

// Tables.
template <>
struct action<gd::cell> : cell_action {};
template <>
struct action<gd::first_cell> : cell_action {};
template <>
struct action<gd::empty_first_cell> : cell_action {};
template <>
struct action<gd::header_cell> : cell_action {};
template <>
struct action<gd::lone_header_cell> : cell_action {};
template <>
struct action<gd::row_cell_list> : row_range_action {};
template <>
struct action<gd::header_cells> : header_cells_action {};
template <>
struct action<gd::row_cells> : reused_cells {};
template <>
struct action<gd::table> : table_end_action {};

// Other lines.
template <>
struct action<gd::status_word> : status_word_action {};
template <>
struct action<gd::status_line> : status_line_action {};
template <>
struct action<gd::comment_body> : comment_action {};
template <>
struct action<gd::bullet_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) { b.bullet(span_of(in)); }
};
template <>
struct action<gd::paragraph_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) { b.paragraph(span_of(in)); }
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
  PlanBuilder builder(plan);
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
