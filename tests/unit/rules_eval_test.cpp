// The rule language's semantics: values, operators, fields, functions, binders, checks, locations,
// options, limits.
#include <thread>

#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <iterator>
#include <limits>

#include "grammar/keywords.hpp"
#include "rules/text_functions.hpp"
#include "rules_support.hpp"

using namespace planlint;
using planlint::test::run;
using planlint::test::value_of;

TEST_CASE("literals and arithmetic", "[rules][eval]") {
  CHECK(value_of("1 + 2 * 3") == "7");
  CHECK(value_of("(1 + 2) * 3") == "9");
  CHECK(value_of("7 % 4 - -1") == "4");
  CHECK(value_of("10 / 4") == "2.5");
  CHECK(value_of("'a' + \"b\"") == "ab");
  CHECK(value_of("true") == "true");
  CHECK(value_of("null") == "null");
  CHECK(value_of("[1, 'x', [2, 3]]") == "1, x, 2, 3");
  CHECK(value_of("6..12") == "6–12");
  CHECK(value_of("\"in {\"nested {1 + 1}\"}\"") == "in nested 2");
}

TEST_CASE("comparisons / ranges and membership", "[rules][eval]") {
  CHECK(value_of("1 < 2 and 2 <= 2 and 3 > 2 and 3 >= 3") == "true");
  CHECK(value_of("1 == 1.0") == "true");
  CHECK(value_of("'a' != 'b'") == "true");
  CHECK(value_of("'abc' < 'abd'") == "true");
  CHECK(value_of("12 in 6..12") == "true");
  CHECK(value_of("13 in 6..12") == "false");
  CHECK(value_of("5.5 in 6..12") == "false");
  CHECK(value_of("2 in [1, 2]") == "true");
  CHECK(value_of("'lii' in 'Liikunta'") == "false");  // case matters for plain 'in'
  CHECK(value_of("'ikun' in 'Liikunta'") == "true");
  CHECK(value_of("null == null") == "true");
  CHECK(value_of("null == 0") == "false");
  CHECK(value_of("goals[0].title == 'Liikunta'") == "true");  // document text compares as its string
}

TEST_CASE("boolean logic short-circuits", "[rules][eval]") {
  CHECK(value_of("false and 1 / 0 == 1") == "false");
  CHECK(value_of("true or 1 / 0 == 1") == "true");
  CHECK(value_of("not false") == "true");
  CHECK(value_of("if(true, 'yes', 1 / 0)") == "yes");  // only the chosen branch is evaluated
}

TEST_CASE("null handling: fields of null / ?? / exists", "[rules][eval]") {
  CHECK(value_of("goals[0].measures[1].indicator") == "null");
  CHECK(value_of("goals[0].measures[1].indicator.text") == "null");  // fields of null are null
  CHECK(value_of("goals[0].measures[1].indicator ?? 'none'") == "none");
  CHECK(value_of("goals[0].measures[0].indicator ?? 'none'") == "Ryhmien määrä");
  CHECK(value_of("exists(status)") == "false");
  CHECK(value_of("goals[5]") == "null");
  CHECK(value_of("goals[-1]") == "null");
}

TEST_CASE("plan / goal / measure and claim fields", "[rules][eval]") {
  CHECK(value_of("file") == "d.txt");
  CHECK(value_of("format") == "draft");
  CHECK(value_of("count(goals)") == "2");
  CHECK(value_of("count(measures)") == "3");
  CHECK(value_of("map(g in goals: g.number)") == "1, 2");
  CHECK(value_of("declared.goal_count") == "2");
  CHECK(value_of("declared.measures_min") == "2");
  CHECK(value_of("plan.declared.measures_max") == "3");
  CHECK(value_of("declared.goal_count_claim.text") == "Tavoitteita on kaksi");
  CHECK(value_of("map(c in claims: c.kind)") == "goal_count, measure_range");
  CHECK(value_of("overview[1].title") == "Kulttuuri ja taide");
  CHECK(value_of("line(overview[1])") == "6");
  CHECK(value_of("goals[1].heading.line") == "14");
  CHECK(value_of("goals[1].title.column") == "12");
  CHECK(value_of("join(goals[1].header, '|')") == "Toimenpide|Mittari|Vastuutaho");
  CHECK(value_of("goals[1].prev.number") == "1");
  CHECK(value_of("goals[1].next") == "null");
  CHECK(value_of("goals[1].index") == "2");
  CHECK(value_of("measures[2].goal.number") == "2");
  CHECK(value_of("measures[2].index") == "1");
  CHECK(value_of("measures[2].cell_count") == "3");
  CHECK(value_of("measures[1].cell_count") == "1");
  CHECK(value_of("measures[2].extra[0].column") == "Vastuutaho");
  CHECK(value_of("measures[2].extra[0].cell") == "Kulttuuri");
  CHECK(value_of("measures[0].confidence") == "1");
  CHECK(value_of("measures[0].row.end_column") == "39");
  CHECK(value_of("count(stray_rows) + count(comments) + count(title)") == "1");
}

