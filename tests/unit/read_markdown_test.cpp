// The Markdown reader: the sample plan converted to Markdown reads as the draft does, positions are the .md
// file's own, tables with and without outer pipes, escaped pipes, lists, code blocks, hostile input.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "read/detect.hpp"
#include "read/document.hpp"
#include "read/markdown_reader.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

using namespace planlint;

namespace {

std::string path_of(const std::string& relative) { return std::string(PLANLINT_SOURCE_DIR) + "/" + relative; }
const std::string draft_sample = path_of("samples/tyoikaiset-2022-2025-luonnos.txt");
const std::string markdown_sample = path_of("samples/tyoikaiset-2022-2025-luonnos.md");
const std::string markdown_variant = path_of("tests/fixtures/markdown/tyoikaiset-variant.md");

Plan read_md(const std::string& text) { return read::read_markdown(make_source("t.md", text)); }

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string l; std::getline(f, l);) lines.push_back(l);
  return lines;
}

// The text a span's range points at in `text`: what a caret under it would underline.
std::string at_range(const std::string& text, const Span& s) {
  return text.substr(s.range.begin.offset, s.range.end.offset - s.range.begin.offset);
}

// Same goals (number, title), overview, measures and indicators, claims, status and title lines.
void check_same_plan(const Plan& md, const Plan& draft) {
  REQUIRE(md.goals.size() == draft.goals.size());
  for (std::size_t g = 0; g < draft.goals.size(); ++g) {
    CAPTURE(g);
    CHECK(md.goals[g].number == draft.goals[g].number);
    CHECK(md.goals[g].title.text == draft.goals[g].title.text);
    REQUIRE(md.goals[g].header.size() == draft.goals[g].header.size());
    for (std::size_t h = 0; h < draft.goals[g].header.size(); ++h) CHECK(md.goals[g].header[h].text == draft.goals[g].header[h].text);
    REQUIRE(md.goals[g].measures.size() == draft.goals[g].measures.size());
    for (std::size_t m = 0; m < draft.goals[g].measures.size(); ++m) {
      CAPTURE(m);
      const Measure& a = md.goals[g].measures[m];
      const Measure& b = draft.goals[g].measures[m];
      CHECK(a.text.text == b.text.text);
      REQUIRE(a.indicator.has_value() == b.indicator.has_value());
      if (b.indicator) CHECK(a.indicator->text == b.indicator->text);
      CHECK(a.extra.size() == b.extra.size());
    }
  }
  REQUIRE(md.overview.size() == draft.overview.size());
  for (std::size_t i = 0; i < draft.overview.size(); ++i) {
    CHECK(md.overview[i].number == draft.overview[i].number);
    CHECK(md.overview[i].title.text == draft.overview[i].title.text);
  }
  REQUIRE(md.claims.size() == draft.claims.size());
  for (std::size_t i = 0; i < draft.claims.size(); ++i) {
    CHECK(md.claims[i].kind == draft.claims[i].kind);
    CHECK(md.claims[i].min == draft.claims[i].min);
    CHECK(md.claims[i].max == draft.claims[i].max);
    CHECK(md.claims[i].text.text == draft.claims[i].text.text);
  }
  REQUIRE(md.status);
  CHECK(md.status->text == draft.status->text);
  REQUIRE(md.title.size() == draft.title.size());
  for (std::size_t i = 0; i < draft.title.size(); ++i) CHECK(md.title[i].text == draft.title[i].text);
  CHECK(md.stray_rows.empty());
}

}  // namespace

TEST_CASE("markdown sample: the same goals / measures / indicators / claims as the draft", "[read][markdown][sample]") {
  const Plan draft = read::read_plan(load_source(draft_sample));
  const Plan md = read::read_plan(load_source(markdown_sample));  // detected by its name
  CHECK(md.format == "markdown");
  CHECK(md.file == markdown_sample);
  check_same_plan(md, draft);
  // The prose too, paragraph by paragraph (bullet items included): a heading is a paragraph of its own.
  REQUIRE(md.paragraphs.size() == draft.paragraphs.size());
  for (std::size_t i = 0; i < draft.paragraphs.size(); ++i) CHECK(md.paragraphs[i].text == draft.paragraphs[i].text);
  CHECK(md.comments.empty());
}

