#pragma once
// Rule ids and globs as users write them — `--enable`/`--disable`, `select`/`enable`/`disable` and
// `[rules.<id>]` in .planlint.toml and its [[override]]s, suppression comments — checked against the rules
// that are loaded. An id no rule has, or a glob that matches no rule, is a mistake: it would silently
// match nothing. The nearest id (or family glob, `goal-*`) by edit distance is offered as "did you mean".
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "rules/engine.hpp"

namespace planlint::check {

// Findings that src/check/ itself reports (suppression.cpp): ids users may select like any rule's.
inline constexpr std::string_view unused_suppression_rule = "unused-suppression";
inline constexpr std::string_view invalid_suppression_rule = "invalid-suppression";

// What those two ids mean, for reports that describe every rule they name (SARIF's tool.driver.rules).
inline const std::vector<rules::RuleInfo>& check_rule_infos() {
  static const std::vector<rules::RuleInfo> infos = {
      {std::string(unused_suppression_rule), Severity::warning, "plan",
       "A planlint directive that silences no finding",
       "A `<!-- planlint-disable… -->` comment whose rules report nothing where it applies.\n\nRemove it, so that "
       "stale suppressions do not hide future findings.",
       "", {}, {}, {{"fi", "planlint-direktiivi, joka ei vaienna yhtään löydöstä"}}},
      {std::string(invalid_suppression_rule), Severity::error, "plan",
       "A planlint directive that cannot do what it says",
       "A `<!-- planlint-… -->` comment with a misspelt directive keyword or a rule id that no loaded rule has: it "
       "would silence nothing.\n\nCorrect the keyword or the rule id (the message offers the nearest one).",
       "", {}, {}, {{"fi", "planlint-direktiivi, joka ei voi tehdä sitä, mitä se sanoo"}}},
  };
  return infos;
}

// The nearest of `candidates` to `word` (case-insensitively), if it is close enough to be a misspelling:
// at most 2 edits, or a quarter of the word's length for longer words. Ties: the first candidate.
std::optional<std::string> nearest_name(std::string_view word, const std::vector<std::string>& candidates);

class RuleNames {
 public:
  explicit RuleNames(std::vector<std::string> ids);
  // The rules of `rules` and the ids src/check/ reports under (unused-suppression, invalid-suppression).
  static RuleNames of(const rules::RuleSet& rules);

  // `pattern` (an id or a glob with * and ?) names at least one rule.
  bool known(std::string_view pattern) const;
  // Why `pattern` names no rule, with a suggestion where one is near: "unknown rule 'goal-mesure-count';
  // did you mean 'goal-measure-count'?", "no rule matches 'gaol-*'; did you mean 'goal-*'?".
  std::string unknown(std::string_view pattern) const;

 private:
  std::vector<std::string> ids_;
  std::vector<std::string> families_;  // "goal-*" for every first word of an id that has more words
};

}  // namespace planlint::check
