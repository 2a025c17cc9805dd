// Hostile and broken inputs: each gives its message and exit code, in bounded time and memory. Big inputs
// are generated here at run time. (Loading errors that need no binary are in source_test.cpp.)
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "check/baseline.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"
#include "support/run.hpp"

using namespace planlint;
using planlint::test::run_planlint;
using planlint::test::run_planlint_unprivileged;
using planlint::test::slurp;
using planlint::test::source_path;
namespace fs = std::filesystem;
using namespace std::string_literals;

namespace {

struct TempDir {
  fs::path path;
  TempDir() {
    static int n = 0;
    path = fs::temp_directory_path() / ("planlint-hostile-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    fs::permissions(path, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& bytes) const {
    std::ofstream(path / name, std::ios::binary) << bytes;
    return (path / name).string();
  }
};

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

// One realistic goal: a heading, a table header and `measures` rows.
std::string goal_text(int number, int measures) {
  std::string s = "TAVOITE " + std::to_string(number) + ". Työikäisten hyvinvointi ja osallisuus " +
                  std::to_string(number) + "\n\nToimenpide\tMittari\tVastuutaho\n";
  for (int m = 1; m <= measures; ++m) {
    s += "Lisätään matalan kynnyksen liikuntaryhmiä alueelle " + std::to_string(number) + "." + std::to_string(m) +
         "\tRyhmien ja osallistujien määrä vuodessa\tLiikuntapalvelut\n";
  }
  return s + "\n";
}

// The one-line error of a failing CLI run; stdout stays empty.
void expect_input_error(const test::RunResult& r, const std::string& message) {
  CHECK(r.exit_code == 2);
  CHECK(r.out.empty());
  CHECK(r.err == message + "\n");
}

// `check` goes on after an input error, and says so in its summary.
void expect_check_error(const test::RunResult& r, const std::string& message) {
  CHECK(r.exit_code == 2);
  CHECK(r.err == message + "\n");
  CHECK(r.out == "no findings in 1 document; 1 input could not be checked\n");
}

}  // namespace

TEST_CASE("hostile: empty and whitespace-only files through the CLI", "[hostile][cli]") {
  TempDir d;
  const auto empty = d.write("empty.txt", "");
  expect_input_error(run_planlint("parse " + empty), empty + ": error: file is empty; expected a plan document");
  expect_check_error(run_planlint("check --no-config " + empty), empty + ": error: file is empty; expected a plan document");
  const auto blank = d.write("blank.txt", " \n\t\n\r\n  \n");
  expect_input_error(run_planlint("parse " + blank), blank + ": error: file holds only whitespace; expected a plan document");
  const auto bom = d.write("bom.txt", "\xEF\xBB\xBF\n\n");
  expect_input_error(run_planlint("parse " + bom), bom + ": error: file holds only whitespace; expected a plan document");
  expect_input_error(run_planlint("parse -", ""), "<stdin>: error: file is empty; expected a plan document");
}

TEST_CASE("hostile: NUL bytes / invalid and overlong UTF-8 through the CLI", "[hostile][cli]") {
  TempDir d;
  const auto nul = d.write("nul.txt", "TAVOITE 1. Liikunta\nToimenpide\tMit\0tari\n"s);
  expect_input_error(run_planlint("parse " + nul),
                     nul + ":2:15: error: binary data: NUL byte at offset 34; expected a plain-text plan");
  expect_check_error(run_planlint("check --no-config " + nul),
                     nul + ":2:15: error: binary data: NUL byte at offset 34; expected a plain-text plan");
  const auto bad = d.write("latin1.txt", "TAVOITE 1. Ty\xF6ik\xE4iset\n");
  expect_input_error(run_planlint("parse " + bad),
                     bad + ":1:14: error: invalid UTF-8 at byte offset 13 (byte 0xF6); save the file as UTF-8");
  const auto overlong = d.write("overlong.txt", "TAVOITE 1. A\xC0\xAF" "B\n");  // '/' in two bytes
  expect_input_error(run_planlint("parse " + overlong),
                     overlong + ":1:13: error: invalid UTF-8 at byte offset 12 (byte 0xC0); save the file as UTF-8");
  const auto overlong3 = d.write("overlong3.txt", "ok\n\xE0\x80\xAF\n");  // '/' in three bytes
  expect_input_error(run_planlint("parse " + overlong3),
                     overlong3 + ":2:1: error: invalid UTF-8 at byte offset 3 (byte 0xE0); save the file as UTF-8");
}

TEST_CASE("hostile: UTF-16 with and without a byte-order mark", "[hostile][cli]") {
  TempDir d;
  auto utf16le = [](const std::string& ascii) {
    std::string out;
    for (char c : ascii) out += std::string{c, '\0'};
    return out;
  };
  const std::string text = utf16le("TAVOITE 1. Liikunta\nToimenpide\tMittari\n");
  const auto le_bom = d.write("le-bom.txt", "\xFF\xFE" + text);
  expect_input_error(run_planlint("parse " + le_bom),
                     le_bom + ": error: file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
  const auto be_bom = d.write("be-bom.txt", "\xFE\xFF"s + '\0' + "T");
  expect_input_error(run_planlint("parse " + be_bom),
                     be_bom + ": error: file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
  const auto le = d.write("le.txt", text);
  expect_input_error(run_planlint("parse " + le),
                     le + ":1:2: error: file looks UTF-16 encoded (NUL byte at offset 1); save it as UTF-8");
  const auto be = d.write("be.txt", '\0' + text.substr(0, text.size() - 1));
  expect_check_error(run_planlint("check --no-config " + be),
                     be + ":1:1: error: file looks UTF-16 encoded (NUL byte at offset 0); save it as UTF-8");
}

TEST_CASE("hostile: CR-only line ends", "[hostile][cli]") {
  TempDir d;
  const auto mac = d.write("mac.txt", "TAVOITE 1. Liikunta\rToimenpide\tMittari\rA\tB\r");
  expect_input_error(run_planlint("parse " + mac),
                     mac + ":1:20: error: carriage return without a line feed (old Mac line ends?); use LF or CRLF line ends");
  expect_check_error(run_planlint("check --no-config " + mac),
                     mac + ":1:20: error: carriage return without a line feed (old Mac line ends?); use LF or CRLF line ends");
}

TEST_CASE("hostile: a directory / a FIFO / unreadable files given as the document", "[hostile][cli]") {
  TempDir d;
  expect_input_error(run_planlint("parse " + d.path.string()),
                     d.path.string() + ": error: is a directory; expected a plan file (use `check` to lint a directory)");
  const std::string fifo = (d.path / "plan.fifo").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  // Nobody writes to the FIFO: planlint must refuse it, not wait for it.
  expect_input_error(run_planlint("parse " + fifo),
                     fifo + ": error: not a regular file (a FIFO, socket or device); expected a plan file");
  expect_check_error(run_planlint("check --no-config " + fifo),
                     fifo + ": error: not a regular file (a FIFO, socket or device); expected a plan file");
  // /proc/self/mem opens but cannot be read at offset 0, even as root.
  expect_input_error(run_planlint("parse /proc/self/mem"), "/proc/self/mem: error: cannot read: Input/output error");
  // Permission bits do not stop root: planlint runs as nobody when the tests run as root (as in CI).
  const auto secret = d.write("secret.txt", goal_text(1, 6));
  ::chmod(secret.c_str(), 0);
  expect_input_error(run_planlint_unprivileged("parse " + secret), secret + ": error: cannot open: Permission denied");
  expect_check_error(run_planlint_unprivileged("check --no-config " + secret),
                     secret + ": error: cannot open: Permission denied");
}

TEST_CASE("hostile: a 50 MB document is read whole", "[hostile][big]") {
  std::string text = "Hyvinvointisuunnitelma 2022–2025\nLUONNOS\n\n";
  int goals = 0;
  while (text.size() < 50u * 1024 * 1024) text += goal_text(++goals, 8);
  const Source src = make_source("big.txt", std::move(text));
  const Plan plan = read::read_plan(src);
  REQUIRE(plan.goals.size() == static_cast<std::size_t>(goals));
  CHECK(plan.goals.back().number == goals);
  REQUIRE(plan.goals.back().measures.size() == 8);
  const Measure& last = plan.goals.back().measures.back();
  CHECK(last.indicator->text == "Ryhmien ja osallistujien määrä vuodessa");
  // Line numbers at the end of the file: 3 lines of title, then 12 lines per goal.
  CHECK(last.row.begin.line == 3 + 12 * static_cast<std::size_t>(goals) - 1);
  CHECK(src.position_of(last.row.begin.offset).line == last.row.begin.line);
}

TEST_CASE("hostile: a file over 2 GiB is refused before it is read", "[hostile][big][cli]") {
  TempDir d;
  // A sparse file: 3 GiB by its size, no disk used, and nothing read (the size is checked first).
  const std::string huge = d.write("huge.txt", "TAVOITE 1. A\n");
  REQUIRE(::truncate(huge.c_str(), off_t{3} << 30) == 0);
  expect_input_error(run_planlint("parse " + huge),
                     huge + ": error: file is too large (3221225472 bytes); planlint reads documents of up to 2 GiB");
  expect_check_error(run_planlint("check --no-config " + huge),
                     huge + ": error: file is too large (3221225472 bytes); planlint reads documents of up to 2 GiB");
}

TEST_CASE("hostile: a single 10 MB line", "[hostile][big]") {
  SECTION("as a paragraph") {
    const std::string line(10 * 1024 * 1024, 'x');
    const Plan plan = read::read_plan(make_source("line.txt", line + "\n"));
    REQUIRE(plan.title.size() == 1);
    CHECK(plan.title[0].text.size() == line.size());
    CHECK(plan.title[0].range.end.column == line.size() + 1);
  }
  SECTION("as a table row of 300 000 cells (2 MB) / columns counted in code points") {
    // Columns are counted on from the previous cell: from the line start, this row took minutes.
    std::string row = "Toimenpide\tMittari";
    std::size_t cells = 2;
    while (row.size() < 2u * 1024 * 1024) {
      row += "\tää";
      ++cells;
    }
    const Plan plan = read::read_plan(make_source("row.txt", "TAVOITE 1. Leveä\n" + row + "\n"));
    REQUIRE(plan.goals.size() == 1);
    // The header row holds the first cells; no measures.
    CHECK(plan.goals[0].header.size() == cells);
    CHECK(plan.goals[0].header.back().range.begin.column == 19 + 3 * (cells - 2) - 2);
    CHECK(plan.goals[0].header.back().range.end.line == 2);
  }
  SECTION("as running text full of claims") {
    std::string line;
    while (line.size() < 10u * 1024 * 1024) line += "Tavoitteita on kolme, ja kussakin on 6–12 toimenpidettä. ";
    const Plan plan = read::read_plan(make_source("claims.txt", line + "\n"));
    REQUIRE(plan.claims.size() % 2 == 0);
    const std::size_t repeats = plan.claims.size() / 2;
    CHECK(repeats == line.size() / std::string("Tavoitteita on kolme, ja kussakin on 6–12 toimenpidettä. ").size());
    // The last claim ("6–12 toimenpidettä") starts 38 code points into the last sentence of 57.
    CHECK(plan.claims.back().text.range.begin.column == 57 * (repeats - 1) + 38);
  }
}

TEST_CASE("hostile: 100 000 goals", "[hostile][big][cli]") {
  std::string text;
  for (int g = 1; g <= 100000; ++g) {
    text += "TAVOITE " + std::to_string(g) + ". Tavoite " + std::to_string(g) + "\nToimenpide\tMittari\nToimi " +
            std::to_string(g) + "\tMittari\n\n";
  }
  const Plan plan = read::read_plan(make_source("goals.txt", text));
  REQUIRE(plan.goals.size() == 100000);
  CHECK(plan.goals.back().number == 100000);
  CHECK(plan.goals.back().heading.begin.line == 399997);

  // Through `check`: every goal has one measure, so goal-measure-count fires 100,000 times. duplicate-measure
  // and goal-numbering compare each measure (goal) with every earlier one: on this document they run out
  // of their step budget (20 million steps, several seconds each) and say so in a finding of their own,
  // which the loop below accepts; they are left out here to keep the test fast.
  TempDir d;
  const auto file = d.write("goals.txt", text);
  const auto r = run_planlint("check --no-config --format json --disable duplicate-measure --disable goal-numbering " + file);
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  const auto j = nlohmann::json::parse(r.out);
  std::size_t count_findings = 0;
  for (const auto& f : j) {
    if (f["rule"] == "goal-measure-count") {
      ++count_findings;
      continue;
    }
    INFO(f.dump());
    CHECK(f["message"].get<std::string>().find("stopped: it took more than 20000000 evaluation steps") != std::string::npos);
  }
  CHECK(count_findings == 100000);
}

TEST_CASE("hostile: bullet lists nested 1000 deep", "[hostile][cli]") {
  std::string text = "Suunnitelma\n\n";
  for (int depth = 0; depth < 1000; ++depth) text += std::string(2 * static_cast<std::size_t>(depth), ' ') + "- kohta " + std::to_string(depth) + "\n";
  text += "\n" + goal_text(1, 6);
  TempDir d;
  const auto file = d.write("nested.txt", text);
  const auto r = run_planlint("parse --format json " + file);
  REQUIRE(r.exit_code == 0);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["goals"].size() == 1);
  CHECK(j["goals"][0]["line"] == 1004);
  CHECK(j["goals"][0]["measures"].size() == 6);
  const auto c = run_planlint("check --no-config " + file);
  CHECK(c.exit_code == 0);
  CHECK(c.err.empty());
}

TEST_CASE("hostile: a costly rule is stopped by the step budget and says so", "[hostile][rules][cli]") {
  // The rule language has no loops or recursion (a name must be defined before it is used), so the way a
  // rule can run away is by cost: three nested quantifiers over 300 measures are 27 million steps.
  TempDir d;
  const auto self = d.write("self.rules",
                            "rule self-ref {\n  severity error\n  scope plan\n  summary \"x\"\n  let x = x + 1\n"
                            "  assert x > 0\n  message \"m\"\n  doc \"d\"\n}\n");
  const auto r0 = run_planlint("check --no-config --no-default-rules --rules " + self + " " + sample);
  CHECK(r0.exit_code == 2);
  CHECK(r0.err.rfind(self + ":5:11: error: unknown name 'x'", 0) == 0);

  const auto costly = d.write(
      "costly.rules",
      "rule costly {\n  severity warning\n  scope plan\n  summary \"every measure against every pair\"\n"
      "  assert count(a in measures: count(b in measures: count(c in measures: c.text == a.text) > 0) > 0) >= 0\n"
      "  message \"never\"\n  doc \"cubic in the number of measures\"\n}\n");
  std::string plan = "TAVOITE 1. Paljon\nToimenpide\tMittari\n";
  for (int i = 1; i <= 300; ++i) plan += "Toimi " + std::to_string(i) + "\tM\n";
  const auto file = d.write("m300.txt", plan);
  const auto r = run_planlint("check --no-config --no-default-rules --color never --rules " + costly + " " + file);
  CHECK(r.exit_code == 1);  // the stopped rule is an error finding
  CHECK(r.out.rfind(file + ":1:1: error: rule costly stopped: it took more than 20000000 evaluation steps on this "
                           "document [costly]\n", 0) == 0);

  // The same through the library, with a small budget: the step budget is what stops it.
  const auto set = rules::RuleSet::compile({rules::RuleSource{"costly.rules", slurp(costly)}});
  rules::EvalOptions options;
  options.step_budget = 1000;
  const auto findings = set.evaluate(read::read_plan(make_source("m300.txt", plan)), options);
  REQUIRE(findings.size() == 1);
  CHECK(findings[0].message == "rule costly stopped: it took more than 1000 evaluation steps on this document");
  CHECK(findings[0].severity == Severity::error);
}

TEST_CASE("hostile: an existing baseline survives a failed write", "[hostile][baseline][cli]") {
  TempDir d;
  const std::string short_plan = goal_text(1, 3);
  const auto plan = d.write("short.txt", short_plan);
  const auto baseline = (d.path / "baseline.json").string();
  REQUIRE(run_planlint("check --no-config --write-baseline " + baseline + " " + plan).exit_code == 0);
  const std::string before = slurp(baseline);
  REQUIRE(before.find("goal-measure-count") != std::string::npos);

  SECTION("the write fails half-way (a file-size limit of 0: write() fails with EFBIG)") {
    d.write("short.txt", short_plan + "\n" + goal_text(2, 2));  // the baseline would change
    // planlint ignores SIGXFSZ itself (a limit would otherwise kill it mid-write, its temporary file left
    // behind), so write() fails and is reported; the output goes through a pipe, which the limit does not touch.
    const std::string cmd = "(ulimit -f 0; exec " + std::string(PLANLINT_BINARY) +
                            " check --no-config --write-baseline " + baseline + " " + plan + ") 2>&1";
    std::FILE* p = ::popen(cmd.c_str(), "r");
    REQUIRE(p != nullptr);
    std::string out;
    char buf[4096];
    for (std::size_t n; (n = std::fread(buf, 1, sizeof buf, p)) > 0;) out.append(buf, n);
    const int status = ::pclose(p);
    CHECK(WEXITSTATUS(status) == 2);
    CHECK(out == baseline + ": error: cannot write: File too large\n");
    CHECK(slurp(baseline) == before);
    for (const auto& e : fs::directory_iterator(d.path)) CHECK(e.path().filename().string().rfind(".baseline", 0) != 0);
  }
  SECTION("the directory is read-only") {
    fs::permissions(d.path, fs::perms::owner_write | fs::perms::group_write | fs::perms::others_write,
                    fs::perm_options::remove);
    // Permission bits do not stop root: planlint runs as nobody when the tests run as root (as in CI).
    const auto r = run_planlint_unprivileged("check --no-config --write-baseline " + baseline + " " + plan);
    CHECK(r.exit_code == 2);
    CHECK(r.err == baseline + ": error: cannot write: Permission denied\n");
    CHECK(slurp(baseline) == before);
  }
  SECTION("an unwritable path: the parent is a file") {
    const auto r = run_planlint("check --no-config --write-baseline " + plan + "/baseline.json " + plan);
    CHECK(r.exit_code == 2);
    CHECK(r.err == plan + "/baseline.json: error: cannot write: Not a directory\n");
    CHECK(slurp(plan) == short_plan);
    CHECK(slurp(baseline) == before);
  }
}

// Issue 20: texts and lists a rule builds are bounded (EvalOptions::value_bytes_limit, 256 MiB): a rule
// that doubles a text 40 times, or joins texts made from every measure, is stopped and reported as that
// rule's error finding; the other rules and the run go on.
TEST_CASE("hostile: a rule that builds ever larger texts is stopped by the memory limit", "[hostile][rules]") {
  TempDir d;
  std::string doubling = "rule doubling {\n  severity warning\n  scope plan\n  summary \"a text doubled 40 times\"\n"
                         "  let t0 = \"xxxxxxxx\"\n";
  for (int i = 1; i < 40; ++i) doubling += fmt::format("  let t{} = t{} + t{}\n", i, i - 1, i - 1);
  doubling += "  assert t39 == \"\"\n  message \"never\"\n  doc \"grows without bound\"\n}\n";
  const auto rules_file = d.write("doubling.rules", doubling);
  const auto plan = d.write("plan.txt", goal_text(1, 7));
  const auto r = run_planlint("check --no-config --no-default-rules --color never --rules " + rules_file + " " + plan);
  CHECK(r.exit_code == 1);  // the stopped rule is an error finding
  CHECK(r.out.rfind(plan + ":1:1: error: rule doubling stopped: a text or list it built held more than 256 MiB on this "
                           "document [doubling]\n", 0) == 0);
  CHECK(r.err.find("internal error") == std::string::npos);

  // join(map(…)) over every measure, through the library with a small limit; the other rule still runs.
  const std::string joining =
      "rule joining {\n  severity warning\n  scope plan\n  summary \"every measure's text, joined\"\n"
      "  let all = join(map(m in measures: m.text + m.text + m.text), \"\")\n  assert all == \"\"\n  message \"never\"\n"
      "  doc \"a text as long as the plan, three times\"\n}\n"
      "rule counting {\n  severity warning\n  scope plan\n  summary \"counts\"\n  assert count(measures) == 0\n"
      "  message \"measures: {count(measures)}\"\n  doc \"a rule that builds nothing large\"\n}\n";
  const auto set = rules::RuleSet::compile({rules::RuleSource{"joining.rules", joining}});
  rules::EvalOptions options;
  options.value_bytes_limit = 1024;
  const auto findings = set.evaluate(read::read_plan(make_source("plan.txt", goal_text(1, 300))), options);
  REQUIRE(findings.size() == 2);
  std::vector<std::string> messages{findings[0].message, findings[1].message};
  std::sort(messages.begin(), messages.end());
  CHECK(messages[0] == "measures: 300");
  CHECK(messages[1] == "rule joining stopped: a text or list it built held more than 1024 bytes on this document");
}