TEST_CASE("binders: any / all / count / first / filter / map", "[rules][eval]") {
  CHECK(value_of("any(m in measures: m.indicator == null)") == "true");
  CHECK(value_of("all(m in measures: exists(m.text))") == "true");
  CHECK(value_of("all(m in measures: exists(m.indicator))") == "false");
  CHECK(value_of("count(m in measures: exists(m.indicator))") == "2");
  CHECK(value_of("first(m in measures: m.goal.number == 2).text") == "Lisätään konsertteja.");
  CHECK(value_of("first(m in measures: false)") == "null");
  CHECK(value_of("map(m in filter(m in measures: m.goal.number == 1): len(m.text))") == "24, 18");
  CHECK(value_of("any(x in []: true)") == "false");
  CHECK(value_of("all(x in []: false)") == "true");
  // A bound name shadows and is gone after the binder.
  CHECK(value_of("map(g in goals: count(g in [1, 2, 3]: true))") == "3, 3");
  CHECK(value_of("map(goals in [1, 2]: goals * 10)") == "10, 20");
}

TEST_CASE("text functions", "[rules][eval]") {
  CHECK(value_of("len('Työikäisille')") == "12");  // code points
  CHECK(value_of("blank('  \t ')") == "true");
  CHECK(value_of("blank(null)") == "true");
  CHECK(value_of("blank(' x ')") == "false");
  CHECK(value_of("trim('  a   b ')") == "a b");
  CHECK(value_of("casefold('TYÖIKÄISILLE')") == "työikäisille");
  CHECK(value_of("same_text('Kulttuuri  ja taide', 'Kulttuuri ja taide ')") == "true");
  CHECK(value_of("same_text('Työika\u0308inen', 'Työikäinen')") == "true");  // NFD vs NFC
  CHECK(value_of("same_text('Työkäinen', 'Työikäinen')") == "false");
  CHECK(value_of("same_text(null, null)") == "true");
  CHECK(value_of("round(similarity('Työkäinen', 'Työikäinen'), 2)") == "0.9");
  CHECK(value_of("similarity('ABC', 'abc')") == "1");
  CHECK(value_of("similarity('', '')") == "1");
  CHECK(value_of("similarity('abc', 'xyz')") == "0");
  CHECK(value_of("word_diff('Työkäisille espoolaisille on', 'Työikäisille espoolaisille on')") ==
        "'Työkäisille' vs 'Työikäisille'");
  CHECK(value_of("word_diff('a b c d', 'a x c')") == "'b' vs 'x'; 'd' vs (nothing)");
  CHECK(value_of("word_diff('a  b', 'a b')") == "");
  CHECK(value_of("matches('Mittari 2024', '\\d{4}$')") == "true");
  CHECK(value_of("matches('Mittari', '^\\d')") == "false");
  CHECK(value_of("matches(null, 'x')") == "false");
  CHECK(value_of("contains('Kulttuuri  ja taide', 'ja taide')") == "true");
  CHECK(value_of("words(' a  b ')") == "a, b");
  CHECK(value_of("is_keyword('Mittari/ mittarit', 'indicator_header')") == "true");
  CHECK(value_of("is_keyword('MÄTARE', 'indicator_header')") == "true");
  CHECK(value_of("is_keyword('Mittarin tulos', 'indicator_header')") == "false");
  CHECK(value_of("is_keyword(' / ', 'indicator_header')") == "false");
  CHECK(value_of("is_keyword('Toimenpiteet', 'measure_header')") == "true");
}

