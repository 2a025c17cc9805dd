// The file of Voikko's answers kept between runs (src/spell/answer_file.hpp): what is read back is what
// was written, and anything else is ignored whole.
#include <catch2/catch.hpp>

#include "spell/answer_file.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

using namespace planlint::spell;

namespace {

VoikkoAnswers sample_answers() {
  VoikkoAnswers a;
  a.spell["Työikäisille"] = true;
  a.spell["Työkäisille"] = false;
  a.spell["esim."] = true;
  a.suggest["Työkäisille"] = {"Työläisille", "Työikäisille"};
  a.suggest["xqzv"] = {};
  a.grammar[grammar_key("Tuetaan tuetaan liikuntaa.", "fi")] = {
      GrammarError{8, 0, 15, "Sana on kirjoitettu kahteen kertaan.", {"Tuetaan"}}};
  a.grammar[grammar_key("Lisätään liikuntaa.", "en")] = {};
  a.grammar[grammar_key("a ,b", "en")] = {GrammarError{6, 1, 2, "Remove space", {",", ", "}}, GrammarError{9, 3, 1, "", {}}};
  return a;
}

}  // namespace

TEST_CASE("answer file: what is written is read back", "[spell][cache]") {
  const std::string text = format_answers("key\nwith lines", sample_answers());
  const auto back = parse_answers(text, "key\nwith lines");
  REQUIRE(back);
  CHECK(back->spell == sample_answers().spell);
  CHECK(back->suggest == sample_answers().suggest);
  CHECK(back->grammar == sample_answers().grammar);
}

TEST_CASE("answer file: a paragraph's grammar key tells its language and text apart", "[spell][cache]") {
  CHECK(grammar_key("Tuetaan liikuntaa.", "fi") == grammar_key("Tuetaan liikuntaa.", "fi"));
  CHECK(grammar_key("Tuetaan liikuntaa.", "fi") != grammar_key("Tuetaan liikuntaa.", "en"));
  CHECK(grammar_key("Tuetaan liikuntaa.", "fi") != grammar_key("Tuetaan liikuntaa!", "fi"));
  CHECK(grammar_key("", "fi").starts_with("fi:0:"));
}

TEST_CASE("answer file: another key / version / truncation or corruption is ignored", "[spell][cache]") {
  const std::string key = "language fi";
  const std::string text = format_answers(key, sample_answers());
  CHECK_FALSE(parse_answers(text, "language sv"));
  CHECK_FALSE(parse_answers("", key));
  CHECK_FALSE(parse_answers("\n", key));
  CHECK_FALSE(parse_answers("garbage\n", key));
  std::string future = text;
  future.replace(future.find(" 1\n"), 3, " 2\n");
  CHECK_FALSE(parse_answers(future, key));
  for (std::size_t cut = 0; cut < text.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK_FALSE(parse_answers(text.substr(0, cut), key));
  }
  std::string flipped = text;
  flipped[flipped.find("\t1\n")] = ' ';  // an answer changed, the checksum not
  CHECK_FALSE(parse_answers(flipped, key));
  for (std::size_t i = 0; i < text.size(); i += 7) {
    std::string bad = text;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    INFO("byte " << i);
    CHECK_FALSE(parse_answers(bad, key));
  }
}

TEST_CASE("answer file: words that would break a line are left out", "[spell][cache]") {
  VoikkoAnswers a;
  a.spell["tab\there"] = true;
  a.spell["ok"] = true;
  a.suggest["sana"] = {"line\nbreak"};
  a.grammar["k1"] = {GrammarError{8, 0, 3, "tab\tin it", {}}};
  a.grammar["k2"] = {GrammarError{8, 0, 3, "ok", {"unit\x1fseparator"}}};
  a.grammar["k3"] = {GrammarError{8, 0, 3, "ok", {"fine"}}};
  const auto back = parse_answers(format_answers("k", a), "k");
  REQUIRE(back);
  CHECK(back->spell.size() == 1);
  CHECK(back->spell.at("ok"));
  CHECK(back->suggest.empty());
  REQUIRE(back->grammar.size() == 1);
  CHECK(back->grammar.at("k3") == a.grammar.at("k3"));
}

TEST_CASE("answer file: the file is named after its key", "[spell][cache]") {
  planlint::test::TempDir dir;
  CHECK(answer_file_path(dir.str(), "a") != answer_file_path(dir.str(), "b"));
  CHECK(answer_file_path(dir.str(), "a") == answer_file_path(dir.str(), "a"));
  const std::string path = answer_file_path(dir.str(), "a");
  CHECK_FALSE(read_answer_file(path, "a"));  // missing
  dir.write(std::filesystem::path(path).filename().string(), format_answers("a", sample_answers()));
  CHECK(read_answer_file(path, "a"));
  CHECK_FALSE(read_answer_file(path, "b"));
}

TEST_CASE("answer file: the fuzz harness's seeds are valid files", "[spell][cache][fuzz]") {
  // tests/fuzz/gen_answer_seeds.py writes them: this keeps its idea of the format the reader's.
  for (const char* name : {"empty", "words", "grammar"}) {
    INFO(name);
    const auto answers = parse_answers(planlint::test::slurp(planlint::test::source_path(std::string("tests/fuzz/seeds/spell_text/") + name + ".answers")),
                                       "fuzz key\n");
    REQUIRE(answers);
    CHECK(answers->size() == (std::string_view(name) == "empty" ? 0u : std::string_view(name) == "words" ? 5u : 3u));
  }
}
