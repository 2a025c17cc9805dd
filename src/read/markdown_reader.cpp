// Actions for grammar/markdown.hpp: they turn matched blocks into the document model through PlanBuilder,
// as the draft reader does (src/read/draft_reader.cpp), with the shared actions of read/plan_actions.hpp.
#include "read/markdown_reader.hpp"

#include "grammar/markdown.hpp"
#include "grammar/markdown_errors.hpp"
#include "read/parse_failure.hpp"
#include "read/pegtl_input.hpp"
#include "read/plan_actions.hpp"

namespace planlint::read {
namespace {

namespace gm = planlint::grammar::markdown;
namespace pegtl = tao::pegtl;

// PlanBuilder, and the list item being read: a Markdown item may run over several lines, and is handed to
// the builder as one bullet paragraph once its last line is known. (The actions of plan_actions.hpp take a
// PlanBuilder&, which this is.)
class MarkdownBuilder : public PlanBuilder {
 public:
  using PlanBuilder::PlanBuilder;
  void item_begin(Span first_line) { item_first_ = item_last_ = first_line; }
  void item_continues(Span line) { item_last_ = line; }
  // The item's text runs from its first line's text to the end of its last line's: the document's bytes,
  // line breaks included, as a draft paragraph of several lines has them.
  void item_end() {
    Span item = item_first_;
    if (item_last_.text.data() != item_first_.text.data()) {
      const char* begin = item_first_.text.data();
      const char* end = item_last_.text.data() + item_last_.text.size();
      item = Span{std::string_view(begin, static_cast<std::size_t>(end - begin)),
                  SourceRange{item_first_.range.begin, item_last_.range.end}};
    }
    bullet(item);
  }

 private:
  Span item_first_, item_last_;
};

template <typename Rule>
struct action : common_action<Rule> {};

// Goal headings: "## TAVOITE 1. …" (its title ends before a closing "##"), or a line "TAVOITE 1. …".
template <>
struct action<gm::goal_heading_content> : goal_heading_action {};
template <>
struct action<gm::goal_line_content> : goal_heading_action {};
template <>
struct action<gm::heading_goal_ref> : common_action<grammar::goal_ref> {};
template <>
struct action<gm::heading_goal_title> : common_action<grammar::goal_title> {};
template <>
struct action<gm::overview_item_content> : overview_item_action {};

// Tables: the header's cells, then each row's, in order; the builder decides what the columns are.
template <>
struct action<gm::cell_text> : cell_action {};
template <>
struct action<gm::cell_list> : row_range_action {};
template <>
struct action<gm::header_cells> : header_cells_action {};
template <>
struct action<gm::row_cells> : reused_cells {};
template <>
struct action<gm::table> : table_end_action {};

// The status line, as a line or as a heading.
template <>
struct action<gm::status_word> : status_word_action {};
template <>
struct action<gm::status_line> : status_line_action {};
template <>
struct action<gm::heading_status> : status_line_action {};

template <>
struct action<gm::comment_body> : comment_action {};

// Any other heading is a line of its own: a title line before the prose, a paragraph after.
template <>
struct action<gm::heading_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) {
    b.end_paragraph();
    b.paragraph(span_of(in));
    b.end_paragraph();
  }
};

// List items (not of the overview).
template <>
struct action<gm::item_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, MarkdownBuilder& b) { b.item_begin(span_of(in)); }
};
template <>
struct action<gm::continuation_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, MarkdownBuilder& b) { b.item_continues(span_of(in)); }
};
template <>
struct action<gm::list_item> {
  template <typename ActionInput>
  static void apply(const ActionInput&, MarkdownBuilder& b) { b.item_end(); }
};

template <>
struct action<gm::paragraph_text> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, PlanBuilder& b) { b.paragraph(span_of(in)); }
};

// Blocks that hold none of the plan's text end the paragraph before them.
struct ends_paragraph {
  template <typename ActionInput>
  static void apply(const ActionInput&, PlanBuilder& b) { b.end_paragraph(); }
};
template <>
struct action<gm::fenced_code> : ends_paragraph {};
template <>
struct action<gm::comment_block> : ends_paragraph {};
template <>
struct action<gm::thematic_break> : ends_paragraph {};
template <>
struct action<gm::setext_underline> : ends_paragraph {};
template <>
struct action<gm::atx_heading> : ends_paragraph {};  // an empty heading ("#")

template <typename Rule>
using control = pegtl::must_if<gm::errors>::control<Rule>;

}  // namespace

Plan read_markdown(const Source& src) {
  Plan plan;
  plan.text = std::make_shared<PlanText>(src.storage);  // the spans view the document's bytes
  plan.file = src.name;
  plan.format = "markdown";
  MarkdownBuilder builder(plan);
  auto in = make_input(src);
  try {
    pegtl::parse<gm::document, action, control>(in, builder);
    builder.finish();
  } catch (const pegtl::parse_error& e) {
    throw_parse_failure(src, e.positions().front().byte, false);
  }
  return plan;
}

}  // namespace planlint::read
