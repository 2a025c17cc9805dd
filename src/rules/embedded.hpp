#pragma once
// The built-in rule files (rules/*.rules), compiled into the binary by src/tools/embed_rules.cpp: their
// text, and the rules parsed from it (rules/rule_archive.hpp) so that start-up need not parse them.
#include <string_view>
#include <vector>

namespace planlint::rules {

struct EmbeddedRuleFile {
  std::string_view name;  // "rules/<file>.rules", the name diagnostics use
  std::string_view text;
  std::string_view packed;  // pack_rules(parse_rule_file(text))
};

const std::vector<EmbeddedRuleFile>& embedded_rule_files();

}  // namespace planlint::rules