TEST_CASE("markdown variant: setext headings / front matter / code block / tables without outer pipes read the same", "[read][markdown][sample]") {
  const Plan draft = read::read_plan(load_source(draft_sample));
  const Plan md = read::read_plan(load_source(markdown_variant));
  check_same_plan(md, draft);
  // The code block's "TAVOITE 9." and its table are not the plan's; the comment line is a comment.
  REQUIRE(md.comments.size() == 1);
  CHECK(md.comments[0].text == " muistiinpano: luvut tarkistetaan ennen valtuustoa ");
  for (const Span& p : md.paragraphs) CHECK(p.text.find("Koodilohkon") == std::string_view::npos);
  // A paragraph over two lines is one paragraph.
  bool joined = false;
  for (const Span& p : md.paragraphs) joined = joined || p.text == "Eri väestöryhmien tarpeet huomioidaan\ntoimenpiteiden toteutuksessa.";
  CHECK(joined);
}

TEST_CASE("markdown sample: every span points at its text in the .md file", "[read][markdown][sample][ranges]") {
  for (const std::string& path : {markdown_sample, markdown_variant}) {
    CAPTURE(path);
    const Source src = load_source(path);
    const std::string text(src.bytes);
    const auto lines = file_lines(path);
    const Plan md = read::read_plan(src);
    std::size_t cells = 0;
    for (const Goal& g : md.goals) {
      CHECK(at_range(text, g.title) == g.title.text);
      // The heading's line holds "TAVOITE n" at the heading's column.
      const std::string& heading_line = lines.at(g.heading.begin.line - 1);
      CHECK(heading_line.find("TAVOITE " + std::to_string(g.number)) != std::string::npos);
      for (const Measure& m : g.measures) {
        CHECK(at_range(text, m.text) == m.text.text);
        REQUIRE(m.indicator);
        CHECK(at_range(text, *m.indicator) == m.indicator->text);
        // Code-point columns: the measure's text starts at its column of its line.
        const std::string& line = lines.at(m.text.range.begin.line - 1);
        const std::size_t byte = m.text.range.begin.offset - src.line_start(m.text.range.begin.line).value();
        CHECK(line.substr(byte, m.text.text.size()) == m.text.text);
        CHECK(m.row.begin.offset == m.text.range.begin.offset);
        CHECK(m.row.end.offset == m.indicator->range.end.offset);
        cells += 2;
      }
    }
    CHECK(cells == 52);
    for (const OverviewItem& o : md.overview) CHECK(at_range(text, o.title) == o.title.text);
    for (const Claim& c : md.claims) CHECK(at_range(text, c.text) == c.text.text);
    REQUIRE(md.status);
    CHECK(at_range(text, *md.status) == "LUONNOS");
  }
}

TEST_CASE("markdown sample: goal and cell positions are line:col of the .md file", "[read][markdown][sample][ranges]") {
  const Plan md = read::read_plan(load_source(markdown_sample));
  REQUIRE(md.goals.size() == 3);
  CHECK(md.goals[0].heading.begin.line == 41);
  CHECK(md.goals[0].heading.begin.column == 4);   // after "## "
  CHECK(md.goals[0].title.range.begin.column == 16);  // "## TAVOITE 1 . " is 15 columns
  CHECK(md.goals[2].heading.begin.line == 71);
  const Measure& first = md.goals[0].measures.at(0);
  CHECK(first.text.range.begin.line == 45);
  CHECK(first.text.range.begin.column == 3);  // after "| "
  CHECK(first.text.text.rfind("Mielenterveys- ja päihdepalveluista", 0) == 0);
  REQUIRE(md.goals[0].header.size() == 2);
  CHECK(md.goals[0].header[0].range.begin.line == 43);
  CHECK(md.goals[0].header[0].range.begin.column == 3);
  CHECK(md.goals[0].header[1].range.begin.column == 16);  // "| Toimenpide | " is 15 columns
  REQUIRE(md.overview.size() == 3);
  CHECK(md.overview[2].range.begin.line == 39);
  CHECK(md.overview[2].range.begin.column == 3);
  REQUIRE(md.status);
  CHECK(md.status->range.begin.line == 5);
  CHECK(md.status->range.begin.column == 3);  // inside "**LUONNOS**"
}

