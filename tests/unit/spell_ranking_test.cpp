// Word lists, suggestion ranking and the Voikko speller (src/spell/).
#include <thread>

#include <catch2/catch.hpp>

#include "spell/checker.hpp"

using namespace planlint;
using namespace planlint::spell;

namespace {

Vocabulary vocabulary_of(std::string_view text) {
  Vocabulary v;
  v.add_text(text);
  v.finish();
  return v;
}

const auto everything_correct = [](std::string_view) { return true; };

}  // namespace

TEST_CASE("word lists: lower case accepts any case / a capital only itself / a trailing star for inflected forms", "[spell][words]") {
  const WordList l = WordList::parse("hyte, Lifecare  # a comment\nOmaolo* per");
  CHECK(l.accepts("hyte"));
  CHECK(l.accepts("Hyte"));
  CHECK(l.accepts("HYTE"));
  CHECK(l.accepts("Lifecare"));
  CHECK_FALSE(l.accepts("lifecare"));
  CHECK_FALSE(l.accepts("Lifecaren"));  // no '*': only the entry itself
  CHECK(l.accepts("Omaolon"));
  CHECK_FALSE(l.accepts("omaolon"));
  CHECK_FALSE(l.accepts("a"));           // "a comment" is a comment
  CHECK(l.accepts("per"));
  CHECK_FALSE(WordList().accepts("per"));
}

TEST_CASE("weighted distance: a vowel for a vowel costs half / a swap one", "[spell][ranking]") {
  CHECK(weighted_distance("hoitajaksot", "hoitojaksot") == 0.5);
  CHECK(weighted_distance("hoitajaksot", "hoitajakeot") == 1.0);
  CHECK(weighted_distance("kursseiden", "kurssien") == 2.0);
  CHECK(weighted_distance("Työkäisille", "työikäisille") == 1.0);  // case does not count
  CHECK(weighted_distance("ab", "ba") == 1.0);
}

TEST_CASE("ranking: a candidate that stands in the document comes first", "[spell][ranking]") {
  const auto v = vocabulary_of("- TAVOITE 1. Työikäisille espoolaisille on tarjolla");
  const std::vector<std::string> voikko{"Työläisille", "Työmäisille", "Työkäsille", "Työikäisille", "Työkätisille"};
  CHECK(rank_suggestions("Työkäisille", voikko, v, everything_correct).front() == "Työikäisille");
  // Without the document Voikko's first guess stays first (all are one edit away).
  CHECK(rank_suggestions("Työkäisille", voikko, vocabulary_of(""), everything_correct).front() == "Työläisille");
}

TEST_CASE("ranking: a shared stem with a correct word of the document comes next", "[spell][ranking]") {
  const auto v = vocabulary_of("lyhytkursseja ja kursseille kursseiden");
  const std::vector<std::string> candidates{"kusseiden", "kurisseiden", "kurssien"};
  CHECK(rank_suggestions("kursseiden", candidates, v, everything_correct).front() == "kurssien");
  // A misspelt word of the document does not vote: here only "kursseille" could, and it is not correct.
  const auto nothing_correct = [](std::string_view) { return false; };
  CHECK(rank_suggestions("kursseiden", candidates, v, nothing_correct).front() == "kusseiden");
}

TEST_CASE("ranking: then the word's ending kept - then fewer edits - then the speller's order", "[spell][ranking]") {
  const std::vector<std::string> voikko{"hoitajakeot", "noitajaksot", "hoitajaisot", "hoitojaksot"};
  // hoitajakeot keeps two letters of the ending "-sot", the others three; of those, a vowel for a vowel
  // (hoitojaksot, 0.5) beats the rest (1 each), which keep Voikko's order.
  CHECK(rank_suggestions("hoitajaksot", voikko, vocabulary_of("muuta tekstiä"), everything_correct) ==
        std::vector<std::string>{"hoitojaksot", "noitajaksot", "hoitajaisot", "hoitajakeot"});
  // The ending decides before the distance: "kurssien" (-en) before "kurssein" (-n), both two edits away.
  CHECK(rank_suggestions("kursseiden", {"kurssein", "kurssien"}, vocabulary_of(""), everything_correct).front() == "kurssien");
}

TEST_CASE("speller: Voikko's verdicts and candidates / cached", "[spell][voikko]") {
  Speller s(SpellerOptions{});
  CHECK(s.accepts("Työikäisille"));
  CHECK_FALSE(s.accepts("Työkäisille"));
  CHECK(s.accepts("esim."));
  CHECK_FALSE(s.accepts("esim"));
  const auto c = s.suggestions("kursseiden");
  CHECK(std::find(c.begin(), c.end(), "kurssien") != c.end());  // from a double deletion, not from Voikko
  CHECK(s.suggestions("Höydynnetään").front() == "Hyödynnetään");
}

