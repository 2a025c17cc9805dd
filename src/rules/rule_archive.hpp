#pragma once
// Rules as parse_rule_file() returns them (unresolved), in a compact binary form and back. The built-in
// rules are parsed when planlint is built (src/tools/embed_rules.cpp writes this form beside their text)
// and read back at start-up: parsing their 58 KB of text was a third of the instructions of checking one
// document (issue 17, latency), reading this form is a small fraction of that. Rules from files
// (--rules, .planlint.toml) are parsed as before.
//
// The form is the build's own, read only by the binary built with it (same compiler, same byte order);
// it is not a file format and has no version.
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "rules/ast.hpp"

namespace planlint::rules {

// Thrown by unpack_rules on bytes that pack_rules did not write (truncated, or of another build).
struct RuleArchiveError : std::runtime_error {
  using std::runtime_error::runtime_error;
};

std::string pack_rules(const std::vector<Rule>& rules);
std::vector<Rule> unpack_rules(std::string_view bytes);

}  // namespace planlint::rules
