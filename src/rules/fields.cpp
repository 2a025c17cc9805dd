#include "rules/fields.hpp"

#include <algorithm>

#include "rules/word_value.hpp"
#include "rules/pairs.hpp"
#include "rules/spell_functions.hpp"
#include "spell/language.hpp"

namespace planlint::rules {
namespace {

using T = StaticType;

template <typename N>
const N& as(const NodeRef& n) { return *static_cast<const N*>(n.ptr); }

// Texts and ranges keep the owner (the document) of the node they are read from, so that 'at' can tell
// a part of the old version from one of the new.
Value text(const NodeRef& from, const Span& s) { return NodeRef{.kind = NodeKind::text, .ptr = &s, .owner = from.owner}; }
Value range(const NodeRef& from, const SourceRange& r) { return NodeRef{.kind = NodeKind::range, .ptr = &r, .owner = from.owner}; }
Value texts(const NodeRef& from, const std::vector<Span>& spans) {
  List out;
  for (const Span& s : spans) out.push_back(text(from, s));
  return make_list(std::move(out));
}
Value claim(const Plan& plan, const Claim* c) {
  if (c == nullptr) return {};
  return NodeRef{.kind = NodeKind::claim, .index = static_cast<int>(c - plan.claims.data()), .ptr = c, .owner = &plan};
}
Value measures(const Plan& plan, const Goal* goal, const std::vector<Measure>& ms) {
  List out;
  out.reserve(ms.size());
  for (std::size_t i = 0; i < ms.size(); ++i) out.push_back(measure_node(plan, goal, ms[i], static_cast<int>(i)));
  return make_list(std::move(out));
}
Value goal_at(const Plan& plan, int i) {
  if (i < 0 || i >= static_cast<int>(plan.goals.size())) return {};
  return goal_node(plan, plan.goals[static_cast<std::size_t>(i)]);
}
Value area_at(const Plan& plan, int i) {
  if (i < 0 || i >= static_cast<int>(plan.areas.size())) return {};
  return area_node(plan, plan.areas[static_cast<std::size_t>(i)]);
}
// The goals of a run that all satisfy `belongs`, from goal `first` on: the goals under an area, the
// sub-goals after a goal. Such goals follow each other, so only they are visited.
template <typename Belongs>
Value goal_run(const Plan& plan, std::size_t first, Belongs belongs) {
  List out;
  for (std::size_t i = first; i < plan.goals.size() && belongs(plan.goals[i]); ++i) out.push_back(goal_node(plan, plan.goals[i]));
  return make_list(std::move(out));
}
// The first goal under area `a`: goals are in document order, and so are the areas they point to.
std::size_t first_goal_of_area(const Plan& plan, int a) {
  const auto it = std::lower_bound(plan.goals.begin(), plan.goals.end(), a, [](const Goal& g, int area) { return g.area < area; });
  return static_cast<std::size_t>(it - plan.goals.begin());
}
Value overview_at(const Plan& plan, int i) {
  if (i < 0 || i >= static_cast<int>(plan.overview.size())) return {};
  return overview_node(plan, plan.overview[static_cast<std::size_t>(i)]);
}

// The text of a row's cell in the column whose header has role R ("Vastuutaho": responsible), or null.
template <ColumnRole R>
Value cell_with_role(const NodeRef& n, const Plan&) {
  for (const ExtraCell& e : as<Measure>(n).extra) {
    if (e.role == R) return text(n, e.cell);
  }
  return {};
}

const FieldDef plan_fields[] = {
    {"file", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return as<Plan>(n).file; }, "the document's name as given"},
    {"format", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return as<Plan>(n).format; }, "the format it was read in: draft, markdown, blocks, layout (text); docx, odt, pdf"},
    {"title", T::list_of(NodeKind::text), [](const NodeRef& n, const Plan&) { return texts(n, as<Plan>(n).title); }, "the title lines"},
    {"status", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) -> Value {
       const auto& s = as<Plan>(n).status;
       return s ? text(n, *s) : Value();
     }, "the status word (LUONNOS), or null"},
    {"overview", T::list_of(NodeKind::overview), [](const NodeRef& n, const Plan& p) -> Value {
       List out;
       for (const OverviewItem& o : as<Plan>(n).overview) out.push_back(overview_node(p, o));
       return make_list(std::move(out));
     }, "the items of the overview list of goals"},
    {"areas", T::list_of(NodeKind::area), [](const NodeRef& n, const Plan& p) -> Value {
       List out;
       for (const Area& a : as<Plan>(n).areas) out.push_back(area_node(p, a));
       return make_list(std::move(out));
     }, "the levels above goals (PAINOPISTE 1., Painopistealue, Teema), in document order",
     [](const NodeRef& n, const Plan&) { return as<Plan>(n).areas.size(); }},
    {"goals", T::list_of(NodeKind::goal), [](const NodeRef& n, const Plan& p) -> Value {
       List out;
       out.reserve(as<Plan>(n).goals.size());
       for (const Goal& g : as<Plan>(n).goals) out.push_back(goal_node(p, g));
       return make_list(std::move(out));
     }, "the goals, in document order"},
    {"measures", T::list_of(NodeKind::measure), [](const NodeRef& n, const Plan& p) -> Value {
       List out;
       std::size_t total = 0;  // reserved: the list of a large plan's measures is built once, at its size
       for (const Goal& g : as<Plan>(n).goals) total += g.measures.size();
       out.reserve(total);
       for (const Goal& g : as<Plan>(n).goals) {
         for (std::size_t i = 0; i < g.measures.size(); ++i) out.push_back(measure_node(p, &g, g.measures[i], static_cast<int>(i)));
       }
       return make_list(std::move(out));
     }, "the measures of all goals, in document order"},
    {"claims", T::list_of(NodeKind::claim), [](const NodeRef& n, const Plan& p) -> Value {
       List out;
       for (const Claim& c : as<Plan>(n).claims) out.push_back(claim(p, &c));
       return make_list(std::move(out));
     }, "what the plan says about itself, in document order"},
    {"stray_rows", T::list_of(NodeKind::measure), [](const NodeRef& n, const Plan& p) { return measures(p, nullptr, as<Plan>(n).stray_rows); }, "table rows before any goal heading"},
    {"comments", T::list_of(NodeKind::text), [](const NodeRef& n, const Plan&) { return texts(n, as<Plan>(n).comments); }, "bodies of <!-- … --> lines"},
    {"paragraphs", T::list_of(NodeKind::text), [](const NodeRef& n, const Plan&) { return texts(n, as<Plan>(n).paragraphs); }, "the prose paragraphs, in order: not the title, headings, tables or the overview list"},
    {"pending_changes", T::list_of(NodeKind::text), [](const NodeRef& n, const Plan&) { return texts(n, as<Plan>(n).pending_changes); }, "tracked changes a .docx or .odt still holds, each described (insertion \"uusi\" by Matti) at its paragraph or cell; the plan reads as if they were accepted"},
    {"declared", T::of_node(NodeKind::declared), [](const NodeRef& n, const Plan&) -> Value { return NodeRef{.kind = NodeKind::declared, .ptr = n.ptr, .owner = n.owner}; }, "the plan's declared figures"},
    {"language", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value {
       // Without an evaluation (never in practice: `evaluate` is read instead): the keywords alone.
       const Plan& p = as<Plan>(n);
       const auto doc = p.text ? p.text->document() : nullptr;
       const auto votes = spell::keyword_votes(p, doc ? std::string_view(*doc) : std::string_view());
       return std::string(votes.sv > votes.fi ? "sv" : "fi");
     }, "the document's language for spelling, \"fi\" or \"sv\": the configuration's `language`, else detected (keywords, then dictionaries)",
     nullptr, plan_language},
};

