#pragma once
// Error messages of the rule-file grammar, one per error point (used with tao::pegtl::must_if). Each says
// what was expected at that place, so that `file:line:col: error: expected …` is enough to fix the file.
#include "grammar/rules.hpp"

namespace planlint::grammar::rules {

template <typename>
inline constexpr const char* error_message = nullptr;

#define PLANLINT_RULES_ERROR(rule, text) \
  template <>                            \
  inline constexpr auto error_message<rule> = text

// File and rule structure.
PLANLINT_RULES_ERROR(end_of_rules, "expected 'rule' or the end of the file");
PLANLINT_RULES_ERROR(rule_id, "expected a rule id in kebab-case after 'rule', e.g. goal-measure-count");
PLANLINT_RULES_ERROR(rule_open, "expected '{' after the rule id");
PLANLINT_RULES_ERROR(severity_stmt, "expected 'severity' as the first statement of the rule");
PLANLINT_RULES_ERROR(severity_value, "expected a severity: error, warning or info");
PLANLINT_RULES_ERROR(scope_stmt, "expected 'scope' after the severity");
PLANLINT_RULES_ERROR(scope_value, "expected a scope: plan, overview, area, goal, measure, version, goal-pair or measure-pair");
PLANLINT_RULES_ERROR(summary_stmt, "expected 'summary' and a one-line description after the scope");
PLANLINT_RULES_ERROR(summary_text, "expected the summary as a double-quoted string");
PLANLINT_RULES_ERROR(param_name, "expected a parameter name after 'param'");
PLANLINT_RULES_ERROR(param_equals, "expected '=' and a default value after the parameter name");
PLANLINT_RULES_ERROR(param_default, "expected a default value: a number, true, false or a quoted string");
PLANLINT_RULES_ERROR(param_description, "expected a quoted description of the parameter after its default value");
PLANLINT_RULES_ERROR(let_name, "expected a name after 'let'");
PLANLINT_RULES_ERROR(let_equals, "expected '=' after the name in 'let'");
PLANLINT_RULES_ERROR(let_value, "expected an expression after 'let name ='");
PLANLINT_RULES_ERROR(assertion, "expected 'assert' or 'report' and a condition (after optional 'for', 'let' and 'when')");
PLANLINT_RULES_ERROR(condition, "expected a condition after 'assert' or 'report'");
PLANLINT_RULES_ERROR(for_name, "expected a name after 'for'");
PLANLINT_RULES_ERROR(for_in, "expected 'in' after the name in 'for'");
PLANLINT_RULES_ERROR(for_list, "expected a list after 'for name in'");
PLANLINT_RULES_ERROR(when_condition, "expected a condition after 'when'");
PLANLINT_RULES_ERROR(message_clause, "expected 'message' and a quoted message after the condition");
PLANLINT_RULES_ERROR(message_text, "expected the message as a double-quoted string");
PLANLINT_RULES_ERROR(message_language, "expected a language code after a second 'message', as in message fi \"…\" (the untagged message comes first)");
PLANLINT_RULES_ERROR(localized_message_text, "expected the message as a double-quoted string after its language code");
PLANLINT_RULES_ERROR(summary_language, "expected a language code after a second 'summary', as in summary fi \"…\" (the untagged summary comes first)");
PLANLINT_RULES_ERROR(localized_summary_text, "expected the summary as a double-quoted string after its language code");
PLANLINT_RULES_ERROR(at_target, "expected an expression after 'at': what the finding points at");
PLANLINT_RULES_ERROR(fix_target, "expected an expression after 'fix': the part of the document to replace");
PLANLINT_RULES_ERROR(fix_with, "expected 'with' and the replacement text after 'fix TARGET'");
PLANLINT_RULES_ERROR(fix_replacement, "expected the replacement after 'with': a text, a list of texts or null");
PLANLINT_RULES_ERROR(doc_stmt, "expected another check (for, let, when, assert, report) or 'doc' and the rule's documentation");
PLANLINT_RULES_ERROR(doc_text, "expected the documentation as a \"\"\"triple-quoted\"\"\" or double-quoted string");
PLANLINT_RULES_ERROR(rule_close, "expected '}' to end the rule after its doc text");

// Strings.
PLANLINT_RULES_ERROR(escape_char, "unknown escape; write \\\", \\\\, \\n, \\t, \\{ or \\}");
PLANLINT_RULES_ERROR(string_close, "expected '\"' to end the string on this line (write \\{ and \\} for literal braces)");
PLANLINT_RULES_ERROR(interpolation_expr, "expected an expression after '{' (write \\{ for a literal brace)");
PLANLINT_RULES_ERROR(interpolation_close, "expected '}' to end the interpolated expression");
PLANLINT_RULES_ERROR(raw_close, "expected ' to end the string on this line");
PLANLINT_RULES_ERROR(long_close, "expected \"\"\" to end the text");

// Expressions.
PLANLINT_RULES_ERROR(paren_inner, "expected an expression after '('");
PLANLINT_RULES_ERROR(close_paren, "expected ')'");
PLANLINT_RULES_ERROR(list_item, "expected a list element");
PLANLINT_RULES_ERROR(list_close, "expected ',' or ']' in the list");
PLANLINT_RULES_ERROR(binder_list, "expected a list after 'in', as in any(m in measures: condition)");
PLANLINT_RULES_ERROR(binder_colon, "expected ':' after the list, as in any(m in measures: condition)");
PLANLINT_RULES_ERROR(binder_body, "expected an expression after ':'");
PLANLINT_RULES_ERROR(argument, "expected an argument after ','");
PLANLINT_RULES_ERROR(call_close, "expected ',' or ')' in the argument list");
PLANLINT_RULES_ERROR(field_name, "expected a field name after '.'");
PLANLINT_RULES_ERROR(index_inner, "expected an index after '['");
PLANLINT_RULES_ERROR(index_close, "expected ']' after the index");
PLANLINT_RULES_ERROR(negation_operand, "expected an operand after '-'");
PLANLINT_RULES_ERROR(mul_operand, "expected an operand after '*', '/' or '%'");
PLANLINT_RULES_ERROR(add_operand, "expected an operand after '+' or '-'");
PLANLINT_RULES_ERROR(range_operand, "expected the upper bound of the range after '..'");
PLANLINT_RULES_ERROR(coalesce_operand, "expected a fallback value after '?" "?'");
PLANLINT_RULES_ERROR(cmp_operand, "expected an operand after the comparison");
PLANLINT_RULES_ERROR(not_operand, "expected a condition after 'not'");
PLANLINT_RULES_ERROR(and_operand, "expected a condition after 'and'");
PLANLINT_RULES_ERROR(or_operand, "expected a condition after 'or'");

#undef PLANLINT_RULES_ERROR

struct errors {
  template <typename Rule>
  static constexpr auto message = error_message<Rule>;
};

}  // namespace planlint::grammar::rules