TEST_CASE("speller: many threads share one speller (pool of handles / one cache)", "[spell][voikko]") {
  Speller s(SpellerOptions{});
  std::vector<std::thread> threads;
  std::atomic<int> wrong{0};
  for (int t = 0; t < 4; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 200; ++i) {
        if (!s.accepts("hyvinvointia") || s.accepts("Höydynnetään")) ++wrong;
      }
    });
  }
  for (auto& th : threads) th.join();
  CHECK(wrong == 0);
  CHECK(s.handles_opened() <= 4);
  SpellerOptions one;
  one.max_handles = 1;
  Speller single(one);
  CHECK(single.accepts("hyvinvointia"));
  CHECK(single.handles_opened() == 1);
}

namespace {

// Why a speller with these options cannot be opened: SpellerUnavailable's message, or "" when it opens.
std::string why_unavailable(const SpellerOptions& o) {
  try {
    Speller s(o);
    return "";
  } catch (const SpellerUnavailable& e) {
    return e.message;
  }
}

}  // namespace

TEST_CASE("speller: a missing dictionary is a clear error saying how to install it", "[spell][voikko]") {
  // Voikko searches a given directory first and its standard places after it, so the Finnish dictionary
  // installed here cannot be hidden; a language without a dictionary takes the same path.
  SpellerOptions o;
  o.language = "xx";
  o.dictionary_path = "/nonexistent/voikko";
  const std::string message = why_unavailable(o);
  CHECK(message.find("the Voikko dictionary for language 'xx' cannot be opened (searched in '/nonexistent/voikko' too)") !=
        std::string::npos);
  CHECK(message.find("install it, e.g. `apt-get install libvoikko1 a Voikko dictionary for 'xx'`") != std::string::npos);
  CHECK(unavailable_message("fi", "", "No valid dictionaries were found").find(
            "the Voikko dictionary for language 'fi' cannot be opened (No valid dictionaries were found); install it, "
            "e.g. `apt-get install libvoikko1 voikko-fi`") != std::string::npos);
  CHECK(speller_problem("xx", "").has_value());
  CHECK_FALSE(speller_problem("fi", "/nonexistent/voikko").has_value());  // the standard places still have it
  CHECK_FALSE(speller_problem("fi", "").has_value());
}

TEST_CASE("speller: a missing Voikko library is a clear error saying how to install it", "[spell][voikko]") {
  // libvoikko is opened with dlopen on first use (voikko_library.hpp); the library name is an option so
  // that a missing one can be tested on a machine that has it.
  SpellerOptions o;
  o.library = "libvoikko-not-installed.so.1";
  const std::string missing = why_unavailable(o);
  CHECK(missing.find("spelling is not checked: the Voikko library 'libvoikko-not-installed.so.1' cannot be loaded (") == 0);
  CHECK(missing.find("cannot open shared object file") != std::string::npos);  // dlopen's reason
  CHECK(missing.find("install it, e.g. `apt-get install libvoikko1 voikko-fi`") != std::string::npos);
  // A library that loads but is not Voikko names the functions it lacks.
  o.library = "libm.so.6";
  CHECK(why_unavailable(o).find("the Voikko library 'libm.so.6' cannot be loaded (it lacks voikkoInit, voikkoTerminate,") !=
        std::string::npos);
  // The real one still opens, after the failures.
  Speller fine(SpellerOptions{});
  CHECK(fine.accepts("hyvinvointia"));
}

TEST_CASE("checker: word lists / abbreviations / acronyms and compounds part by part", "[spell][voikko]") {
  Speller s(SpellerOptions{});
  const WordList field = WordList::parse("hyte Lifecare*");
  SpellChecker checker(s, {&field});
  const std::string text = "Lifecaren esim. STM:n hyte-painopisteiden LU-sotehankkeen sote-järjestämislaissa per 2022 Höydynnetään";
  const Span span{text, {{0, 1, 1}, {text.size(), 1, 1 + 97}}};
  const auto found = checker.check(span, text, Vocabulary());
  REQUIRE(found.size() == 3);
  CHECK(found[0].word.text == "sotehankkeen");  // the wrong part of "LU-sotehankkeen" ("LU" is an acronym)
  CHECK(found[0].word.range.begin.column == 1 + text.find("sotehankkeen"));  // ASCII before it
  CHECK(found[1].word.text == "per");  // Latin "per" is not in this list
  CHECK(found[2].word.text == "Höydynnetään");
  CHECK(found[2].suggestions.front() == "Hyödynnetään");
  // A wrong part of a compound is reported alone, at its own columns.
  const std::string t2 = "hyte-painopsiteiden";
  const auto parts = checker.check(Span{t2, {{0, 1, 1}, {t2.size(), 1, 20}}}, t2, Vocabulary());
  REQUIRE(parts.size() == 1);
  CHECK(parts[0].word.text == "painopsiteiden");
  CHECK(parts[0].word.range.begin.column == 6);
}
