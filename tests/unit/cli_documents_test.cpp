// Word, LibreOffice and PDF documents through the command line (issue 15): told by content, checked,
// parsed and diffed, with places a user of the document can find in every output.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

const std::string docx = source_path("samples/tyoikaiset-2022-2025-luonnos.docx");
const std::string corpus = source_path("tests/fixtures/documents/corpus");

}  // namespace

TEST_CASE("check of a docx names paragraphs with a quote instead of lines", "[cli][documents]") {
  const auto r = run_planlint("check --no-config --disable spelling " + docx);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find(docx + ": paragraph 26: warning: the title of goal 1 differs from the overview list (paragraph 23) "
                          "in: 'Työkäisille' vs 'Työikäisille' [goal-title-mismatch]\n"
                          "      | Työkäisille espoolaisille") != std::string::npos);
  CHECK(r.out.find(":43:") == std::string::npos);  // no line of the rendered text
}

TEST_CASE("check of a docx as JSON gives the place and its fields and a quote and no lines", "[cli][documents]") {
  const auto r = run_planlint("check --no-config --disable spelling --format json " + docx);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  CHECK(j[0]["place"] == "paragraph 26");
  CHECK(j[0]["paragraph"] == 26);
  CHECK(j[0]["quote"].get<std::string>().starts_with("Työkäisille espoolaisille"));
  CHECK_FALSE(j[0].contains("line"));
}

TEST_CASE("a finding in a docx table names table row and column", "[cli][documents]") {
  const auto r = run_planlint("check --no-config --disable spelling --format json " + corpus + "/tracked-changes.docx");
  const auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& f : j) {
    if (f["rule"] != "unaccepted-change") continue;
    found = true;
    CHECK(f["place"] == "table 1, row 9, column 1");
    CHECK(f["table"] == 1);
    CHECK(f["row"] == 9);
    CHECK(f["column"] == 1);
  }
  CHECK(found);
}

TEST_CASE("GitHub annotations for a docx lead the message with the place", "[cli][documents]") {
  const auto r = run_planlint("check --no-config --disable spelling --format github " + docx);
  CHECK(r.out.find("::warning file=" + docx + ",title=goal-title-mismatch::paragraph 26: the title of goal 1") != std::string::npos);
  CHECK(r.out.find(",line=") == std::string::npos);
}

TEST_CASE("parse of a docx shows places in outline and CSV", "[cli][documents]") {
  const auto text = run_planlint("parse " + docx);
  CHECK(text.exit_code == 0);
  CHECK(text.out.find("(docx format)") != std::string::npos);
  CHECK(text.out.find("[table 1, row 2, column 1]    - Mielenterveys") != std::string::npos);
  const auto csv = run_planlint("parse --format csv " + docx);
  CHECK(csv.out.starts_with("goal,goal_title,measure,indicator,place\r\n"));
  CHECK(csv.out.ends_with(",\"table 3, row 7, column 1\"\r\n"));  // goal 3's sixth and last row
}

TEST_CASE("a docx and its text draft hold the same plan so diff shows no change", "[cli][documents]") {
  const auto r = run_planlint("diff " + source_path("samples/tyoikaiset-2022-2025-luonnos.txt") + " " + docx);
  CHECK(r.exit_code == 0);
  CHECK(r.out.find("measures: 0 added, 0 removed, 0 modified") != std::string::npos);
}

TEST_CASE("diff of two docx versions shows the changed indicator at its table row and a merged cell where it starts", "[cli][documents]") {
  const auto r = run_planlint("diff --format json " + corpus + "/base.docx " + corpus + "/merged-cell.docx");
  CHECK(r.exit_code == 1);
  const auto j = nlohmann::json::parse(r.out);
  bool found = false;
  for (const auto& c : j) {
    if (c["kind"] != "indicator-modified") continue;
    found = true;
    CHECK(c["old"]["place"] == "table 2, row 6, column 2");
    CHECK(c["new"]["place"] == "table 2, row 5, column 2");  // merged with the row above: where the cell starts
  }
  CHECK(found);
}

TEST_CASE("a directory is searched for docx odt and pdf files too", "[cli][documents]") {
  TempDir dir;
  std::filesystem::copy_file(docx, dir.path / "luonnos.docx");
  const auto r = run_planlint("check --no-config --disable spelling --format json " + dir.str());
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).size() == 2);
}

TEST_CASE("a binary file that is no document says what it is whatever its name", "[cli][documents]") {
  TempDir dir;
  const std::string png = dir.write("suunnitelma.txt", std::string("\x89PNG\r\n\x1A\n\0\0\0\rIHDR", 16));
  const auto r = run_planlint("check --no-config " + png);
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(png + ": error: PNG image: not a plan document") != std::string::npos);
  const std::string doc = dir.write("vanha.doc", std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8) + std::string(504, '\0'));
  const auto d = run_planlint("parse " + doc);
  CHECK(d.exit_code == 2);
  CHECK(d.err.find("save it as .docx") != std::string::npos);
}