const FieldDef area_fields[] = {
    {"number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<Area>(n).number; }, "the area's number"},
    {"title", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<Area>(n).title); }, "the heading's title"},
    {"heading", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<Area>(n).heading); }, "the whole heading line"},
    {"goals", T::list_of(NodeKind::goal), [](const NodeRef& n, const Plan& p) {
       return goal_run(p, first_goal_of_area(p, n.index), [a = n.index](const Goal& g) { return g.area == a; });
     }, "the goals under it (from its heading to the next area's)"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position among the areas, from 1"},
    {"prev", T::of_node(NodeKind::area), [](const NodeRef& n, const Plan& p) { return area_at(p, n.index - 1); }, "the area before, or null"},
    {"next", T::of_node(NodeKind::area), [](const NodeRef& n, const Plan& p) { return area_at(p, n.index + 1); }, "the area after, or null"},
};

const FieldDef goal_fields[] = {
    {"number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<Goal>(n).number; }, "the goal's number; a sub-goal's own (2 for \"Tavoite 1.2\")"},
    {"title", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<Goal>(n).title); }, "the heading's title"},
    {"level", T::of(T::string), [](const NodeRef& n, const Plan& p) -> Value {
       return std::string(to_string(level_of(n.owner ? *static_cast<const Plan*>(n.owner) : p, as<Goal>(n))));
     }, "goal (a plan's goal or sub-goal, with a table of measures) or benefit_goal (a programme's \"Hyötytavoite\", whose body is prose)"},
    {"heading", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<Goal>(n).heading); }, "the whole heading line"},
    {"header", T::list_of(NodeKind::text), [](const NodeRef& n, const Plan&) { return texts(n, as<Goal>(n).header); }, "the table's header cells (empty: no header row)",
     [](const NodeRef& n, const Plan&) { return as<Goal>(n).header.size(); }},
    {"columns", T::of(T::list), [](const NodeRef& n, const Plan&) -> Value {
       List out;
       for (const ColumnRole c : as<Goal>(n).columns) out.emplace_back(std::string(grammar::to_string(c)));
       return make_list(std::move(out));
     }, "what each header cell's column holds: measure, indicator, responsible, schedule, resources, target, status or other (as many as header)",
     [](const NodeRef& n, const Plan&) { return as<Goal>(n).columns.size(); }},
    {"measures", T::list_of(NodeKind::measure), [](const NodeRef& n, const Plan& p) { return measures(p, &as<Goal>(n), as<Goal>(n).measures); }, "the table's rows",
     [](const NodeRef& n, const Plan&) { return as<Goal>(n).measures.size(); }},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position among the goals, from 1"},
    {"prev", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan& p) { return goal_at(p, n.index - 1); }, "the goal before, or null"},
    {"next", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan& p) { return goal_at(p, n.index + 1); }, "the goal after, or null"},
    {"parent_number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value {
       const int p = as<Goal>(n).parent_number;
       return p == 0 ? Value() : Value(p);
     }, "a numbered sub-goal's first number (1 for \"Tavoite 1.2\"), or null"},
    {"label", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return label_of(as<Goal>(n).number, as<Goal>(n).parent_number); }, "the number as the heading writes it: \"2\", or \"1.2\" for a sub-goal"},
    {"parent", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan& p) { return goal_at(p, as<Goal>(n).parent); },
     "a sub-goal's goal: the last goal of its own before it in the same area, or null (also for a sub-goal of an area)"},
    {"sub_goals", T::list_of(NodeKind::goal), [](const NodeRef& n, const Plan& p) {
       return goal_run(p, static_cast<std::size_t>(n.index) + 1, [i = n.index](const Goal& s) { return s.parent == i; });
     }, "the sub-goals that stand under it (1.1, 1.2 … after goal 1), whatever their numbers"},
    {"prev_sibling", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan& p) -> Value {
       // A sub-goal's siblings stand right before it; a goal's, before its predecessor's sub-goals, which
       // each goal passes over once.
       const Goal& g = as<Goal>(n);
       for (int i = n.index - 1; i >= 0; --i) {
         const Goal& o = p.goals[static_cast<std::size_t>(i)];
         if (g.parent_number != 0) return o.parent_number != 0 && o.parent == g.parent && o.area == g.area ? goal_at(p, i) : Value();
         if (o.parent_number == 0) return goal_at(p, i);
       }
       return {};
     }, "the goal before it at its level: the previous goal of its own for a goal, the previous sub-goal under the same goal or area for a sub-goal; or null"},
    {"area", T::of_node(NodeKind::area), [](const NodeRef& n, const Plan& p) { return area_at(p, as<Goal>(n).area); }, "the area it stands under (PAINOPISTE 1.), or null"},
};

