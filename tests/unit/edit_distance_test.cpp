// The bit-parallel edit distance must give what the cell-by-cell table gives, over one and several
// 64-character blocks, for characters below and above U+0100, and with a limit.
#include <catch2/catch.hpp>

#include <algorithm>
#include <random>
#include <string>
#include <vector>

#include "support/utf8_encode.hpp"
#include "text/edit_distance.hpp"

using planlint::test::utf8_of;
using planlint::text::EditDistancePattern;

namespace {

std::size_t table_distance(const std::u32string& a, const std::u32string& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

std::u32string random_text(std::mt19937& rng, std::size_t max_length) {
  static const char32_t alphabet[] = {U'a', U'b', U'k', U' ', U'ä', U'ö', U'€', U'\U0001F642', U'\0'};
  std::u32string s(rng() % (max_length + 1), U'a');
  for (char32_t& c : s) c = alphabet[rng() % std::size(alphabet)];
  return s;
}

// A copy of `s` with a few random edits.
std::u32string edited(std::mt19937& rng, std::u32string s) {
  for (unsigned e = rng() % 8; e-- > 0;) {
    const std::size_t at = s.empty() ? 0 : rng() % s.size();
    switch (rng() % 3) {
      case 0: if (!s.empty()) s[at] = U'x'; break;
      case 1: s.insert(at, 1, U'ö'); break;
      default: if (!s.empty()) s.erase(at, 1);
    }
  }
  return s;
}

}  // namespace

TEST_CASE("bit-parallel edit distance equals the table", "[text][edit-distance]") {
  std::mt19937 rng(17);
  EditDistancePattern pattern;  // reused across patterns, as the similarity index does
  for (int round = 0; round < 3000; ++round) {
    const std::size_t max_length = round % 3 == 0 ? 8 : round % 3 == 1 ? 70 : 300;
    const std::u32string a = random_text(rng, max_length);
    const std::u32string b = round % 2 ? edited(rng, a) : random_text(rng, max_length);
    const std::size_t expected = table_distance(a, b);
    INFO("lengths " << a.size() << " and " << b.size() << ", distance " << expected);
    pattern.assign(a);
    REQUIRE(pattern.distance(b) == expected);
    REQUIRE(pattern.distance_utf8(utf8_of(b), b.size()) == expected);
    REQUIRE(planlint::text::edit_distance(b, a) == expected);
    // With a limit: exact when within it, above it otherwise.
    const std::size_t limit = rng() % 12;
    const std::size_t limited = pattern.distance(b, limit);
    if (expected <= limit) {
      REQUIRE(limited == expected);
    } else {
      REQUIRE(limited > limit);
    }
  }
}

TEST_CASE("edit distance of empty and equal texts", "[text][edit-distance]") {
  CHECK(planlint::text::edit_distance(U"", U"") == 0);
  CHECK(planlint::text::edit_distance(U"", U"abc") == 3);
  CHECK(planlint::text::edit_distance(U"abc", U"") == 3);
  const std::u32string long_text(200, U'ä');
  CHECK(planlint::text::edit_distance(long_text, long_text) == 0);
  CHECK(planlint::text::edit_distance(U"kitten", U"sitting") == 3);
  CHECK(EditDistancePattern(U"kitten").distance(U"sitting", 2) > 2);
}

// Limits up to 31 below the pattern's length take the one-word band (EditDistancePattern::banded_distance):
// exact within the limit, above it otherwise, for patterns of one to seven blocks, texts shorter and longer
// than the pattern by up to the limit, and distances on both sides of it.
TEST_CASE("edit distance within a band of up to 31 diagonals equals the table", "[text][edit-distance]") {
  std::mt19937 rng(31);
  EditDistancePattern pattern;
  std::size_t within = 0, beyond = 0;
  for (int round = 0; round < 4000; ++round) {
    const std::u32string a = random_text(rng, round % 4 == 0 ? 40 : 420);
    std::u32string b = a;
    for (int times = static_cast<int>(rng() % 6); times-- > 0;) b = edited(rng, b);
    if (round % 7 == 0) b = random_text(rng, a.size() + 10);
    const std::size_t expected = table_distance(a, b);
    const std::size_t limit = rng() % 32;
    INFO("lengths " << a.size() << " and " << b.size() << ", distance " << expected << ", limit " << limit);
    pattern.assign(a);
    const std::size_t got = pattern.distance(b, limit);
    const std::size_t got_utf8 = pattern.distance_utf8(utf8_of(b), b.size(), limit);
    if (expected <= limit) {
      ++within;
      REQUIRE(got == expected);
      REQUIRE(got_utf8 == expected);
    } else {
      ++beyond;
      REQUIRE(got > limit);
      REQUIRE(got_utf8 > limit);
    }
  }
  // Both sides of the limit are exercised, not only one.
  CHECK(within > 1000);
  CHECK(beyond > 1000);
}
