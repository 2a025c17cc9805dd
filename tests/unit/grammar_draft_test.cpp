// The draft grammar, rule by rule, on snippets (no actions).
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/draft.hpp"
#include "grammar/draft_errors.hpp"
#include "support/verify_rule.hpp"

namespace g = planlint::grammar;
namespace gd = planlint::grammar::draft;
using planlint::test::consumed;
using planlint::test::matches_whole;

TEST_CASE("draft grammar has no rule that can loop without consuming input", "[grammar][draft]") {
  CHECK(tao::pegtl::analyze<gd::document>(1) == 0);
}

// text_run and text_or_tab_run measure runs a block of bytes at a time; they must stop exactly where
// star<text_byte> and star<sor<text_byte, tab>> stop, at every offset from a block boundary.
TEST_CASE("text runs stop where text_byte stops / at every position", "[grammar][draft]") {
  using by_byte = tao::pegtl::star<g::text_byte>;
  using by_byte_tabs = tao::pegtl::star<tao::pegtl::sor<g::text_byte, g::tab>>;
  const std::string text = "abc\xC3\xA4\xE2\x80\x93 \x7E\x80\xFF";  // text bytes, the edges of the ranges included
  std::string first_mismatch;
  for (std::size_t offset = 0; offset < 40; ++offset) {
    for (int stop = 0; stop < 0x100; ++stop) {
      for (std::size_t after : {0, 1, 20}) {
        std::string s;
        for (std::size_t k = 0; k < offset; ++k) s += text[k % text.size()];
        s += static_cast<char>(stop);
        s += std::string(after, 'x');
        if (consumed<g::text_run>(s) != consumed<by_byte>(s) ||
            consumed<g::text_or_tab_run>(s) != consumed<by_byte_tabs>(s)) {
          if (first_mismatch.empty()) first_mismatch = "offset " + std::to_string(offset) + ", byte " + std::to_string(stop);
        }
      }
    }
  }
  CHECK(first_mismatch == "");
  CHECK(consumed<g::text_run>("a\tb") == 1u);
  CHECK(consumed<g::text_or_tab_run>("a\tb\nc") == 3u);
  CHECK(consumed<g::text_or_tab_run>(std::string(100, 'a') + "\r\n") == 100u);
}

TEST_CASE("keywords match whole words / case-insensitively / in every language of the table", "[grammar][keywords]") {
  using goal = g::kw<g::role::goal>;
  CHECK(matches_whole<goal>("TAVOITE"));
  CHECK(matches_whole<goal>("Tavoite"));
  CHECK(matches_whole<goal>("MÅL"));
  CHECK(matches_whole<goal>("mål"));
  CHECK(matches_whole<goal>("GOAL"));
  CHECK_FALSE(consumed<goal>("TAVOITTEET"));
  CHECK_FALSE(consumed<goal>("TAVOITEX"));
  CHECK(consumed<goal>("TAVOITE 1") == 7u);
  CHECK(matches_whole<g::kw<g::role::measure_noun>>("toimenpidettä"));
  CHECK(matches_whole<g::kw<g::role::measure_noun>>("TOIMENPIDETTÄ"));
  CHECK(matches_whole<g::kw<g::role::status>>("LUONNOS"));
}

namespace {

// `word` in capitals: ASCII, and the Latin-1 small letters (U+00E0–U+00FE but ÷) that equals_folded folds.
std::string capitals(std::string_view word) {
  std::string out(word);
  for (std::size_t i = 0; i < out.size(); ++i) {
    auto c = static_cast<unsigned char>(out[i]);
    if (c >= 'a' && c <= 'z') out[i] = static_cast<char>(c - 32);
    if (i > 0 && static_cast<unsigned char>(out[i - 1]) == 0xC3 && c >= 0xA0 && c <= 0xBE && c != 0xB7) {
      out[i] = static_cast<char>(c - 0x20);
    }
  }
  return out;
}

template <g::role R>
void check_every_keyword_of_role() {
  for (const g::language& l : g::languages) {
    for (std::string_view k : g::words_of(l, R)) {
      INFO(l.code << ": " << k);
      CHECK(matches_whole<g::kw<R>>(k));
      CHECK(matches_whole<g::kw<R>>(capitals(k)));
      CHECK(matches_whole<g::kw<R>>(capitals(k.substr(0, 1)) + std::string(k.substr(1))));
    }
  }
}

}  // namespace

