// Lines of a PDF put back together (read/pdf_text.hpp): line-end hyphens, soft hyphens, wraps, markers.
#include <catch2/catch.hpp>

#include <set>

#include "read/pdf_joins.hpp"
#include "read/pdf_text.hpp"

using planlint::read::pdf::clean_word;
using planlint::read::pdf::collapse_spaces;
using planlint::read::pdf::is_bullet;
using planlint::read::pdf::IsWord;
using planlint::read::pdf::count_hyphen_breaks;
using planlint::read::pdf::HyphenBreaks;
using planlint::read::pdf::Hyphenation;
using planlint::read::pdf::hyphenation_of;
using planlint::read::pdf::join_line;
using planlint::read::pdf::settle_joins;

namespace {

// A stand-in for Voikko: these words, and no others, are Finnish.
IsWord words(std::set<std::string> known) {
  return [known = std::move(known)](std::string_view w) { return known.contains(std::string(w)); };
}

// Two lines joined and settled as in a document that is hyphenated or not.
std::string joined(std::string first, std::string_view next, const IsWord& is_word = {}, bool hyphenated = false) {
  join_line(first, next);
  return settle_joins(collapse_spaces(first), Hyphenation{.hyphenated = hyphenated}, is_word);
}

// The lines of one cell or paragraph, joined and settled.
std::string lines(std::initializer_list<std::string_view> ls, const IsWord& is_word = {}) {
  std::string text;
  for (std::string_view l : ls) join_line(text, l);
  return settle_joins(collapse_spaces(text), Hyphenation{}, is_word);
}

}  // namespace

TEST_CASE("pdf text: in a hyphenated document a word broken at a line end is joined", "[pdf][text]") {
  const IsWord fi = words({"hyvinvointia", "palvelut", "sote-palvelut"});
  CHECK(joined("tukea hyvin-", "vointia edistäviin", fi, true) == "tukea hyvinvointia edistäviin");
  CHECK(joined("kaupungin hyvin-", "vointia.", fi, true) == "kaupungin hyvinvointia.");
}

TEST_CASE("pdf text: in a document that is not hyphenated a line-end hyphen is the author's", "[pdf][text]") {
  const IsWord fi = words({"luontoliikunta", "luonto", "liikunta"});
  CHECK(joined("Kokeillaan luonto-", "liikunta -painotteisina", fi, false) == "Kokeillaan luonto-liikunta -painotteisina");
  CHECK(joined("Kokeillaan luonto-", "liikunta -painotteisina", fi, true) == "Kokeillaan luontoliikunta -painotteisina");
}

// As Voikko: the parts of a compound are words, and it takes some broken words with a hyphen
// ("osallis-tuville") as well as whole.
TEST_CASE("pdf text: in a hyphenated document a hyphen after letters that are no word only broke the word", "[pdf][text]") {
  const IsWord fi = words({"osallistuville", "osallis-tuville", "tuville", "kursseille", "yhteistyömallilla",
                           "yhteistyö", "mallilla"});
  CHECK(joined("kursseille osallis-", "tuville yhteistyötahojen", fi, true) == "kursseille osallistuville yhteistyötahojen");
  CHECK(joined("painonhallintaa -lyhytkurs-", "seja myös", fi, true) == "painonhallintaa -lyhytkursseja myös");
  CHECK(joined("toimintoihin (Li-", "fecare)", fi, true) == "toimintoihin (Lifecare)");
  // At a compound's seam the word processor's break is taken (an author's "yhteistyö-mallilla" is lost).
  CHECK(joined("ryhmiä yhteistyö-", "mallilla.", fi, true) == "ryhmiä yhteistyömallilla.");
  CHECK(joined("kursseille osallis-", "tuville", fi, false) == "kursseille osallis-tuville");  // not hyphenated: kept
}

