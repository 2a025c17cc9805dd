// Baselines and SARIF fingerprints identify a finding by what it is about (rule, goal title, measure text,
// the text it points at, occurrence), never by line: moved lines and reordered goals keep them; the same
// typo on two lines is two findings.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <regex>
#include <set>
#include <sstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "check/fingerprint.hpp"
#include "read/draft_reader.hpp"
#include "read/source.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

const std::string sample_text = slurp(source_path("samples/tyoikaiset-2022-2025-luonnos.txt"));

// One goal of three measures (goal-measure-count, an error) with the same misspelling in two measures, and
// twice in the second.
const std::string typo_plan =
    "TAVOITE 1. Yksi\n\nToimenpide\tMittari\nLisätään liikuntaryhmiä työkäisille.\tRyhmien määrä\n"
    "Tuetaan kulttuuria työkäisille ja työkäisille kouluissa.\tEsitysten määrä\n"
    "Kehitetään neuvontaa verkossa.\tKävijämäärä\n";

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> out;
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) out.push_back(line);
  return out;
}

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const auto& l : lines) out += l + "\n";
  return out;
}

// The sample with its goals in the order 3, 1, 2, renumbered 1, 2, 3, and its overview list to match: the
// same goals, each under another number and on other lines.
std::string reordered_sample() {
  const auto lines = lines_of(sample_text);
  std::vector<std::size_t> overview, goals;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (lines[i].rfind("- TAVOITE ", 0) == 0) overview.push_back(i);
    else if (lines[i].rfind("TAVOITE ", 0) == 0) goals.push_back(i);
  }
  REQUIRE(overview.size() == 3);
  REQUIRE(goals.size() == 3);
  const auto renumber = [](std::string line, int n) {
    return std::regex_replace(line, std::regex("TAVOITE [0-9]+"), "TAVOITE " + std::to_string(n),
                              std::regex_constants::format_first_only);
  };
  std::vector<std::string> out(lines.begin(), lines.begin() + overview[0]);
  const int order[] = {2, 0, 1};
  for (int k = 0; k < 3; ++k) out.push_back(renumber(lines[overview[order[k]]], k + 1));
  out.insert(out.end(), lines.begin() + overview[2] + 1, lines.begin() + goals[0]);
  const auto block_end = [&](int g) { return g + 1 < 3 ? goals[g + 1] : lines.size(); };
  for (int k = 0; k < 3; ++k) {
    const int g = order[k];
    out.push_back(renumber(lines[goals[g]], k + 1));
    std::vector<std::string> block(lines.begin() + goals[g] + 1, lines.begin() + block_end(g));
    if (!block.empty() && !block.back().empty()) block.push_back("");  // goal 3's block ends the file
    out.insert(out.end(), block.begin(), block.end());
  }
  return join(out);
}

nlohmann::json sarif(const std::string& args) { return nlohmann::json::parse(run_planlint("check --no-config --format sarif " + args).out); }

std::vector<std::string> fingerprints(const nlohmann::json& log) {
  std::vector<std::string> out;
  for (const auto& r : log["runs"][0]["results"]) out.push_back(r["partialFingerprints"]["planlintFinding/v2"]);
  std::sort(out.begin(), out.end());
  return out;
}

}  // namespace

TEST_CASE("baseline: lines inserted at the top leave every finding baselined", "[fingerprint][baseline][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", sample_text);
  const std::string baseline = d.str() + "/baseline.json";
  REQUIRE(run_planlint("check --no-config --write-baseline " + baseline + " " + plan).exit_code == 0);
  // The messages quote line numbers ("(line 39)"): they all change.
  d.write("plan.txt", "\n\n\n" + sample_text);
  const auto r = run_planlint("check --no-config --format json --baseline " + baseline + " " + plan);
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).empty());
  const auto text = run_planlint("check --no-config --baseline " + baseline + " " + plan);
  CHECK(text.out.find("(10 in the baseline not shown)") != std::string::npos);
}

