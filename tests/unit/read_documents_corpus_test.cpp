// The corpus of real documents (tests/fixtures/documents/corpus, made by make_corpus.sh from the bundled
// draft): Word files written by python-docx and by LibreOffice, LibreOffice's .odt, tagged and untagged
// PDFs from LibreOffice, and Chromium's PDFs of an HTML rendition. Issue 15 is done when planlint reads
// each of them as its author sees it:
// - `planlint parse --format json FILE` gives exactly the goals, measures and indicators the document holds
//   (FILE.expected.json, written from the data the generator used), and its overview and claims;
// - `planlint check FILE` of a document with the draft's text gives the draft's findings, in order.
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <regex>
#include <string>
#include <vector>

#include "support/run.hpp"

namespace fs = std::filesystem;
using nlohmann::json;
using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;

namespace {

const std::string corpus_dir = source_path("tests/fixtures/documents/corpus");
const std::string draft = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

struct CorpusFile {
  std::string path;
  json expected;
};

// The corpus files a producer made (the "family" of their expected JSON), in name order. make_corpus.sh
// makes twelve variants per LibreOffice output and three Chromium pages: fewer means files went missing,
// and a test over none would pass having read nothing.
std::vector<CorpusFile> corpus(const std::string& family, std::size_t at_least) {
  std::vector<CorpusFile> files;
  for (const auto& entry : fs::directory_iterator(corpus_dir)) {
    const std::string name = entry.path().filename().string();
    const std::string suffix = ".expected.json";
    if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) continue;
    auto expected = json::parse(slurp(entry.path()));
    if (expected["family"] != family) continue;
    files.push_back({corpus_dir + "/" + expected["file"].get<std::string>(), std::move(expected)});
  }
  std::sort(files.begin(), files.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
  INFO("family " << family << " in " << corpus_dir);
  REQUIRE(files.size() >= at_least);
  return files;
}

std::string shown(const json& value) { return value.is_null() ? "(no indicator)" : value.dump(); }

// Each goal's rows, expected against read: one line per row that differs, "" when all agree.
std::string differing_rows(const json& expected_goal, const json& goal) {
  std::string out;
  const auto& want = expected_goal["measures"];
  const auto& got = goal["measures"];
  const auto number = expected_goal["number"].get<int>();
  if (goal["title"] != expected_goal["title"])
    out += "goal " + std::to_string(number) + " title: expected " + expected_goal["title"].dump() + ", read " +
           goal["title"].dump() + "\n";
  for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
    const std::string where = "goal " + std::to_string(number) + " row " + std::to_string(i + 1) + ": ";
    if (i >= got.size()) {
      out += where + "missing: " + want[i][0].dump() + " | " + want[i][1].dump() + "\n";
    } else if (i >= want.size()) {
      out += where + "extra: " + got[i]["text"].dump() + " | " + shown(got[i]["indicator"]) + "\n";
    } else if (got[i]["text"] != want[i][0] || got[i]["indicator"] != want[i][1]) {
      out += where + "expected " + want[i][0].dump() + " | " + want[i][1].dump() + "\n" + std::string(where.size(), ' ') +
             "read     " + got[i]["text"].dump() + " | " + shown(got[i]["indicator"]) + "\n";
    }
  }
  return out;
}

// Everything in which `planlint parse --format json` differs from the expected JSON, "" when nothing.
std::string differences(const json& expected, const json& parsed) {
  std::string out;
  if (parsed["status"] != expected["status"])
    out += "status: expected " + expected["status"].dump() + ", read " + parsed["status"].dump() + "\n";
  const auto& want_goals = expected["goals"];
  const auto& goals = parsed["goals"];
  if (goals.size() != want_goals.size())
    out += "goals: expected " + std::to_string(want_goals.size()) + ", read " + std::to_string(goals.size()) + "\n";
  for (std::size_t g = 0; g < std::min(goals.size(), want_goals.size()); ++g) {
    if (goals[g]["number"] != want_goals[g]["number"])
      out += "goal " + std::to_string(g + 1) + " is numbered " + goals[g]["number"].dump() + "\n";
    out += differing_rows(want_goals[g], goals[g]);
  }
  json overview = json::array();
  for (const auto& item : parsed["overview"]) overview.push_back({{"number", item["number"]}, {"title", item["title"]}});
  if (overview != expected["overview"])
    out += "overview: expected " + expected["overview"].dump() + "\n          read " + overview.dump() + "\n";
  json claims = json::array(), want_claims = json::array();
  for (const auto& c : parsed["claims"]) claims.push_back({c["kind"], c["min"], c["max"]});
  for (const auto& c : expected["claims"]) want_claims.push_back({c["kind"], c["min"], c["max"]});
  if (claims != want_claims) out += "claims: expected " + want_claims.dump() + ", read " + claims.dump() + "\n";
  return out;
}

