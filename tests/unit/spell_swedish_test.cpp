// Swedish plans (issue 16 item 4): Hunspell behind the speller, the answer cache kept apart by language,
// the document's language (keywords, dictionaries, configuration, --language, plan.language), names and
// phrases of the other language, and the Swedish draft fixture through the whole check.
#include <algorithm>
#include <filesystem>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "check/config.hpp"
#include "check/runner.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"
#include "spell/checker.hpp"
#include "spell/language.hpp"
#include "spell/speller.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

using namespace planlint;
using namespace planlint::spell;
using planlint::test::run_planlint;
using planlint::test::source_path;
using planlint::test::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string swedish_draft = "tests/fixtures/swedish/arbetsfor-alder-2024-2027-utkast.txt";
const std::string finnish_quoting = "tests/fixtures/swedish/suomi-ruotsalaiset-nimet.txt";

Speller* shared_or_null(std::string_view code) {
  try {
    return &shared_speller(std::string(code), "");
  } catch (const SpellerUnavailable&) {
    return nullptr;
  }
}

Plan plan_of(const std::string& name, const std::string& text) { return read::read_plan(make_source(name, text)); }

std::vector<Finding> check_with(const std::string& path, check::Settings s) {
  check::RuleSetCache cache;
  return check::check_source(load_source(path), s, cache).findings;
}

std::vector<Finding> spelling_of(const std::string& path, check::Settings s = {}) {
  s.select = {"-*", "spelling"};
  return check_with(path, std::move(s));
}

// "word -> first suggestion" of each spelling finding, read from the document at its range.
std::vector<std::string> reported(const std::string& path, const std::vector<Finding>& findings) {
  const Source src = load_source(path);
  std::vector<std::string> out;
  for (const Finding& f : findings) {
    const std::string word(src.bytes.substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset));
    out.push_back(word + " -> " + (f.fixes.empty() ? std::string() : f.fixes.front().replacement));
  }
  return out;
}

std::vector<std::string> words_found(SpellChecker& checker, const std::string& text) {
  const Span span{text, {{0, 1, 1}, {text.size(), 1, 1 + text.size()}}};
  std::vector<std::string> out;
  for (const Misspelling& m : checker.check(span, text, Vocabulary())) out.push_back(m.word.text);
  return out;
}

}  // namespace

TEST_CASE("hunspell: Swedish words pass and a misspelling gets Hunspell's suggestion", "[spell][hunspell]") {
  SpellerOptions o;
  o.language = "sv";
  Speller s(o);
  CHECK(s.engine() == Engine::hunspell);
  CHECK(s.accepts("åtgärder"));
  CHECK(s.accepts("Målen"));
  CHECK(s.accepts("välfärdsområde"));
  CHECK_FALSE(s.accepts("ungdommar"));
  CHECK_FALSE(s.accepts("hyvinvointia"));  // Finnish is not Swedish
  const auto sugg = s.suggestions("ungdommar");
  REQUIRE_FALSE(sugg.empty());
  CHECK(sugg.front() == "ungdomar");
  CHECK(engine_for("fi") == Engine::voikko);
  CHECK(engine_for("sv_FI") == Engine::hunspell);
  CHECK(hunspell_dictionary_name("sv") == "sv_SE");
}

TEST_CASE("hunspell: a missing Swedish dictionary or library is a clear error saying how to install it", "[spell][hunspell]") {
  SpellerOptions o;
  o.language = "sv_XX";  // no such dictionary anywhere
  o.dictionary_path = "/nonexistent/hunspell";
  std::string message;
  try {
    Speller s(o);
  } catch (const SpellerUnavailable& e) {
    message = e.message;
  }
  CHECK(message ==
        "spelling is not checked: the Hunspell dictionary for language 'sv_XX' (sv_XX.aff and sv_XX.dic) is not in "
        "'/nonexistent/hunspell' or '/usr/share/hunspell'; install it, e.g. `apt-get install libhunspell-1.7-0 hunspell-sv`");
  CHECK(speller_problem("sv_XX", "").has_value());
  CHECK_FALSE(speller_problem("sv", "").has_value());
  SpellerOptions lib;
  lib.language = "sv";
  lib.library = "libhunspell-not-installed.so.0";
  message.clear();
  try {
    Speller s(lib);
  } catch (const SpellerUnavailable& e) {
    message = e.message;
  }
  CHECK(message.find("the Hunspell library 'libhunspell-not-installed.so.0' cannot be loaded (") != std::string::npos);
  CHECK(message.find("apt-get install libhunspell-1.7-0 hunspell-sv") != std::string::npos);
}