TEST_CASE("lookup and number functions", "[rules][eval]") {
  CHECK(value_of("find_goal(2).title") == "Kulttuuri  ja taide");
  CHECK(value_of("find_goal(3)") == "null");
  CHECK(value_of("find_overview_item(2).title") == "Kulttuuri ja taide");
  CHECK(value_of("str(2.50) + '/' + str(1/3)") == "2.5/0.333");
  CHECK(value_of("round(2.345, 2)") == "2.35");
  CHECK(value_of("abs(-3)") == "3");
  CHECK(value_of("min(3, 1, 2)") == "1");
  CHECK(value_of("max(map(m in measures: len(m.text)))") == "24");
  CHECK(value_of("max(filter(x in [1]: false))") == "null");
  CHECK(value_of("first(goals).number + last(goals).number") == "3");
}

TEST_CASE("run-time errors become one error finding of the rule", "[rules][eval]") {
  CHECK(run("goal", "  assert number / 0 == 1\n  message \"m\"") ==
        "8:1-8:20: error: rule t could not be evaluated (t.rules:6:17): division by zero [t]\n");
  CHECK(run("measure", "  assert indicator < 3\n  message \"m\"") ==
        "11:1-11:39: error: rule t could not be evaluated (t.rules:6:20): '<' cannot compare text with number [t]\n");
  CHECK(run("plan", "  assert count(first([status])) == 0\n  message \"m\"") ==
        "1:1-1:1: error: rule t could not be evaluated (t.rules:6:16): count() expects a list, got null [t]\n");
  CHECK(run("plan", "  assert first([1])\n  message \"m\"").find("'assert' expects true or false, got number") != std::string::npos);
  CHECK(run("plan", "  report true\n  message \"m\"\n  at first(['x'])").find("'at' expects a part of the document, got string") !=
        std::string::npos);
  CHECK(run("plan", "  assert matches(file, file + '(')\n  message \"m\"").find("invalid regular expression") !=
        std::string::npos);
}

TEST_CASE("a rule that exceeds the step budget is stopped and reported", "[rules][eval][limits]") {
  rules::EvalOptions o;
  o.step_budget = 1000;
  // Seven nested loops over the plan's measures: thousands of steps on a small plan.
  const std::string nested = "  assert count(a in measures: count(b in measures: count(c in measures: count(d in measures: "
                             "count(e in measures: count(f in measures: count(g in measures: true) > 0) > 0) > 0) > 0) > 0) > 0) "
                             "> 100000\n  message \"m\"";
  CHECK(run("plan", nested, test::small_plan, o) ==
        "1:1-1:1: error: rule t stopped: it took more than 1000 evaluation steps on this document [t]\n");
  o.step_budget = 10'000'000;
  CHECK(run("plan", nested, test::small_plan, o) == "1:1-1:1: warning: m [t]\n");
}

TEST_CASE("checks: assert / report / when / for / let - locations", "[rules][eval]") {
  // assert: a finding when the condition is false, at the scope node by default (goal: heading).
  CHECK(run("goal", "  assert count(measures) >= 2\n  message \"goal {number}: {count(measures)}\"") ==
        "14:1-14:31: warning: goal 2: 1 [t]\n");
  // report: a finding when it is true; `at` points it elsewhere.
  CHECK(run("goal", "  report count(measures) >= 2\n  message \"goal {number}\"\n  at title") ==
        "8:12-8:20: warning: goal 1 [t]\n");
  // when: the check applies only where it holds; a null `at` falls back to the node.
  CHECK(run("measure", "  when goal.number == 1\n  assert exists(indicator)\n  message \"no indicator\"\n  at indicator") ==
        "12:1-12:19: warning: no indicator [t]\n");
  // for: one finding per element; lets are per element.
  CHECK(run("plan",
            "  for g in goals\n  let n = count(g.measures)\n  when n < 3\n  report true\n  message \"goal {g.number}: {n}\"\n"
            "  at g.title") ==
        "8:12-8:20: warning: goal 1: 2 [t]\n14:12-14:31: warning: goal 2: 1 [t]\n");
  // Several checks in one rule; findings sorted by position.
  CHECK(run("overview", "  report number == 2\n  message \"b\"\n  report number == 1\n  message \"a\"") ==
        "5:3-5:22: warning: a [t]\n6:3-6:32: warning: b [t]\n");
  // Overview scope names its node `item`; measure scope has `goal` and `plan` as parents.
  CHECK(run("overview", "  report item.number == 1 and plan.file == 'd.txt'\n  message \"{item.title}\"") ==
        "5:3-5:22: warning: Liikunta [t]\n");
}

