#pragma once
// The built-in rules, compiled once for all the inputs of a fuzzing run (harnesses that evaluate them).
#include "rules/engine.hpp"

namespace planlint::fuzz {

inline const rules::RuleSet& builtin_rules() {
  static const rules::RuleSet set = rules::RuleSet::compile(rules::builtin_rule_sources());
  return set;
}

}  // namespace planlint::fuzz
