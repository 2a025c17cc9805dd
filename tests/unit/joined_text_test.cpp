// JoinedText (src/read/joined_text.hpp): text joined from pieces of source lines, and where each of its
// bytes came from. The offsets are kept as runs; the reference below keeps one per byte, as the class once
// did, and both must agree on every byte of randomly joined pieces.
#include <catch2/catch.hpp>
#include <random>
#include <stdexcept>
#include <string>
#include <vector>

#include "read/joined_text.hpp"
#include "read/source.hpp"

using planlint::make_source;
using planlint::Source;
using planlint::read::Join;
using planlint::read::JoinedText;

namespace {

// The same joining, an offset per byte.
struct ReferenceJoin {
  std::string text;
  std::vector<std::size_t> offsets;
  void append(const Source& src, std::string_view piece, Join join) {
    const auto blank = [](char c) { return c == ' ' || c == '\t'; };
    const std::size_t base = static_cast<std::size_t>(piece.data() - src.bytes.data());
    std::size_t i = 0, end = piece.size();
    while (i < end && blank(piece[i])) ++i;
    while (end > i && blank(piece[end - 1])) --end;
    if (i == end) return;
    if (!text.empty()) {
      if (join == Join::space) text += ' ', offsets.push_back(base + i);
      else if (join == Join::drop_hyphen && text.back() == '-') text.pop_back(), offsets.pop_back();
    }
    for (; i < end; ++i) {
      if (blank(piece[i])) {
        if (text.back() != ' ') text += ' ', offsets.push_back(base + i);
        continue;
      }
      text += piece[i];
      offsets.push_back(base + i);
    }
  }
};

}  // namespace

TEST_CASE("joined text: every byte maps to the source byte it came from - random pieces with blanks and hyphens", "[joined-text]") {
  std::mt19937 rng(17);
  // Letters, runs of blanks, hyphens, a two-byte letter.
  const std::vector<std::string> alphabet = {"a", "b", " ", " ", "-", "\t", "ä"};
  std::string bytes;
  for (int line = 0; line < 400; ++line) {
    for (std::size_t k = rng() % 80; k > 0; --k) bytes += alphabet[rng() % alphabet.size()];
    bytes += '\n';
  }
  const Source src = make_source("joined.txt", bytes);
  std::size_t compared = 0;
  for (int round = 0; round < 200; ++round) {
    JoinedText joined;
    ReferenceJoin reference;
    for (int p = 0; p < 1 + static_cast<int>(rng() % 10); ++p) {
      const std::size_t from = rng() % src.bytes.size();
      const std::size_t length = std::min<std::size_t>(rng() % 70, src.bytes.size() - from);
      std::string_view piece = src.bytes.substr(from, length);
      if (const auto nl = piece.find('\n'); nl != std::string_view::npos) piece = piece.substr(0, nl);
      const Join join = static_cast<Join>(rng() % 3);
      joined.append(src, piece, join);
      reference.append(src, piece, join);
    }
    REQUIRE(joined.text() == reference.text);
    for (std::size_t i = 0; i < reference.offsets.size(); ++i, ++compared) {
      if (joined.source_offset(i) != reference.offsets[i]) FAIL("byte " << i << " of \"" << reference.text << "\"");
    }
    CHECK_THROWS_AS(joined.source_offset(reference.offsets.size()), std::out_of_range);
  }
  CHECK(compared > 10000);
}

TEST_CASE("joined text: a dropped hyphen leaves the word before it mapped and the next line's word after it", "[joined-text]") {
  const Source src = make_source("h.txt", "hyvin-\nvointia  ja\n");
  JoinedText t;
  t.append(src, src.bytes.substr(0, 6), Join::space);
  t.append(src, src.bytes.substr(7, 11), Join::drop_hyphen);
  REQUIRE(t.text() == "hyvinvointia ja");
  CHECK(t.source_offset(4) == 4);    // the n of hyvin
  CHECK(t.source_offset(5) == 7);    // v, at the start of the second line
  CHECK(t.source_offset(12) == 14);  // the space standing for two blanks: the first of them
  CHECK(t.source_offset(13) == 16);  // j
}