const FieldDef measure_fields[] = {
    {"text", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<Measure>(n).text); }, "the measure cell"},
    {"indicator", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) -> Value {
       const auto& i = as<Measure>(n).indicator;
       return i ? text(n, *i) : Value();
     }, "the indicator cell; null when the row has none"},
    {"extra", T::list_of(NodeKind::extra), [](const NodeRef& n, const Plan&) -> Value {
       List out;
       for (const ExtraCell& e : as<Measure>(n).extra) out.push_back(NodeRef{.kind = NodeKind::extra, .ptr = &e, .owner = n.owner});
       return make_list(std::move(out));
     }, "further cells", [](const NodeRef& n, const Plan&) { return as<Measure>(n).extra.size(); }},
    {"cell_count", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value {
       const Measure& m = as<Measure>(n);
       return static_cast<int>(1 + (m.indicator ? 1 : 0) + m.extra.size());
     }, "number of cells in the row"},
    {"responsible", T::of_node(NodeKind::text), cell_with_role<ColumnRole::responsible>, "the cell of the column headed as who is responsible (Vastuutaho), or null"},
    {"schedule", T::of_node(NodeKind::text), cell_with_role<ColumnRole::schedule>, "the cell of the schedule column (Aikataulu), or null"},
    {"resources", T::of_node(NodeKind::text), cell_with_role<ColumnRole::resources>, "the cell of the resources column (Resurssit), or null"},
    {"target", T::of_node(NodeKind::text), cell_with_role<ColumnRole::target>, "the cell of the target-level column (Tavoitetaso), or null"},
    {"status", T::of_node(NodeKind::text), cell_with_role<ColumnRole::status>, "the cell of the status column (Tilanne), or null"},
    {"row", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<Measure>(n).row); }, "the whole row"},
    {"confidence", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<Measure>(n).confidence; }, "the reader's certainty about the row, 0–1"},
    {"goal", T::of_node(NodeKind::goal), [](const NodeRef& n, const Plan& p) -> Value {
       return n.goal ? Value(goal_node(p, *n.goal)) : Value();
     }, "the goal the row belongs to; null for a stray row"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position in its table, from 1"},
};

