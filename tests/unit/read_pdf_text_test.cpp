// Lines of a PDF put back together (read/pdf_text.hpp): line-end hyphens, soft hyphens, wraps, markers.
#include <catch2/catch.hpp>

#include <set>

#include "read/pdf_text.hpp"

using planlint::read::pdf::clean_word;
using planlint::read::pdf::collapse_spaces;
using planlint::read::pdf::is_bullet;
using planlint::read::pdf::IsWord;
using planlint::read::pdf::join_line;

namespace {

// A stand-in for Voikko: these words, and no others, are Finnish.
IsWord words(std::set<std::string> known) {
  return [known = std::move(known)](std::string_view w) { return known.contains(std::string(w)); };
}

std::string joined(std::string first, std::string_view next, const IsWord& is_word = {}) {
  join_line(first, next, is_word);
  return collapse_spaces(first);
}

}  // namespace

TEST_CASE("pdf text: a word hyphenated at a line end is joined where the joined word is a word", "[pdf][text]") {
  const IsWord fi = words({"hyvinvointia", "palvelut", "sote-palvelut"});
  CHECK(joined("tukea hyvin-", "vointia edistäviin", fi) == "tukea hyvinvointia edistäviin");
  CHECK(joined("kaupungin hyvin-", "vointia.", fi) == "kaupungin hyvinvointia.");
}

TEST_CASE("pdf text: a compound written with a hyphen keeps it at a line end", "[pdf][text]") {
  const IsWord fi = words({"hyvinvointia", "sotepalvelut", "sote-palvelut"});
  CHECK(joined("ja sote-", "palvelut", fi) == "ja sote-palvelut");          // both forms words: keep as written
  CHECK(joined("ja mielenterveys-", "palvelut", fi) == "ja mielenterveys-palvelut");  // joined form unknown
  CHECK(joined("vuosina 2022-", "2025 toteutetaan", fi) == "vuosina 2022-2025 toteutetaan");
  CHECK(joined("hanke LU-", "Sote", fi) == "hanke LU-Sote");
  CHECK(joined("tukea hyvin-", "vointia") == "tukea hyvin-vointia");  // without Voikko: kept, never guessed away
}

TEST_CASE("pdf text: a suspended compound keeps its space ('terveys- ja')", "[pdf][text]") {
  CHECK(joined("liikunta-", "ja kulttuuripalvelut", words({})) == "liikunta- ja kulttuuripalvelut");
  CHECK(joined("terveys-", "tai sosiaalipalvelut", words({})) == "terveys- tai sosiaalipalvelut");
}

TEST_CASE("pdf text: a lone hyphen at a line end belongs to the next word ('Kaikukortti -toimintaa')", "[pdf][text]") {
  CHECK(joined("Jatketaan Kaikukortti -", "toimintaa ja") == "Jatketaan Kaikukortti -toimintaa ja");
}

TEST_CASE("pdf text: a soft hyphen that broke a line disappears and inside a word it is removed", "[pdf][text]") {
  CHECK(joined(clean_word("hyvin\u00AD"), "vointia") == "hyvinvointia");
  CHECK(clean_word("hyvin\u00ADvointia") == "hyvinvointia");
  CHECK(collapse_spaces("loppu\u00AD") == "loppu");
}

TEST_CASE("pdf text: a line wrap is a space also where the PDF has none", "[pdf][text]") {
  CHECK(joined("Luodaan hyvin saavutettavat", "palvelut verkostokaupunkiin.") ==
        "Luodaan hyvin saavutettavat palvelut verkostokaupunkiin.");
  CHECK(joined("", "alku") == "alku");
}

TEST_CASE("pdf text: list-item markers from symbol fonts and Unicode", "[pdf][text]") {
  for (const char* m : {"\uF0B7", "\uF0A7", "\uF076", "\uF0D8", "•", "◦", "▪", "–", "-"}) {
    INFO(m);
    CHECK(is_bullet(m));
  }
  CHECK_FALSE(is_bullet("1."));
  CHECK_FALSE(is_bullet("a"));
  CHECK_FALSE(is_bullet("••"));
  CHECK_FALSE(is_bullet(""));
  CHECK(clean_word("a\tb\u00A0c") == "a b c");
}