TEST_CASE("markdown cells: trimmed / columns in code points / escaped pipes / empty cells", "[read][markdown][ranges]") {
  const std::string text =
      "## TAVOITE 1. Ää\n"
      "\n"
      "|  Toimenpide |Mittari| Vastuutaho |\n"
      "|:---|---:|---|\n"
      "| Ääää  | a \\| b |   |\n"
      "|| tyhjä mittari ei |\n";
  const Plan plan = read_md(text);
  REQUIRE(plan.goals.size() == 1);
  const Goal& g = plan.goals[0];
  CHECK(g.title.text == "Ää");
  CHECK(g.title.range.begin.column == 15);
  CHECK(g.title.range.end.column == 17);
  REQUIRE(g.header.size() == 3);
  CHECK(g.header[0].text == "Toimenpide");
  CHECK(g.header[0].range.begin.column == 4);
  CHECK(g.header[1].text == "Mittari");
  CHECK(g.header[2].text == "Vastuutaho");
  REQUIRE(g.measures.size() == 2);
  const Measure& m = g.measures[0];
  CHECK(m.text.text == "Ääää");
  CHECK(m.text.range.begin.column == 3);
  CHECK(m.text.range.end.column == 7);
  REQUIRE(m.indicator);
  CHECK(m.indicator->text == "a \\| b");  // the escape stays in the text, so that the span is the file's bytes
  CHECK(m.indicator->range.begin.column == 11);
  CHECK(m.indicator->range.begin.offset == text.find("a \\| b"));
  REQUIRE(m.extra.size() == 1);
  CHECK(m.extra[0].column == "Vastuutaho");
  CHECK(m.extra[0].cell.text.empty());  // an empty cell, not a missing one
  const Measure& empty_first = g.measures[1];
  CHECK(empty_first.text.text.empty());
  CHECK(empty_first.text.range.begin.column == 2);
  REQUIRE(empty_first.indicator);
  CHECK(empty_first.indicator->text == "tyhjä mittari ei");
}

TEST_CASE("markdown tables without leading and trailing pipes", "[read][markdown]") {
  const Plan plan = read_md(
      "TAVOITE 1. Yksi\n"
      "Toimenpide | Mittari\n"
      "--- | ---\n"
      "ensimmäinen | mittari 1\n"
      "  toinen |mittari 2|\n"
      "kolmas |\n"
      "\n"
      "TAVOITE 2. Kaksi\n"
      "\n"
      "| Toimenpide | Mittari\n"
      "|---|---\n"
      "| neljäs | mittari 4\n");
  REQUIRE(plan.goals.size() == 2);
  const auto& ms = plan.goals[0].measures;
  REQUIRE(ms.size() == 3);
  CHECK(ms[0].text.text == "ensimmäinen");
  CHECK(ms[0].indicator->text == "mittari 1");
  CHECK(ms[1].text.text == "toinen");
  CHECK(ms[1].text.range.begin.column == 3);
  CHECK(ms[1].indicator->text == "mittari 2");
  CHECK(ms[2].text.text == "kolmas");
  CHECK_FALSE(ms[2].indicator);  // one cell: no indicator cell
  REQUIRE(plan.goals[1].measures.size() == 1);
  CHECK(plan.goals[1].measures[0].indicator->text == "mittari 4");
  CHECK(plan.goals[1].header.size() == 2);
}

TEST_CASE("markdown table rows go to the goal above / before any goal they are stray rows", "[read][markdown]") {
  const Plan plan = read_md(
      "| a | b |\n|---|---|\n| stray | row |\n\n"
      "# TAVOITE 1. T\n"
      "| Toimenpide | Mittari |\n|---|---|\n| m1 | i1 |\n\n"
      "Teksti välissä.\n\n"
      "| Toimenpide | Mittari |\n|---|---|\n| m2 | i2 |\n"
      "### TAVOITE 2. U ###\n"
      "| Toimenpide | Mittari |\n|---|---|\n| m3 | i3 |\n");
  REQUIRE(plan.stray_rows.size() == 1);
  CHECK(plan.stray_rows[0].text.text == "stray");
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[0].measures.size() == 2);
  CHECK(plan.goals[1].title.text == "U");
  REQUIRE(plan.goals[1].measures.size() == 1);
  CHECK(plan.goals[1].measures[0].text.text == "m3");
}