TEST_CASE("speller cache: Finnish and Swedish answers for the same words never mix", "[spell][hunspell][cache]") {
  TempDir dir;
  const std::vector<std::string> words = {"och", "talo", "Målen", "tavoite"};
  std::map<std::string, bool> fi_said, sv_said;
  {
    SpellerOptions fo, so;
    fo.cache_dir = so.cache_dir = dir.str();
    so.language = "sv";
    Speller fi(fo), sv(so);
    for (const auto& w : words) {
      fi_said[w] = fi.accepts(w);
      sv_said[w] = sv.accepts(w);
    }
    fi.save_answers();
    sv.save_answers();
  }
  // The two engines disagree on each of these words, so a mixed cache would show.
  CHECK(fi_said == std::map<std::string, bool>{{"och", false}, {"talo", true}, {"Målen", false}, {"tavoite", true}});
  CHECK(sv_said == std::map<std::string, bool>{{"och", true}, {"talo", false}, {"Målen", true}, {"tavoite", false}});
  // One file per engine and language.
  int voikko_files = 0, hunspell_files = 0;
  for (const auto& e : fs::directory_iterator(dir.path)) {
    const std::string name = e.path().filename().string();
    voikko_files += name.starts_with("voikko-");
    hunspell_files += name.starts_with("hunspell-");
  }
  CHECK(voikko_files == 1);
  CHECK(hunspell_files == 1);
  // Spellers of a new run answer from their own files, without opening their engines.
  SpellerOptions fo, so;
  fo.cache_dir = so.cache_dir = dir.str();
  so.language = "sv";
  Speller fi(fo), sv(so);
  for (const auto& w : words) {
    CAPTURE(w);
    CHECK(fi.accepts(w) == fi_said[w]);
    CHECK(sv.accepts(w) == sv_said[w]);
  }
  CHECK(fi.handles_opened() == 0);
  CHECK(sv.handles_opened() == 0);
  // And the shared spellers of a run are one per language.
  CHECK(&shared_speller("fi", "") != &shared_speller("sv", ""));
}

TEST_CASE("language: keywords of goal headings and table headers decide", "[spell][language]") {
  const Source sv_src = load_source(source_path(swedish_draft));
  const Plan sv = read::read_plan(sv_src);
  const LanguageVotes v = keyword_votes(sv, sv_src.bytes);
  CHECK(v.sv == 2 * 3 + 1);  // two goals: MÅL, Åtgärd, Mätare each; the status UTKAST
  CHECK(v.fi == 0);
  const auto never = [](std::string_view) -> Speller* {
    FAIL("keywords decide: no dictionary is asked");
    return nullptr;
  };
  CHECK(detect_language(sv, sv_src.bytes, never).code == "sv");
  CHECK(detect_language(sv, sv_src.bytes, never).how == "keywords");
  const Source fi_src = load_source(source_path("samples/tyoikaiset-2022-2025-luonnos.txt"));
  const Plan fi = read::read_plan(fi_src);
  CHECK(keyword_votes(fi, fi_src.bytes).fi > 0);
  CHECK(keyword_votes(fi, fi_src.bytes).sv == 0);
  CHECK(detect_language(fi, fi_src.bytes, never).code == "fi");
  // Without the document's text the headers still vote (the headings are only ranges in the model).
  CHECK(keyword_votes(sv, "").sv == 2 * 2 + 1);
}

TEST_CASE("language: without keywords the dictionaries' shares of a sample decide", "[spell][language][hunspell]") {
  const std::string sv_text = "Staden ordnar motionsgrupper för äldre.\nVi stöder föreningarnas arbete i alla stadsdelar.\n";
  const std::string fi_text = "Kaupunki järjestää liikuntaryhmiä ikääntyneille.\nTuemme järjestöjen työtä kaikilla alueilla.\n";
  const Plan sv = plan_of("sv.txt", sv_text);
  const Plan fi = plan_of("fi.txt", fi_text);
  REQUIRE(sv.goals.empty());
  const auto got_sv = detect_language(sv, sv_text, shared_or_null);
  CHECK(got_sv.code == "sv");
  CHECK(got_sv.how == "dictionaries");
  const auto got_fi = detect_language(fi, fi_text, shared_or_null);
  CHECK(got_fi.code == "fi");
  CHECK(got_fi.how == "dictionaries");
  // Without dictionaries, or without words: Finnish, by default.
  const auto none = [](std::string_view) -> Speller* { return nullptr; };
  CHECK(detect_language(sv, sv_text, none).code == "fi");
  CHECK(detect_language(sv, sv_text, none).how == "default");
  CHECK(detect_language(plan_of("e.txt", "2024\n"), "2024\n", shared_or_null).how == "default");
}

