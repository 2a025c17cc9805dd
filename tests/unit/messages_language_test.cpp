// Messages in Finnish and English (issue 19): `summary fi` and `message fi` in the rule language, plural(),
// every built-in rule in both languages, and the language chosen by --lang, `lang` in .planlint.toml or
// the locale, in every output (text, JSON, SARIF, HTML) and in the words reports add around the messages.
#include <cstdlib>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "rules/parser.hpp"
#include "rules_support.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

using namespace planlint;
using namespace planlint::test;

namespace {

// The locale of whoever runs the tests must not decide their messages (a developer in Finland has
// LANG=fi_FI.UTF-8): the variables are cleared for this process and the planlint runs it starts; the tests
// of the locale set them on the command line.
const bool locale_cleared = [] {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) ::unsetenv(name);
  return true;
}();

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

rules::EvalOptions in_language(const std::string& language) {
  rules::EvalOptions o;
  o.message_language = language;
  return o;
}

}  // namespace

TEST_CASE("rule language: message fi is used for Finnish - the untagged message for other languages", "[rules][language]") {
  REQUIRE(locale_cleared);
  const std::string body =
      "  assert count(measures) >= 3\n"
      "  message \"goal {number} has {plural(count(measures), \"measure\", \"measures\")}\"\n"
      "  message fi \"tavoitteessa {number} on {plural(count(measures), \"toimenpide\", \"toimenpidettä\")}\"";
  CHECK(run("goal", body, small_plan, in_language("fi")) ==
        "8:1-8:20: warning: tavoitteessa 1 on 2 toimenpidettä [t]\n14:1-14:31: warning: tavoitteessa 2 on 1 toimenpide [t]\n");
  CHECK(run("goal", body, small_plan, in_language("en")) ==
        "8:1-8:20: warning: goal 1 has 2 measures [t]\n14:1-14:31: warning: goal 2 has 1 measure [t]\n");
  // A language without a message of its own gets the untagged one.
  CHECK(run("goal", body, small_plan, in_language("sv")).find("goal 1 has 2 measures") != std::string::npos);
}

TEST_CASE("rule language: localized summaries - errors of the syntax", "[rules][language]") {
  const auto set = rules::RuleSet::compile({rules::RuleSource{
      "t.rules", "rule t {\n  severity info\n  scope plan\n  summary \"every plan\"\n  summary fi \"jokainen suunnitelma\"\n"
                 "  report true\n  message \"m\"\n  doc \"d\"\n}\n"}});
  REQUIRE(set.rules().size() == 1);
  CHECK(set.rules()[0].summary_in("fi") == "jokainen suunnitelma");
  CHECK(set.rules()[0].summary_in("en") == "every plan");
  CHECK(compile_error("goal", "  report true\n  message \"a\"\n  message fi \"b\"\n  message fi \"c\"") ==
        "t.rules:9:11: error: a second message in 'fi' for this check");
  CHECK(compile_error("goal", "  report true\n  message \"a\"\n  message \"b\"") ==
        "t.rules:8:11: error: expected a language code after a second 'message', as in message fi \"…\" (the untagged "
        "message comes first)");
  CHECK(compile_error("goal", "  report true\n  message \"a\"\n  message fi 3") ==
        "t.rules:8:14: error: expected the message as a double-quoted string after its language code");
  CHECK(compile_error("goal", "  report true\n  message \"a\"\n  message fi \"{nosuch}\"").find("nosuch") != std::string::npos);
}

TEST_CASE("plural: the count and the word's form for it", "[rules][language]") {
  CHECK(value_of("plural(1, \"measure\", \"measures\")") == "1 measure");
  CHECK(value_of("plural(0, \"measure\", \"measures\")") == "0 measures");
  CHECK(value_of("plural(count(goals), \"tavoite\", \"tavoitetta\")") == "2 tavoitetta");
  CHECK(value_of("plural(null, \"a\", \"b\") ?? \"none\"") == "none");
}

// Every message of every built-in rule, and every summary, is written in Finnish too.
TEST_CASE("every built-in rule has a Finnish summary and a Finnish message for each check", "[rules][language][builtin]") {
  std::size_t checks = 0;
  for (const auto& source : rules::builtin_rule_sources()) {
    for (const auto& rule : rules::parse_rule_file(source)) {
      INFO(rule.info.id);
      CHECK(rule.info.summaries.count("fi") == 1);
      for (const auto& c : rule.checks) {
        ++checks;
        bool finnish = false;
        for (const auto& t : c.translations) finnish = finnish || t.first == "fi";
        CHECK(finnish);
      }
    }
  }
  CHECK(checks >= 30);
}

