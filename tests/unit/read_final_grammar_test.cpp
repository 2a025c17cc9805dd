// The line grammars of PDF-extracted text (blocks and layout), rule by rule, without actions.
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include <random>

#include "grammar/blocks.hpp"
#include "grammar/blocks_errors.hpp"
#include "grammar/layout.hpp"
#include "grammar/layout_errors.hpp"
#include "support/verify_rule.hpp"

namespace gb = planlint::grammar::blocks;
namespace gl = planlint::grammar::layout;
using planlint::test::consumed;
using planlint::test::matches_whole;

TEST_CASE("block and layout grammars have no rule that can loop without consuming input", "[grammar][blocks][layout]") {
  CHECK(tao::pegtl::analyze<gb::document>(1) == 0);
  CHECK(tao::pegtl::analyze<gl::document>(1) == 0);
}

TEST_CASE("blocks: a line's content stops before its trailing blanks", "[grammar][blocks]") {
  CHECK(consumed<gb::content>("tukevaan \n") == 8u);
  CHECK(consumed<gb::content>("esim.  asukastaloissa\n") == std::string("esim.  asukastaloissa").size());
  CHECK(consumed<gb::trailing_blanks>("  \n") == 2u);
  CHECK_FALSE(consumed<gb::trailing_blanks>(" x\n"));
  CHECK(matches_whole<gb::text_line>("erityisryhmille.  \n"));
}

TEST_CASE("blocks: page numbers / table headers / headings and overview items", "[grammar][blocks]") {
  CHECK(matches_whole<gb::page_number_line>("5\n"));
  CHECK_FALSE(consumed<gb::page_number_line>("2022 loppuun.\n"));
  CHECK(matches_whole<gb::table_header>("Toimenpide Mittari\n"));
  CHECK(matches_whole<gb::table_header>("Toimenpide Mittari/ mittarit\n"));
  CHECK_FALSE(consumed<gb::table_header>("Toimenpide on tärkeä\n"));
  CHECK(matches_whole<gb::goal_heading>("TAVOITE 1 . Työikäisille espoolaisille\n"));
  CHECK(matches_whole<gb::overview_item>("\xE2\x80\xA2 TAVOITE 2. Työelämän ulkopuolella \n"));
  CHECK(matches_whole<gb::page_start>(" TAVOITE 3. Työikäinen espoolainen\n"));
  CHECK(matches_whole<gb::line>(" \n"));  // an empty page start is a blank line
  CHECK(matches_whole<gb::document>(" Otsikko\n\nteksti \n\njatkuu.\n"));
}

TEST_CASE("blocks: a control character stops the document with its message", "[grammar][blocks]") {
  using doc = tao::pegtl::must<gb::document>;
  CHECK_THROWS_AS(consumed<tao::pegtl::seq<gb::document>>("a\n\x01\n"), tao::pegtl::parse_error);
  CHECK(std::string(gb::error_message<gb::document_end>).find("control character") != std::string::npos);
  (void)sizeof(doc);
}

TEST_CASE("layout: chunks are words apart by single blanks - two blanks set chunks apart", "[grammar][layout]") {
  CHECK(consumed<gl::chunk>("Tuetaan aktiivisia   Kulku") == std::string("Tuetaan aktiivisia").size());
  CHECK(consumed<gl::chunk>("a b") == 3u);
  CHECK(consumed<gl::chunk>("a  b") == 1u);
  CHECK(matches_whole<gl::chunks>("Toimenpide          Mittari"));
  CHECK(matches_whole<gl::text_line>("   hyvinvointia ja terveyttä     toimintoihin (Lifecare)   \n"));
  CHECK_FALSE(consumed<gl::chunk>(" a"));
}

TEST_CASE("layout: page breaks / page numbers / headers and headings", "[grammar][layout]") {
  CHECK(matches_whole<gl::page_number_line>("                                  12\n"));
  CHECK(matches_whole<gl::table_header>("Toimenpide                         Mittari\n"));
  CHECK(matches_whole<gl::table_header>("  Toimenpide      Mittari/ mittarit\n"));
  CHECK(matches_whole<gl::goal_heading>("TAVOITE 2. Työelämän ulkopuolella\n"));
  CHECK(matches_whole<gl::line>("\fTAVOITE 2. Työelämän ulkopuolella\n"));
  CHECK(matches_whole<gl::line>("\f"));
  CHECK(matches_whole<gl::document>("Otsikko\n\n\f  teksti     sarake\n\f"));
  CHECK_THROWS_AS(consumed<gl::document>("a\n\x01\n"), tao::pegtl::parse_error);
}

namespace {

// The compositions that the custom rules layout::chunk and blocks::content match, as PEGTL would.
namespace ref {
using namespace tao::pegtl;
namespace g = planlint::grammar;
struct chunk : seq<gl::ink, star<sor<gl::ink, seq<one<' '>, at<gl::ink>>>>> {};
struct content : plus<not_at<gb::trailing_blanks>, sor<g::text_byte, g::tab>> {};
}  // namespace ref

}  // namespace

TEST_CASE("layout chunk and blocks content match what their PEGTL compositions match", "[grammar][blocks][layout]") {
  // Lines from pieces that meet every branch: words, single and double blanks, tabs, line ends (LF, CRLF,
  // a lone CR), a form feed, DEL, other control bytes, UTF-8 letters, and lines longer than 16 bytes.
  static const char* pieces[] = {"a", "Lisätään", " ", "  ", "\t", "\n", "\r\n", "\r", "\f", "\x7F", "\x01", "ä", "•",
                                 "toimintaa.", "-", "12", "ilta- ja viikonloppuaikaista"};
  std::mt19937 rng(11);
  for (int round = 0; round < 20000; ++round) {
    std::string s;
    for (unsigned n = rng() % 10; n-- > 0;) s += pieces[rng() % std::size(pieces)];
    INFO("'" << s << "'");
    REQUIRE(consumed<gl::chunk>(s) == consumed<ref::chunk>(s));
    REQUIRE(consumed<gb::content>(s) == consumed<ref::content>(s));
  }
}