TEST_CASE("language: the sample is the first distinct words and is bounded", "[spell][language]") {
  CHECK(word_sample("Vi och vi och STM 2024 Vi stöder", 10) == std::vector<std::string>{"Vi", "och", "vi", "stöder"});
  std::string many;
  for (int i = 0; i < 500; ++i) many += "ord" + std::string(1, static_cast<char>('a' + i % 26)) + std::string(1, static_cast<char>('a' + i / 26)) + " ";
  CHECK(word_sample(many).size() == sample_words);
}

TEST_CASE("checker: Swedish names and phrases pass in Finnish text but a lone Swedish word does not", "[spell][hunspell]") {
  Speller& fi = shared_speller("fi", "");
  Speller& sv = shared_speller("sv", "");
  const std::string text =
      "Kumppaneitamme ovat Folkhälsan ja Svenska litteratursällskapet. Tarjoamme kotihoitoa eli hemvården "
      "nimellä «vård och omsorg» ja lisäämme hyvinvonnin tukea.";
  SpellChecker with(fi, {}, &sv);
  CHECK(words_found(with, text) == std::vector<std::string>{"hemvården", "hyvinvonnin"});
  // Without the Swedish speller every Swedish word is a misspelling: the leniency is the other speller's.
  SpellChecker without(fi, {});
  CHECK(words_found(without, text) == std::vector<std::string>{"Folkhälsan", "Svenska", "litteratursällskapet",
                                                                 "hemvården", "vård", "och", "omsorg", "hyvinvonnin"});
  // The other way round: a Finnish name in Swedish text.
  SpellChecker swedish(sv, {}, &fi);
  CHECK(words_found(swedish, "Vi samarbetar med projektet Hyvä arki och med talo ungdommar.") ==
        std::vector<std::string>{"talo", "ungdommar"});
  // Words of the other language stand together only with spaces between them.
  CHECK(words_found(with, "lisäämme vård, omsorg tukea") == std::vector<std::string>{"vård", "omsorg"});
}

TEST_CASE("configuration: language is fi or sv or auto and anything else is refused where it is written", "[check][config][language]") {
  TempDir d;
  CHECK(check::load_config(d.write("a/.planlint.toml", "language = \"sv\"\n")).base.language == "sv");
  CHECK(check::load_config(d.write("b/.planlint.toml", "language = \"auto\"\n")).base.language == "auto");
  CHECK_FALSE(check::load_config(d.write("c/.planlint.toml", "fail-on = \"error\"\n")).base.language.has_value());
  const auto error_of = [&](const std::string& text) {
    try {
      check::load_config(d.write("bad/.planlint.toml", text));
    } catch (const InputError& e) {
      const std::string s = e.describe();
      return s.substr(s.find(".planlint.toml"));
    }
    return std::string("no error");
  };
  CHECK(error_of("\nlanguage = \"se\"\n") ==
        ".planlint.toml:2:12: error: 'language' must be \"fi\" (Finnish, Voikko), \"sv\" (Swedish, Hunspell) or \"auto\" "
        "(detected per document), not \"se\"");
  CHECK(error_of("language = 1\n").find("'language' must be \"fi\"") != std::string::npos);
  CHECK(error_of("langauge = \"sv\"\n").find("unknown setting 'langauge'; known: rule-paths, default-rules, select, enable, "
                                             "disable, fail-on, extensions, input-format, language,") != std::string::npos);
  // An override's language wins for its paths; the command line over both.
  check::Settings base, top;
  base.language = "fi";
  top.language = "sv";
  base.merge(top);
  CHECK(base.language == "sv");
}

TEST_CASE("swedish draft: only its three misspellings with Hunspell's suggestions", "[spelling][hunspell][sample]") {
  const std::string path = source_path(swedish_draft);
  const auto findings = spelling_of(path);
  CHECK(reported(path, findings) == std::vector<std::string>{
                                        "samarbette -> samarbetet",  // "samarbetet" stands in the plan: it ranks first
                                        "hälsosama -> hälsosamma",
                                        "ungdommar -> ungdomar",
                                    });
  REQUIRE(findings.size() == 3);
  CHECK(findings[2].message == "'ungdommar' is not in the dictionary; did you mean 'ungdomar'?");
  // Read as Finnish (the configuration says so) and with no language for quoted phrases, nearly every
  // word is wrong: the language is what matters.
  check::Settings fi;
  fi.language = "fi";
  fi.rules["spelling"].params["quoted"] = check::ParamSetting{std::string(), "", {}};
  CHECK(spelling_of(path, fi).size() > 100);
  // Read as Finnish with Swedish phrases allowed (the default), its runs of Swedish words pass as quoted
  // phrases, but its misspellings, which no dictionary knows, are still found.
  fi.rules.clear();
  const auto as_finnish = reported(path, spelling_of(path, fi));
  CHECK(as_finnish.size() > 3);
  for (const char* w : {"samarbette", "hälsosama", "ungdommar"}) {
    CAPTURE(w);
    CHECK(std::any_of(as_finnish.begin(), as_finnish.end(), [&](const std::string& r) { return r.starts_with(w); }));
  }
}