TEST_CASE("pdf text: a compound written with a hyphen keeps it at a line end", "[pdf][text]") {
  const IsWord fi = words({"hyvinvointia", "sotepalvelut", "sote-palvelut", "sote", "palvelut", "mielenterveys"});
  CHECK(joined("ja sote-", "palvelut", fi, true) == "ja sote-palvelut");  // both forms words: keep as written
  CHECK(joined("ja mielenterveys-", "palvelut", fi, true) == "ja mielenterveys-palvelut");  // joined form unknown
  CHECK(joined("vuosina 2022-", "2025 toteutetaan", fi, true) == "vuosina 2022-2025 toteutetaan");
  CHECK(joined("hanke LU-", "Sote", fi, true) == "hanke LU-Sote");
  CHECK(joined("tukea hyvin-", "vointia", {}, true) == "tukea hyvin-vointia");  // without Voikko: kept, never guessed away
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

TEST_CASE("pdf text: a dash that ends a word joins without a space and a slash keeps the wrap's space", "[pdf][text]") {
  CHECK(joined("Espoon ohjelmaa 2019–", "2028.") == "Espoon ohjelmaa 2019–2028.");
  CHECK(joined("ajalla 2019 –", "2028") == "ajalla 2019 – 2028");  // a dash standing alone is not in a word
  // LibreOffice breaks a line after "/" only where a space follows it: the wrap is that space.
  CHECK(joined("Liikuntaneuvonnan kävijämäärät/", "liikuntaneuvontaa saaneiden") ==
        "Liikuntaneuvonnan kävijämäärät/ liikuntaneuvontaa saaneiden");
  // When it hyphenates, it breaks after a slash within a word too.
  CHECK(joined("tilojen hyödyntäminen/", "määrä.", {}, true) == "tilojen hyödyntäminen/määrä.");
}

TEST_CASE("pdf text: a word cut at a narrow column's edge is joined where Voikko knows the whole", "[pdf][text]") {
  const IsWord fi = words({"osallistujamäärä", "ä", "kumppanuusyhteistyönä", "kumppanuusyhteistyö", "per", "vuosi",
                           "lapsiperheköyhyysohjelman", "mittarit", "Kaikukortti", "toimintaa", "Kaikukorttitoimintaa"});
  CHECK(lines({"Liikunta ja", "määrä/osallistujamäär", "ä"}, fi) == "Liikunta ja määrä/osallistujamäärä");
  CHECK(lines({"erityisryhmille", "kumppanuusyhteistyö", "nä/ per vuosi"}, fi) ==
        "erityisryhmille kumppanuusyhteistyönä/ per vuosi");
  CHECK(lines({"tilojen", "hyödyntäminen/määrä", "."}) == "tilojen hyödyntäminen/määrä.");  // no line starts with "."
  // A word longer than any column is cut where its line ends, after other words too.
  const IsWord long_word = words({"lähiliikuntapaikkaohjelmaa", "maa", "Toteutetaan", "Espoon"});
  CHECK(lines({"Toteutetaan Espoon lähiliikuntapaikkaohjel", "maa 2019–2028."}, long_word) ==
        "Toteutetaan Espoon lähiliikuntapaikkaohjelmaa 2019–2028.");
  // Two words of their own, a short word after others, or a capital: the wrap stays a space.
  CHECK(lines({"uusi osallistujamäär", "ä"}, fi) == "uusi osallistujamäärä");  // long enough to be cut
  const IsWord letters = words({"puolittamissuunnitelma", "puolittamissuunnitelman", "n", "v"});
  CHECK(lines({"asunnottomuuden puolittamissuunnitelma", "n v. 2021-2023"}, letters) ==
        "asunnottomuuden puolittamissuunnitelman v. 2021-2023");  // a letter alone is no part
  CHECK(lines({"Kaikukortti", "toimintaa"}, fi) == "Kaikukortti toimintaa");
  CHECK(lines({"osallistujamäär ä"}, fi) == "osallistujamäär ä");
  CHECK(lines({"uusi hyvinvoin", "ti"}, words({"hyvinvointi"})) == "uusi hyvinvoin ti");
  CHECK(lines({"osallistujamäär", "Ä"}, fi) == "osallistujamäär Ä");
  CHECK(lines({"osallistujamäär", "ä"}) == "osallistujamäär ä");  // without Voikko nothing is guessed
}

TEST_CASE("pdf text: a document is hyphenated when its line-end hyphens split words where no compound has a seam",
          "[pdf][text]") {
  const IsWord fi = words({"toimenpiteiden", "hyvinvointia", "luontoliikunta", "luonto", "liikunta"});
  HyphenBreaks breaks;
  std::string text;
  for (std::string_view l : {"toimenpitei-", "den ja hyvin-", "vointia"}) join_line(text, l);
  count_hyphen_breaks(collapse_spaces(text), fi, breaks);
  CHECK(breaks.all == 2);
  CHECK(breaks.mid_word == 2);
  CHECK(hyphenation_of(breaks).hyphenated);
  HyphenBreaks compounds;
  std::string typed;
  for (std::string_view l : {"luonto-", "liikunta"}) join_line(typed, l);
  count_hyphen_breaks(collapse_spaces(typed), fi, compounds);
  CHECK(compounds.all == 1);
  CHECK(compounds.mid_word == 0);
  CHECK_FALSE(hyphenation_of(compounds).hyphenated);
  CHECK_FALSE(hyphenation_of(HyphenBreaks{.all = 10, .mid_word = 2}).hyphenated);  // two odd ones among many compounds
  HyphenBreaks soft;
  std::string marked;
  for (std::string_view l : {"toimenpitei\u00AD", "den"}) join_line(marked, l);
  count_hyphen_breaks(collapse_spaces(marked), {}, soft);
  CHECK(hyphenation_of(soft).hyphenated);  // a soft hyphen that broke a line: no dictionary needed
  CHECK(hyphenation_of(soft).breaks_marked);
  // Where the word processor marks its own breaks, a line-end hyphen left is the author's.
  const IsWord compound = words({"yhteistyömallilla"});
  CHECK(settle_joins(collapse_spaces(typed + " yhteistyö-\x1Fmallilla"), hyphenation_of(soft), compound) ==
        "luonto-liikunta yhteistyö-mallilla");
}

TEST_CASE("pdf text: no text read from a PDF holds a join mark of its own", "[pdf][text]") {
  CHECK(clean_word("a\x1E" "b\x1F" "c") == "a b c");
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
