// Semantic errors of rule files: reported when compiling, with the position of the offending name.
#include <catch2/catch.hpp>

#include "rules_support.hpp"

using namespace planlint;
using planlint::test::compile_error;

TEST_CASE("unknown names list what is known in the scope", "[rules][compile]") {
  CHECK(compile_error("goal", "  assert titel == ''\n  message \"m\"") ==
        "t.rules:6:10: error: unknown name 'titel'; known here: goal, plan, number, title, level, heading, header, "
        "columns, measures, index, prev, next, parent_number, label, parent, sub_goals, prev_sibling, area");
  // Parameters and lets are names too; the plan's fields are not names in a goal rule.
  CHECK(compile_error("goal", "  let n = 1\n  assert goals == n\n  message \"m\"", "  param p = 1 \"d\"") ==
        "t.rules:7:10: error: unknown name 'goals'; known here: goal, plan, p, configured, n, number, title, level, "
        "heading, header, columns, measures, index, prev, next, parent_number, label, parent, sub_goals, prev_sibling, area");
  // A let of one check is not visible in the next.
  CHECK(compile_error("goal", "  let n = 1\n  assert n == 1\n  message \"m\"\n  let k = 2\n  assert true\n  message \"{k}\"\n"
                      "  assert k == 2\n  message \"m\"") ==
        "t.rules:12:10: error: unknown name 'k'; known here: goal, plan, n, number, title, level, heading, header, columns, measures, index, "
        "prev, next, parent_number, label, parent, sub_goals, prev_sibling, area");
  // A binder's name is visible only inside it.
  CHECK(compile_error("plan", "  assert any(g in goals: true) and g == 1\n  message \"m\"").starts_with(
      "t.rules:6:36: error: unknown name 'g'; known here: plan, file,"));
}

TEST_CASE("unknown fields of known parts of the document", "[rules][compile]") {
  CHECK(compile_error("measure", "  assert goal.titel == ''\n  message \"m\"") ==
        "t.rules:6:15: error: a goal has no field 'titel'; its fields: number, title, level, heading, header, columns, measures, "
        "index, prev, next, parent_number, label, parent, sub_goals, prev_sibling, area");
  CHECK(compile_error("plan", "  assert declared.measure_min == 1\n  message \"m\"") ==
        "t.rules:6:19: error: a declared has no field 'measure_min'; its fields: goal_count, measures_min, measures_max, "
        "goal_count_claim, measure_range_claim");
  CHECK(compile_error("plan", "  assert goals.number == 1\n  message \"m\"") ==
        "t.rules:6:16: error: a list has no fields (no '.number')");
  CHECK(compile_error("goal", "  assert number.value == 1\n  message \"m\"") ==
        "t.rules:6:17: error: a number has no fields (no '.value')");
  CHECK(compile_error("plan", "  assert any(g in goals: g.nmber == 1)\n  message \"m\"").starts_with(
      "t.rules:6:28: error: a goal has no field 'nmber'"));
  CHECK(compile_error("plan", "  assert number[0] == 1\n  message \"m\"").starts_with("t.rules:6:10: error: unknown name 'number'"));
  CHECK(compile_error("goal", "  assert number[0] == 1\n  message \"m\"") ==
        "t.rules:6:16: error: only lists can be indexed, but this is a number");
}

TEST_CASE("functions: unknown names / argument counts / argument kinds", "[rules][compile]") {
  CHECK(compile_error("goal", "  assert lenght(title) > 0\n  message \"m\"").starts_with(
      "t.rules:6:10: error: unknown function 'lenght'; known: count, len, exists,"));
  CHECK(compile_error("goal", "  assert similarity(title) > 0\n  message \"m\"") ==
        "t.rules:6:10: error: similarity() takes 2 arguments; write similarity(a, b)");
  CHECK(compile_error("goal", "  assert exists(title, 1)\n  message \"m\"") ==
        "t.rules:6:10: error: exists() takes 1 argument; write exists(x)");
  CHECK(compile_error("goal", "  assert round() == 1\n  message \"m\"") ==
        "t.rules:6:10: error: round() takes 1 to 2 arguments; write round(x, digits = 0)");
  CHECK(compile_error("goal", "  assert max() == 1\n  message \"m\"") ==
        "t.rules:6:10: error: max() takes at least 1 argument; write max(a, b, …) or max(list)");
  CHECK(compile_error("goal", "  assert count(title) == 1\n  message \"m\"") ==
        "t.rules:6:16: error: count() expects a list, but this is a text");
  CHECK(compile_error("goal", "  assert any(x in number: true)\n  message \"m\"") ==
        "t.rules:6:19: error: any(x in …) expects a list, but this is a number");
  CHECK(compile_error("goal", "  assert any(m in measures: m.text)\n  message \"m\"") ==
        "t.rules:6:31: error: any(x in list: …) expects a condition after ':', but this is a text");
}

