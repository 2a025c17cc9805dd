// The draft reader on the bundled sample and on small documents.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "read/draft_reader.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

using namespace planlint;

namespace {

std::string sample_path() { return std::string(PLANLINT_SOURCE_DIR) + "/samples/tyoikaiset-2022-2025-luonnos.txt"; }

std::vector<std::string> file_lines(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  std::vector<std::string> lines;
  for (std::string l; std::getline(f, l);) lines.push_back(l);
  return lines;
}

Plan read_text(const std::string& text) { return read::read_draft(make_source("t.txt", text)); }

}  // namespace

TEST_CASE("sample draft: goals / counts / claims / status", "[read][draft][sample]") {
  const Plan plan = read::read_plan(load_source(sample_path()));
  CHECK(plan.format == "draft");
  REQUIRE(plan.status);
  CHECK(plan.status->text == "LUONNOS");
  CHECK(plan.status->range.begin.line == 7);
  const Declared d = declared(plan);
  REQUIRE(d.goal_count);
  CHECK(d.goal_count->min == 3);
  CHECK(d.goal_count->text.text == "tavoitteita on kolme");
  CHECK(d.goal_count->text.range.begin.line == 35);
  REQUIRE(d.measure_range);
  CHECK(d.measure_range->min == 6);
  CHECK(d.measure_range->max == 12);
  CHECK(d.measure_range->text.text == "6–12 toimenpidettä");
  REQUIRE(plan.title.size() == 3);
  CHECK(plan.title[0].text == "Työikäisten hyvinvointisuunnitelma 2022-2025");
  CHECK(plan.title[1].text == "Espoon kaupunki");
  REQUIRE(plan.goals.size() == 3);
  CHECK(plan.goals[0].measures.size() == 12);
  CHECK(plan.goals[1].measures.size() == 8);
  CHECK(plan.goals[2].measures.size() == 6);
  CHECK(plan.goals[0].number == 1);
  CHECK(plan.goals[0].title.text == "Työkäisille espoolaisille on tarjolla mahdollisuuksia ja tukea hyvinvointia edistäviin elintapoihin");
  CHECK(plan.goals[0].heading.begin.line == 43);
  CHECK(plan.goals[2].title.text == "Työkäinen espoolainen saa tarvitsemansa palvelun sujuvasti (työllisyys, sote, järjestöt, liikunta- ja kulttuuri)");
  REQUIRE(plan.goals[2].header.size() == 2);
  CHECK(plan.goals[2].header[1].text == "Mittari/ mittarit");
  REQUIRE(plan.overview.size() == 3);
  CHECK(plan.overview[0].title.text == "Työikäisille espoolaisille on tarjolla mahdollisuuksia ja tukea hyvinvointia edistäviin elintapoihin");
  CHECK(plan.overview[2].range.begin.line == 41);
  CHECK(plan.overview[2].range.begin.column == 3);
  CHECK(plan.stray_rows.empty());
}

TEST_CASE("sample draft: every measure and indicator byte for byte / with its line", "[read][draft][sample]") {
  // The oracle: the file's own lines, split at the tab, independent of the grammar.
  const auto lines = file_lines(sample_path());
  const Plan plan = read::read_draft(load_source(sample_path()));
  std::size_t seen = 0;
  for (const Goal& g : plan.goals) {
    for (const Measure& m : g.measures) {
      const std::string& line = lines.at(m.text.range.begin.line - 1);
      const auto tab = line.find('\t');
      REQUIRE(tab != std::string::npos);
      CHECK(m.text.text == line.substr(0, tab));
      REQUIRE(m.indicator);
      CHECK(m.indicator->text == line.substr(tab + 1));
      CHECK(m.text.range.begin.column == 1);
      ++seen;
    }
  }
  CHECK(seen == 26);
  CHECK(plan.goals[0].measures.front().text.range.begin.line == 46);
  CHECK(plan.goals[0].measures.back().text.range.begin.line == 57);
  CHECK(plan.goals[1].measures.front().text.range.begin.line == 62);
  CHECK(plan.goals[2].measures.back().text.range.begin.line == 79);
  CHECK(plan.goals[2].measures.back().indicator->text == "Asukastilaisuuksien määrä, osallisuutta lisäävien toimintamallien kehittäminen");
  CHECK(plan.goals[0].measures[7].indicator->text == "Kulikutapaosuuksien muutos");
}

