#pragma once
// Rule file text -> unresolved rules (names are resolved by resolve.hpp).
#include <vector>

#include "rules/ast.hpp"

namespace planlint::rules {

// Throws InputError(file, message, position) on a syntax error.
std::vector<Rule> parse_rule_file(const RuleSource& source);

// The doc text as written between """ and """, without the indentation the lines share and without the
// blank first and last lines.
std::string dedent(std::string_view text);

}  // namespace planlint::rules