TEST_CASE("check --lang fi: Finnish messages - places and summary - --lang en and the default stay English", "[cli][language]") {
  const auto fi = run_planlint("check --no-config --no-cache --disable grammar --lang fi " + sample);
  CHECK(fi.exit_code == 0);
  CHECK(fi.out.find("tavoitteen 1 otsikko poikkeaa") != std::string::npos);
  CHECK(fi.out.find("asiakirjassa") != std::string::npos);
  CHECK(fi.out.find("korjaus: Korvaa '") != std::string::npos);
  const auto en = run_planlint("check --no-config --no-cache --disable grammar " + sample);
  CHECK(en.out.find("the title of goal 1 differs") != std::string::npos);
  CHECK(en.out.find(" in 1 document") != std::string::npos);
  CHECK(run_planlint("check --lang de " + sample).exit_code == 2);
}

TEST_CASE("the locale chooses the language - --lang and lang in .planlint.toml before it", "[cli][language]") {
  TempDir dir;
  const std::string plan = dir.write("plan.txt", slurp(sample));
  const auto by_locale = run_planlint("check --no-cache --disable grammar " + plan, "", "LANG=fi_FI.UTF-8 ");
  CHECK(by_locale.out.find("tavoitteen 1 otsikko poikkeaa") != std::string::npos);
  // LC_ALL before LANG, as POSIX orders them.
  CHECK(run_planlint("check --no-cache --disable grammar " + plan, "", "LC_ALL=C.UTF-8 LANG=fi_FI.UTF-8 ")
            .out.find("the title of goal 1 differs") != std::string::npos);
  CHECK(run_planlint("check --no-cache --disable grammar --lang en " + plan, "", "LANG=fi_FI.UTF-8 ")
            .out.find("the title of goal 1 differs") != std::string::npos);
  dir.write(".planlint.toml", "lang = \"fi\"\n");
  const auto configured = run_planlint("check --no-cache --disable grammar " + plan);
  CHECK(configured.out.find("tavoitteen 1 otsikko poikkeaa") != std::string::npos);
  CHECK(configured.out.find("asiakirjassa") != std::string::npos);
  dir.write(".planlint.toml", "lang = \"de\"\n");
  const auto wrong = run_planlint("check --no-cache " + plan);
  CHECK(wrong.exit_code == 2);
  CHECK(wrong.err.find(".planlint.toml:1:8: error: 'lang' must be \"fi\" or \"en\"") != std::string::npos);
}

TEST_CASE("JSON - SARIF and HTML in Finnish", "[cli][language]") {
  const std::string docx = source_path("tests/fixtures/documents/unit/levels.docx");
  const auto json = nlohmann::json::parse(run_planlint("check --no-config --no-cache --lang fi --format json " + docx).out);
  bool table_place = false;
  for (const auto& f : json) table_place = table_place || f.value("place", "").rfind("taulukko ", 0) == 0;
  CHECK(table_place);
  const auto sarif = nlohmann::json::parse(run_planlint("check --no-config --no-cache --disable grammar --lang fi --format sarif " + sample).out);
  const auto& run = sarif["runs"][0];
  CHECK(run["language"] == "fi");
  bool finnish_summary = false;
  for (const auto& r : run["tool"]["driver"]["rules"]) {
    if (r["id"] == "goal-title-mismatch") finnish_summary = r["shortDescription"]["text"].get<std::string>().find("tavoit") != std::string::npos;
  }
  CHECK(finnish_summary);
  const auto html = run_planlint("check --no-config --no-cache --disable grammar --lang fi --format html " + sample).out;
  CHECK(html.find("<html lang=\"fi\">") != std::string::npos);
  CHECK(html.find("<h1>planlint-raportti</h1>") != std::string::npos);
  CHECK(html.find("<h3>Tavoite 1: ") != std::string::npos);
  CHECK(html.find("toimenpidettä)") != std::string::npos);
  CHECK(html.find("sallittu 6–12 (suunnitelman oma)") != std::string::npos);
  CHECK(html.find("The document") == std::string::npos);
}

TEST_CASE("the grammar rule gives Voikko's description in the messages' language", "[cli][language][grammar]") {
  const std::string fixture = source_path("tests/fixtures/rules/grammar/trigger.txt");
  const std::string only_grammar = "check --no-config --no-cache --disable '*' --enable grammar ";
  const auto en = run_planlint(only_grammar + fixture);
  CHECK(en.out.find("'tuetaan tuetaan': Remove duplicate word. Did you mean 'tuetaan'? (Voikko's code 8)") != std::string::npos);
  const auto fi = run_planlint(only_grammar + "--lang fi " + fixture);
  CHECK(fi.out.find("'tuetaan tuetaan': ") != std::string::npos);
  CHECK(fi.out.find("Remove duplicate word") == std::string::npos);
  CHECK(fi.out.find("Tarkoititko 'tuetaan'? (Voikon virhekoodi 8)") != std::string::npos);
}