TEST_CASE("markdown headings: the title / goal headings / other headings are paragraphs", "[read][markdown]") {
  const Plan plan = read_md(
      "# Hyvinvointisuunnitelma 2022-2025 #\n"
      "Espoon kaupunki\n"
      "===\n"
      "## LUONNOS\n"
      "\n"
      "Johdanto kertoo, että tavoitteita on kolme.\n"
      "\n"
      "## Tavoitteet\n"
      "Jokaisella on 6–12 toimenpidettä.\n"
      "\n"
      "## TAVOITE 1. Liikunta\n"
      "TAVOITE 2. Mieli\n"
      "---\n"
      "#### TAVOITE 3: Palvelut ####   \n");
  REQUIRE(plan.title.size() == 2);
  CHECK(plan.title[0].text == "Hyvinvointisuunnitelma 2022-2025");
  CHECK(plan.title[1].text == "Espoon kaupunki");
  REQUIRE(plan.status);
  CHECK(plan.status->range.begin.line == 4);
  REQUIRE(plan.claims.size() == 2);
  CHECK(plan.claims[0].kind == ClaimKind::goal_count);
  CHECK(plan.claims[0].min == 3);
  CHECK(plan.claims[1].kind == ClaimKind::measure_range);
  CHECK(plan.claims[1].max == 12);
  REQUIRE(plan.paragraphs.size() == 3);
  CHECK(plan.paragraphs[1].text == "Tavoitteet");  // a heading after the prose is a paragraph of its own
  CHECK(plan.paragraphs[2].text == "Jokaisella on 6–12 toimenpidettä.");
  REQUIRE(plan.goals.size() == 3);
  CHECK(plan.goals[0].title.text == "Liikunta");
  CHECK(plan.goals[1].title.text == "Mieli");
  CHECK(plan.goals[1].heading.begin.line == 12);
  CHECK(plan.goals[2].number == 3);
  CHECK(plan.goals[2].title.text == "Palvelut");  // without the closing sequence
}

TEST_CASE("markdown lists: overview items / bullets / continuation lines / claims in items", "[read][markdown]") {
  const std::string text =
      "Tavoitteet:\n"
      "\n"
      "- TAVOITE 1. Liikunta\n"
      "* TAVOITE 2. Mieli\n"
      "1. TAVOITE 3. Palvelut\n"
      "\n"
      "- Edistämme\n"
      "  - lasten arkea\n"
      "+ kohta, joka jatkuu\n"
      "  seuraavalle riville ja kertoo, että tavoitteita on kolme\n"
      "2) numeroitu\n";
  const Plan plan = read_md(text);
  REQUIRE(plan.overview.size() == 3);
  CHECK(plan.overview[1].title.text == "Mieli");
  CHECK(plan.overview[2].number == 3);
  CHECK(plan.overview[2].range.begin.column == 4);
  REQUIRE(plan.paragraphs.size() == 5);
  CHECK(plan.paragraphs[1].text == "Edistämme");
  CHECK(plan.paragraphs[2].text == "lasten arkea");
  CHECK(plan.paragraphs[2].range.begin.column == 5);
  const Span& item = plan.paragraphs[3];
  CHECK(item.text == "kohta, joka jatkuu\n  seuraavalle riville ja kertoo, että tavoitteita on kolme");
  CHECK(item.range.begin.line == 9);
  CHECK(item.range.begin.column == 3);
  CHECK(item.range.end.line == 10);
  CHECK(at_range(text, item) == item.text);
  CHECK(plan.paragraphs[4].text == "numeroitu");
  REQUIRE(plan.claims.size() == 1);
  CHECK(plan.claims[0].min == 3);
  CHECK(plan.claims[0].text.range.begin.line == 10);
}

TEST_CASE("markdown code blocks - comments and front matter are not the plan's text", "[read][markdown]") {
  const Plan plan = read_md(
      "---\n"
      "title: TAVOITE 7. ei\n"
      "---\n"
      "<!-- planlint-disable-next-line goal-numbering -->\n"
      "## TAVOITE 1. Yksi\n"
      "\n"
      "```\n"
      "## TAVOITE 8. koodia\n"
      "| Toimenpide | Mittari |\n"
      "|---|---|\n"
      "| ei | mittari |\n"
      "```\n"
      "<!--\n"
      "TAVOITE 9. kommentissa\n"
      "-->\n"
      "~~~\n"
      "tavoitteita on kaksi\n"
      "~~~\n"
      "Kappale.\n");
  REQUIRE(plan.goals.size() == 1);
  CHECK(plan.goals[0].measures.empty());
  CHECK(plan.stray_rows.empty());
  CHECK(plan.claims.empty());
  REQUIRE(plan.comments.size() == 1);
  CHECK(plan.comments[0].range.begin.line == 4);
  REQUIRE(plan.paragraphs.size() == 1);
  CHECK(plan.paragraphs[0].text == "Kappale.");
}