TEST_CASE("parameters / severity overrides and rule selection", "[rules][eval][options]") {
  const auto set = test::compile_rule("goal",
                                      "  assert count(measures) in min..max\n  message \"{number}: {count(measures)} not in {min}–{max}\"",
                                      "  param min = 2 \"fewest\"\n  param max = 3 \"most\"\n  param label = 'x' \"a text\"\n  param on = true \"a flag\"");
  const Plan plan = test::read_text(test::small_plan);
  CHECK(test::render(set.evaluate(plan)) == "14:1-14:31: warning: 2: 1 not in 2–3 [t]\n");

  rules::EvalOptions o;
  o.params["t"]["min"] = 1.0;
  CHECK(test::render(set.evaluate(plan, o)).empty());
  o.params["t"]["max"] = 1.0;
  o.severity["t"] = Severity::error;
  CHECK(test::render(set.evaluate(plan, o)) == "8:1-8:20: error: 1: 2 not in 1–1 [t]\n");
  o.enabled = [](std::string_view id) { return id != "t"; };
  CHECK(set.evaluate(plan, o).empty());

  REQUIRE(set.rules().size() == 1);
  const auto& info = set.rules().front();
  CHECK(info.id == "t");
  CHECK(info.scope == "goal");
  CHECK(info.severity == Severity::warning);
  CHECK(info.file == "t.rules");
  CHECK(info.where.line == 1);
  REQUIRE(info.params.size() == 4);
  CHECK(info.params[0].name == "min");
  CHECK(std::get<double>(info.params[0].default_value) == 2.0);
  CHECK(info.params[0].description == "fewest");
  CHECK(std::get<std::string>(info.params[2].default_value) == "x");
  CHECK(std::get<bool>(info.params[3].default_value) == true);

  CHECK_FALSE(set.check_param("t", "min", 4.0));
  CHECK(set.check_param("t", "mn", 4.0) == "unknown parameter 'mn' of rule t; known: min, max, label, on");
  CHECK(set.check_param("t", "min", std::string("4")) == "parameter 'min' of rule t expects a number");
  CHECK(set.check_param("t", "on", 1.0) == "parameter 'on' of rule t expects true or false");
  CHECK(set.check_param("t", "label", true) == "parameter 'label' of rule t expects text");
  CHECK(set.check_param("nope", "min", 1.0) == "unknown rule 'nope'");
  // Numbers: finite; a count (a parameter whose default is a whole number) whole and not negative.
  CHECK(set.check_param("t", "min", std::nan("")) == "parameter 'min' of rule t expects a finite number");
  CHECK(set.check_param("t", "min", std::numeric_limits<double>::infinity()) == "parameter 'min' of rule t expects a finite number");
  CHECK(set.check_param("t", "min", 6.5) == "parameter 'min' of rule t expects a count (a whole number, 0 or more) like its default 2, not 6.5");
  CHECK(set.check_param("t", "min", -1.0) == "parameter 'min' of rule t expects a count (a whole number, 0 or more) like its default 2, not -1");
  CHECK_FALSE(set.check_param("t", "min", 0.0));
}

TEST_CASE("evaluation is thread-safe: one compiled set / many threads", "[rules][eval][threads]") {
  const auto set = rules::RuleSet::compile(rules::builtin_rule_sources());
  const rules::RuleSet copy = set;  // copies share the compiled state
  const Plan plan = test::read_text(test::small_plan);
  const std::string expected = test::render(set.evaluate(plan));
  CHECK_FALSE(expected.empty());
  std::vector<std::string> results(8);
  std::vector<std::thread> threads;
  for (std::size_t i = 0; i < results.size(); ++i) {
    threads.emplace_back([&, i] {
      for (int k = 0; k < 20; ++k) results[i] = test::render((i % 2 ? copy : set).evaluate(plan));
    });
  }
  for (auto& t : threads) t.join();
  for (const auto& r : results) CHECK(r == expected);
}

