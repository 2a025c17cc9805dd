// The file of Voikko's answers kept between runs (src/spell/answer_file.hpp): what is read back is what
// was written, and anything else is ignored whole.
#include <catch2/catch.hpp>

#include <fmt/format.h>

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

TEST_CASE("answer file: the index finds each answer by a search and nothing else", "[spell][cache]") {
  const std::string text = format_answers("k", sample_answers());
  const auto index = AnswerIndex::over(text, "k");
  REQUIRE(index);
  CHECK(index->records() == sample_answers().size());
  for (const auto& [word, ok] : sample_answers().spell) CHECK(index->spell(word) == ok);
  for (const auto& [word, list] : sample_answers().suggest) CHECK(index->suggest(word) == list);
  for (const auto& [key, errors] : sample_answers().grammar) CHECK(index->grammar(key) == errors);
  CHECK_FALSE(index->spell("Työikäisill"));
  CHECK_FALSE(index->spell("xqzv"));  // a suggest answer, not a spell one
  CHECK_FALSE(index->suggest("esim."));
  CHECK_FALSE(index->spell(""));
  CHECK_FALSE(AnswerIndex::over(text, "other key"));
  CHECK_FALSE(AnswerIndex::over(text.substr(0, text.size() - 1), "k"));
  // A record damaged in the middle is not believed; the others still are.
  std::string damaged = text;
  damaged[damaged.find("s\tesim.\t1") + 8] = '0';
  const auto partly = AnswerIndex::over(damaged, "k");
  REQUIRE(partly);
  CHECK_FALSE(partly->spell("esim."));
  CHECK(partly->spell("Työikäisille") == true);
  CHECK_FALSE(parse_answers(damaged, "k"));  // the next write starts afresh
}

TEST_CASE("answer file: the search tells apart words that are prefixes of each other", "[spell][cache]") {
  // Records sort by "<kind>\t<word>": "a" < "a-b" < "aa" < "ab", and a kind's records come before the next
  // kind's. The search compares a line's key without cutting it out, so the word's end (a tab, the line's
  // end) must order exactly as the cut key did.
  VoikkoAnswers answers;
  for (const char* w : {"a", "aa", "aab", "ab", "a-b", "b", "\xc3\xa4", "\xc3\xa4\xc3\xa4", "z"}) answers.spell[w] = std::string_view(w).size() % 2 == 0;
  answers.suggest["aa"] = {"a"};
  answers.suggest["ab"] = {};
  // A long record among short ones: a probe that lands inside it must not lose the lines after it.
  answers.suggest["ac"] = std::vector<std::string>(400, "pitk\xc3\xa4 ehdotus");
  const std::string text = format_answers("k", answers);
  const auto index = AnswerIndex::over(text, "k");
  REQUIRE(index);
  for (const auto& [word, ok] : answers.spell) CHECK(index->spell(word) == ok);
  for (const auto& [word, list] : answers.suggest) CHECK(index->suggest(word) == list);
  for (const char* absent : {"", "-", "a-", "a-bc", "aaa", "aac", "ac", "ba", "y", "zz", "\xc3", "\xc3\xa4\xc3", "\xff"}) {
    CHECK_FALSE(index->spell(absent));
  }
  CHECK_FALSE(index->suggest("a"));
  CHECK_FALSE(index->suggest("ad"));
  // A word with a tab is never written, so never found, even where its text begins a record's line.
  CHECK_FALSE(index->spell("a\t0"));
  CHECK_FALSE(index->spell("aa\t1"));
  CHECK_FALSE(index->suggest("aa\ta"));
}

TEST_CASE("answer file: lookups in a file of 100000 answers agree with reading it whole", "[spell][cache]") {
  VoikkoAnswers many;
  for (int i = 0; i < 100000; ++i) many.spell["sana" + std::to_string(i * 7919 % 100003)] = i % 3 != 0;
  const std::string text = format_answers("k", many);
  const auto index = AnswerIndex::over(text, "k");
  REQUIRE(index);
  const auto whole = parse_answers(text, "k");
  REQUIRE(whole);
  CHECK(whole->spell == many.spell);
  std::size_t agreed = 0;
  for (const auto& [word, ok] : many.spell) agreed += index->spell(word) == ok;
  CHECK(agreed == many.spell.size());
  CHECK_FALSE(index->spell("sana100003"));
  CHECK_FALSE(index->spell("sana"));
  CHECK_FALSE(index->spell("t"));
  CHECK_FALSE(index->spell("a"));
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
  future.replace(future.find(" 2\n"), 3, " 3\n");
  CHECK_FALSE(parse_answers(future, key));
  for (std::size_t cut = 0; cut < text.size(); ++cut) {
    INFO("cut at " << cut);
    CHECK_FALSE(parse_answers(text.substr(0, cut), key));
  }
  std::string flipped = text;
  flipped[flipped.find("\t1\t") + 1] = '0';  // an answer changed, the checksum not
  CHECK_FALSE(parse_answers(flipped, key));
  for (std::size_t i = 0; i < text.size(); i += 7) {
    std::string bad = text;
    bad[i] = static_cast<char>(bad[i] ^ 0x20);
    INFO("byte " << i);
    CHECK_FALSE(parse_answers(bad, key));
  }
}

TEST_CASE("answer file: a trailer that claims more records than the file holds is rejected", "[spell][cache]") {
  // Found by fuzz_spell_text: the count was used to reserve memory before the records were counted.
  const std::string frame = "planlint voikko answers 2\n1\nk\n";
  const std::string file = frame + fmt::format("end\t6559606114598285767\t{:016x}\n", fnv1a64(frame));
  CHECK(AnswerIndex::over(file, "k"));  // the frame is right: opening reads no further
  CHECK_FALSE(parse_answers(file, "k"));
  CHECK(parse_answers(frame + fmt::format("end\t0\t{:016x}\n", fnv1a64(frame)), "k"));
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
