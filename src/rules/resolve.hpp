#pragma once
// The compiler's second pass: binds every name of a parsed rule to a slot, a field or a function, infers
// what it can of the types, and rejects what cannot work (unknown names and fields, wrong argument
// counts, bad regular expressions) with the position in the rule file.
#include "rules/ast.hpp"

namespace planlint::rules {

// Throws CompileError.
void resolve(Rule& rule);

NodeKind node_kind_of(Scope scope);

}  // namespace planlint::rules
