// fold() must equal casefold(normalize()) on every input: its plain-text path is only a shortcut.
#include <catch2/catch.hpp>

#include <random>
#include <string>

#include "text/fold.hpp"
#include "text/normalize.hpp"

using namespace planlint::text;

TEST_CASE("fold equals casefold of normalize", "[text][fold]") {
  // Pieces that take each path: plain letters, Latin-1 capitals and small letters, × ÷ ß µ, spaces in
  // runs and at the ends, tabs, NBSP, a combining diaeresis (NFD ä), Cyrillic, Greek sigma, an emoji.
  static const char* pieces[] = {"a", "Z", "Työ", "IKÄISILLE", "ÅÖÄ", "ÀÞ", "×", "÷", "ß", "µ", " ", "  ", "\t", "\xC2\xA0",
                                 "a\xCC\x88", "Москва", "ΣΑΣ", "🙂", "(kyllä/ei)", "-", "\x7F", "\x01", "ÿ", "İ", "ǅ"};
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (unsigned n = rng() % 8; n-- > 0;) s += pieces[rng() % std::size(pieces)];
    INFO("'" << s << "'");
    REQUIRE(fold(s) == casefold(normalize(s)));
  }
  CHECK(fold("Työikäisille Espoolaisille") == "työikäisille espoolaisille");
  CHECK(fold("") == "");
}
