// Markdown plans end to end: `parse`, `check` (text, JSON, SARIF, standard input, directories), `check
// --against` and `diff` on the sample plan kept as Markdown, against the same plan as a draft.
#include <algorithm>
#include <map>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

const std::string draft = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
const std::string markdown = source_path("samples/tyoikaiset-2022-2025-luonnos.md");
const std::string final_blocks = source_path("samples/tyoikaiset-2022-2025-final-blocks.txt");

// What each finding is about: its rule and the text it points at in its own document (so that findings at
// other lines and columns of another file compare equal when they flag the same words), with counts.
std::map<std::pair<std::string, std::string>, int> flagged(const nlohmann::json& findings, const std::string& text) {
  std::map<std::pair<std::string, std::string>, int> out;
  for (const auto& f : findings) {
    const auto begin = f["offset"].get<std::size_t>(), end = f["end_offset"].get<std::size_t>();
    ++out[{f["rule"].get<std::string>(), text.substr(begin, end - begin)}];
  }
  return out;
}

}  // namespace

TEST_CASE("parse a markdown plan: json / csv / text", "[cli][parse][markdown]") {
  const auto r = run_planlint("parse " + markdown + " --format json");
  REQUIRE(r.exit_code == 0);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["format"] == "markdown");
  CHECK(j["status"] == "LUONNOS");
  CHECK(j["declared"]["goal_count"] == 3);
  CHECK(j["declared"]["measures_min"] == 6);
  CHECK(j["declared"]["measures_max"] == 12);
  REQUIRE(j["goals"].size() == 3);
  CHECK(j["goals"][2]["line"] == 71);
  const auto& m = j["goals"][1]["measures"][0];
  CHECK(m["line"] == 62);
  CHECK(m["column"] == 3);
  CHECK(m["indicator"] == "Ohjaamon lisävakanssi saatu (kyllä/ei)");
  // The CSV of measures is the draft's but for the line numbers.
  const auto csv_of = [](const std::string& path) {
    std::string out = run_planlint("parse " + path + " --format csv").out, no_lines;
    for (std::size_t start = 0, nl; (nl = out.find("\r\n", start)) != std::string::npos; start = nl + 2) {
      const std::string row = out.substr(start, nl - start);
      no_lines += row.substr(0, row.rfind(',')) + "\n";
    }
    return no_lines;
  };
  const std::string md_csv = csv_of(markdown);
  CHECK(std::count(md_csv.begin(), md_csv.end(), '\n') == 27);  // a header and 26 measures
  CHECK(md_csv == csv_of(draft));
  CHECK(run_planlint("parse --input-format markdown -", slurp(markdown)).out.find("(markdown") != std::string::npos);
}

TEST_CASE("check on the markdown sample gives the draft's findings", "[cli][check][markdown][sample]") {
  const auto d = run_planlint("check --no-config --format json " + draft);
  const auto m = run_planlint("check --no-config --format json " + markdown);
  CHECK(m.exit_code == d.exit_code);
  CHECK(m.err.empty());
  const auto dj = nlohmann::json::parse(d.out), mj = nlohmann::json::parse(m.out);
  REQUIRE(mj.size() == dj.size());
  CHECK(mj.size() >= 3);  // the two title mismatches, and spelling's findings (or its one "cannot open" finding)
  CHECK(flagged(mj, slurp(markdown)) == flagged(dj, slurp(draft)));
  // The title mismatches point at the Markdown headings' titles.
  std::vector<int> lines;
  for (const auto& f : mj) {
    CHECK(f["file"] == markdown);
    if (f["rule"] == "goal-title-mismatch") lines.push_back(f["line"].get<int>() * 100 + f["column"].get<int>());
  }
  CHECK(lines == std::vector<int>{41 * 100 + 16, 71 * 100 + 15});

  SECTION("from standard input with --input-format markdown") {
    const auto s = run_planlint("check --no-config --format json --input-format markdown -", slurp(markdown));
    CHECK(flagged(nlohmann::json::parse(s.out), slurp(markdown)) == flagged(mj, slurp(markdown)));
  }
  SECTION("as SARIF") {
    const auto s = run_planlint("check --no-config --format sarif " + markdown);
    CHECK(s.exit_code == m.exit_code);
    const auto log = nlohmann::json::parse(s.out);
    const auto& results = log["runs"][0]["results"];
    REQUIRE(results.size() == mj.size());
    for (std::size_t i = 0; i < results.size(); ++i) {
      const auto& loc = results[i]["locations"][0]["physicalLocation"];
      CHECK(loc["artifactLocation"]["uri"].get<std::string>().find("tyoikaiset-2022-2025-luonnos.md") != std::string::npos);
      CHECK(results[i]["ruleId"] == mj[i]["rule"]);
      CHECK(loc["region"]["startLine"] == mj[i]["line"]);
      CHECK(loc["region"]["startColumn"] == mj[i]["column"]);
    }
  }
}