TEST_CASE("regular expressions and keyword roles are checked when compiling", "[rules][compile]") {
  CHECK(compile_error("goal", "  assert matches(title, 'a(b')\n  message \"m\"").starts_with(
      "t.rules:6:25: error: invalid regular expression: missing ): a(b"));
  CHECK(compile_error("goal", "  assert matches(title, 1)\n  message \"m\"") ==
        "t.rules:6:25: error: matches() expects a regular expression as a quoted string");
  CHECK(compile_error("goal", "  assert is_keyword(title, 'mittari')\n  message \"m\"").starts_with(
      "t.rules:6:28: error: is_keyword() expects a keyword role as a quoted string: goal, measure_header"));
}

TEST_CASE("statements: conditions / messages / locations / texts", "[rules][compile]") {
  CHECK(compile_error("goal", "  assert count(measures)\n  message \"m\"") ==
        "t.rules:6:10: error: 'assert' expects a condition (true or false), but this is a number");
  CHECK(compile_error("goal", "  when title\n  assert true\n  message \"m\"") ==
        "t.rules:6:8: error: 'when' expects a condition (true or false), but this is a text");
  CHECK(compile_error("goal", "  assert true\n  message \"m\"\n  at number") ==
        "t.rules:8:6: error: 'at' expects a part of the document (a goal, a measure, a text, a range …), but this is a number");
  CHECK(compile_error("goal", "  for m in number\n  assert true\n  message \"m\"") ==
        "t.rules:6:12: error: 'for' expects a list, but this is a number");
  CHECK(compile_error("goal", "  assert true\n  message \"m\"", "  param min = 1 \"d\"\n  param min = 2 \"d\"") ==
        "t.rules:6:9: error: 'min' is already defined");
  CHECK(compile_error("goal", "  assert true\n  message \"m\"", "  param n = 1 \"d {number}\"") ==
        "t.rules:5:15: error: a parameter's description must be plain text without {…}");
  CHECK(planlint::test::compile_error("goal", "  assert true\n  message \"m\"", "  param goal = 1 \"d\"") ==
        "t.rules:5:9: error: 'goal' is already defined");
}

TEST_CASE("summaries and docs are plain text", "[rules][compile]") {
  const auto error = [](const std::string& text) {
    try {
      rules::RuleSet::compile({rules::RuleSource{"x.rules", text}});
    } catch (const InputError& e) {
      return e.describe();
    }
    return std::string("no error");
  };
  CHECK(error("rule r {\n severity info\n scope plan\n summary \"{file}\"\n assert true message \"m\"\n doc \"d\"\n}") ==
        "x.rules:4:10: error: a summary must be plain text without {…}");
  CHECK(error("rule r {\n severity info\n scope plan\n summary \"s\"\n assert true message \"m\"\n doc \"d{1}\"\n}") ==
        "x.rules:6:6: error: a doc text must be plain text without {…}");
}

TEST_CASE("rule ids are unique across files", "[rules][compile]") {
  const std::string rule = "rule same-id {\n severity info\n scope plan\n summary \"s\"\n assert true message \"m\"\n doc \"d\"\n}\n";
  try {
    rules::RuleSet::compile({{"a.rules", rule}, {"b.rules", "# second\n" + rule}});
    FAIL("no error");
  } catch (const InputError& e) {
    CHECK(e.describe() == "b.rules:2:1: error: rule 'same-id' is already defined at a.rules:1:1");
  }
  // A built-in id in a user's file is the same error (the lead adds --rules files to the built-ins).
  auto sources = rules::builtin_rule_sources();
  sources.push_back({"mine.rules", "rule goal-numbering {\n severity info\n scope plan\n summary \"s\"\n assert true message \"m\"\n doc \"d\"\n}\n"});
  CHECK_THROWS_WITH(rules::RuleSet::compile(sources), "rule 'goal-numbering' is already defined at rules/goal-numbering.rules:1:1");
}

TEST_CASE("doc texts are dedented", "[rules][compile]") {
  const auto set = rules::RuleSet::compile({{"d.rules",
      "rule r {\n  severity info\n  scope plan\n  summary \"s\"\n  assert true message \"m\"\n"
      "  doc \"\"\"\n    What.\n\n      indented example\n    Fix.\n  \"\"\"\n}\n"}});
  CHECK(set.rules().front().doc == "What.\n\n  indented example\nFix.");
}

TEST_CASE("positions count code points / on from the previous position of the line", "[rules][compile]") {
  // Several nodes on one line before the error, with multi-byte characters among them; the same on a later
  // line; and, wherever the error is, multi-byte characters count as one column each.
  CHECK(compile_error("goal", "  assert 'åäö' + \"ü{number}ö\" + 'x' == titel\n  message \"m\"").starts_with(
      "t.rules:6:40: error: unknown name 'titel'"));
  CHECK(compile_error("goal", "  assert 'å' == 'ä'\n  message \"ää {number} öö {titel}\"").starts_with(
      "t.rules:7:28: error: unknown name 'titel'"));
  CHECK(compile_error("goal", "  assert 'åäö' == 'x' and count(number) + 'ü' == 2 and not 'ö'\n  message \"m\"") ==
        "t.rules:6:33: error: count() expects a list, but this is a number");
  CHECK(compile_error("goal", "  assert 'åäö' == 'x' and 'üü' - 1 == 2\n  message \"m\"") ==
        compile_error("goal", "  assert 'aaa' == 'x' and 'uu' - 1 == 2\n  message \"m\""));
}