// The rules test a word's first byte and length against the keywords' before they look the word up;
// every keyword, in capitals too, must still get through.
TEST_CASE("every keyword and number word of the table matches / in either case", "[grammar][keywords]") {
  check_every_keyword_of_role<g::role::goal>();
  check_every_keyword_of_role<g::role::measure_header>();
  check_every_keyword_of_role<g::role::indicator_header>();
  check_every_keyword_of_role<g::role::status>();
  check_every_keyword_of_role<g::role::goal_noun>();
  check_every_keyword_of_role<g::role::goal_subject>();
  check_every_keyword_of_role<g::role::goal_unit>();
  check_every_keyword_of_role<g::role::copula>();
  check_every_keyword_of_role<g::role::measure_noun>();
  check_every_keyword_of_role<g::role::measure_subject>();
  check_every_keyword_of_role<g::role::per>();
  check_every_keyword_of_role<g::role::per_after>();
  check_every_keyword_of_role<g::role::qualifier>();
  for (const g::language& l : g::languages) {
    for (const g::number_word& n : l.numbers) {
      INFO(l.code << ": " << n.word);
      CHECK(matches_whole<g::number_word_rule>(n.word));
      CHECK(matches_whole<g::number_word_rule>(capitals(n.word)));
    }
  }
  CHECK_FALSE(consumed<g::kw<g::role::goal>>("xtavoite"));
  CHECK_FALSE(consumed<g::number_word_rule>(""));
  CHECK_FALSE(consumed<g::kw<g::role::goal>>(""));
}

TEST_CASE("words stop at punctuation / dashes and no-break spaces", "[grammar][keywords]") {
  CHECK(consumed<g::word>("työikäisille, ja") == std::string("työikäisille").size());
  CHECK(consumed<g::word>("6–12") == 1u);              // en dash ends a word
  CHECK(consumed<g::word>("abc\xC2\xA0" "def") == 3u);  // NBSP ends a word
  CHECK_FALSE(consumed<g::word>("–12"));
}

TEST_CASE("numbers are digits or number words from one to twenty", "[grammar][claims]") {
  CHECK(matches_whole<g::number>("12"));
  CHECK(matches_whole<g::number>("kolme"));
  CHECK(matches_whole<g::number>("kaksikymmentä"));
  CHECK(matches_whole<g::number>("tre"));
  CHECK(matches_whole<g::number>("twelve"));
  CHECK_FALSE(consumed<g::number>("kolmas"));
  CHECK_FALSE(consumed<g::number>("12345"));  // more than four digits is not a count
}

// The claim rules are tested in grammar_claims_test.cpp.

