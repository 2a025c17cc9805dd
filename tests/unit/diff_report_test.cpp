// The renderers of `planlint diff`: text, markdown and html, on the fixtures and the sample pair.
#include <regex>

#include <catch2/catch.hpp>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;

namespace {

const std::string draft = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
const std::string final_blocks = source_path("samples/tyoikaiset-2022-2025-final-blocks.txt");
const std::string base = source_path("tests/fixtures/diff/base.txt");

std::size_t count(const std::string& s, const std::string& what) {
  std::size_t n = 0;
  for (auto p = s.find(what); p != std::string::npos; p = s.find(what, p + 1)) ++n;
  return n;
}

}  // namespace

TEST_CASE("diff text: summary / lines and inline word changes - colour only when asked", "[diff][report]") {
  const auto r = run_planlint("diff " + draft + " " + final_blocks);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("goals: 0 added, 0 removed, 2 renamed, 0 renumbered; measures: 1 added, 0 removed, 2 modified, "
                   "0 moved; indicators: 4 changed; claims: 1 changed; status: changed; title: changed; paragraphs: 1 added, 0 removed, "
                   "3 modified\n") != std::string::npos);
  CHECK(r.out.find("  title         43 → 72    [-Työkäisille-]{+Työikäisille+} espoolaisille") != std::string::npos);
  CHECK(r.out.find("  status         7 → -     [-LUONNOS-]\n") != std::string::npos);
  CHECK(r.out.find("\x1b[") == std::string::npos);  // not a terminal
  const auto c = run_planlint("diff --color always " + draft + " " + final_blocks);
  CHECK(c.out.find("\x1b[31m[-Työkäisille-]\x1b[0m\x1b[32m{+Työikäisille+}\x1b[0m") != std::string::npos);
  const auto ins = run_planlint("diff --color always " + base + " " + source_path("tests/fixtures/diff/modified.txt"));
  CHECK(ins.out.find("Rakennetaan \x1b[32m{+uusia+}\x1b[0m ulkokuntosaleja") != std::string::npos);
}

TEST_CASE("diff markdown: a table per goal / old struck out and new in bold", "[diff][report]") {
  const auto r = run_planlint("diff --format markdown " + draft + " " + final_blocks);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("### TAVOITE 3. Työikäinen espoolainen") != std::string::npos);
  CHECK(r.out.find("| title | 71 → 198 | ~~Työkäinen~~**Työikäinen** espoolainen") != std::string::npos);
  CHECK(count(r.out, "| Change | Lines | Text |") == 4);  // plan, paragraphs, goal 1, goal 3 (goal 2 did not change)
  CHECK(r.out.find("| added | – → 218 | **Tehostetaan monikanavaista") != std::string::npos);
  const auto same = run_planlint("diff --format markdown " + base + " " + source_path("tests/fixtures/diff/same.txt"));
  CHECK(same.exit_code == 0);
  CHECK(same.out.find("No changes") != std::string::npos);
}

TEST_CASE("diff html: self-contained / side by side / changed words highlighted / chart", "[diff][report]") {
  const auto r = run_planlint("diff --format html " + draft + " " + final_blocks);
  CHECK(r.exit_code == 1);
  const std::string& h = r.out;
  CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(h.find("</html>") != std::string::npos);
  // Nothing is fetched: no external URLs in src or href, no scripts, no external style sheets.
  CHECK_FALSE(std::regex_search(h, std::regex(R"((src|href)\s*=\s*["']?\s*(https?:)?//)", std::regex::icase)));
  CHECK(h.find("<script") == std::string::npos);
  CHECK(h.find("<link") == std::string::npos);
  for (const std::string w : {"Työkäisille", "Työkäinen", "-kursseiden", "Kulikutapaosuuksien", "Digivertaistukihenkilöiden",
                              "vastaanotto toiminnan", "hoitajaksot", "työkäisille", "LUONNOS", "6–12"})
    CHECK(h.find("<del class=\"w\">" + w + "</del>") != std::string::npos);
  for (const std::string w : {"Työikäisille", "Työikäinen", "-kurssien", "Kulkutapaosuuksien", "Digivertaistukihenkiöiden",
                              "vastaanottotoiminnan", "hoitojaksot", "työikäisille", "7–12"})
    CHECK(h.find("<ins class=\"w\">" + w + "</ins>") != std::string::npos);
  CHECK(count(h, "<section class=\"goal") == 3);
  CHECK(count(h, "<tr class=\"added\">") == 1);
  CHECK(count(h, "<del class=\"w\">") == count(h, "<del"));  // only changed words are struck out
  // Chart: two bars per goal, counts 12/8/6 old and 12/8/7 new, the new allowed range as a band.
  CHECK(count(h, "<rect class=\"bar old\"") == 3);
  CHECK(count(h, "<rect class=\"bar new\"") == 3);
  CHECK(h.find("<title>old: 6</title>") != std::string::npos);
  CHECK(h.find("<title>new: 7</title>") != std::string::npos);
  CHECK(h.find("<title>allowed: 7–12</title>") != std::string::npos);
  const auto ins = run_planlint("diff --format html " + base + " " + source_path("tests/fixtures/diff/modified.txt")).out;
  CHECK(ins.find("Rakennetaan <ins class=\"w\">uusia</ins> ulkokuntosaleja") != std::string::npos);
  // Text from the documents is escaped.
  CHECK(h.find("(T3&lt;7)") != std::string::npos);
}
