#include "lsp/features.hpp"

#include <cmath>

#include <fmt/format.h>

namespace planlint::lsp {
namespace {

std::string number(double v) { return std::floor(v) == v ? fmt::format("{}", static_cast<long long>(v)) : fmt::format("{}", v); }

// "6–12", "at least 6", "at most 12"; empty when the rule sets no bound.
std::string allowed_range(const MeasureAllowance& a) {
  if (a.min && a.max) return fmt::format("{}–{}", number(*a.min), number(*a.max));
  if (a.min) return "at least " + number(*a.min);
  if (a.max) return "at most " + number(*a.max);
  return "";
}

std::string verdict(std::size_t count, const MeasureAllowance& a) {
  if (!a.in_force) return fmt::format("`{}` is not in force for this document", a.rule);
  const std::string range = allowed_range(a);
  if (range.empty()) return fmt::format("`{}` sets no range", a.rule);
  const auto n = static_cast<double>(count);
  const bool inside = (!a.min || n >= *a.min) && (!a.max || n <= *a.max);
  return fmt::format("{} {} (`{}`)", inside ? "within the allowed" : "**outside** the allowed", range, a.rule);
}

}  // namespace

std::optional<nlohmann::json> hover(const Source& source, const Plan& plan, const MeasureAllowance& allowance,
                                    const Position& at) {
  const std::size_t offset = offset_of(source, at);
  for (const Goal& g : plan.goals) {
    if (offset < g.heading.begin.offset || offset > g.heading.end.offset) continue;
    const std::size_t count = g.measures.size();
    const std::string text = fmt::format("**TAVOITE {}**: {} measure{}, {}", label_of(g), count, count == 1 ? "" : "s",
                                         verdict(count, allowance));
    return nlohmann::json{{"contents", {{"kind", "markdown"}, {"value", text}}}, {"range", range_json(source, g.heading)}};
  }
  return std::nullopt;
}

}  // namespace planlint::lsp
