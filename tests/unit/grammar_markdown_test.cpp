// The Markdown grammar, rule by rule, on snippets (no actions).
#include <catch2/catch.hpp>
#include <tao/pegtl/contrib/analyze.hpp>

#include "grammar/markdown.hpp"
#include "grammar/markdown_errors.hpp"
#include "support/verify_rule.hpp"

namespace gm = planlint::grammar::markdown;
using planlint::test::consumed;
using planlint::test::matches_whole;

TEST_CASE("markdown grammar has no rule that can loop without consuming input", "[grammar][markdown]") {
  CHECK(tao::pegtl::analyze<gm::document>(1) == 0);
}

TEST_CASE("markdown ATX headings: goal headings / closing sequences / other text", "[grammar][markdown]") {
  CHECK(matches_whole<gm::atx_heading>("## TAVOITE 1. Liikunta\n"));
  CHECK(matches_whole<gm::atx_heading>("# TAVOITE 1 . Liikunta ##\n"));
  CHECK(matches_whole<gm::atx_heading>("###### Otsikko\r\n"));
  CHECK(matches_whole<gm::atx_heading>("   ## Otsikko"));  // up to the end of the text, no newline
  CHECK(matches_whole<gm::atx_heading>("#\n"));           // an empty heading
  CHECK(matches_whole<gm::atx_heading>("## ##\n"));       // so is one of a closing sequence alone
  CHECK_FALSE(consumed<gm::atx_heading>("####### seven\n"));
  CHECK_FALSE(consumed<gm::atx_heading>("#hashtag\n"));
  CHECK_FALSE(consumed<gm::atx_heading>("Otsikko\n"));
  // The goal reference ends where the closing sequence begins; a '#' inside a word is text.
  CHECK(consumed<gm::heading_goal_ref>("TAVOITE 1. Liikunta ##\n") == std::string("TAVOITE 1. Liikunta").size());
  CHECK(consumed<gm::heading_goal_ref>("TAVOITE 1. C# ja F#  \n") == std::string("TAVOITE 1. C# ja F#").size());
  CHECK(consumed<gm::heading_goal_ref>("TAVOITE 2. A # B\n") == std::string("TAVOITE 2. A # B").size());
  CHECK(consumed<gm::heading_goal_ref>("TAVOITE 3.") == std::string("TAVOITE 3.").size());
  CHECK_FALSE(consumed<gm::heading_goal_ref>("TAVOITTEET ovat\n"));
  CHECK_FALSE(consumed<gm::heading_goal_ref>("TAVOITE kolme. x\n"));
  // Other heading text stops before trailing blanks and the closing sequence.
  CHECK(consumed<gm::heading_text>("Johdanto  ##  \n") == std::string("Johdanto").size());
  CHECK(consumed<gm::heading_text>("Tavoitteita on kolme\n") == std::string("Tavoitteita on kolme").size());
  CHECK_FALSE(consumed<gm::heading_text>("  \n"));
  // A heading that is the status word.
  CHECK(matches_whole<gm::heading_status>("LUONNOS"));
  CHECK(consumed<gm::heading_status>("**Luonnos** ##\n") == std::string("**Luonnos**").size());
  CHECK_FALSE(consumed<gm::heading_status>("LUONNOS 2\n"));
}

TEST_CASE("markdown goal lines - thematic breaks and setext underlines", "[grammar][markdown]") {
  CHECK(matches_whole<gm::goal_line>("TAVOITE 1. Liikunta\n"));
  CHECK(matches_whole<gm::goal_line>("MÅL 2: Rubrik"));
  CHECK_FALSE(consumed<gm::goal_line>("  TAVOITE 1. Indented\n"));  // as in drafts: at the start of the line
  CHECK(matches_whole<gm::thematic_break>("---\n"));
  CHECK(matches_whole<gm::thematic_break>(" * * *\n"));
  CHECK(matches_whole<gm::thematic_break>("___   \n"));
  CHECK(matches_whole<gm::thematic_break>("- - - -\n"));
  CHECK_FALSE(consumed<gm::thematic_break>("--\n"));
  CHECK_FALSE(consumed<gm::thematic_break>("-*-\n"));
  CHECK_FALSE(consumed<gm::thematic_break>("--- a\n"));
  CHECK(matches_whole<gm::setext_underline>("=====\n"));
  CHECK(matches_whole<gm::setext_underline>("= \n"));
  CHECK_FALSE(consumed<gm::setext_underline>("== x\n"));
}