TEST_CASE("baseline: goals reordered and renumbered stay baselined", "[fingerprint][baseline][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", sample_text);
  const std::string baseline = d.str() + "/baseline.json";
  REQUIRE(run_planlint("check --no-config --write-baseline " + baseline + " " + plan).exit_code == 0);
  const std::string reordered = reordered_sample();
  REQUIRE(reordered != sample_text);
  d.write("plan.txt", reordered);
  const auto all = nlohmann::json::parse(run_planlint("check --no-config --format json " + plan).out);
  REQUIRE(all.size() == 10);  // the same findings, under other goal numbers and lines
  const auto r = run_planlint("check --no-config --format json --baseline " + baseline + " " + plan);
  CHECK(r.exit_code == 0);
  CHECK(nlohmann::json::parse(r.out).empty());
}

TEST_CASE("the same typo on two lines: two fingerprints / and a baseline of one absorbs one", "[fingerprint][baseline][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", typo_plan);
  const auto log = sarif(plan);
  std::map<std::string, std::vector<std::string>> by_message;  // spelling message -> fingerprints
  for (const auto& r : log["runs"][0]["results"]) {
    if (r["ruleId"] == "spelling") by_message[r["message"]["text"]].push_back(r["partialFingerprints"]["planlintFinding/v2"]);
  }
  REQUIRE(by_message.size() == 1);
  const auto& prints = by_message.begin()->second;
  REQUIRE(prints.size() == 3);  // in two measures, twice in the second
  CHECK(std::set<std::string>(prints.begin(), prints.end()).size() == 3);

  const std::string baseline = d.str() + "/baseline.json";
  REQUIRE(run_planlint("check --no-config --write-baseline " + baseline + " " + plan).exit_code == 0);
  auto b = nlohmann::json::parse(slurp(baseline));
  CHECK(b["version"] == 2);
  // Keep the second measure's first typo only: it absorbs that one, not the other two.
  nlohmann::json kept = nlohmann::json::array();
  for (const auto& e : b["findings"]) {
    if (e["rule"] == "spelling" && e.value("measure", "").find("Tuetaan") == 0 && e.value("occurrence", 0) == 0) kept.push_back(e);
  }
  REQUIRE(kept.size() == 1);
  CHECK(kept[0]["text"] == "työkäisille");
  CHECK(kept[0]["goal"] == "Yksi");
  b["findings"] = kept;
  d.write("baseline.json", b.dump(2));
  const auto r = nlohmann::json::parse(run_planlint("check --no-config --format json --baseline " + baseline + " " + plan).out);
  std::vector<int> spelling_lines;
  for (const auto& f : r) {
    if (f["rule"] == "spelling") spelling_lines.push_back(f["line"]);
  }
  CHECK(spelling_lines.size() == 2);  // the first measure's, and the second's second occurrence
}

TEST_CASE("sarif: fingerprints are the same before and after inserting lines", "[fingerprint][sarif][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", sample_text);
  const auto before = fingerprints(sarif(plan));
  REQUIRE(before.size() == 10);
  CHECK(std::set<std::string>(before.begin(), before.end()).size() == before.size());
  d.write("plan.txt", "\n\n" + sample_text);
  CHECK(fingerprints(sarif(plan)) == before);
  d.write("plan.txt", reordered_sample());
  CHECK(fingerprints(sarif(plan)) == before);
}

TEST_CASE("baseline: a version-1 file is refused with how to write a new one", "[fingerprint][baseline][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", typo_plan);
  const std::string old = d.write("old.json",
                                  R"({"version": 1, "tool": "planlint", "findings": [{"file": "plan.txt", "rule": "goal-measure-count", "message": "m", "count": 1}]})");
  const auto r = run_planlint("check --no-config --baseline " + old + " " + plan);
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err.find("version-1 baseline") != std::string::npos);
  CHECK(r.err.find("planlint check --write-baseline " + old + " PATH...") != std::string::npos);
}