// Rows (measure text and indicator) read exactly, over all goals, the goals taken in order.
std::size_t exact_rows(const json& expected, const json& parsed) {
  std::size_t n = 0;
  const auto& want_goals = expected["goals"];
  const auto& goals = parsed["goals"];
  for (std::size_t g = 0; g < std::min(goals.size(), want_goals.size()); ++g) {
    const auto& want = want_goals[g]["measures"];
    const auto& got = goals[g]["measures"];
    for (std::size_t i = 0; i < std::min(want.size(), got.size()); ++i) {
      if (got[i]["text"] == want[i][0] && got[i]["indicator"] == want[i][1]) ++n;
    }
  }
  return n;
}

// Not every PDF is read exactly yet: in LibreOffice's untagged export with automatic hyphenation, a hyphen
// the author typed at a compound's seam ("yhteistyö-mallilla") cannot be told from one LibreOffice added.
// The rows each
// corpus PDF gives back exactly today (of 26; tests/fixtures/documents/corpus/accuracy.py prints them):
// fewer is a regression; more is progress, to be written here.
const std::map<std::string, std::size_t> pdf_rows_exact_today = {
    {"base.tagged.pdf", 26},
    {"base.untagged.pdf", 26},
    {"body-14pt.tagged.pdf", 26},
    {"body-14pt.untagged.pdf", 26},
    {"header-centred.tagged.pdf", 26},
    {"header-centred.untagged.pdf", 26},
    {"header-repeat.tagged.pdf", 26},
    {"header-repeat.untagged.pdf", 26},
    // Chromium's tree: it draws no spaces; they come from the characters' places (pdf_marked_text.hpp).
    {"html-a4-landscape.pdf", 26},
    {"html-a4.pdf", 26},
    {"html-a5.pdf", 26},
    {"hyphenation.tagged.pdf", 26},
    {"hyphenation.untagged.pdf", 25},
    {"landscape.tagged.pdf", 26},
    {"landscape.untagged.pdf", 26},
    {"merged-cell.tagged.pdf", 26},
    {"merged-cell.untagged.pdf", 26},
    {"serif.tagged.pdf", 26},
    {"serif.untagged.pdf", 26},
    {"tracked-changes.tagged.pdf", 26},
    {"tracked-changes.untagged.pdf", 26},
    {"widths-35-65.tagged.pdf", 26},
    {"widths-35-65.untagged.pdf", 26},
    {"widths-50-50.tagged.pdf", 26},
    {"widths-50-50.untagged.pdf", 26},
    {"widths-75-25.tagged.pdf", 26},
    {"widths-75-25.untagged.pdf", 26},
};

std::size_t rows_exact_today(const CorpusFile& file) {
  const auto found = pdf_rows_exact_today.find(fs::path(file.path).filename().string());
  REQUIRE(found != pdf_rows_exact_today.end());
  return found->second;
}

void check_parse_pdf(const std::vector<CorpusFile>& files) {
  for (const auto& file : files) {
    INFO(file.path << " (" << file.expected["layout"].get<std::string>() << ")");
    const auto r = run_planlint("parse --format json '" + file.path + "'");
    INFO(r.err);
    REQUIRE(r.exit_code == 0);
    const auto parsed = json::parse(r.out);
    INFO(differences(file.expected, parsed));
    CHECK(exact_rows(file.expected, parsed) == rows_exact_today(file));
  }
}

void check_parse(const std::vector<CorpusFile>& files) {
  for (const auto& file : files) {
    INFO(file.path << " (" << file.expected["producer"].get<std::string>() << "; "
                   << file.expected["layout"].get<std::string>() << ")");
    const auto r = run_planlint("parse --format json '" + file.path + "'");
    INFO(r.err);
    CHECK(r.exit_code == 0);
    if (r.exit_code != 0) continue;
    const auto parsed = json::parse(r.out);
    CHECK(differences(file.expected, parsed) == "");
  }
}

// A finding as the comparison sees it: rule, severity and message. A message may name another place of the
// document ("differs from the overview list (line 39)"); such a place is a line of the draft and a locator
// ("paragraph 25") of a .docx by design, so it reads "(…)" here.
std::vector<std::string> findings(const std::string& path, const std::string& skip_rule = "") {
  const auto r = run_planlint("check --no-config --format json '" + path + "'");
  // A document planlint cannot read: the comparison fails and shows why.
  if (r.exit_code != 0 && r.exit_code != 1)
    return {"planlint check exited " + std::to_string(r.exit_code) + ": " + r.err};
  static const std::regex place(R"(\((?:old )?(?:line|paragraph|table|page|row|column) [^)]*\))");
  std::vector<std::string> out;
  for (const auto& f : json::parse(r.out)) {
    if (f["rule"] == skip_rule) continue;
    out.push_back(f["rule"].get<std::string>() + " " + f["severity"].get<std::string>() + ": " +
                  std::regex_replace(f["message"].get<std::string>(), place, "(…)"));
  }
  return out;
}

std::size_t count_rule(const std::string& path, const std::string& rule) {
  const auto all = findings(path), rest = findings(path, rule);
  return all.size() - rest.size();
}