TEST_CASE("goal references and headings", "[grammar][draft]") {
  CHECK(matches_whole<gd::goal_heading>("TAVOITE 1. Title text\n"));
  CHECK(matches_whole<gd::goal_heading>("TAVOITE 1 . Title text\n"));
  CHECK(matches_whole<gd::goal_heading>("TAVOITE 12: Title\r\n"));
  CHECK(matches_whole<gd::goal_heading>("TAVOITE 3."));  // empty title, last line without newline
  CHECK(matches_whole<gd::goal_heading>("MÅL 2. Svensk rubrik\n"));
  CHECK_FALSE(consumed<gd::goal_heading>("TAVOITE kolme. Title\n"));
  CHECK_FALSE(consumed<gd::goal_heading>("TAVOITE 1 on tärkein\n"));
  CHECK_FALSE(consumed<gd::goal_heading>("- TAVOITE 1. Title\n"));
  CHECK_FALSE(consumed<gd::goal_heading>("TAVOITE 1234567. Title\n"));
  // Other municipalities' forms (issue 16): a dash after the number, the number first, benefit goals.
  CHECK(matches_whole<gd::goal_heading>("Tavoite 1 – Liikunta\n"));
  CHECK(matches_whole<gd::goal_heading>("Tavoite 2 - Kulttuuri\n"));
  CHECK(matches_whole<gd::goal_heading>("1. tavoite: Liikunta\n"));
  CHECK(matches_whole<gd::goal_heading>("2. Tavoite Kulttuuri\n"));
  CHECK(matches_whole<gd::goal_heading>("Hyötytavoite 3: Espoolaisten mielen hyvinvointi vahvistuu\n"));
  CHECK_FALSE(consumed<gd::goal_heading>("Tavoite 1 -kehitysohjelma alkaa\n"));  // a hyphen, not a dash
  CHECK_FALSE(consumed<gd::goal_heading>("1. tavoitteena on liikunta\n"));
}

TEST_CASE("overview items are bullets that name a goal", "[grammar][draft]") {
  CHECK(matches_whole<gd::overview_item>("- TAVOITE 1. Title\n"));
  CHECK(matches_whole<gd::overview_item>("• TAVOITE 2. Title\n"));
  CHECK(matches_whole<gd::overview_item>("  * TAVOITE 3 . Title\n"));
  CHECK_FALSE(consumed<gd::overview_item>("-TAVOITE 1. Title\n"));
  CHECK_FALSE(consumed<gd::overview_item>("- Edistämme osallisuutta\n"));
}

TEST_CASE("bullet lines / nested by indentation", "[grammar][draft]") {
  CHECK(matches_whole<gd::bullet_line>("- Edistämme\n"));
  CHECK(matches_whole<gd::bullet_line>(" - lasten ja nuorten hyvää arkea\n"));
  CHECK(matches_whole<gd::bullet_line>("• item\n"));
  CHECK_FALSE(consumed<gd::bullet_line>("-item\n"));
}

TEST_CASE("table headers", "[grammar][draft]") {
  CHECK(matches_whole<gd::table_header>("Toimenpide\tMittari\n"));
  CHECK(matches_whole<gd::table_header>("Toimenpide\tMittari/ mittarit\n"));
  CHECK(matches_whole<gd::table_header>("Toimenpide\tMittari\tVastuutaho\tAikataulu\n"));
  CHECK(matches_whole<gd::table_header>("Åtgärd\tMätare\n"));
  CHECK(matches_whole<gd::table_header>("Toimenpide\n"));
  CHECK_FALSE(consumed<gd::table_header>("Toimenpide Mittari\n"));  // the draft format separates cells by tabs
  CHECK_FALSE(consumed<gd::table_header>("Toimenpiteet toteutetaan vuonna 2023.\n"));
  // Columns in any order, beside a goal column, or a header that names no measure column (reported by the
  // table-header rule); a row of cells that are not all header words is not a header.
  CHECK(matches_whole<gd::table_header>("Mittari\tToimenpide\n"));
  CHECK(matches_whole<gd::table_header>("Tavoite\tKeinot\tVastuutaho\tArviointimittari(t)\n"));
  CHECK(matches_whole<gd::table_header>("Vastuutaho\tMittari\n"));
  CHECK_FALSE(consumed<gd::table_header>("Liikuntatoimi\tMittari\n"));
  CHECK_FALSE(consumed<gd::table_header>("Tavoite\tVastuutaho\tAikataulu 2024\tMuuta\n"));
}

