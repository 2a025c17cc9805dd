// Word diffs: Myers' LCS, the semantic clean-up, and the invariant that the pieces spell both texts.
#include <catch2/catch.hpp>

#include "diff/words.hpp"

using namespace planlint::diff;

namespace {

std::string side(const WordDiff& w, PieceKind drop) {
  std::string s;
  for (const auto& p : w.pieces)
    if (p.kind != drop) s += p.text;
  return s;
}

}  // namespace

TEST_CASE("myers finds a longest common subsequence", "[diff][words]") {
  const std::vector<std::string_view> a{"a", "b", "c", "a", "b", "b", "a"}, b{"c", "b", "a", "b", "a", "c"};
  const Lcs l = myers(a, b);
  std::vector<std::string_view> ka, kb;
  for (std::size_t i = 0; i < a.size(); ++i) if (l.keep_a[i]) ka.push_back(a[i]);
  for (std::size_t i = 0; i < b.size(); ++i) if (l.keep_b[i]) kb.push_back(b[i]);
  CHECK(ka == kb);
  CHECK(ka.size() == 4);  // the classic example of Myers' paper: D = 5, LCS length 4
  const Lcs none = myers(a, b, 1);  // beyond max_d: a replacement
  CHECK(std::count(none.keep_a.begin(), none.keep_a.end(), true) == 0);
}

TEST_CASE("word diffs read like the issue's examples", "[diff][words]") {
  CHECK(diff_words("Liikunta ja painonhallintaa -kursseiden määrä", "Liikunta ja painonhallintaa -kurssien määrä").inline_text() ==
        "Liikunta ja painonhallintaa [--kursseiden-]{+-kurssien+} määrä");
  const auto joined = diff_words("edelleen: vastaanotto toiminnan uudelleenorganisointi ja hoitajaksot.",
                                 "edelleen: vastaanottotoiminnan uudelleenorganisointi ja hoitojaksot.");
  CHECK(joined.inline_text() ==
        "edelleen: [-vastaanotto toiminnan-]{+vastaanottotoiminnan+} uudelleenorganisointi ja [-hoitajaksot-]{+hoitojaksot+}.");
  REQUIRE(joined.edits().size() == 2);
  CHECK(joined.edits()[0] == Edit{"vastaanotto toiminnan", "vastaanottotoiminnan"});
  CHECK(joined.edits()[1] == Edit{"hoitajaksot", "hoitojaksot"});  // the full stop stays outside
  CHECK(diff_words("kävijämäärät/ liikuntaneuvontaa saaneiden", "kävijämäärät/Liikuntaneuvontaa saaneiden").edits() ==
        std::vector<Edit>{{"kävijämäärät/ liikuntaneuvontaa", "kävijämäärät/Liikuntaneuvontaa"}});
}

TEST_CASE("word diffs: insertions / deletions / whitespace / clean-up", "[diff][words]") {
  CHECK(diff_words("a  b\tc", "a b c").same());  // whitespace is normalised away
  CHECK(diff_words("a b c", "a c").inline_text() == "a [-b-] c");
  CHECK(diff_words("a b c", "a b c d").inline_text() == "a b c {+d+}");
  CHECK(diff_words("x a b", "a b").inline_text() == "[-x-] a b");
  // A short equality between two changes is absorbed (diff-match-patch's cleanupSemantic).
  CHECK(diff_words("punainen ja sininen talo", "vihreä ja keltainen talo").inline_text() ==
        "[-punainen ja sininen-]{+vihreä ja keltainen+} talo");
  // A long one is not.
  CHECK(diff_words("yksi hyvin pitkä yhteinen välisana kaksi", "kolme hyvin pitkä yhteinen välisana neljä").edits().size() == 2);
}

TEST_CASE("the pieces spell the old and the new text", "[diff][words]") {
  const std::vector<std::pair<std::string, std::string>> cases{
      {"a b c", "a c"}, {"a b c", "x a b c y"}, {"(T3<7) a", "(T3<8) a"}, {"", "uusi teksti"}, {"vanha", ""},
      {"a b c d e f", "f e d c b a"}, {"Mittari: määrä.", "Mittari: lukumäärä."}};
  for (const auto& [o, n] : cases) {
    const auto w = diff_words(o, n);
    CHECK(side(w, PieceKind::added) == o);
    CHECK(side(w, PieceKind::removed) == n);
    CHECK(w.same() == (o == n));
  }
}