const FieldDef overview_fields[] = {
    {"number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<OverviewItem>(n).number; }, "the goal number"},
    {"parent_number", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value {
       const int p = as<OverviewItem>(n).parent_number;
       return p == 0 ? Value() : Value(p);
     }, "a sub-goal's first number, or null (as goal.parent_number)"},
    {"label", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return label_of(as<OverviewItem>(n).number, as<OverviewItem>(n).parent_number); }, "\"2\", or \"1.2\" for a sub-goal"},
    {"title", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<OverviewItem>(n).title); }, "the title as the list gives it"},
    {"range", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<OverviewItem>(n).range); }, "the item"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position in the list, from 1"},
    {"prev", T::of_node(NodeKind::overview), [](const NodeRef& n, const Plan& p) { return overview_at(p, n.index - 1); }, "the item before, or null"},
    {"next", T::of_node(NodeKind::overview), [](const NodeRef& n, const Plan& p) { return overview_at(p, n.index + 1); }, "the item after, or null"},
};

const FieldDef claim_fields[] = {
    {"kind", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return to_string(as<Claim>(n).kind); }, "goal_count or measure_range"},
    {"min", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<Claim>(n).min; }, "the declared number, or the range's lower end"},
    {"max", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return as<Claim>(n).max; }, "the declared number, or the range's upper end"},
    {"text", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<Claim>(n).text); }, "the words of the claim"},
    {"index", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return n.index + 1; }, "position among the claims, from 1"},
};

const FieldDef declared_fields[] = {
    {"goal_count", T::of(T::number), [](const NodeRef&, const Plan& p) -> Value {
       const Claim* c = declared(p).goal_count;
       return c ? Value(c->min) : Value();
     }, "the declared number of goals, or null"},
    {"measures_min", T::of(T::number), [](const NodeRef&, const Plan& p) -> Value {
       const Claim* c = declared(p).measure_range;
       return c ? Value(c->min) : Value();
     }, "the declared fewest measures per goal, or null"},
    {"measures_max", T::of(T::number), [](const NodeRef&, const Plan& p) -> Value {
       const Claim* c = declared(p).measure_range;
       return c ? Value(c->max) : Value();
     }, "the declared most measures per goal, or null"},
    {"goal_count_claim", T::of_node(NodeKind::claim), [](const NodeRef&, const Plan& p) { return claim(p, declared(p).goal_count); }, "the first goal-count claim, or null"},
    {"measure_range_claim", T::of_node(NodeKind::claim), [](const NodeRef&, const Plan& p) { return claim(p, declared(p).measure_range); }, "the first measure-range claim, or null"},
};

const FieldDef text_fields[] = {
    {"text", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return std::string(as<Span>(n).text); }, "the text as written"},
    {"range", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<Span>(n).range); }, "where it stands"},
    {"line", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<Span>(n).range.begin.line); }, "its first line"},
    {"column", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<Span>(n).range.begin.column); }, "its first column"},
};

const FieldDef range_fields[] = {
    {"line", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<SourceRange>(n).begin.line); }, "first line"},
    {"column", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<SourceRange>(n).begin.column); }, "first column"},
    {"end_line", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<SourceRange>(n).end.line); }, "last line"},
    {"end_column", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<SourceRange>(n).end.column); }, "column after the end"},
};

const FieldDef extra_fields[] = {
    {"column", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return std::string(as<ExtraCell>(n).column); }, "the header cell's text; empty beyond the header"},
    {"cell", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<ExtraCell>(n).cell); }, "the cell"},
    {"role", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return std::string(grammar::to_string(as<ExtraCell>(n).role)); }, "what its header says the column holds: responsible, schedule, resources, target, status or other"},
    {"text", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<ExtraCell>(n).cell); }, "the cell (same as cell)"},
};

