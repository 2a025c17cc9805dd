// `planlint diff` beyond goals and measures: the document's title, its status line and its prose
// paragraphs, in the model and in every output format, and documents without goals.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "diff/plan_diff.hpp"
#include "read/reader.hpp"
#include "support/run.hpp"

using namespace planlint;
using planlint::test::run_planlint;
using planlint::test::source_path;

namespace {

std::string fixture_path(const std::string& name) { return source_path("tests/fixtures/diff/" + name + ".txt"); }
Plan fixture(const std::string& name) { return read::read_plan(load_source(fixture_path(name))); }
Plan text_plan(const std::string& text) { return read::read_plan(make_source("t.txt", text)); }

std::vector<std::string> kinds(const diff::PlanDiff& d) {
  std::vector<std::string> out;
  for (const auto& c : d.changes) out.push_back(diff::to_string(c.kind));
  return out;
}

using V = std::vector<std::string>;


}  // namespace

TEST_CASE("diff: a changed document title is title-modified", "[diff][prose]") {
  const Plan o = fixture("base"), n = fixture("title");
  const auto d = diff::diff_plans(o, n);
  REQUIRE(kinds(d) == V{"title-modified"});
  const auto& c = d.changes[0];
  CHECK(c.goal_pair == diff::none);
  CHECK(c.words.edits() == std::vector<diff::Edit>{{"2024", "2025"}});
  CHECK(c.old_side->line == 1);
  CHECK(c.new_side->text == "Kokeilusuunnitelma 2025");
  const auto r = run_planlint("diff " + fixture_path("base") + " " + fixture_path("title"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("title: changed") != std::string::npos);
  CHECK(r.out.find("\nplan\n  title          1 → 1     Kokeilusuunnitelma [-2024-]{+2025+}\n") != std::string::npos);
}

TEST_CASE("diff: a rewritten paragraph is paragraph-modified with its word edits", "[diff][prose]") {
  const Plan o = fixture("prose"), n = fixture("prose-rewritten");
  const auto d = diff::diff_plans(o, n);
  // The first paragraph was only rewrapped (white space): the same. The second was rewritten.
  REQUIRE(kinds(d) == V{"paragraph-modified"});
  const auto& c = d.changes[0];
  CHECK(c.words.edits() == std::vector<diff::Edit>{{"asukkaiden", "asukkaiden, yritysten"}, {"keväällä", "syksyllä"}});
  CHECK(c.old_side->line == 10);
  CHECK(c.new_side->line == 10);
  CHECK(d.paragraphs[c.paragraph_pair].by == diff::MatchedBy::similar);
  const auto r = run_planlint("diff " + fixture_path("prose") + " " + fixture_path("prose-rewritten"));
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("paragraphs: 0 added, 0 removed, 1 modified") != std::string::npos);
  CHECK(r.out.find("\nparagraphs\n  modified      10 → 10    Toimenpiteet valmisteltiin yhdessä [-asukkaiden-]{+asukkaiden, yritysten+} ja "
                   "järjestöjen kanssa [-keväällä-]{+syksyllä+} 2023.\n") != std::string::npos);
}

TEST_CASE("diff: a status line that changed case or words is shown", "[diff][prose]") {
  const auto d = diff::diff_plans(fixture("base"), fixture("status-case"));
  REQUIRE(kinds(d) == V{"status-modified"});
  CHECK(d.changes[0].old_side->text == "LUONNOS");
  CHECK(d.changes[0].new_side->text == "Luonnos");
  CHECK(run_planlint("diff " + fixture_path("base") + " " + fixture_path("status-case")).exit_code == 1);
  // A status line that is no longer one ("LUONNOS 2" is a title line): both its going and the new line show.
  const Plan o = text_plan("Kokeilusuunnitelma\n\nLUONNOS\n\nTeksti alkaa.\n");
  const Plan n = text_plan("Kokeilusuunnitelma\n\nLUONNOS 2\n\nTeksti alkaa.\n");
  const auto d2 = diff::diff_plans(o, n);
  REQUIRE(kinds(d2) == V{"status-modified", "title-modified"});
  CHECK(d2.changes[1].words.inline_text() == "Kokeilusuunnitelma {+LUONNOS 2+}");
}

TEST_CASE("diff: seeds 001 and 004 / a programme's benefit goals and a document without goals / differ", "[diff][prose][seed]") {
  // Copies of /work/shared/seeds/001_*.txt and 004_*.txt.
  const std::string a = fixture_path("seed-001-benefit-goals"), b = fixture_path("seed-004-no-goals");
  const Plan o = read::read_plan(load_source(a)), n = read::read_plan(load_source(b));
  CHECK(o.goals.size() == 4);  // "Hyötytavoite 1: …" to 4
  CHECK(n.goals.empty());
  CHECK(o.paragraphs.size() > 5);
  CHECK(n.paragraphs.size() > 5);
  const auto d = diff::diff_plans(o, n);
  CHECK_FALSE(d.same());
  const auto r = run_planlint("diff " + a + " " + b);
  CHECK(r.exit_code == 1);
  CHECK(r.out.find("title: changed") != std::string::npos);
  CHECK(r.out.find("\nparagraphs\n") != std::string::npos);
  // Their title and paragraphs are shown as text from the documents (in this PDF text, 001's first line
  // holds its whole first block, so the title is that line).
  CHECK(r.out.find("[-Hyvinvoiva Espoo -kehitysohjelman hyötytavoitteet") != std::string::npos);
  CHECK(r.out.find("goals: 0 added, 4 removed") != std::string::npos);
  CHECK(r.out.find("goal removed    37 → -     [-Espoolaisten osallisuus lisääntyy ja yhteisöllisyys vahvistuu-]") != std::string::npos);
  CHECK(r.out.find("{+Elinvoiman tulosalue: Elinvoiman tulosalue jatkaa kulttuurin") != std::string::npos);
  // Each against itself is the same.
  CHECK(run_planlint("diff " + a + " " + a).exit_code == 0);
}

