// Every error point of the rule grammar, and every semantic error of the compiler: the message and the
// file:line:col it points at (columns in code points).
#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "rules/engine.hpp"

using planlint::InputError;
using planlint::rules::RuleSet;
using planlint::rules::RuleSource;

namespace {

std::string error_of(const std::string& text, const std::string& name = "t.rules") {
  try {
    RuleSet::compile({RuleSource{name, text}});
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

// A valid rule around `body` (the statements after the summary); the body starts on line 5.
std::string rule_with(const std::string& body) {
  return "rule r {\n  severity error\n  scope goal\n  summary \"s\"\n" + body + "\n  doc \"d\"\n}\n";
}

}  // namespace

TEST_CASE("a valid rule compiles", "[rules][errors]") {
  CHECK(error_of(rule_with("  assert true message \"m\"")) == "no error");
}

TEST_CASE("syntax errors in the rule structure", "[rules][errors]") {
  CHECK(error_of("rule r {}\nxyz") == "t.rules:1:9: error: expected 'severity' as the first statement of the rule");
  CHECK(error_of("rules r") == "t.rules:1:1: error: expected 'rule' or the end of the file");
  CHECK(error_of("rule Goal {") == "t.rules:1:6: error: expected a rule id in kebab-case after 'rule', e.g. goal-measure-count");
  CHECK(error_of("rule r\n  severity") == "t.rules:2:3: error: expected '{' after the rule id");
  CHECK(error_of("rule r {\n  severity fatal") == "t.rules:2:12: error: expected a severity: error, warning or info");
  CHECK(error_of("rule r {\n  severity error\n  summary \"s\"") == "t.rules:3:3: error: expected 'scope' after the severity");
  CHECK(error_of("rule r {\n  severity error\n  scope table") == "t.rules:3:9: error: expected a scope: plan, overview, area, goal, measure, version, goal-pair or measure-pair");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  assert") ==
        "t.rules:4:3: error: expected 'summary' and a one-line description after the scope");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  summary s") ==
        "t.rules:4:11: error: expected the summary as a double-quoted string");
  CHECK(error_of(rule_with("  param = 1 \"d\"")) == "t.rules:5:9: error: expected a parameter name after 'param'");
  CHECK(error_of(rule_with("  param min 1 \"d\"")) == "t.rules:5:13: error: expected '=' and a default value after the parameter name");
  CHECK(error_of(rule_with("  param min = x \"d\"")) ==
        "t.rules:5:15: error: expected a default value: a number, true, false or a quoted string");
  CHECK(error_of(rule_with("  param min = 1\n  assert true message \"m\"")) ==
        "t.rules:6:3: error: expected a quoted description of the parameter after its default value");
  CHECK(error_of(rule_with("  let = 1")) == "t.rules:5:7: error: expected a name after 'let'");
  CHECK(error_of(rule_with("  let n 1")) == "t.rules:5:9: error: expected '=' after the name in 'let'");
  CHECK(error_of(rule_with("  let n = )")) == "t.rules:5:11: error: expected an expression after 'let name ='");
  CHECK(error_of(rule_with("  asert true message \"m\"")) ==
        "t.rules:5:3: error: expected 'assert' or 'report' and a condition (after optional 'for', 'let' and 'when')");
  CHECK(error_of(rule_with("  assert message \"m\"")) == "t.rules:5:10: error: expected a condition after 'assert' or 'report'");
  CHECK(error_of(rule_with("  for in measures assert true message \"m\"")) == "t.rules:5:7: error: expected a name after 'for'");
  CHECK(error_of(rule_with("  for m measures assert true message \"m\"")) == "t.rules:5:9: error: expected 'in' after the name in 'for'");
  CHECK(error_of(rule_with("  for m in assert true message \"m\"")) == "t.rules:5:12: error: expected a list after 'for name in'");
  CHECK(error_of(rule_with("  when assert true message \"m\"")) == "t.rules:5:8: error: expected a condition after 'when'");
  CHECK(error_of(rule_with("  assert true\n  at heading")) ==
        "t.rules:6:3: error: expected 'message' and a quoted message after the condition");
  CHECK(error_of(rule_with("  assert true message 'm'")) == "t.rules:5:23: error: expected the message as a double-quoted string");
  CHECK(error_of(rule_with("  assert true message \"m\" at")) ==
        "t.rules:6:3: error: expected an expression after 'at': what the finding points at");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  summary \"s\"\n  assert true message \"m\"\n  docs \"d\"\n}") ==
        "t.rules:6:3: error: expected another check (for, let, when, assert, report) or 'doc' and the rule's documentation");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  summary \"s\"\n  assert true message \"m\"\n  doc d\n}") ==
        "t.rules:6:7: error: expected the documentation as a \"\"\"triple-quoted\"\"\" or double-quoted string");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  summary \"s\"\n  assert true message \"m\"\n  doc \"d\"\n") ==
        "t.rules:7:1: error: expected '}' to end the rule after its doc text");
}