TEST_CASE("tables: rows until a blank line or the next heading", "[grammar][draft]") {
  const std::string header = "Toimenpide\tMittari\n";
  CHECK(matches_whole<gd::table>(header + "a\tb\nc\td\n"));
  CHECK(consumed<gd::table>(header + "a\tb\n\nc\td\n") == (header + "a\tb\n").size());
  CHECK(consumed<gd::table>(header + "a\tb\nTAVOITE 2. x\n") == (header + "a\tb\n").size());
  CHECK(matches_whole<gd::table>(header + "no tab here\n"));   // a measure without an indicator
  CHECK(matches_whole<gd::table>(header + "a\t\n"));           // an empty indicator cell
  CHECK(matches_whole<gd::table>("a\tb\nc\td\n"));             // no header: lines with tabs
  CHECK_FALSE(consumed<gd::table>("no tab\n"));
}

TEST_CASE("tables: a row whose measure begins with the header word is a row - a repeated header is not", "[grammar][draft]") {
  const std::string header = "Toimenpide\tMittari\n";
  CHECK(matches_whole<gd::table>(header + "Toimenpide numero 1 tehdään.\tKävijämäärä\n"));
  CHECK(matches_whole<gd::table>(header + "Toimenpiteet jatkuvat\tx\nToimenpide 2\ty\n"));
  CHECK(matches_whole<gd::table>(header + "Toimenpide numero 1 tehdään.\n"));  // no indicator
  // The header word alone (and blanks) in the first cell: the header repeated, which starts a table of its own.
  CHECK(consumed<gd::table>(header + "a\tb\nToimenpide\tMittari\nc\td\n") == (header + "a\tb\n").size());
  CHECK(consumed<gd::table>(header + "a\tb\nToimenpide  \tMittari\n") == (header + "a\tb\n").size());
  CHECK(consumed<gd::table>(header + "a\tb\nToimenpide\n") == (header + "a\tb\n").size());
  CHECK(matches_whole<gd::repeated_header>("Toimenpide\tMittari\n") == false);  // only its start is matched
  CHECK(consumed<gd::repeated_header>("Toimenpiteet\tMittari\n") == std::string("Toimenpiteet\t").size());
  CHECK_FALSE(consumed<gd::repeated_header>("Toimenpide numero 1\tx\n"));
}

TEST_CASE("status / comment / blank and paragraph lines", "[grammar][draft]") {
  CHECK(matches_whole<gd::status_line>("LUONNOS\n"));
  CHECK(matches_whole<gd::status_line>("  Luonnos  \r\n"));
  CHECK_FALSE(consumed<gd::status_line>("LUONNOS 2\n"));
  CHECK(matches_whole<gd::comment_line>("<!-- planlint-disable goal-numbering -->\n"));
  CHECK_FALSE(consumed<gd::comment_line>("<!-- unterminated\n"));
  CHECK(matches_whole<g::blank_line>("   \t\n"));
  CHECK(matches_whole<g::blank_line>("\r\n"));
  CHECK(matches_whole<gd::paragraph_line>("Eri väestöryhmien tarpeet huomioidaan.\n"));
}

TEST_CASE("error point: a control character stops the document", "[grammar][draft][errors]") {
  tao::pegtl::memory_input in("ok line\nbad \x01 char\n", "test");
  try {
    tao::pegtl::parse<gd::document, tao::pegtl::nothing, tao::pegtl::must_if<gd::errors>::control>(in);
    FAIL("expected a parse error");
  } catch (const tao::pegtl::parse_error& e) {
    CHECK(std::string(e.message()) == gd::error_message<gd::document_end>);
    CHECK(e.positions().front().line == 2);
    CHECK(e.positions().front().column == 1);  // the line that holds it could not be read
  }
}

TEST_CASE("a whole document parses line by line", "[grammar][draft]") {
  CHECK(matches_whole<gd::document>("Title\n\nTAVOITE 1. A\n\nToimenpide\tMittari\nm\ti\n"));
  CHECK(matches_whole<gd::document>("no final newline"));
}