TEST_CASE("check --against: a markdown version against the draft and the final against the markdown", "[cli][check][against][markdown]") {
  // The same plan: no cross-version finding, only the single-version ones.
  const auto same = run_planlint("check --no-config --format json " + markdown + " --against " + draft);
  const auto alone = run_planlint("check --no-config --format json " + markdown);
  CHECK(same.exit_code == alone.exit_code);
  CHECK(nlohmann::json::parse(same.out) == nlohmann::json::parse(alone.out));
  // The final against the Markdown draft: what it reports against the text draft (old lines aside).
  const auto version_of = [](const std::string& out) {
    std::vector<std::string> v;
    for (const auto& f : nlohmann::json::parse(out)) {
      if (f["rule"].get<std::string>().rfind("version-", 0) == 0)
        v.push_back(f["rule"].get<std::string>() + " " + std::to_string(f["line"].get<int>()));
    }
    return v;
  };
  const auto from_md = run_planlint("check --no-config --format json " + final_blocks + " --against " + markdown);
  const auto from_txt = run_planlint("check --no-config --format json " + final_blocks + " --against " + draft);
  CHECK(from_md.exit_code == from_txt.exit_code);
  CHECK(version_of(from_md.out).size() == 8);  // with the two goal titles the final corrected and its one real-word typo
  CHECK(version_of(from_md.out) == version_of(from_txt.out));
}

TEST_CASE("diff: the draft and its markdown copy have the same content", "[cli][diff][markdown]") {
  const auto r = run_planlint("diff --format json " + draft + " " + markdown);
  CHECK(r.err.empty());
  CHECK(r.exit_code == 0);
  const auto changed = run_planlint("diff --format json " + markdown + " " + final_blocks);
  const auto reference = run_planlint("diff --format json " + draft + " " + final_blocks);
  CHECK(changed.exit_code == 1);
  const auto kinds = [](const std::string& out) {
    std::vector<std::string> k;
    for (const auto& c : nlohmann::json::parse(out)) k.push_back(c["kind"].get<std::string>());
    return k;
  };
  CHECK_FALSE(kinds(changed.out).empty());
  CHECK(kinds(changed.out) == kinds(reference.out));
  for (const std::string& format : {"text", "markdown", "html"}) {
    const auto f = run_planlint("diff --format " + format + " " + markdown + " " + final_blocks);
    CHECK(f.exit_code == 1);
    CHECK_FALSE(f.out.empty());
  }
}

TEST_CASE("a directory walk picks up .md plans by default", "[cli][check][markdown]") {
  TempDir dir;
  dir.write("plans/tyoikaiset.md", slurp(markdown));
  dir.write("plans/notes.markdown", "# not picked up\n");  // .markdown is read as Markdown, but not walked
  const auto r = run_planlint("check --no-config --disable spelling --format json " + (dir.path / "plans").string());
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j.size() == 2);
  for (const auto& f : j) {
    CHECK(f["rule"] == "goal-title-mismatch");
    CHECK(f["file"].get<std::string>().find("tyoikaiset.md") != std::string::npos);
  }
  const auto empty = run_planlint("check --no-config " + dir.str() + "/nothing-here");
  CHECK(empty.exit_code == 2);
  TempDir none;
  none.write("a.doc.bak", "x");
  const auto no_doc = run_planlint("check --no-config " + none.str());
  CHECK(no_doc.err.find(".txt or .md or .docx or .odt or .pdf") != std::string::npos);
}

TEST_CASE("the input-format option lists markdown and refuses it for a .docx", "[cli][markdown]") {
  const auto help = run_planlint("parse --help");
  CHECK(help.out.find("markdown") != std::string::npos);
  const auto r = run_planlint("parse --input-format markdown " + source_path("samples/tyoikaiset-2022-2025-luonnos.docx"));
  CHECK(r.exit_code == 2);
  CHECK(r.err.find("not Markdown text") != std::string::npos);
  const auto bad = run_planlint("parse --input-format markdown -", "## TAVOITE 1. x\n| a \x01 | b |\n");
  CHECK(bad.exit_code == 2);
  CHECK(bad.err.find(":2:5: error: control character U+0001") != std::string::npos);
}