TEST_CASE("columns count code points / offsets count bytes", "[read][draft][ranges]") {
  const Plan plan = read_text("TAVOITE 1. Ää\n\nToimenpide\tMittari\nÄäää\tÖö\n");
  REQUIRE(plan.goals.size() == 1);
  const Measure& m = plan.goals[0].measures.at(0);
  CHECK(m.indicator->range.begin.column == 6);  // "Ääää" is 4 code points, then the tab
  CHECK(m.indicator->range.begin.offset == 16 + 1 + 19 + 9);
  CHECK(m.indicator->range.end.column == 8);
  CHECK(plan.goals[0].title.range.begin.column == 12);
  CHECK(plan.goals[0].title.range.end.column == 14);
}

TEST_CASE("CRLF line ends and a byte-order mark give the same model as LF", "[read][draft]") {
  std::ifstream f(sample_path(), std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  const std::string lf = ss.str();
  std::string crlf;
  for (char c : lf) {
    if (c == '\n') crlf += '\r';
    crlf += c;
  }
  const Plan a = read::read_draft(make_source("s.txt", lf));
  const Plan b = read::read_draft(make_source("s.txt", crlf));
  const Plan c = read::read_draft(make_source("s.txt", "\xEF\xBB\xBF" + lf));
  for (const Plan* p : {&b, &c}) {
    REQUIRE(p->goals.size() == a.goals.size());
    CHECK(p->claims.size() == a.claims.size());
    CHECK(p->overview.size() == a.overview.size());
    CHECK(p->title.size() == a.title.size());
    for (std::size_t i = 0; i < a.goals.size(); ++i) {
      CHECK(p->goals[i].title.text == a.goals[i].title.text);
      CHECK(p->goals[i].heading.begin.line == a.goals[i].heading.begin.line);
      REQUIRE(p->goals[i].measures.size() == a.goals[i].measures.size());
      for (std::size_t k = 0; k < a.goals[i].measures.size(); ++k) {
        const Measure& x = a.goals[i].measures[k];
        const Measure& y = p->goals[i].measures[k];
        CHECK(y.text.text == x.text.text);
        CHECK(y.indicator->text == x.indicator->text);  // no stray '\r'
        CHECK(y.text.range.begin.line == x.text.range.begin.line);
        CHECK(y.indicator->range.begin.column == x.indicator->range.begin.column);
      }
    }
  }
  // The byte-order mark is counted in offsets but not in columns.
  CHECK(c.title[0].range.begin.offset == a.title[0].range.begin.offset + 3);
  CHECK(c.title[0].range.begin.column == a.title[0].range.begin.column);
}

TEST_CASE("missing and empty indicators / extra columns / stray rows", "[read][draft]") {
  const Plan plan = read_text(
      "a\tb\n\n"
      "TAVOITE 1. T\n\n"
      "Toimenpide\tMittari\tVastuutaho\n"
      "only a measure\n"
      "empty indicator\t\n"
      "full\tind\tKaupunki\tsurplus\n");
  REQUIRE(plan.stray_rows.size() == 1);
  CHECK(plan.stray_rows[0].text.text == "a");
  const auto& ms = plan.goals.at(0).measures;
  REQUIRE(ms.size() == 3);
  CHECK_FALSE(ms[0].indicator);
  REQUIRE(ms[1].indicator);
  CHECK(ms[1].indicator->text.empty());
  REQUIRE(ms[2].extra.size() == 2);
  CHECK(ms[2].extra[0].column == "Vastuutaho");
  CHECK(ms[2].extra[0].cell.text == "Kaupunki");
  CHECK(ms[2].extra[1].column.empty());  // more cells than the header has
  CHECK(ms[2].extra[1].cell.text == "surplus");
}

// Issue 16: each column's role comes from its header, in any order; a column is never the indicator
// unless its header says so.
TEST_CASE("columns by their headers - in any order and beside a goal column", "[read][draft][columns]") {
  const Plan plan = read_text(
      "TAVOITE 1. T\n\n"
      "Toimenpide\tVastuutaho\tAikataulu\tMittari\n"
      "Avataan talo.\tKulttuuritoimi\t2024\tKävijämäärä\n\n"
      "TAVOITE 2. U\n\n"
      "Tavoite\tMittarit\tTilanne\tKeinot\tTavoitetaso\tResurssit\tMuuta\n"
      "Terveys\tKäynnit\tKäynnissä\tTuetaan kuoroja.\t100\t5000 €\thuom\n\n"
      "TAVOITE 3. V\n\n"
      "Toimenpide\tVastuutaho\n"
      "Tuetaan seuroja.\tLiikuntatoimi\n");
  REQUIRE(plan.goals.size() == 3);
  const Measure& m1 = plan.goals[0].measures.at(0);
  CHECK(m1.text.text == "Avataan talo.");
  REQUIRE(m1.indicator);
  CHECK(m1.indicator->text == "Kävijämäärä");
  REQUIRE(m1.extra.size() == 2);
  CHECK(m1.extra[0].role == ColumnRole::responsible);
  CHECK(m1.extra[0].cell.text == "Kulttuuritoimi");
  CHECK(m1.extra[1].role == ColumnRole::schedule);
  CHECK(plan.goals[0].columns == std::vector{ColumnRole::measure, ColumnRole::responsible, ColumnRole::schedule,
                                             ColumnRole::indicator});

  const Measure& m2 = plan.goals[1].measures.at(0);
  CHECK(m2.text.text == "Tuetaan kuoroja.");
  CHECK(m2.text.range.begin.column == 27);
  REQUIRE(m2.indicator);
  CHECK(m2.indicator->text == "Käynnit");
  REQUIRE(m2.extra.size() == 5);
  CHECK(m2.extra[0].column == "Tavoite");
  CHECK(m2.extra[0].role == ColumnRole::other);
  CHECK(m2.extra[1].role == ColumnRole::status);
  CHECK(m2.extra[2].role == ColumnRole::target);
  CHECK(m2.extra[3].role == ColumnRole::resources);
  CHECK(m2.extra[4].column == "Muuta");

  // No indicator column: the responsible party is not taken for one.
  const Measure& m3 = plan.goals[2].measures.at(0);
  CHECK_FALSE(m3.indicator);
  REQUIRE(m3.extra.size() == 1);
  CHECK(m3.extra[0].role == ColumnRole::responsible);
}

TEST_CASE("column roles from header words - compounds and other languages", "[read][draft][columns]") {
  using grammar::column_role_of;
  CHECK(column_role_of("Arviointimittari(t)") == ColumnRole::indicator);
  CHECK(column_role_of("Mittari/ mittarit") == ColumnRole::indicator);
  CHECK(column_role_of("Seurantamittarit") == ColumnRole::indicator);
  CHECK(column_role_of("Kehittämistoimenpiteet") == ColumnRole::measure);
  CHECK(column_role_of("Toimenpiteen vastuutaho") == ColumnRole::responsible);
  CHECK(column_role_of("VASTUUTAHO(T)") == ColumnRole::responsible);
  CHECK(column_role_of("Tavoitearvo 2025") == ColumnRole::target);
  CHECK(column_role_of("Åtgärder") == ColumnRole::measure);
  CHECK(column_role_of("Ansvarig") == ColumnRole::responsible);
  CHECK(column_role_of("Indicator") == ColumnRole::indicator);
  CHECK(column_role_of("Tavoite") == ColumnRole::other);
  CHECK(column_role_of("Huomiot – muuta") == ColumnRole::other);
  CHECK(column_role_of("") == ColumnRole::other);
}

TEST_CASE("a table ends at a blank line - later tables of the same goal add rows", "[read][draft]") {
  const Plan plan = read_text(
      "TAVOITE 1. T\nToimenpide\tMittari\nm1\ti1\n\nText between.\n\nm2\ti2\nTAVOITE 2. U\nm3\ti3\n");
  REQUIRE(plan.goals.size() == 2);
  CHECK(plan.goals[0].measures.size() == 2);
  CHECK(plan.goals[0].header.size() == 2);
  CHECK(plan.goals[1].measures.size() == 1);
  CHECK(plan.goals[1].header.empty());  // rows without a header row
}

TEST_CASE("a document without goal tables is not an error", "[read][draft]") {
  const Plan plan = read_text("Just a memo.\n\nWith two paragraphs.\n");
  CHECK(plan.goals.empty());
  CHECK(plan.claims.empty());
  CHECK_FALSE(plan.status);
}

TEST_CASE("Swedish and English keyword sets", "[read][draft]") {
  const Plan sv = read_text("Målen är tre och varje mål har 6–12 åtgärder.\n\nMÅL 1. Rubrik\n\nÅtgärd\tMätare\na\tb\n");
  CHECK(sv.goals.size() == 1);
  CHECK(sv.goals[0].header.size() == 2);
  REQUIRE(sv.claims.size() == 2);
  CHECK(sv.claims[0].kind == ClaimKind::goal_count);
  CHECK(sv.claims[0].min == 3);
  const Plan en = read_text("There are three goals with 6-12 measures each.\n\nGOAL 1. Title\n\nMeasure\tIndicator\na\tb\n");
  REQUIRE(en.claims.size() == 2);
  CHECK(en.claims[1].max == 12);
}

TEST_CASE("comment lines are kept apart from the text", "[read][draft]") {
  const Plan plan = read_text("<!-- planlint-disable goal-numbering -->\nTAVOITE 1. T\n");
  REQUIRE(plan.comments.size() == 1);
  CHECK(plan.comments[0].text == " planlint-disable goal-numbering ");
  CHECK(plan.title.empty());
}

TEST_CASE("a control character is an error with file:line:col", "[read][draft][errors]") {
  try {
    read_text("TAVOITE 1. T\nbad\x1B line\n");
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(e.describe() == "t.txt:2:4: error: control character U+001B; plan text may hold only printable characters, tabs and line ends");
  }
  try {
    read_text("one\rtwo\n");
    FAIL("expected an error");
  } catch (const InputError& e) {
    CHECK(e.describe().rfind("t.txt:1:4: error: carriage return without a line feed", 0) == 0);
  }
}

// The reader gathers a goal's rows before handing them to the goal (exactly sized), and keeps extra cells in
// blocks of the plan's text: rows must land in the right goal, and cells must stay valid across blocks.
TEST_CASE("rows of many goals / stray rows and extra cells across blocks", "[read][draft]") {
  std::string text = "stray one\tx\tS1\nstray two\ty\n\n";
  constexpr int goals = 3, rows = 3000;  // 9000 rows of one or two extra cells: several blocks of cells
  for (int g = 1; g <= goals; ++g) {
    text += "TAVOITE " + std::to_string(g) + ". T\n\nToimenpide\tMittari\tVastuutaho\n";
    for (int r = 0; r < rows; ++r) {
      text += "m" + std::to_string(g) + "." + std::to_string(r) + "\ti\tc" + std::to_string(r) + (r % 2 ? "\tmore\n" : "\n");
    }
    text += "\n";
  }
  const Plan plan = read_text(text);
  REQUIRE(plan.stray_rows.size() == 2);
  REQUIRE(plan.stray_rows[0].extra.size() == 1);
  CHECK(plan.stray_rows[0].extra[0].cell.text == "S1");
  CHECK(plan.stray_rows[0].extra[0].column.empty());  // no header yet
  CHECK(plan.stray_rows[1].extra.empty());
  REQUIRE(plan.goals.size() == goals);
  for (int g = 0; g < goals; ++g) {
    const auto& ms = plan.goals[static_cast<std::size_t>(g)].measures;
    REQUIRE(ms.size() == rows);
    CHECK(ms.capacity() == ms.size());
    for (int r = 0; r < rows; r += 997) {
      const Measure& m = ms[static_cast<std::size_t>(r)];
      CHECK(m.text.text == "m" + std::to_string(g + 1) + "." + std::to_string(r));
      REQUIRE(m.extra.size() == (r % 2 ? 2u : 1u));
      CHECK(m.extra[0].column == "Vastuutaho");
      CHECK(m.extra[0].cell.text == "c" + std::to_string(r));
      CHECK(text.substr(m.extra[0].cell.range.begin.offset, m.extra[0].cell.text.size()) == m.extra[0].cell.text);
    }
  }
  // A copy of the plan shares the kept cells.
  const Plan copy = plan;
  CHECK(copy.goals[2].measures[1].extra[1].cell.text == "more");
}

TEST_CASE("PlanText keeps cells: none / a few and a row longer than a block", "[read][draft][model]") {
  PlanText keep;
  CHECK(keep.keep_cells({}).empty());
  const std::vector<ExtraCell> one{ExtraCell{"c", Span{"x", {}}}};
  const auto a = keep.keep_cells(one);
  REQUIRE(a.size() == 1);
  CHECK(a[0].cell.text == "x");
  std::vector<ExtraCell> wide(5000, ExtraCell{"w", Span{"y", {}}});
  wide.back().cell.text = "last";
  const auto b = keep.keep_cells(wide);
  REQUIRE(b.size() == 5000);
  CHECK(b.back().cell.text == "last");
  const auto c = keep.keep_cells(one);
  CHECK(c[0].cell.text == "x");
  CHECK(a[0].cell.text == "x");  // earlier cells did not move
}

TEST_CASE("source positions keep offsets near the 2 GiB limit", "[model]") {
  const SourcePosition p(std::size_t{1} << 31, 7, 3);
  CHECK(p.offset == std::size_t{1} << 31);
  CHECK(sizeof(SourceRange) == 24);
}

// Issue 20: a row whose measure begins with the header word vanished (neither measure nor header, no
// finding), and a plan whose rows all began so read as 0 measures.
TEST_CASE("a measure that begins with the header word is a measure", "[read][draft]") {
  const Plan plan = read_text(
      "TAVOITE 1. Otsikko\n"
      "Toimenpide\tMittari\n"
      "Toimenpide numero 1 tehdään.\tKävijämäärä\n"
      "Toimenpiteet jatkuvat vuonna 2024.\tOsallistujat\n"
      "Muu toimenpide.\tMäärä\n");
  REQUIRE(plan.goals.size() == 1);
  const auto& m = plan.goals[0].measures;
  REQUIRE(m.size() == 3);
  CHECK(m[0].text.text == "Toimenpide numero 1 tehdään.");
  CHECK(m[0].text.range.begin.line == 3);
  CHECK(m[1].text.text == "Toimenpiteet jatkuvat vuonna 2024.");
  CHECK(m[2].text.text == "Muu toimenpide.");
  CHECK(plan.stray_rows.empty());
}

// A follow-up report restates its programme's goals in one sentence (seed 003): a goal each, with the exact
// place of each title, the sentence's full stop not part of the last.
TEST_CASE("goals named one after another in a sentence are a goal each", "[read][draft][goals]") {
  const Plan plan = read_text("Raportti\n\nHyötytavoite 1: Osallisuus lisääntyy, Hyötytavoite 2: Yhdenvertaisuus kasvaa ja "
                              "Hyötytavoite 3: Mielen hyvinvointi paranee.\n");
  REQUIRE(plan.goals.size() == 3);
  CHECK(plan.goals[0].number == 1);
  CHECK(plan.goals[0].title.text == "Osallisuus lisääntyy");
  CHECK(plan.goals[1].number == 2);
  CHECK(plan.goals[1].title.text == "Yhdenvertaisuus kasvaa");
  CHECK(plan.goals[1].title.range.begin.column == 55);
  CHECK(plan.goals[1].heading.begin.column == 39);
  CHECK(plan.goals[2].title.text == "Mielen hyvinvointi paranee");
  CHECK(level_of(plan, plan.goals[2]) == GoalLevel::benefit_goal);
  const Plan ordinary = read_text("TAVOITE 1. Liikunta, kulttuuri ja Tavoite 2 ei ole viittaus\n");
  REQUIRE(ordinary.goals.size() == 1);
  CHECK(level_of(ordinary, ordinary.goals[0]) == GoalLevel::goal);
}
