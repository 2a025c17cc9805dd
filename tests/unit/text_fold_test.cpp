// fold() must equal casefold(normalize()) on every input, and casefold() what utf8proc gives: their
// plain-text path (fold_plain) is only a shortcut. The reference is utf8proc itself, called here.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <string>

#include <utf8proc.h>

#include "text/fold.hpp"
#include "text/normalize.hpp"

using namespace planlint::text;

namespace {

std::string utf8proc_casefold(const std::string& s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_CASEFOLD));
  REQUIRE(n >= 0);
  std::string r(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

}  // namespace

TEST_CASE("fold equals casefold of normalize - casefold equals utf8proc's", "[text][fold]") {
  // Pieces that take each path: plain letters, Latin-1 capitals and small letters, × ÷ ß µ, spaces in
  // runs and at the ends, tabs, NBSP, a combining diaeresis (NFD ä), Cyrillic, Greek sigma, an emoji.
  static const char* pieces[] = {"a", "Z", "Työ", "IKÄISILLE", "ÅÖÄ", "ÀÞ", "×", "÷", "ß", "µ", " ", "  ", "\t", "\xC2\xA0",
                                 "a\xCC\x88", "Москва", "ΣΑΣ", "🙂", "(kyllä/ei)", "-", "\x7F", "\x01", "ÿ", "İ", "ǅ"};
  std::mt19937 rng(5);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (unsigned n = rng() % 8; n-- > 0;) s += pieces[rng() % std::size(pieces)];
    INFO("'" << s << "'");
    REQUIRE(casefold(s) == utf8proc_casefold(s));
    REQUIRE(fold(s) == utf8proc_casefold(normalize(s)));
  }
  CHECK(fold("Työikäisille Espoolaisille") == "työikäisille espoolaisille");
  CHECK(fold("") == "");
}

namespace {

// The plain-text rule of fold_plain, byte by byte: ASCII from ' ' to '~' and Latin-1 letters (C3 80–BF but
// ß), each space alone between two other characters.
bool plain_by_bytes(const std::string& s) {
  for (std::size_t i = 0; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c == ' ' && (i == 0 || i + 1 == s.size() || s[i + 1] == ' ')) return false;
    if (c >= ' ' && c < 0x7F) continue;
    if (c != 0xC3 || i + 1 == s.size()) return false;
    const auto d = static_cast<unsigned char>(s[++i]);
    if (d < 0x80 || d > 0xBF || d == 0x9F) return false;
  }
  return true;
}

}  // namespace

TEST_CASE("fold_plain takes exactly the plain text of its rule and folds it as utf8proc does", "[text][fold]") {
  // Long runs of ASCII, with every byte next to the edges of the ranges
  // ('@' 'A' 'Z' '[' '`' 'a' 'z' '{' '~' DEL, controls), spaces alone, doubled, first and last, and Latin-1.
  static const char* pieces[] = {"Lisätään", "liikuntaa", "TYÖIKÄISILLE", "ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz",
                                 "@[`{~", "0123456789", " ", "  ", "\x1F", "\x7F", "\t", "ß", "×", "Ö", "x", "\xC3", "é", "!\"#$%&'()*+,-./"};
  std::mt19937 rng(17);
  std::string out;
  std::size_t plain = 0;
  for (int round = 0; round < 30000; ++round) {
    std::string s;
    for (unsigned n = rng() % 24; n-- > 0;) s += pieces[rng() % std::size(pieces)];
    INFO("'" << s << "'");
    const bool is_plain = fold_plain(s, out);
    REQUIRE(is_plain == plain_by_bytes(s));
    if (is_plain) {
      REQUIRE(out == utf8proc_casefold(normalize(s)));
      ++plain;
    }
  }
  CHECK(plain > 3000);  // both answers were exercised
}
