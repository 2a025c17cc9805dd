#include "rules/value.hpp"

#include <cmath>

#include <fmt/format.h>

#include "rules/word_value.hpp"
#include "rules/pairs.hpp"

namespace planlint::rules {

std::string_view to_string(NodeKind k) {
  switch (k) {
    case NodeKind::plan: return "plan";
    case NodeKind::area: return "area";
    case NodeKind::goal: return "goal";
    case NodeKind::measure: return "measure";
    case NodeKind::overview: return "overview item";
    case NodeKind::claim: return "claim";
    case NodeKind::declared: return "declared";
    case NodeKind::text: return "text";
    case NodeKind::range: return "range";
    case NodeKind::extra: return "extra cell";
    case NodeKind::word: return "word";
    case NodeKind::version: return "version";
    case NodeKind::goal_pair: return "goal pair";
    case NodeKind::measure_pair: return "measure pair";
  }
  return "node";
}

Value make_list(List items) { return Value(std::make_shared<const List>(std::move(items))); }

std::string type_name(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) return "null";
        if constexpr (std::is_same_v<T, bool>) return "boolean";
        if constexpr (std::is_same_v<T, double>) return "number";
        if constexpr (std::is_same_v<T, std::string>) return "string";
        if constexpr (std::is_same_v<T, NodeRef>) return std::string(to_string(x.kind));
        if constexpr (std::is_same_v<T, ListPtr>) return "list";
        if constexpr (std::is_same_v<T, Interval>) return "range of numbers";
      },
      v.v);
}

namespace {

std::string display_number(double d) {
  if (std::isfinite(d) && d == std::floor(d) && std::fabs(d) < 1e15) return fmt::format("{}", static_cast<long long>(d));
  return fmt::format("{:.3g}", d);
}

std::string display_node(const NodeRef& n) {
  switch (n.kind) {
    case NodeKind::plan: return static_cast<const Plan*>(n.ptr)->file;
    case NodeKind::area: return fmt::format("{}", static_cast<const Area*>(n.ptr)->number);
    case NodeKind::goal: {
      const auto* g = static_cast<const Goal*>(n.ptr);
      return label_of(g->number, g->parent_number);
    }
    case NodeKind::overview: {
      const auto* o = static_cast<const OverviewItem*>(n.ptr);
      return label_of(o->number, o->parent_number);
    }
    case NodeKind::measure: return std::string(static_cast<const Measure*>(n.ptr)->text.text);
    case NodeKind::claim: return std::string(static_cast<const Claim*>(n.ptr)->text.text);
    case NodeKind::text: return std::string(static_cast<const Span*>(n.ptr)->text);
    case NodeKind::extra: return std::string(static_cast<const ExtraCell*>(n.ptr)->cell.text);
    case NodeKind::word: return std::string(static_cast<const WordValue*>(n.ptr)->span.text);
    case NodeKind::range: {
      const auto* r = static_cast<const SourceRange*>(n.ptr);
      return fmt::format("{}:{}", r->begin.line, r->begin.column);
    }
    case NodeKind::declared: return "declared";
    case NodeKind::version:
    case NodeKind::goal_pair:
    case NodeKind::measure_pair: return display_pair(n);
  }
  return "";
}

}  // namespace

std::string display(const Value& v) {
  return std::visit(
      [](const auto& x) -> std::string {
        using T = std::decay_t<decltype(x)>;
        if constexpr (std::is_same_v<T, std::monostate>) return "null";
        if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
        if constexpr (std::is_same_v<T, double>) return display_number(x);
        if constexpr (std::is_same_v<T, std::string>) return x;
        if constexpr (std::is_same_v<T, NodeRef>) return display_node(x);
        if constexpr (std::is_same_v<T, ListPtr>) {
          std::string out;
          for (const Value& e : *x) {
            if (!out.empty()) out += ", ";
            out += display(e);
          }
          return out;
        }
        if constexpr (std::is_same_v<T, Interval>) return display_number(x.lo) + "–" + display_number(x.hi);
      },
      v.v);
}

bool equal(const Value& a, const Value& b) {
  const auto ta = a.as_text();
  const auto tb = b.as_text();
  if (ta || tb) return ta && tb && *ta == *tb;
  if (a.v.index() != b.v.index()) return false;
  if (const auto* la = a.as_list()) {
    const List* lb = b.as_list();
    if (la->size() != lb->size()) return false;
    for (std::size_t i = 0; i < la->size(); ++i) {
      if (!equal((*la)[i], (*lb)[i])) return false;
    }
    return true;
  }
  if (const auto* ra = a.as_interval()) return ra->lo == b.as_interval()->lo && ra->hi == b.as_interval()->hi;
  return a.v == b.v;
}

std::size_t built_bytes(const Value& v) {
  if (const auto* s = std::get_if<std::string>(&v.v)) return sizeof(Value) + s->size();
  const List* l = v.as_list();
  if (!l) return sizeof(Value);
  std::size_t bytes = sizeof(Value);
  for (const Value& e : *l) bytes += built_bytes(e);
  return bytes;
}

}  // namespace planlint::rules
