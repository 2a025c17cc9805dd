// The quick checks of text/normalize.cpp (known_nfc, known_collapsed, is_blank) against the slow paths
// they short-cut: utf8proc's NFC and a code point by code point whitespace collapse, written out here.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <random>
#include <string>
#include <vector>

#include <utf8proc.h>

#include "support/utf8_encode.hpp"
#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace {

using namespace planlint;
using planlint::test::utf8_of;

std::string reference_nfc(std::string_view s) {
  utf8proc_uint8_t* out = nullptr;
  const auto n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()), static_cast<utf8proc_ssize_t>(s.size()), &out,
                              static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  REQUIRE(n >= 0);
  std::string r(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
  std::free(out);
  return r;
}

// What collapse_whitespace() did before its quick check: decode every code point.
std::string reference_collapse(std::string_view s) {
  std::string out;
  bool pending_space = false;
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    if (text::is_space(utf8::decode(s, i))) {
      pending_space = !out.empty();
      continue;
    }
    if (pending_space) out.push_back(' ');
    pending_space = false;
    out.append(s.substr(start, i - start));
  }
  return out;
}

std::string reference_normalize(std::string_view s) { return reference_nfc(reference_collapse(s)); }

// Pieces of generated texts: Finnish letters composed and decomposed, lone combining marks, every kind of
// white space is_space() knows (and NEL, which it does not), punctuation that shares a lead byte with
// white space, NFC singletons, Hangul jamo that compose, other scripts, controls, a 4-byte character.
const std::vector<std::string>& pieces() {
  static const std::vector<std::string> p = {
      "a", "Työ", "ikäisille", "ä", "A\xCC\x88", "o\xCC\x88", "\xCC\x88", "\xCC\x81", "\xCD\x80", " ", "  ", "\t", "\r", "\n",
      "\r\n", "\v", "\f", "\xC2\xA0", "\xE1\x9A\x80", "\xE2\x80\x83", "\xE2\x80\x8A", "\xE2\x80\xA8", "\xE2\x80\xA9",
      "\xE2\x80\xAF", "\xE2\x81\x9F", "\xE3\x80\x80", "\xC2\x85", "\xE2\x80\x8B", "\xE2\x80\x93", "\xE2\x80\x9D", "\xE2\x80\xA6",
      "\xC2\xA7", "\xC2\xB0", "\xE2\x82\xAC", "\xE2\x84\xA6", "\xE2\x84\xAB", "\xE1\x84\x80", "\xE1\x85\xA1", "\xEA\xB0\x80",
      "\xCE\xA9", "\xCE\xB1\xCC\x81", "\xD0\x99", "\xD0\x98\xCC\x86", "\xE6\xBC\xA2", "\xC7\x85", "\xCB\xBF", "\x01", "\x1F",
      "\xF0\x9F\x98\x80", "e\xCC\xA3\xCC\x87", "e\xCC\x87\xCC\xA3", "."};
  return p;
}

std::string generated(std::mt19937& rng, std::size_t max_pieces) {
  std::uniform_int_distribution<std::size_t> count(0, max_pieces);
  std::uniform_int_distribution<std::size_t> pick(0, pieces().size() - 1);
  std::string s;
  for (std::size_t n = count(rng); n > 0; --n) s += pieces()[pick(rng)];
  return s;
}

}  // namespace

TEST_CASE("no character below U+0300 / alone or beside another / changes under NFC", "[text][normalize]") {
  // known_nfc() rests on this; checked against utf8proc for every such character and every pair.
  std::vector<std::string> below;
  for (char32_t cp = 1; cp < 0x300; ++cp) below.push_back(utf8_of(cp));
  for (const std::string& x : below) {
    CHECK(text::known_nfc(x));
    REQUIRE(reference_nfc(x) == x);
    for (const std::string& y : below) {
      const std::string xy = x + y;
      if (reference_nfc(xy) != xy) FAIL("NFC changes " << xy);
    }
  }
  CHECK_FALSE(text::known_nfc(utf8_of(0x300)));
  CHECK_FALSE(text::known_nfc("A\xCC\x88"));
}

TEST_CASE("quick checks agree with the slow paths on generated texts", "[text][normalize]") {
  std::mt19937 rng(20261126);
  for (int round = 0; round < 30000; ++round) {
    const std::string s = generated(rng, round % 3 == 0 ? 3 : 12);
    INFO("text: '" << s << "'");
    const std::string collapsed = reference_collapse(s);
    const std::string normal = reference_nfc(collapsed);
    REQUIRE(text::collapse_whitespace(s) == collapsed);
    REQUIRE(text::nfc(s) == reference_nfc(s));
    REQUIRE(text::normalize(s) == normal);
    REQUIRE(text::is_blank(s) == collapsed.empty());
    // The quick checks may say "not known" of a text in normal form, never "known" of one that is not.
    if (text::known_nfc(s)) REQUIRE(reference_nfc(s) == s);
    if (text::known_collapsed(s)) REQUIRE(collapsed == s);
    if (text::known_normalized(s)) REQUIRE(normal == s);
    // Already normal text made only of ASCII and Latin-1 letters is recognised as such.
    if (normal == s && s.find_first_of("\xCC\xCD\xCE\xD0\xE1\xE2\xE3\xE6\xEA\xF0\xC7\xCB\xC2") == std::string::npos) {
      REQUIRE(text::known_normalized(s));
    }
  }
}

TEST_CASE("normalized_equal agrees with comparing normalised texts", "[text][normalize]") {
  std::mt19937 rng(7);
  for (int round = 0; round < 20000; ++round) {
    const std::string a = generated(rng, 6);
    // b is often a twin of a: the same text with its white space or its composition changed.
    std::string b = generated(rng, 6);
    switch (round % 4) {
      case 0: b = a; break;
      case 1: b = " " + reference_nfc(a) + "\xC2\xA0"; break;
      case 2: b = a + b; break;
      default: break;
    }
    INFO("a: '" << a << "', b: '" << b << "'");
    REQUIRE(text::normalized_equal(a, b) == (reference_normalize(a) == reference_normalize(b)));
  }
  CHECK(text::normalized_equal("Työikäisille  espoolaisille", "Tyo\xCC\x88ika\xCC\x88isille\xC2\xA0" "espoolaisille "));
  CHECK_FALSE(text::normalized_equal("Työikäisille", "Työkäisille"));
}

TEST_CASE("is_blank and the quick checks on edge cases", "[text][normalize]") {
  CHECK(text::is_blank(""));
  CHECK(text::is_blank(" \t\r\n\v\f"));
  CHECK(text::is_blank("\xC2\xA0\xE3\x80\x80\xE2\x80\x83"));
  CHECK_FALSE(text::is_blank(" \xC2\x85 "));       // NEL is not white space to is_space()
  CHECK_FALSE(text::is_blank("\xE2\x80\x8B"));      // nor is ZERO WIDTH SPACE
  CHECK_FALSE(text::is_blank(" x "));
  CHECK(text::known_collapsed("Toimenpide – mittari (€, §, …)"));
  CHECK_FALSE(text::known_collapsed("a\xE2\x80\xAF" "b"));
  CHECK_FALSE(text::known_collapsed("a  b"));
  CHECK_FALSE(text::known_collapsed("a\tb"));
  CHECK_FALSE(text::known_collapsed(" a"));
  CHECK_FALSE(text::known_collapsed("a "));
  CHECK_FALSE(text::known_collapsed("a\xC2\xA0"));
  CHECK(text::known_normalized("Työikäisille espoolaisille"));
  CHECK_FALSE(text::known_normalized("Tyo\xCC\x88ika\xCC\x88isille"));
}