TEST_CASE("markdown is chosen by name / by --input-format / by its text", "[read][markdown][detect]") {
  const std::string text = "# Otsikko\n\n## TAVOITE 1. Yksi\n\n| Toimenpide | Mittari |\n|---|---|\n| m | i |\n";
  CHECK(read::read_plan(make_source("plan.md", text)).format == "markdown");
  CHECK(read::read_plan(make_source("dir.x/PLAN.MARKDOWN", text)).format == "markdown");
  CHECK(read::read_plan(make_source("-", text)).format == "markdown");  // a delimiter row
  CHECK(read::read_plan(make_source("plan.txt", text), read::InputFormat::markdown).goals.at(0).measures.size() == 1);
  CHECK(read::read_plan(make_source("plan.md", text), read::InputFormat::draft).format == "draft");
  CHECK(read::input_format_from_string("markdown") == read::InputFormat::markdown);
  CHECK(read::format_of_name("a.md") == read::DetectedFormat::markdown);
  CHECK_FALSE(read::format_of_name("a.md/plan.txt"));
  CHECK_FALSE(read::format_of_name("a.txt"));
  CHECK_FALSE(read::format_of_name("md"));
  CHECK(read::detect_format("# Yksi\n\nteksti\n\n## Kaksi\n") == read::DetectedFormat::markdown);
  CHECK(read::detect_format("a | b\n--|--\n") == read::DetectedFormat::markdown);
  CHECK(read::detect_format("Otsikko\n\nToimenpide\tMittari\nA\tB\nC\tD\n|---|\n") == read::DetectedFormat::draft);
  CHECK(read::detect_format("# yksi risuaita\nteksti\n") == read::DetectedFormat::draft);  // one heading is not enough
  // The draft sample is still a draft, and the Markdown sample's text alone says Markdown.
  CHECK(read::detect_format(load_source(draft_sample).text()) == read::DetectedFormat::draft);
  CHECK(read::detect_format(load_source(markdown_sample).text()) == read::DetectedFormat::markdown);
}

TEST_CASE("markdown: CRLF line ends and a byte-order mark give the same model as LF", "[read][markdown]") {
  const std::string lf(load_source(markdown_sample).bytes);
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const Plan a = read_md(lf);
  for (const std::string& variant : {crlf, "\xEF\xBB\xBF" + lf}) {
    const Plan b = read_md(variant);
    REQUIRE(b.goals.size() == a.goals.size());
    for (std::size_t g = 0; g < a.goals.size(); ++g) {
      REQUIRE(b.goals[g].measures.size() == a.goals[g].measures.size());
      for (std::size_t m = 0; m < a.goals[g].measures.size(); ++m) {
        CHECK(b.goals[g].measures[m].indicator->text == a.goals[g].measures[m].indicator->text);  // no stray '\r'
        CHECK(b.goals[g].measures[m].indicator->range.begin.column == a.goals[g].measures[m].indicator->range.begin.column);
      }
    }
    CHECK(b.title.size() == a.title.size());
    CHECK(b.claims.size() == a.claims.size());
  }
}

TEST_CASE("markdown: a control character is an error with file:line:col", "[read][markdown][errors]") {
  const auto error_of = [](const std::string& text) -> std::string {
    try {
      read_md(text);
    } catch (const InputError& e) {
      return e.describe();
    }
    return "no error";
  };
  CHECK(error_of("## TAVOITE 1. T\n| Toimenpide | Mittari |\n|---|---|\n| a | b\x1B c |\n") ==
        "t.md:4:8: error: control character U+001B; plan text may hold only printable characters, tabs and line ends");
  CHECK(error_of("```\ncode \x07 here\n```\n") ==
        "t.md:2:6: error: control character U+0007; plan text may hold only printable characters, tabs and line ends");
  CHECK(error_of("- item\n  continued \x7F\n") ==
        "t.md:2:13: error: control character U+007F; plan text may hold only printable characters, tabs and line ends");
  CHECK(error_of("# one\rtwo\n").rfind("t.md:1:6: error: carriage return without a line feed", 0) == 0);
  CHECK(error_of("<!-- open\n\x01\n").rfind("t.md:2:1: error: control character U+0001", 0) == 0);
}

