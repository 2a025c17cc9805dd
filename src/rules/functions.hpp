#pragma once
// The functions of the rule language: C++ primitives in one table. Policies (thresholds, which fields)
// stay in the rule files; what is here is mechanism (normalised comparison, similarity, regex, diff).
#include <span>
#include <string_view>

#include "rules/ast.hpp"

namespace planlint::rules {

class Evaluator;

struct FunctionDef {
  std::string_view name;
  int min_args;
  int max_args;        // -1: any number
  StaticType result;   // unknown: depends on the arguments
  Value (*call)(Evaluator& ev, const Expr& call);  // evaluates its own arguments (so `if` can be lazy)
  void (*validate)(Expr& call);                    // compile-time checks and preparation; may be null
  std::string_view signature;
  std::string_view doc;
};

std::span<const FunctionDef> functions();
const FunctionDef* find_function(std::string_view name);

// Binder forms, any(x in list: condition) and kin: their names and what they yield.
bool is_binder(std::string_view name);

}  // namespace planlint::rules