TEST_CASE("fingerprint parts: no line / no message - occurrences per document", "[fingerprint]") {
  using namespace planlint;
  const auto at = [](std::string file, std::string text, std::size_t line, std::string message) {
    Finding f{"spelling", Severity::warning, std::move(message), std::move(file), SourceRange{{line * 10, line, 1}, {line * 10 + 3, line, 4}}, {}, {}};
    f.context = FindingContext{"Goal", "", std::move(text)};
    return f;
  };
  const std::vector<Finding> findings = {at("a.txt", "xyz", 1, "m1"), at("a.txt", "xyz", 7, "m2"), at("b.txt", "xyz", 3, "m3"),
                                         at("a.txt", "abc", 9, "m1")};
  const auto parts = check::fingerprint_parts(findings);
  CHECK(parts[0].occurrence == 0);
  CHECK(parts[1].occurrence == 1);
  CHECK(parts[2].occurrence == 0);  // another document
  CHECK(parts[3].occurrence == 0);
  CHECK(check::fingerprint_hash("a.txt", parts[0]) != check::fingerprint_hash("a.txt", parts[1]));
  CHECK(check::fingerprint_hash("a.txt", parts[0]) != check::fingerprint_hash("b.txt", parts[2]));
  // Moved to other lines, with other messages: the same parts.
  const auto moved = check::fingerprint_parts({at("a.txt", "xyz", 40, "other"), at("a.txt", "xyz", 90, "text")});
  CHECK(moved[0] == parts[0]);
  CHECK(moved[1] == parts[1]);
  CHECK(check::fingerprint_hash("a.txt", parts[0]) == check::fingerprint_hash("a.txt", moved[0]));
}

