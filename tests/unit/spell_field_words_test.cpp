// Issue 18's behaviours of the spelling rule, each with its data turned off to show it is what decides:
// the field's lexicon as compound parts, compounds split at " -", runs of foreign words, names, short
// abbreviations before a hyphen, and suggestions that never split a word in two.
#include <algorithm>

#include <catch2/catch.hpp>

#include "check/runner.hpp"
#include "read/source.hpp"
#include "support/temp_dir.hpp"

using namespace planlint;
using planlint::test::TempDir;

namespace {

struct Reported {
  std::string word;
  std::vector<std::string> suggestions;
};

// The spelling rule alone on a one-paragraph plan, with some of its parameters set.
std::vector<Reported> spelling_of(const std::string& text, const std::map<std::string, std::string>& params = {}) {
  TempDir d;
  const std::string path = d.write("plan.txt", text);
  check::Settings s;
  s.select = {"-*", "spelling"};
  for (const auto& [name, value] : params) s.rules["spelling"].params[name] = check::ParamSetting{value, "", {}};
  check::RuleSetCache cache;
  const Source src = load_source(path);
  std::vector<Reported> out;
  for (const Finding& f : check::check_source(src, s, cache).findings) {
    Reported r{std::string(src.bytes.substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset)), {}};
    for (const Fix& x : f.fixes) r.suggestions.push_back(x.replacement);
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<std::string> words(const std::vector<Reported>& r) {
  std::vector<std::string> out;
  for (const Reported& x : r) out.push_back(x.word);
  return out;
}

}  // namespace

TEST_CASE("spelling: the field lexicon makes compounds - sotehankkeen and LU-sotehankkeen pass / not without it", "[spelling][field]") {
  const std::string text = "Yhteistyötä tehdään LU-sotehankkeen kanssa, ja sotehankkeen tulokset kerätään.\n";
  CHECK(spelling_of(text).empty());
  // Without the lexicon they are Voikko's misspellings, and its split "sote hankkeen" is never offered.
  const auto bare = spelling_of(text, {{"compounds", ""}});
  REQUIRE(words(bare) == std::vector<std::string>{"sotehankkeen", "sotehankkeen"});
  for (const std::string& s : bare[0].suggestions) CHECK(s.find(' ') == std::string::npos);
  // The rest of the word must be a word: a typo after the lexicon's part is still found.
  CHECK(words(spelling_of("Sotehankkeem tulokset kerätään.\n")) == std::vector<std::string>{"Sotehankkeem"});
}

TEST_CASE("spelling: suggestions never split a compound in two", "[spelling][field]") {
  const auto r = spelling_of("Tuetaan suunnitelmien yhteensovittamille eri toimijoiden välillä.\n");
  REQUIRE(words(r) == std::vector<std::string>{"yhteensovittamille"});
  for (const std::string& s : r[0].suggestions) CHECK(s.find(' ') == std::string::npos);
}

TEST_CASE("spelling: the second half of a compound split at a hyphen passes when the two make a word", "[spelling][field]") {
  CHECK(spelling_of("Kokeillaan luonto-liikunta -painotteisina, ainakin osan aikaa.\n").empty());
  // A typo stays one: "painonhallintaakursseiden" is no word either.
  CHECK(words(spelling_of("Järjestetään liikunta- ja painonhallintaa -kursseiden sarja.\n")) ==
        std::vector<std::string>{"kursseiden"});
  // Alone, without the word before it, the bound part is reported.
  CHECK(words(spelling_of("Kokeillaan painotteisina osan aikaa.\n")) == std::vector<std::string>{"painotteisina"});
}

TEST_CASE("spelling: runs of English words and English words in a name pass / one alone does not", "[spelling][field]") {
  const std::string text = "Tuetaan Para school day -teemaviikkoja kouluissa.\nTavoite on exit Koronaan ja muuta.\n";
  CHECK(spelling_of(text).empty());
  CHECK(words(spelling_of(text, {{"foreign", ""}})) == std::vector<std::string>{"school", "day", "exit"});
  CHECK(words(spelling_of("Tavoite on school ja muuta.\n")) == std::vector<std::string>{"school"});
}

TEST_CASE("spelling: a name after a title or first name passes / unless one edit makes a word the document uses", "[spelling][field]") {
  CHECK(spelling_of("Ohjausryhmä kokoontuu (pj. Virpi Mikama) kuukausittain.\n").empty());
  CHECK(spelling_of("Ohjausryhmää johtaa puheenjohtaja Mikama.\n").empty());
  CHECK(words(spelling_of("Ohjausryhmää johtaa puheenjohtaja Mikama.\n", {{"titles", ""}})) == std::vector<std::string>{"Mikama"});
  // Beginning a sentence, a capital says nothing.
  CHECK(words(spelling_of("Mikama kokoontuu kuukausittain.\n")) == std::vector<std::string>{"Mikama"});
  // The document writes "nikama" elsewhere: "Mikama" may well be a typo of it.
  const auto fits = spelling_of("Nikama on luu. Ohjausryhmä kokoontuu (pj. Virpi Mikama) kuukausittain.\n");
  REQUIRE(words(fits) == std::vector<std::string>{"Mikama"});
  CHECK(fits[0].suggestions.front() == "Nikama");
}

TEST_CASE("spelling: a short lower-case abbreviation before a hyphenated compound passes", "[spelling][field]") {
  CHECK(spelling_of("Asiaa käsitellään koty-verkostossa, jossa on mukana kaupunki.\n").empty());
  // "kotyverkostossa" joined is no abbreviation, and a document that writes "koti" makes "koty" a typo.
  CHECK(words(spelling_of("Asiaa käsitellään kotyverkostossa.\n")) == std::vector<std::string>{"kotyverkostossa"});
  CHECK(words(spelling_of("Koti on tärkeä. Asiaa käsitellään koty-verkostossa.\n")) == std::vector<std::string>{"koty"});
}