TEST_CASE("markdown status lines with and without emphasis", "[grammar][markdown]") {
  CHECK(matches_whole<gm::status_line>("LUONNOS\n"));
  CHECK(matches_whole<gm::status_line>("**LUONNOS**\n"));
  CHECK(matches_whole<gm::status_line>("  _Luonnos_  \r\n"));
  CHECK_FALSE(consumed<gm::status_line>("* LUONNOS\n"));  // a list item
  CHECK_FALSE(consumed<gm::status_line>("LUONNOS 2\n"));
  CHECK_FALSE(consumed<gm::status_line>("Luonnosvaihe\n"));
}

TEST_CASE("markdown list items: markers / overview items / continuation lines", "[grammar][markdown]") {
  CHECK(matches_whole<gm::overview_item>("- TAVOITE 1. Liikunta\n"));
  CHECK(matches_whole<gm::overview_item>("  + TAVOITE 2. Mieli\n"));
  CHECK(matches_whole<gm::overview_item>("1. TAVOITE 3. Palvelut\n"));
  CHECK(matches_whole<gm::overview_item>("12) TAVOITE 3. Palvelut\n"));
  CHECK_FALSE(consumed<gm::overview_item>("-TAVOITE 1. x\n"));
  CHECK_FALSE(consumed<gm::overview_item>("- Edistämme osallisuutta\n"));
  CHECK(matches_whole<gm::list_item>("- Edistämme\n"));
  CHECK(matches_whole<gm::list_item>("    * sisäkkäinen kohta\n"));
  CHECK(matches_whole<gm::list_item>("3. kolmas\n"));
  CHECK_FALSE(consumed<gm::list_item>("1.5 miljoonaa\n"));  // no blank after the marker
  CHECK_FALSE(consumed<gm::list_item>("**lihavoitu**\n"));
  CHECK_FALSE(consumed<gm::list_item>("1234567890. liian pitkä numero\n"));
  // Lines that continue an item, indented or not, up to a blank line or another block.
  CHECK(matches_whole<gm::list_item>("- kohta, joka\n  jatkuu\nja jatkuu yhä\n"));
  const std::string item = "- kohta\n";
  CHECK(consumed<gm::list_item>(item + "\njatko\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "- toinen\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "  - sisäkkäinen\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "## Otsikko\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "TAVOITE 1. x\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "<!-- kommentti -->\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "```\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "---\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "| a | b |\n|---|---|\n") == item.size());
  CHECK(consumed<gm::list_item>(item + "| a | b |\n") == (item + "| a | b |\n").size());  // no table without a delimiter row
}

TEST_CASE("markdown table cells: trimmed / escaped pipes / empty", "[grammar][markdown]") {
  CHECK(consumed<gm::cell_text>("abc | d") == 3u);
  CHECK(consumed<gm::cell_text>("a b  \t|") == 3u);
  CHECK(consumed<gm::cell_text>("a \\| b | c") == std::string("a \\| b").size());
  CHECK(consumed<gm::cell_text>("a \\\\| b") == std::string("a \\\\| b").size());  // "\\|" is "\" and an escaped pipe
  CHECK(consumed<gm::cell_text>("end\\") == 4u);                                     // a lone backslash is text
  CHECK(consumed<gm::cell_text>("|") == 0u);
  CHECK(consumed<gm::cell_text>("   |") == 0u);
  CHECK(consumed<gm::cell_text>("a\nb") == 1u);
  CHECK(consumed<gm::cell_text>("a\r\nb") == 1u);
  CHECK(consumed<gm::cell_text>("a\x01z") == 1u);
  CHECK(consumed<gm::cell_text>("ä\tö |") == std::string("ä\tö").size());
}

TEST_CASE("markdown table rows: with and without outer pipes", "[grammar][markdown]") {
  CHECK(matches_whole<gm::header_row>("| Toimenpide | Mittari |\n"));
  CHECK(matches_whole<gm::header_row>("Toimenpide | Mittari\n"));
  CHECK(matches_whole<gm::header_row>("| Toimenpide | Mittari\n"));
  CHECK(matches_whole<gm::header_row>("Toimenpide | Mittari |   \n"));
  CHECK(matches_whole<gm::header_row>("| Toimenpide |\n"));
  CHECK(matches_whole<gm::header_row>("Toimenpide |\n"));
  CHECK(matches_whole<gm::header_row>("| a || c |\n"));  // an empty cell between
  CHECK_FALSE(consumed<gm::header_row>("Toimenpide\n"));  // a row holds a pipe
  CHECK_FALSE(consumed<gm::header_row>("a \\| b\n"));     // an escaped one is not a pipe
  CHECK_FALSE(consumed<gm::header_row>("\n"));
  CHECK(matches_whole<gm::delimiter_row>("|---|---|\n"));
  CHECK(matches_whole<gm::delimiter_row>("| :--- | ---: |\n"));
  CHECK(matches_whole<gm::delimiter_row>(":-:|-\n"));
  CHECK(matches_whole<gm::delimiter_row>("|---\n"));
  CHECK(matches_whole<gm::delimiter_row>("---|\n"));
  CHECK_FALSE(consumed<gm::delimiter_row>("---\n"));  // a thematic break, not a table
  CHECK_FALSE(consumed<gm::delimiter_row>("|:|\n"));
  CHECK_FALSE(consumed<gm::delimiter_row>("|--x|\n"));
  CHECK_FALSE(consumed<gm::delimiter_row>("| a | b |\n"));
}

TEST_CASE("markdown tables: rows until a blank line / a heading / a line without a pipe", "[grammar][markdown]") {
  const std::string head = "| Toimenpide | Mittari |\n|---|---|\n";
  CHECK(matches_whole<gm::table>(head + "| a | b |\n| c | d |\n"));
  CHECK(matches_whole<gm::table>(head + "a | b\nc |\n"));
  CHECK(matches_whole<gm::table>(head + "| a | b |\n<!-- planlint-disable-next-line x -->\n| c | d |\n"));
  CHECK(matches_whole<gm::table>(head));  // a header alone
  CHECK(consumed<gm::table>(head + "| a | b |\n\n| c | d |\n") == (head + "| a | b |\n").size());
  CHECK(consumed<gm::table>(head + "| a | b |\n## TAVOITE 2. x | y\n") == (head + "| a | b |\n").size());
  CHECK(consumed<gm::table>(head + "| a | b |\nTAVOITE 2. x | y\n") == (head + "| a | b |\n").size());
  CHECK(consumed<gm::table>(head + "| a | b |\nno pipe\n") == (head + "| a | b |\n").size());
  CHECK(consumed<gm::table>(head + "| a | b |\n```\n") == (head + "| a | b |\n").size());
  CHECK_FALSE(consumed<gm::table>("| Nimi | Arvo |\n| a | b |\n"));  // no delimiter row, no measure header
  // Without a delimiter row, a header that names a measure column still starts a table.
  CHECK(consumed<gm::table>("| Toimenpide | Mittari |\n| a | b |\n") == std::string("| Toimenpide | Mittari |\n| a | b |\n").size());
  CHECK_FALSE(consumed<gm::table>("|---|---|\n"));
}

TEST_CASE("markdown fenced code - comments and front matter", "[grammar][markdown]") {
  CHECK(matches_whole<gm::fenced_code>("```\nTAVOITE 1. x\n```\n"));
  CHECK(matches_whole<gm::fenced_code>("```text\n| a | b |\n|---|---|\n````\n"));
  CHECK(matches_whole<gm::fenced_code>("~~~~ python\n```\n~~~~\n"));  // a backtick line inside a tilde fence
  CHECK(matches_whole<gm::fenced_code>("```\nnot closed\n"));          // runs to the end of the document
  CHECK(consumed<gm::fenced_code>("```\na\n```\nafter\n") == std::string("```\na\n```\n").size());
  CHECK(consumed<gm::fenced_code>("```\na\n``` x\n```\n") == std::string("```\na\n``` x\n```\n").size());
  CHECK_FALSE(consumed<gm::fenced_code>("``\n"));
  CHECK_FALSE(consumed<gm::fenced_code>("```a`b\n"));  // inline code, not a fence
  CHECK_FALSE(consumed<gm::fenced_code>("```\nbad \x01 byte\n```\n"));
  CHECK(matches_whole<gm::comment_line>("<!-- planlint-disable goal-numbering -->\n"));
  CHECK(matches_whole<gm::comment_line>("  <!--x-->  "));
  CHECK_FALSE(consumed<gm::comment_line>("<!-- a --> text\n"));
  CHECK(matches_whole<gm::comment_block>("<!-- a --> text\n"));
  CHECK(matches_whole<gm::comment_block>("<!--\nmonta\nriviä\n-->\n"));
  CHECK(matches_whole<gm::comment_block>("<!-- ei suljettu\nTAVOITE 1. x\n"));
  CHECK(consumed<gm::comment_block>("<!--\na -->\nb\n") == std::string("<!--\na -->\n").size());
  CHECK(matches_whole<gm::front_matter>("---\ntitle: x\n---\n"));
  CHECK(matches_whole<gm::front_matter>("---\na: 1\n...\n"));
  CHECK_FALSE(consumed<gm::front_matter>("---\nnot closed\n"));
  CHECK_FALSE(consumed<gm::front_matter>("--- x\n---\n"));
}

TEST_CASE("markdown paragraphs and whole documents", "[grammar][markdown]") {
  CHECK(matches_whole<gm::paragraph_line>("Eri väestöryhmien **tarpeet** huomioidaan.\n"));
  CHECK(matches_whole<gm::document>("# Otsikko\n\n## TAVOITE 1. A\n\n| Toimenpide | Mittari |\n|---|---|\n| m | i |\n"));
  CHECK(matches_whole<gm::document>("---\nfront: matter\n---\nteksti"));
  CHECK(matches_whole<gm::document>("no final newline"));
  CHECK(matches_whole<gm::document>(""));
}

TEST_CASE("error point: a control character stops the markdown document", "[grammar][markdown][errors]") {
  tao::pegtl::memory_input in("ok line\n| a \x02 | b |\n", "test");
  try {
    tao::pegtl::parse<gm::document, tao::pegtl::nothing, tao::pegtl::must_if<gm::errors>::control>(in);
    FAIL("expected a parse error");
  } catch (const tao::pegtl::parse_error& e) {
    CHECK(std::string(e.message()) == gm::error_message<gm::document_end>);
    CHECK(e.positions().front().line == 2);
    CHECK(e.positions().front().column == 1);  // the line that holds it could not be read
  }
}

TEST_CASE("markdown table start: a header that names a measure column needs no delimiter row", "[grammar][markdown]") {
  CHECK(matches_whole<gm::table>("Toimenpide | Mittari\nA | B\n"));
  CHECK(matches_whole<gm::table>("| Tavoite | Keinot | Mittari |\n| x | A | B |\n"));
  CHECK(matches_whole<gm::table>("| Toimenpide | Mittari |\n|---|---|\n| A | B |\n"));
  CHECK_FALSE(matches_whole<gm::table>("Tehdään | jotain\nA | B\n"));
  CHECK_FALSE(matches_whole<gm::table>("Toimenpide ilman putkea\n"));
  CHECK_FALSE(matches_whole<gm::table>("Tavoite | \\| Toimenpide\n"));  // an escaped pipe does not start a cell
}