TEST_CASE("sarif: file names percent-encoded / relative to %SRCROOT% or file: URIs", "[fingerprint][sarif][cli]") {
  TempDir d;
  const std::string a = d.write("työikäiset 2022.txt", typo_plan);
  const std::string b = d.write("suunnitelma #2.txt", typo_plan);
  // The temporary directory is outside the working directory (the tests' build directory): absolute URIs.
  const auto log = sarif("'" + a + "' '" + b + "'");
  std::set<std::string> uris;
  for (const auto& r : log["runs"][0]["results"]) {
    const auto& loc = r["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK_FALSE(loc.contains("uriBaseId"));
    uris.insert(loc["uri"]);
  }
  const std::string dir = d.str();  // temp_directory_path() and the pid: nothing to encode
  for (char c : dir) REQUIRE((std::isalnum(static_cast<unsigned char>(c)) || c == '/' || c == '-' || c == '_' || c == '.'));
  CHECK(uris == std::set<std::string>{"file://" + dir + "/suunnitelma%20%232.txt", "file://" + dir + "/ty%C3%B6ik%C3%A4iset%202022.txt"});
  const auto& base = log["runs"][0]["originalUriBaseIds"]["%SRCROOT%"]["uri"];
  CHECK(base.get<std::string>().rfind("file:///", 0) == 0);
  CHECK(base.get<std::string>().back() == '/');
}

TEST_CASE("sarif: a failed run still writes a log that says so", "[fingerprint][sarif][cli]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", typo_plan);
  const std::string config = d.write("bad.toml", "fail-on = \"warnings\"\n");
  const auto r = run_planlint("check --format sarif --config " + config + " " + plan);
  CHECK(r.exit_code == 2);
  const auto log = nlohmann::json::parse(r.out);
  const auto& inv = log["runs"][0]["invocations"][0];
  CHECK(inv["executionSuccessful"] == false);
  CHECK(inv["exitCode"] == 2);
  REQUIRE(inv["toolExecutionNotifications"].size() == 1);
  CHECK(inv["toolExecutionNotifications"][0]["level"] == "error");
  CHECK(inv["toolExecutionNotifications"][0]["message"]["text"].get<std::string>() + "\n" == r.err);

  const auto ok = sarif(plan);
  CHECK(ok["runs"][0]["invocations"][0]["executionSuccessful"] == true);
  CHECK(ok["runs"][0]["invocations"][0]["exitCode"] == 1);
  CHECK(ok["runs"][0]["invocations"][0]["toolExecutionNotifications"].empty());

  // A baseline that cannot be read stops the run before any document: the log still comes.
  const auto nb = run_planlint("check --no-config --format sarif --baseline " + d.str() + "/none.json " + plan);
  CHECK(nb.exit_code == 2);
  const auto nb_log = nlohmann::json::parse(nb.out);
  CHECK(nb_log["runs"][0]["invocations"][0]["executionSuccessful"] == false);
  CHECK(nb_log["runs"][0]["results"].empty());

  // An unreadable document: its notification points at it; the readable one's findings are there.
  const std::string broken = d.write("rikki.txt", "TAVOITE 1. \xff\n");
  const auto ud = run_planlint("check --no-config --format sarif " + broken + " " + plan);
  CHECK(ud.exit_code == 2);
  const auto ud_log = nlohmann::json::parse(ud.out);
  const auto& note = ud_log["runs"][0]["invocations"][0]["toolExecutionNotifications"][0];
  CHECK(note["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "file://" + broken);
  CHECK_FALSE(ud_log["runs"][0]["results"].empty());
}

TEST_CASE("sarif: rule help in Markdown / the version from the build", "[fingerprint][sarif][cli]") {
  TempDir d;
  const auto log = sarif(d.write("plan.txt", typo_plan));
  const auto& driver = log["runs"][0]["tool"]["driver"];
  CHECK(driver["version"] == PLANLINT_TEST_VERSION);
  for (const auto& rule : driver["rules"]) {
    const std::string md = rule["help"]["markdown"];
    CHECK(md.rfind("**" + rule["shortDescription"]["text"].get<std::string>() + "**", 0) == 0);
  }
  const auto spelling = std::find_if(driver["rules"].begin(), driver["rules"].end(), [](const auto& r) { return r["id"] == "spelling"; });
  REQUIRE(spelling != driver["rules"].end());
  CHECK((*spelling)["help"]["markdown"].get<std::string>().find("\n\n**What it checks:**") != std::string::npos);
}

// attach_context finds a finding's goal by its heading's place (a binary search over the goals) and its
// measure by its row: every goal of a plan, each of its rows, the text before the first goal and a place
// in a goal's prose after its table.
TEST_CASE("fingerprint context: the goal and the measure a finding lies in", "[fingerprint]") {
  std::string text = "Otsikko\n\n";
  for (int g = 1; g <= 40; ++g) {
    text += "TAVOITE " + std::to_string(g) + ". Tavoite numero " + std::to_string(g) + "\n\nToimenpide\tMittari\n";
    for (int m = 1; m <= 3; ++m) text += "Toimenpide " + std::to_string(g) + "." + std::to_string(m) + ".\tMäärä\n";
    text += "\nTekstiä tavoitteen " + std::to_string(g) + " jälkeen.\n\n";
  }
  const planlint::Plan plan = planlint::read::read_draft(planlint::make_source("t.txt", text));
  REQUIRE(plan.goals.size() == 40);
  const auto at = [](std::size_t offset) {
    planlint::Finding f;
    f.rule = "r";
    f.range = {{offset, 1, 1}, {offset + 1, 1, 2}};
    return f;
  };
  std::vector<planlint::Finding> findings{at(0)};
  for (const planlint::Goal& g : plan.goals) {
    for (const planlint::Measure& m : g.measures) findings.push_back(at(m.text.range.begin.offset + 3));
    findings.push_back(at(text.find("Tekstiä", g.heading.begin.offset)));
  }
  planlint::check::attach_context(plan, text, findings);
  CHECK(findings[0].context.goal.empty());
  std::size_t i = 1;
  for (int g = 1; g <= 40; ++g) {
    const std::string goal = "Tavoite numero " + std::to_string(g);
    for (int m = 1; m <= 3; ++m, ++i) {
      INFO("goal " << g << ", measure " << m);
      CHECK(findings[i].context.goal == goal);
      CHECK(findings[i].context.measure == "Toimenpide " + std::to_string(g) + "." + std::to_string(m) + ".");
    }
    INFO("goal " << g << ", its prose");
    CHECK(findings[i].context.goal == goal);
    CHECK(findings[i].context.measure.empty());
    ++i;
  }
}