TEST_CASE("diff: white space alone and rewrapped paragraphs are the same", "[diff][prose]") {
  // Drafts: a blank line ends a paragraph (a tab would start a table row, so none here). The first line
  // ends its sentence: a draft's lines before its first sentence are its title.
  // Text without a
  // tab is detected as PDF block text, where blank lines are layout, not structure: hence the format.
  auto draft = [](const std::string& text) { return read::read_plan(make_source("t.txt", text), read::InputFormat::draft); };
  const Plan o = draft("Otsikko\n\nEnsimmäinen kappale on tässä.\nSe jatkuu toisella rivillä.\n\n- kohta yksi\n");
  const Plan n = draft("Otsikko  \r\n\r\nEnsimmäinen   kappale on tässä.\r\nSe jatkuu\r\ntoisella rivillä.   \r\n\r\n*   kohta yksi\r\n");
  CHECK(diff::diff_plans(o, n).same());
  // A blank line that splits the paragraph is a change.
  const Plan split = draft("Otsikko\n\nEnsimmäinen kappale on tässä.\n\nSe jatkuu toisella rivillä.\n\n- kohta yksi\n");
  CHECK_FALSE(diff::diff_plans(o, split).same());
}

TEST_CASE("diff: paragraphs added / removed / and reordered only with --show-order", "[diff][prose]") {
  const std::string head = "Otsikko\n\nJohdanto päättyy tähän.\n\n";
  const Plan o = text_plan(head + "Alpha kappale kertoo liikunnasta.\n\nBeta kappale kertoo kulttuurista.\n\nGamma kappale kertoo palveluista.\n");
  const Plan added = text_plan(head + "Alpha kappale kertoo liikunnasta.\n\nUusi kappale asumisesta ja kodeista.\n\n"
                               "Beta kappale kertoo kulttuurista.\n\nGamma kappale kertoo palveluista.\n");
  CHECK(kinds(diff::diff_plans(o, added)) == V{"paragraph-added"});
  const Plan removed = text_plan(head + "Alpha kappale kertoo liikunnasta.\n\nGamma kappale kertoo palveluista.\n");
  const auto dr = diff::diff_plans(o, removed);
  REQUIRE(kinds(dr) == V{"paragraph-removed"});
  CHECK(dr.changes[0].old_side->text == "Beta kappale kertoo kulttuurista.");
  CHECK(dr.changes[0].old_side->line == 7);
  const Plan swapped = text_plan(head + "Beta kappale kertoo kulttuurista.\n\nAlpha kappale kertoo liikunnasta.\n\nGamma kappale kertoo palveluista.\n");
  CHECK(diff::diff_plans(o, swapped).same());
  diff::DiffOptions order;
  order.show_order = true;
  CHECK(kinds(diff::diff_plans(o, swapped, order)) == V{"paragraph-reordered"});
}

TEST_CASE("diff: paragraph changes in markdown / html and json", "[diff][prose][report]") {
  const std::string args = fixture_path("prose") + " " + fixture_path("prose-rewritten");
  const auto md = run_planlint("diff --format markdown " + args);
  CHECK(md.exit_code == 1);
  CHECK(md.out.find("### Paragraphs\n\n| Change | Lines | Text |\n") != std::string::npos);
  CHECK(md.out.find("| modified | 10 → 10 | Toimenpiteet valmisteltiin yhdessä ~~asukkaiden~~**asukkaiden, yritysten** ja järjestöjen kanssa "
                    "~~keväällä~~**syksyllä** 2023. |") != std::string::npos);
  const auto html = run_planlint("diff --format html " + args);
  CHECK(html.exit_code == 1);
  CHECK(html.out.find("<h2>Paragraphs</h2>\n<table class=\"paragraphs\">") != std::string::npos);
  CHECK(html.out.find("<del class=\"w\">keväällä</del>") != std::string::npos);
  CHECK(html.out.find("<ins class=\"w\">syksyllä</ins>") != std::string::npos);
  const auto js = run_planlint("diff --format json " + args);
  CHECK(js.exit_code == 1);
  const auto j = nlohmann::json::parse(js.out);
  REQUIRE(j.size() == 1);
  CHECK(j[0]["kind"] == "paragraph-modified");
  CHECK(j[0]["goal"].is_null());
  CHECK(j[0]["old"]["line"] == 10);
  CHECK(j[0]["matched_by"] == "similar");
  CHECK(j[0]["edits"] == nlohmann::json::array({{{"old", "asukkaiden"}, {"new", "asukkaiden, yritysten"}}, {{"old", "keväällä"}, {"new", "syksyllä"}}}));
  // The title in each format too.
  const auto title = run_planlint("diff --format json " + fixture_path("base") + " " + fixture_path("title"));
  CHECK(nlohmann::json::parse(title.out)[0]["kind"] == "title-modified");
  const auto title_md = run_planlint("diff --format markdown " + fixture_path("base") + " " + fixture_path("title"));
  CHECK(title_md.out.find("| title | 1 → 1 | Kokeilusuunnitelma ~~2024~~**2025** |") != std::string::npos);
  const auto title_html = run_planlint("diff --format html " + fixture_path("base") + " " + fixture_path("title"));
  CHECK(title_html.out.find("<td>title</td><td class=\"line\">1</td><td>Kokeilusuunnitelma <del class=\"w\">2024</del></td>") !=
        std::string::npos);
}
