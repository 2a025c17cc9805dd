// The rule-file grammar, rule by rule, on snippets (no actions), and analyze().
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/rules.hpp"
#include "grammar/rules_errors.hpp"
#include "support/verify_rule.hpp"

namespace gr = planlint::grammar::rules;
using planlint::test::consumed;
using planlint::test::matches_whole;

namespace {

// Parses with the error messages attached, as the compiler does: a must<> failure throws.
template <typename Rule>
std::optional<std::size_t> consumed_must(std::string_view input) {
  tao::pegtl::memory_input<tao::pegtl::tracking_mode::eager, tao::pegtl::eol::lf_crlf> in(input.data(), input.size(), "test");
  if (!tao::pegtl::parse<Rule, tao::pegtl::nothing, tao::pegtl::must_if<gr::errors>::control>(in)) return std::nullopt;
  return static_cast<std::size_t>(in.current() - input.data());
}

}  // namespace

TEST_CASE("rule grammar has no rule that can loop without consuming input", "[rules][grammar]") {
  CHECK(tao::pegtl::analyze<gr::rule_file>(1) == 0);
}

TEST_CASE("names: identifiers / reserved words / rule ids", "[rules][grammar]") {
  CHECK(matches_whole<gr::identifier>("measures"));
  CHECK(matches_whole<gr::identifier>("measures_min2"));
  CHECK(consumed<gr::identifier>("goal.number") == 4u);
  CHECK_FALSE(consumed<gr::identifier>("and"));
  CHECK_FALSE(consumed<gr::identifier>("null"));
  CHECK(matches_whole<gr::identifier>("android"));  // a reserved word only as a whole word
  CHECK(matches_whole<gr::identifier>("notes"));
  CHECK_FALSE(consumed<gr::identifier>("2nd"));
  CHECK(matches_whole<gr::rule_id>("goal-measure-count"));
  CHECK(matches_whole<gr::rule_id>("rule2"));
  CHECK_FALSE(consumed<gr::rule_id>("Goal-count"));
  CHECK_FALSE(consumed<gr::rule_id>("-goal"));
  CHECK(consumed<gr::rule_id>("goal- count") == 4u);  // a trailing dash is not part of the id
  CHECK_FALSE(consumed<gr::rule_id>("goal_count"));   // underscore: not kebab-case
}

TEST_CASE("layout: white space / line ends and comments", "[rules][grammar]") {
  CHECK(matches_whole<gr::sep>("  \n\t# comment ä\r\n  "));
  CHECK(consumed<gr::sep>("# to the end\nx") == 13u);
  CHECK(consumed<gr::sep>("x") == 0u);
}

TEST_CASE("literals: numbers / strings / templates / doc texts", "[rules][grammar]") {
  CHECK(matches_whole<gr::number_literal>("12"));
  CHECK(matches_whole<gr::number_literal>("0.85"));
  CHECK(consumed<gr::number_literal>("6..12") == 1u);  // "6." is not a number: ".." follows
  CHECK_FALSE(consumed<gr::number_literal>("12abc"));
  CHECK(matches_whole<gr::template_string>(R"("goal {number} has {count(measures)} measures")"));
  CHECK(matches_whole<gr::template_string>(R"("nested {if(x, "a {y}", 'b')} done")"));
  CHECK(matches_whole<gr::template_string>(R"("escapes \" \\ \n \t \{ \}")"));
  CHECK(matches_whole<gr::template_string>(R"("ä–ö")"));
  CHECK(matches_whole<gr::raw_string>(R"('^\d{2}$ it\'s')"));
  CHECK(consumed<gr::raw_string>("'a' 'b'") == 3u);
  CHECK(matches_whole<gr::long_string>("\"\"\"\n  line \"quoted\"\n  line 2\n\"\"\""));
}

TEST_CASE("expressions: precedence levels consume what they should", "[rules][grammar]") {
  CHECK(matches_whole<gr::expr>("count(measures) in min..max"));
  CHECK(matches_whole<gr::expr>("a.b.c[0].d"));
  CHECK(matches_whole<gr::expr>("not exists(x) and (y or z)"));
  CHECK(matches_whole<gr::expr>("indicator ?? text"));
  CHECK(matches_whole<gr::expr>("-x * 2 + 3 % 4 - 1 >= 0"));
  CHECK(matches_whole<gr::expr>("any(m in plan.measures: m.confidence < 0.5)"));
  CHECK(matches_whole<gr::expr>("[1, 2, [3]]"));
  CHECK(matches_whole<gr::expr>("f()"));
  CHECK(matches_whole<gr::expr>("x\n  and\n  y"));  // line ends are white space
  // Comparisons do not chain: the expression ends before the second operator.
  CHECK(consumed<gr::expr>("a < b < c") == 5u);
  // An expression stops before the next statement.
  CHECK(consumed<gr::expr>("x > 1\n  message \"m\"") == 5u);
  CHECK(consumed<gr::expr>("count(x) in 1..2 at heading") == 16u);
}

TEST_CASE("rules: a whole rule and a whole file", "[rules][grammar]") {
  const char* rule = R"(rule goal-measure-count {
  severity error
  scope goal
  summary "s"
  param min = 6 "fewest"
  param label = 'x' "text"
  param strict = false "flag"
  param low = -1.5 "negative"
  let n = count(measures)
  assert n in min..6
  message "goal {number}: {n}"
  at heading
  for m in measures
  let t = m.text
  when t != null
  report blank(t)
  message "empty"
  doc """
    Doc.
  """
})";
  CHECK(matches_whole<gr::rule_def>(rule));
  CHECK(matches_whole<gr::rule_file>(std::string("# header comment\n\n") + rule + "\n\n# end\n"));
  CHECK(matches_whole<gr::rule_file>(""));
  CHECK(matches_whole<gr::rule_file>("  # only a comment"));
  CHECK(consumed_must<gr::severity_stmt>("severity warning") == 16u);
  CHECK(consumed_must<gr::scope_stmt>("scope overview") == 14u);
  CHECK(consumed_must<gr::param_stmt>("param threshold = 0.9 'similarity'") == 34u);
  CHECK(consumed_must<gr::check>("assert x message \"m\" at y") == 25u);
  CHECK(consumed_must<gr::check>("assert x message \"m\"\ndoc") == 20u);
}

TEST_CASE("grammar error points throw with their message", "[rules][grammar]") {
  CHECK_THROWS_WITH(consumed_must<gr::severity_stmt>("severity fatal"), Catch::Contains("expected a severity: error, warning or info"));
  CHECK_THROWS_WITH(consumed_must<gr::expr>("(1 + 2"), Catch::Contains("expected ')'"));
  CHECK_THROWS_WITH(consumed_must<gr::expr>("count(m in measures)"), Catch::Contains("expected ':' after the list"));
  CHECK_THROWS_WITH(consumed_must<gr::expr>("a and"), Catch::Contains("expected a condition after 'and'"));
}