TEST_CASE("swedish draft: the structure rules read its goals and claims", "[rules][hunspell][sample]") {
  const std::string path = source_path(swedish_draft);
  const Plan plan = read::read_plan(load_source(path));
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[0].measures.size() == 6);
  CHECK(plan.goals[1].measures.size() == 6);
  CHECK(plan.overview.size() == 2);
  const Declared d = declared(plan);
  REQUIRE(d.goal_count != nullptr);
  CHECK(d.goal_count->min == 2);
  REQUIRE(d.measure_range != nullptr);
  CHECK(d.measure_range->min == 6);
  CHECK(d.measure_range->max == 12);
  // Every rule: the three misspellings are all it reports.
  const auto all = check_with(path, {});
  std::vector<std::string> rules;
  for (const Finding& f : all) rules.push_back(f.rule);
  CHECK(rules == std::vector<std::string>{"spelling", "spelling", "spelling"});
  // The counting rules do use the claims: a third goal declared makes declared-goal-count speak.
  Source changed = load_source(path);
  std::string text(changed.bytes);
  text.replace(text.find("Målen är två."), std::string("Målen är två.").size(), "Målen är tre.");
  check::RuleSetCache cache;
  check::Settings only;
  only.select = {"-*", "declared-goal-count"};
  const auto found = check::check_source(make_source(path, text), only, cache).findings;
  REQUIRE(found.size() == 1);
  CHECK(found[0].rule == "declared-goal-count");
}

TEST_CASE("finnish plan quoting Swedish names: the names pass and the Finnish typo is found", "[spelling][hunspell]") {
  const std::string path = source_path(finnish_quoting);
  const auto findings = spelling_of(path);
  CHECK(reported(path, findings) == std::vector<std::string>{"hemvården -> ", "hyvinvonnin -> hyvinvoinnin"});
  // With the rule told to take no other language, the names are misspellings again.
  const std::string config = "[rules.spelling]\nquoted = \"\"\n";
  TempDir d;
  const auto c = check::load_config(d.write(".planlint.toml", config));
  const auto strict = spelling_of(path, c.base);
  CHECK(strict.size() > findings.size() + 4);
}

TEST_CASE("plan.language in the rule language: detected or configured", "[rules][language]") {
  const auto rules = rules::RuleSet::compile({{"lang.rules", "rule lang {\n  severity info\n  scope plan\n  summary \"s\"\n"
                                                              "  report true\n  message \"{plan.language}\"\n"
                                                              "  doc \"\"\"\n    What it checks: x\n    How to fix: y\n  \"\"\"\n}\n"}});
  const Source src = load_source(source_path(swedish_draft));
  const Plan plan = read::read_plan(src);
  rules::EvalOptions o;
  o.source_text = src.bytes;
  auto found = rules.evaluate(plan, o);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "sv");
  o.language = "fi";
  found = rules.evaluate(plan, o);
  REQUIRE(found.size() == 1);
  CHECK(found[0].message == "fi");
}

TEST_CASE("cli: --language takes fi or sv or auto", "[cli][language][hunspell]") {
  const std::string path = source_path(swedish_draft);
  const auto bad = run_planlint("check --no-config --language se '" + path + "'");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find("--language") != std::string::npos);
  const auto sv = run_planlint("check --no-config --format json --language sv '" + path + "'");
  CHECK(sv.exit_code == 0);
  CHECK(nlohmann::json::parse(sv.out).size() == 3);
  TempDir d;
  const std::string config = d.write("strict.toml", "[rules.spelling]\nquoted = \"\"\n");
  const auto fi = run_planlint("check --config '" + config + "' --format json --language fi '" + path + "'");
  CHECK(nlohmann::json::parse(fi.out).size() > 100);
  const auto sv_config = run_planlint("check --config '" + config + "' --format json --language sv '" + path + "'");
  CHECK(nlohmann::json::parse(sv_config.out).size() == 5);  // the three, and the Finnish name "Hyvä arki" no longer taken as quoted
}
