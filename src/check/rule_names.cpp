#include "check/rule_names.hpp"

#include <algorithm>
#include <cctype>

#include <fmt/format.h>

#include "check/glob.hpp"
#include "text/code_points.hpp"
#include "text/edit_distance.hpp"

namespace planlint::check {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_glob(std::string_view pattern) { return pattern.find_first_of("*?") != std::string_view::npos; }

}  // namespace

std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates) {
  const std::u32string w = utf8::code_points(lower(word));
  if (w.empty()) return std::nullopt;
  const std::size_t limit = std::max<std::size_t>(2, w.size() / 4);
  const text::EditDistancePattern pattern(w);
  std::optional<std::string> best;
  std::size_t best_distance = limit + 1;
  for (const std::string& c : candidates) {
    const std::size_t d = pattern.distance(utf8::code_points(lower(c)), limit);
    if (d < best_distance) best = c, best_distance = d;
  }
  return best;
}

RuleNames::RuleNames(std::vector<std::string> ids) : ids_(std::move(ids)) {
  std::sort(ids_.begin(), ids_.end());
  ids_.erase(std::unique(ids_.begin(), ids_.end()), ids_.end());
  for (const std::string& id : ids_) {
    const auto dash = id.find('-');
    if (dash != std::string::npos && dash > 0) families_.push_back(id.substr(0, dash) + "-*");
  }
  std::sort(families_.begin(), families_.end());
  families_.erase(std::unique(families_.begin(), families_.end()), families_.end());
}

RuleNames RuleNames::of(const rules::RuleSet& rules) {
  std::vector<std::string> ids{std::string(unused_suppression_rule), std::string(invalid_suppression_rule)};
  for (const auto& r : rules.rules()) ids.push_back(r.id);
  return RuleNames(std::move(ids));
}

bool RuleNames::known(std::string_view pattern) const {
  if (!is_glob(pattern)) return std::binary_search(ids_.begin(), ids_.end(), pattern);
  return std::any_of(ids_.begin(), ids_.end(), [&](const std::string& id) { return glob_match(pattern, id); });
}

std::string RuleNames::unknown(std::string_view pattern) const {
  if (pattern.empty()) return "empty rule id; `planlint rules` lists the rules";
  // A glob may have meant a family of rules or one rule; an id, one rule.
  std::vector<std::string> candidates = ids_;
  if (is_glob(pattern)) candidates.insert(candidates.begin(), families_.begin(), families_.end());
  const auto suggestion = nearest_name(pattern, candidates);
  const std::string what = is_glob(pattern) ? fmt::format("no rule matches '{}'", pattern)
                                            : fmt::format("unknown rule '{}'", pattern);
  if (suggestion) return fmt::format("{}; did you mean '{}'?", what, *suggestion);
  return what + "; `planlint rules` lists the rules";
}

}  // namespace planlint::check