// Nothing a hostile document holds may crash the reader or take more than linear time: long runs of blanks
// in headings and cells, unterminated fences and comments, many pipes, deep indentation, lone markers.
TEST_CASE("markdown: hostile input reads or fails cleanly", "[read][markdown][errors]") {
  const std::string blanks(200000, ' ');
  const std::vector<std::string> inputs = {
      "# a" + blanks + "b\n",
      "## TAVOITE 1. x" + blanks + "#\n",
      "| Toimenpide | Mittari |\n|---|---|\n|" + blanks + "|" + blanks + "\n",
      std::string(100000, '|') + "\n" + std::string(50000, '-') + "|\n",
      "```\n" + std::string(100000, '`') + "\n",
      std::string(20000, '<') + "!--\n",
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "<!--\n";
        return s;
      }(),
      [] {
        std::string s;
        for (int i = 0; i < 20000; ++i) s += "- \n-\n* *\n1.\n#\n|\n";
        return s;
      }(),
      std::string(100000, '\\') + "|\n---|\n",
      "- a\n" + std::string(100000, ' ') + "b\n",
      std::string(100000, '#') + " x\n",
      std::string(100000, '*') + "LUONNOS\n",
  };
  for (const std::string& text : inputs) {
    CAPTURE(text.substr(0, 40));
    try {
      const Plan plan = read_md(text);
      for (const Goal& g : plan.goals) CHECK(g.heading.end.offset <= text.size());
      for (const Span& p : plan.paragraphs) CHECK(p.range.end.offset <= text.size());
    } catch (const InputError&) {
    }
  }
  const Plan marker = read_md("Teksti.\n\n- \n");  // a marker alone is text
  REQUIRE(marker.paragraphs.size() == 2);
  CHECK(marker.paragraphs[1].text == "-");
  const Plan unclosed = read_md("## TAVOITE 1. a\n<!-- never closed\n## TAVOITE 2. b\n");
  CHECK(unclosed.goals.size() == 1);  // as a renderer hides the rest, so does the reader
}

TEST_CASE("markdown: a structured document cannot be read as Markdown", "[read][markdown][errors]") {
  try {
    read::read_document(path_of("samples/tyoikaiset-2022-2025-luonnos.docx"), read::InputFormat::markdown);
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(std::string(e.what()).find("not Markdown text") != std::string::npos);
  }
}

TEST_CASE("markdown: a pipe table without its delimiter row when its header names a measure column", "[read][markdown]") {
  // As a plain-text draft writes a table with pipes: no outer pipes, no "|---|" row.
  const std::string text =
      "Suunnitelma\n\nTAVOITE 1. Liikunta\n\nToimenpide | Vastuutaho | Mittari\nLisätään ryhmiä. | Liikuntapalvelut | Ryhmien määrä\n"
      "Avataan salit. | Opetus | Salien määrä\n\nTässä kappaleessa on | pystyviiva mutta ei taulukkoa.\n";
  CHECK(read::detect_format(text) == read::DetectedFormat::markdown);
  const Plan p = read::read_plan(make_source("plan.txt", text));
  CHECK(p.format == "markdown");
  REQUIRE(p.goals.size() == 1);
  REQUIRE(p.goals[0].measures.size() == 2);
  CHECK(p.goals[0].measures[1].text.text == "Avataan salit.");
  REQUIRE(p.goals[0].measures[1].indicator);
  CHECK(p.goals[0].measures[1].indicator->text == "Salien määrä");
  CHECK(p.goals[0].measures[1].row.begin.line == 7);
  REQUIRE(p.goals[0].measures[0].extra.size() == 1);
  CHECK(p.goals[0].measures[0].extra[0].column == "Vastuutaho");
  // A line of prose with a pipe is prose: no header word begins a cell of it.
  REQUIRE(!p.paragraphs.empty());
  CHECK(p.paragraphs.back().text == "Tässä kappaleessa on | pystyviiva mutta ei taulukkoa.");
  CHECK(read::detect_format("Tässä on | pystyviiva.\nJa toinen | rivi.\n") == read::DetectedFormat::draft);
}