TEST_CASE("rules on several threads of one document find what one thread finds - in the same order", "[rules][eval][threads]") {
  const auto set = rules::RuleSet::compile(rules::builtin_rule_sources());
  std::ifstream in(std::string(PLANLINT_SOURCE_DIR) + "/samples/tyoikaiset-2022-2025-luonnos.txt", std::ios::binary);
  const std::string sample((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  REQUIRE_FALSE(sample.empty());
  for (const std::string& text : {std::string(test::small_plan), sample}) {
    const Plan plan = test::read_text(text);
    rules::EvalOptions one;
    const std::string expected = test::render(set.evaluate(plan, one));
    CHECK(expected.find('\n') != expected.rfind('\n'));  // findings of more than one rule to order
    for (const unsigned threads : {2u, 3u, 64u}) {
      rules::EvalOptions many;
      many.rule_threads = threads;
      many.rule_threads_from_measures = 0;  // however small the plan
      INFO(threads << " threads");
      for (int k = 0; k < 5; ++k) CHECK(test::render(set.evaluate(plan, many)) == expected);
    }
  }
}

TEST_CASE("rules on helper threads see the configuration's keywords as the calling thread does", "[rules][eval][threads]") {
  // [headings] words are in effect per thread (grammar/keywords.hpp): a rule run by a helper thread must
  // still see them, here through is_keyword().
  // Sixteen such rules over 3,000 measures: long enough that the helpers, once started, take some of them.
  std::vector<rules::RuleSource> sources;
  for (int r = 0; r < 16; ++r) {
    sources.push_back({fmt::format("k{}.rules", r), fmt::format("rule k{} {{\n  severity warning\n  scope measure\n  summary \"s\"\n"
                                                                 "  assert is_keyword('Kehittämiskohde', 'goal')\n  message \"not a goal keyword\"\n  doc \"d\"\n}}\n", r)});
  }
  const auto set = rules::RuleSet::compile(sources);
  std::string text = "TAVOITE 1. Liikunta\n\nToimenpide\tMittari\n";
  for (int m = 0; m < 3000; ++m) text += fmt::format("Toimenpide {}.\tMäärä {}\n", m, m);
  const Plan plan = test::read_text(text);
  grammar::ExtraKeywords words;
  words.words[static_cast<std::size_t>(grammar::role::goal)].push_back(grammar::fold_keyword("Kehittämiskohde"));
  rules::EvalOptions many;
  many.rule_threads = 4;
  REQUIRE(many.rule_threads_from_measures <= 3000);  // the plan is large enough for helpers by default
  CHECK(set.evaluate(plan, many).size() == 16 * 3000);  // not a keyword without the configuration
  const grammar::ExtraKeywordsScope scope(&words);
  CHECK(set.evaluate(plan, many).empty());
}

TEST_CASE("a default RuleSet is empty and evaluates to nothing", "[rules][eval]") {
  const rules::RuleSet empty;
  CHECK(empty.rules().empty());
  CHECK(empty.evaluate(test::read_text(test::small_plan)).empty());
}

TEST_CASE("similar() agrees with similarity() >= threshold", "[rules][eval][similar]") {
  // Random texts over a small alphabet (with a multi-byte letter), so that near and far pairs both occur.
  std::uint32_t seed = 12345;
  const auto next = [&] { return seed = seed * 1103515245u + 12345u, (seed >> 16) & 0x7fff; };
  const char* letters[] = {"a", "b", "ä", " ", "c"};
  // Texts as letter indices, so that mutations never split a multi-byte letter.
  const auto random_text = [&](std::size_t n) {
    std::vector<unsigned> s;
    for (std::size_t i = 0; i < n; ++i) s.push_back(next() % 5);
    return s;
  };
  const auto spell = [&](const std::vector<unsigned>& s) {
    std::string out;
    for (unsigned i : s) out += letters[i];
    return out;
  };
  int agreements = 0;
  for (int round = 0; round < 400; ++round) {
    std::vector<unsigned> x = random_text(next() % 30);
    std::vector<unsigned> y = x;
    // Mutate a copy a little, or take an unrelated text.
    if (round % 3 == 0) {
      y = random_text(next() % 30);
    } else {
      for (unsigned e = next() % 5; e > 0 && !y.empty(); --e) {
        if (e % 2) y[next() % y.size()] = next() % 5;
        else y.erase(y.begin() + static_cast<std::ptrdiff_t>(next() % y.size()));
      }
    }
    const std::string a = spell(x);
    const std::string b = spell(y);
    for (double t : {0.0, 0.5, 0.8, 0.9, 1.0}) {
      const bool expected = rules::similarity(a, b) >= t - 1e-12;
      CAPTURE(a, b, t);
      CHECK(rules::similar(rules::prepare(a), rules::prepare(b), t) == expected);
      agreements += expected;
    }
  }
  CHECK(agreements > 200);  // the test saw both answers
  CHECK(value_of("similar('Työkäinen', 'Työikäinen', 0.9)") == "true");
  CHECK(value_of("similar('Työkäinen', 'Työikäinen', 0.91)") == "false");
}

// Smallest step budget under which the rule runs to its end on the document (binary search; the rule must
// finish under 100,000 steps).
static std::size_t steps_taken(const std::string& scope, const std::string& body) {
  const auto set = test::compile_rule(scope, body);
  const Plan plan = test::read_text(test::small_plan);
  std::size_t lo = 1, hi = 100'000;
  while (lo < hi) {
    rules::EvalOptions o;
    o.step_budget = (lo + hi) / 2;
    const auto findings = set.evaluate(plan, o);
    const bool stopped = !findings.empty() && findings.front().message.find("stopped") != std::string::npos;
    if (stopped) lo = o.step_budget + 1;
    else hi = o.step_budget;
  }
  return lo;
}

TEST_CASE("count() of a list field counts without building the list / with the same result and steps", "[rules][eval][limits]") {
  // Each goal's own lists, read from the goal, from a measure (goal.…) and from a binder's variable.
  CHECK(run("goal", "  report true\n  message \"{count(measures)} {count(header)} {count(measures)} {count(header)}\"") ==
        "8:1-8:20: warning: 2 2 2 2 [t]\n14:1-14:31: warning: 1 3 1 3 [t]\n");
  CHECK(run("measure", "  report true\n  message \"{count(goal.header)} {count(extra)} {count(goal.measures)}\"") ==
        "11:1-11:39: warning: 2 0 2 [t]\n12:1-12:19: warning: 2 0 2 [t]\n17:1-17:50: warning: 3 1 1 [t]\n");
  CHECK(value_of("map(g in goals: count(g.header) * 10 + count(g.measures))") == "22, 31");
  CHECK(value_of("map(m in measures: count(m.extra))") == "0, 0, 1");
  // A null base is still no list.
  CHECK(value_of("count(goals[1].next.measures)").find("count() expects a list, got null") != std::string::npos);
  // count() charges what building the list did (len() builds it), so the step budget stops a rule where it did.
  for (const char* field : {"measures", "header", "goal.measures"}) {
    const std::string scope = std::string(field) == "goal.measures" ? "measure" : "goal";
    INFO(field);
    CHECK(steps_taken(scope, fmt::format("  assert count({0}) + count({0}) > 100\n  message \"m\"", field)) ==
          steps_taken(scope, fmt::format("  assert len({0}) + len({0}) > 100\n  message \"m\"", field)));
  }
}

TEST_CASE("a list field read again gives the list of its own node", "[rules][eval]") {
  // The evaluator keeps the list field read last: reading the same field of another node, or another field
  // of the same node, must not give it back.
  CHECK(value_of("map(g in goals: join(g.header, '|') + '/' + join(g.measures, '|'))") ==
        "Toimenpide|Mittari/Lisätään liikuntaryhmiä.|Avataan uimahalli., "
        "Toimenpide|Mittari|Vastuutaho/Lisätään konsertteja.");
  CHECK(value_of("map(m in measures: join(m.goal.header, '|'))") ==
        "Toimenpide|Mittari, Toimenpide|Mittari, Toimenpide|Mittari|Vastuutaho");
  CHECK(value_of("map(m in measures: join(map(e in m.extra: e.cell), '|') + '.')") == "., ., Kulttuuri.");
}

TEST_CASE("a measure's cells by column role and a goal's columns", "[rules][eval][columns]") {
  const std::string doc = "TAVOITE 1. T\n\nToimenpide\tVastuutaho\tMittari\tMuuta\nAvataan talo.\tKunta\tKäynnit\tx\n";
  CHECK(value_of("map(m in measures: m.responsible)", doc) == "Kunta");
  CHECK(value_of("map(m in measures: str(m.schedule))", doc) == "null");
  CHECK(value_of("join(goals[0].columns, '/')", doc) == "measure/responsible/indicator/other");
  CHECK(value_of("join(map(e in measures[0].extra: e.role), '/')", doc) == "responsible/other");
}