TEST_CASE("syntax errors in strings", "[rules][errors]") {
  CHECK(error_of(rule_with("  assert true message \"a\\qb\"")) ==
        "t.rules:5:26: error: unknown escape; write \\\", \\\\, \\n, \\t, \\{ or \\}");
  CHECK(error_of(rule_with("  assert true message \"open\n")) ==
        "t.rules:5:28: error: expected '\"' to end the string on this line (write \\{ and \\} for literal braces)");
  CHECK(error_of(rule_with("  assert true message \"a } b\"")) ==
        "t.rules:5:26: error: expected '\"' to end the string on this line (write \\{ and \\} for literal braces)");
  CHECK(error_of(rule_with("  assert true message \"a { } b\"")) ==
        "t.rules:5:28: error: expected an expression after '{' (write \\{ for a literal brace)");
  CHECK(error_of(rule_with("  assert true message \"a {number b\"")) ==
        "t.rules:5:34: error: expected '}' to end the interpolated expression");
  CHECK(error_of(rule_with("  assert matches(title, 'abc) message \"m\"")) ==
        "t.rules:5:42: error: expected ' to end the string on this line");
  CHECK(error_of("rule r {\n  severity error\n  scope goal\n  summary \"s\"\n  assert true message \"m\"\n  doc \"\"\"never closed\n}") ==
        "t.rules:7:2: error: expected \"\"\" to end the text");
}

TEST_CASE("syntax errors in expressions", "[rules][errors]") {
  const auto at = [](const std::string& expr) { return error_of(rule_with("  assert " + expr + " message \"m\"")); };
  CHECK(at("( ) == 1") == "t.rules:5:12: error: expected an expression after '('");
  CHECK(at("(number == 1") == "t.rules:5:23: error: expected ')'");
  CHECK(at("[1, ] == x") == "t.rules:5:14: error: expected a list element");
  CHECK(at("[1 2] == x") == "t.rules:5:13: error: expected ',' or ']' in the list");
  CHECK(at("any(m in : true)") == "t.rules:5:19: error: expected a list after 'in', as in any(m in measures: condition)");
  CHECK(at("any(m in measures true)") == "t.rules:5:28: error: expected ':' after the list, as in any(m in measures: condition)");
  CHECK(at("any(m in measures: )") == "t.rules:5:29: error: expected an expression after ':'");
  CHECK(at("any(m in measures: true") == "t.rules:5:34: error: expected ')'");
  CHECK(at("exists(title, )") == "t.rules:5:24: error: expected an argument after ','");
  CHECK(at("exists(title") == "t.rules:5:23: error: expected ',' or ')' in the argument list");
  CHECK(at("title. == 1") == "t.rules:5:17: error: expected a field name after '.'");
  CHECK(at("header[] == 1") == "t.rules:5:17: error: expected an index after '['");
  CHECK(at("header[0 == 1") == "t.rules:5:24: error: expected ']' after the index");
  CHECK(at("- == 1") == "t.rules:5:12: error: expected an operand after '-'");
  CHECK(at("number * == 1") == "t.rules:5:19: error: expected an operand after '*', '/' or '%'");
  CHECK(at("number + == 1") == "t.rules:5:19: error: expected an operand after '+' or '-'");
  CHECK(at("number in 1.. ") == "t.rules:5:25: error: expected the upper bound of the range after '..'");
  CHECK(at("number ?? == 1") == "t.rules:5:20: error: expected a fallback value after '?" "?'");
  CHECK(at("number == ") == "t.rules:5:21: error: expected an operand after the comparison");
  CHECK(at("not ") == "t.rules:5:15: error: expected a condition after 'not'");
  CHECK(at("true and ") == "t.rules:5:20: error: expected a condition after 'and'");
  CHECK(at("true or ") == "t.rules:5:19: error: expected a condition after 'or'");
}

TEST_CASE("columns count code points - not bytes", "[rules][errors]") {
  CHECK(error_of(rule_with("  # ääää\n  assert true message \"ä\\q\"")) == "t.rules:6:26: error: unknown escape; write \\\", \\\\, \\n, \\t, \\{ or \\}");
  CHECK(error_of("rule r {\r\n  severity fatal") == "t.rules:2:12: error: expected a severity: error, warning or info");
}

TEST_CASE("invalid UTF-8 in a rule file", "[rules][errors]") {
  CHECK(error_of("# ok\n# \xC3\x28\n") == "t.rules:2:3: error: invalid UTF-8 in the rule file");
}

TEST_CASE("deeply nested expressions are an error - not a crash", "[rules][errors]") {
  CHECK(error_of(rule_with("  assert " + std::string(99, '(') + "true" + std::string(99, ')') + " message \"m\"")) == "no error");
  CHECK(error_of(rule_with("  assert " + std::string(5000, '(') + "true" + std::string(5000, ')') + " message \"m\"")) ==
        "t.rules:5:110: error: expression nested more than 100 levels deep");
  std::string minuses;
  for (int i = 0; i < 500; ++i) minuses += "- ";
  CHECK(error_of(rule_with("  assert " + minuses + "1 == 1 message \"m\"")).find("nested more than 100 levels") !=
        std::string::npos);
  std::string nots;
  for (int i = 0; i < 500; ++i) nots += "not ";
  CHECK(error_of(rule_with("  assert " + nots + "true message \"m\"")).find("nested more than 100 levels") != std::string::npos);
  std::string chain = "1";
  for (int i = 0; i < 1000; ++i) chain += " + 1";
  CHECK(error_of(rule_with("  assert " + chain + " > 0 message \"m\"")).starts_with("t.rules:5:"));
  CHECK(error_of(rule_with("  assert " + chain + " > 0 message \"m\"")).ends_with("error: expression more than 400 operations deep"));
}
