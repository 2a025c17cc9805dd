// UTF-8 validation and counting take blocks of 8 or 16 bytes at a time; these tests hold them to simple
// byte-by-byte references over every short sequence and many generated texts, with the interesting bytes
// at every position around the block boundaries.
#include <cstdint>
#include <optional>
#include <random>
#include <string>
#include <vector>

#include <catch2/catch.hpp>

#include "text/utf8.hpp"

using namespace planlint;

namespace {

// RFC 3629 by decoding: a sequence is bad when its lead byte is not one, a continuation byte is missing,
// or the code point is overlong, a surrogate or above U+10FFFF. Returns the offset of the bad sequence.
std::optional<std::size_t> reference_first_invalid(const std::string& text) {
  const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(text[k]); };
  std::size_t i = 0;
  while (i < text.size()) {
    const unsigned char c = byte(i);
    std::size_t len = 0;
    char32_t cp = 0;
    if (c < 0x80) len = 1, cp = c;
    else if ((c & 0xE0) == 0xC0) len = 2, cp = c & 0x1F;
    else if ((c & 0xF0) == 0xE0) len = 3, cp = c & 0x0F;
    else if ((c & 0xF8) == 0xF0) len = 4, cp = c & 0x07;
    else return i;
    for (std::size_t k = 1; k < len; ++k) {
      if (i + k >= text.size() || (byte(i + k) & 0xC0) != 0x80) return i;
      cp = (cp << 6) | (byte(i + k) & 0x3F);
    }
    static constexpr char32_t smallest[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < smallest[len] || (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return i;
    i += len;
  }
  return std::nullopt;
}

std::size_t reference_count(const std::string& text) {
  std::size_t n = 0;
  for (char c : text) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Plain ASCII of `n` bytes, so that what follows lands at a chosen offset from a block boundary.
std::string pad(std::size_t n) { return std::string(n, 'a'); }

}  // namespace

TEST_CASE("utf8: every sequence of up to two bytes and of three and four with chosen tails / at every offset",
          "[utf8]") {
  // 4 million texts: the comparison is done without Catch in the loop, and the first mismatch is reported.
  std::string first_mismatch;
  std::string text;
  for (std::size_t offset : {0, 1, 6, 7, 8, 9, 14, 15, 16, 17, 23, 30, 31, 32, 33}) {
    for (int a = 0x80; a < 0x100; ++a) {
      for (int b = 0; b < 0x100; ++b) {
        for (const char* tail : {"", "\x80", "\xBF", "\x80\x80", "\xBF\xBF", "\x41", "\x80\x41", "\xC0"}) {
          for (std::size_t after : {0, 20}) {
            text = pad(offset) + char(a) + char(b) + tail + pad(after);
            if (first_mismatch.empty() && (utf8::first_invalid(text) != reference_first_invalid(text) ||
                                           utf8::count_code_points(text) != reference_count(text))) {
              first_mismatch = "offset " + std::to_string(offset) + ", bytes " + std::to_string(a) + " " +
                               std::to_string(b) + ", tail of " + std::to_string(std::string(tail).size()) +
                               ", then " + std::to_string(after) + " ASCII";
            }
          }
        }
      }
    }
  }
  CHECK(first_mismatch == "");
}

TEST_CASE("utf8: the invalid forms of RFC 3629 are rejected where they start", "[utf8]") {
  const std::vector<std::string> bad = {
      "\xC0\xAF",          // overlong '/'
      "\xC1\xBF",          // overlong
      "\xE0\x80\xAF",      // overlong
      "\xE0\x9F\xBF",      // overlong
      "\xF0\x80\x80\xAF",  // overlong
      "\xF0\x8F\xBF\xBF",  // overlong
      "\xED\xA0\x80",      // surrogate U+D800
      "\xED\xBF\xBF",      // surrogate U+DFFF
      "\xF4\x90\x80\x80",  // U+110000
      "\xF5\x80\x80\x80",  // above U+10FFFF
      "\xF8\x88\x80\x80\x80", "\xFE", "\xFF", "\x80", "\xBF",  // not lead bytes
      "\xC3", "\xE2\x82", "\xF0\x9F\x98",                         // truncated at the end
      "\xC3\x41", "\xE2\x41\xAC", "\xE2\x82\x41", "\xF0\x9F\x98\x41",  // truncated before ASCII
  };
  for (std::size_t offset = 0; offset < 40; ++offset) {
    for (const std::string& b : bad) {
      for (const std::string& after : {std::string(), pad(1), pad(17), std::string("\xC3\xA4") + pad(30)}) {
        const std::string text = pad(offset) + b + after;
        INFO("offset " << offset);
        REQUIRE(utf8::first_invalid(text) == std::optional<std::size_t>(offset));
      }
    }
  }
  const std::vector<std::string> good = {"\xC2\x80", "\xDF\xBF", "\xE0\xA0\x80", "\xED\x9F\xBF", "\xEE\x80\x80",
                                         "\xEF\xBF\xBF", "\xF0\x90\x80\x80", "\xF4\x8F\xBF\xBF"};
  for (std::size_t offset = 0; offset < 40; ++offset) {
    for (const std::string& g : good) {
      REQUIRE_FALSE(utf8::first_invalid(pad(offset) + g + pad(offset % 19)).has_value());
    }
  }
}

TEST_CASE("utf8: generated texts agree with the references", "[utf8]") {
  std::mt19937 rng(20261126);
  const std::vector<std::string> valid = {"a", "Z", " ", "\t", "\n", "\xC3\xA4", "\xC3\xB6", "\xE2\x80\x93",
                                          "\xE2\x82\xAC", "\xF0\x9F\x98\x80", "\xF4\x8F\xBF\xBF", "\x7F"};
  const std::vector<std::string> invalid = {"\x80", "\xC0\x80", "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80",
                                            "\xC3", "\xE2\x82", "\xF0\x9F\x98", "\xFF"};
  for (int round = 0; round < 20000; ++round) {
    std::string text;
    const std::size_t pieces = rng() % (round % 100 == 0 ? 3000 : 60);
    for (std::size_t k = 0; k < pieces; ++k) {
      // Mostly ASCII runs, as in plan text, so that the block paths are taken and left at varied places.
      if (rng() % 3 == 0) text += pad(rng() % 40);
      else text += valid[rng() % valid.size()];
    }
    if (round % 2 == 0 && !text.empty()) {
      text.insert(rng() % (text.size() + 1), invalid[rng() % invalid.size()]);
    }
    INFO("round " << round);
    REQUIRE(utf8::first_invalid(text) == reference_first_invalid(text));
    REQUIRE(utf8::count_code_points(text) == reference_count(text));
  }
}

TEST_CASE("utf8: counting arbitrary bytes of every length / also past 255 blocks of 16", "[utf8]") {
  std::mt19937 rng(7);
  std::string bytes(9000, '\0');
  for (char& c : bytes) c = static_cast<char>(rng());
  for (std::size_t start : {0, 1, 5, 8, 13}) {
    for (std::size_t len = 0; len < 300; ++len) {
      const std::string s = bytes.substr(start, len);
      REQUIRE(utf8::count_code_points(s) == reference_count(s));
    }
    for (std::size_t len : {std::size_t{4079}, std::size_t{4080}, std::size_t{4081}, std::size_t{4096}, std::size_t{8159}, std::size_t{8160}, std::size_t{8161}, 8999 - start}) {
      const std::string s = bytes.substr(start, len);
      REQUIRE(utf8::count_code_points(s) == reference_count(s));
    }
  }
  const std::string all_continuations(8200, '\x80');  // every lane counts up to its limit
  REQUIRE(utf8::count_code_points(all_continuations) == 0);
  REQUIRE(utf8::count_code_points(std::string(8200, '\xC3')) == 8200);
}

// Blocks of ASCII and two-byte letters are checked from bit masks; one byte changed to any value, at any
// place, must be found exactly where the byte-by-byte reference finds it.
TEST_CASE("utf8: Finnish-like text with one byte changed anywhere", "[utf8]") {
  std::mt19937 rng(42);
  const std::vector<std::string> letters = {"a", "k", " ", "\xC3\xA4", "\xC3\xB6", "\xC3\x85", "\xC2\xA0", "\xDF\xBF"};
  std::string first_mismatch;
  for (int round = 0; round < 20000 && first_mismatch.empty(); ++round) {
    std::string text;
    const std::size_t pieces = 1 + rng() % 80;
    for (std::size_t k = 0; k < pieces; ++k) text += letters[rng() % letters.size()];
    if (round % 4 != 0) text[rng() % text.size()] = static_cast<char>(rng());
    if (round % 7 == 0) text.pop_back();  // may cut a sequence short at the end
    if (utf8::first_invalid(text) != reference_first_invalid(text) || utf8::count_code_points(text) != reference_count(text)) {
      first_mismatch = "round " + std::to_string(round);
    }
  }
  CHECK(first_mismatch == "");
}

TEST_CASE("utf8: escape_invalid shows each bad byte as its hex code and leaves valid text alone", "[utf8]") {
  CHECK(utf8::escape_invalid("Määrä – 100 %") == "Määrä – 100 %");
  CHECK(utf8::escape_invalid("caf\xE9.txt") == "caf\\xE9.txt");              // Latin-1 é
  CHECK(utf8::escape_invalid("\xE2\x80") == "\\xE2\\x80");                    // a cut-off en dash
  CHECK(utf8::escape_invalid("\xC0\xAF/ä\xFF") == "\\xC0\\xAF/ä\\xFF");       // overlong '/', then 0xFF
  CHECK(utf8::escape_invalid("") == "");
  const std::string escaped = utf8::escape_invalid(std::string(40, '\x80') + "ö");
  CHECK_FALSE(utf8::first_invalid(escaped).has_value());
  CHECK(escaped.size() == 40 * 4 + 2);
}