const FieldDef word_fields[] = {
    {"text", T::of_node(NodeKind::text), [](const NodeRef& n, const Plan&) { return text(n, as<WordValue>(n).span); }, "the word as written, with its range"},
    {"suggestions", T::of(T::list), [](const NodeRef& n, const Plan&) -> Value {
       List out;
       for (const std::string& s : as<WordValue>(n).suggestions) out.emplace_back(s);
       return make_list(std::move(out));
     }, "replacements, best first (may be empty)",
     [](const NodeRef& n, const Plan&) { return as<WordValue>(n).suggestions.size(); }},
    {"range", T::of_node(NodeKind::range), [](const NodeRef& n, const Plan&) { return range(n, as<WordValue>(n).span.range); }, "where it stands"},
    {"line", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<WordValue>(n).span.range.begin.line); }, "its line"},
    {"column", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<WordValue>(n).span.range.begin.column); }, "its first column"},
    {"code", T::of(T::number), [](const NodeRef& n, const Plan&) -> Value { return static_cast<double>(as<WordValue>(n).code); }, "grammar_errors(): Voikko's error code (0 for a misspelt word)"},
    {"description", T::of(T::string), [](const NodeRef& n, const Plan&) -> Value { return as<WordValue>(n).description; }, "grammar_errors(): Voikko's description of the error (empty for a misspelt word)"},
};

}  // namespace

std::span<const FieldDef> fields_of(NodeKind kind) {
  switch (kind) {
    case NodeKind::plan: return plan_fields;
    case NodeKind::area: return area_fields;
    case NodeKind::goal: return goal_fields;
    case NodeKind::measure: return measure_fields;
    case NodeKind::overview: return overview_fields;
    case NodeKind::claim: return claim_fields;
    case NodeKind::declared: return declared_fields;
    case NodeKind::text: return text_fields;
    case NodeKind::range: return range_fields;
    case NodeKind::extra: return extra_fields;
    case NodeKind::word: return word_fields;
    case NodeKind::version: return version_fields();
    case NodeKind::goal_pair: return goal_pair_fields();
    case NodeKind::measure_pair: return measure_pair_fields();
  }
  return {};
}

const FieldDef* find_field(NodeKind kind, std::string_view name) {
  const auto fs = fields_of(kind);
  const auto it = std::find_if(fs.begin(), fs.end(), [&](const FieldDef& f) { return f.name == name; });
  return it == fs.end() ? nullptr : &*it;
}

SourceRange location_of(const NodeRef& n) {
  switch (n.kind) {
    case NodeKind::area: return as<Area>(n).heading;
    case NodeKind::goal: return as<Goal>(n).heading;
    case NodeKind::measure: return as<Measure>(n).row;
    case NodeKind::overview: return as<OverviewItem>(n).range;
    case NodeKind::claim: return as<Claim>(n).text.range;
    case NodeKind::text: return as<Span>(n).range;
    case NodeKind::range: return as<SourceRange>(n);
    case NodeKind::extra: return as<ExtraCell>(n).cell.range;
    case NodeKind::word: return as<WordValue>(n).span.range;
    case NodeKind::plan:
    case NodeKind::declared: return SourceRange{};
    case NodeKind::version:
    case NodeKind::goal_pair:
    case NodeKind::measure_pair: return pair_location(n);
  }
  return SourceRange{};
}

NodeRef plan_node(const Plan& plan) { return NodeRef{.kind = NodeKind::plan, .ptr = &plan, .owner = &plan}; }
NodeRef area_node(const Plan& plan, const Area& area) {
  return NodeRef{.kind = NodeKind::area, .index = static_cast<int>(&area - plan.areas.data()), .ptr = &area, .owner = &plan};
}
NodeRef goal_node(const Plan& plan, const Goal& goal) {
  return NodeRef{.kind = NodeKind::goal, .index = static_cast<int>(&goal - plan.goals.data()), .ptr = &goal, .owner = &plan};
}
NodeRef measure_node(const Plan& plan, const Goal* goal, const Measure& m, int index) {
  return NodeRef{.kind = NodeKind::measure, .index = index, .ptr = &m, .goal = goal, .owner = &plan};
}
NodeRef overview_node(const Plan& plan, const OverviewItem& item) {
  return NodeRef{.kind = NodeKind::overview, .index = static_cast<int>(&item - plan.overview.data()), .ptr = &item, .owner = &plan};
}

}  // namespace planlint::rules
