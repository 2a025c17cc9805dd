#pragma once
// The built-in rule files (rules/*.rules), compiled into the binary by cmake/embed_rules.cmake.
#include <string_view>
#include <vector>

namespace planlint::rules {

struct EmbeddedRuleFile {
  std::string_view name;  // "rules/<file>.rules", the name diagnostics use
  std::string_view text;
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

}  // namespace planlint::rules