// The draft's findings: ten warnings (README), so that a comparison with an empty list cannot pass.
std::vector<std::string> draft_findings() {
  auto out = findings(draft);
  REQUIRE(out.size() == 10);
  return out;
}

void check_same_findings(const std::vector<CorpusFile>& files) {
  const auto want = draft_findings();
  std::size_t compared = 0;
  for (const auto& file : files) {
    if (!file.expected["same_text_as_sample"].get<bool>()) continue;
    INFO(file.path << " (" << file.expected["layout"].get<std::string>() << ")");
    const bool pending = !file.expected["pending_changes"].empty();
    // A document with tracked changes reads as if they were accepted, and says that they are not.
    CHECK(findings(file.path, pending ? "unaccepted-change" : "") == want);
    if (pending) CHECK(count_rule(file.path, "unaccepted-change") > 0);
    ++compared;
  }
  CHECK(compared + 1 >= files.size());  // only the merged-cell variant has other text
}

}  // namespace

// The fixtures themselves: what make_corpus.py expects of every file with the draft's text is what planlint
// reads from the text draft (so the corpus tests hold the documents to the draft, not to the generator's
// idea of it), and the merged-cell variant differs from it in that one indicator only.
TEST_CASE("corpus: the expected rows are the rows of the text draft", "[corpus]") {
  const auto r = run_planlint("parse --format json '" + draft + "'");
  REQUIRE(r.exit_code == 0);
  const auto parsed = json::parse(r.out);
  std::size_t files = 0;
  for (const auto& family : {"python-docx", "libreoffice-odt", "libreoffice-docx", "libreoffice-pdf-tagged",
                             "libreoffice-pdf-untagged", "chromium-pdf"}) {
    for (const auto& file : corpus(family, 3)) {
      INFO(file.path);
      const auto diff = differences(file.expected, parsed);
      if (file.expected["same_text_as_sample"].get<bool>()) {
        CHECK(diff == "");
      } else {
        CHECK(diff.find("goal 2 row 5: expected") == 0);
        CHECK(std::count(diff.begin(), diff.end(), '\n') == 2);
      }
      ++files;
    }
  }
  CHECK(files == 63);
}

TEST_CASE("corpus: python-docx documents parse to the rows they hold", "[corpus][docx]") {
  check_parse(corpus("python-docx", 12));
}

TEST_CASE("corpus: LibreOffice odt documents parse to the rows they hold", "[corpus][odt]") {
  check_parse(corpus("libreoffice-odt", 12));
}

TEST_CASE("corpus: LibreOffice-written docx documents parse to the rows they hold", "[corpus][docx]") {
  check_parse(corpus("libreoffice-docx", 12));
}

TEST_CASE("corpus: LibreOffice tagged PDFs give back as many rows exactly as they did", "[corpus][pdf]") {
  check_parse_pdf(corpus("libreoffice-pdf-tagged", 12));
}

TEST_CASE("corpus: LibreOffice untagged PDFs give back as many rows exactly as they did", "[corpus][pdf]") {
  check_parse_pdf(corpus("libreoffice-pdf-untagged", 12));
}

TEST_CASE("corpus: Chromium PDFs of the HTML plan give back as many rows exactly as they did", "[corpus][pdf]") {
  check_parse_pdf(corpus("chromium-pdf", 3));
}

TEST_CASE("corpus: check of a docx gives the findings of the text draft in the same order", "[corpus][check]") {
  const auto want = draft_findings();
  SECTION("the README sample") {
    CHECK(findings(source_path("samples/tyoikaiset-2022-2025-luonnos.docx")) == want);
  }
  SECTION("python-docx variants") { check_same_findings(corpus("python-docx", 12)); }
  SECTION("LibreOffice-written docx") { check_same_findings(corpus("libreoffice-docx", 12)); }
}

TEST_CASE("corpus: check of an odt gives the findings of the text draft in the same order", "[corpus][check]") {
  check_same_findings(corpus("libreoffice-odt", 12));
}

// Only the PDFs whose rows all come back exactly today (see pdf_rows_exact_today) can give the draft's findings.
TEST_CASE("corpus: check of a PDF read exactly gives the findings of the text draft in the same order", "[corpus][check]") {
  const auto want = draft_findings();
  std::size_t compared = 0;
  for (const auto& family : {"libreoffice-pdf-tagged", "libreoffice-pdf-untagged", "chromium-pdf"}) {
    for (const auto& file : corpus(family, 3)) {
      if (rows_exact_today(file) != 26) continue;
      INFO(file.path);
      CHECK(findings(file.path) == want);
      ++compared;
    }
  }
  CHECK(compared >= 2);
}

// Chromium's A4 pages, read from the structure tree, miss one or two rows by a space after a slash, which no
// rule looks at: their findings are the draft's.
TEST_CASE("corpus: check of Chromium's A4 PDFs gives the findings of the text draft in the same order", "[corpus][check]") {
  const auto want = draft_findings();
  for (const char* name : {"html-a4.pdf", "html-a4-landscape.pdf"}) {
    INFO(name);
    CHECK(findings(corpus_dir + "/" + name) == want);
  }
}
