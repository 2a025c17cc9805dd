// planlint as git's external diff for plan files (docs/diff.md), in a temporary repository.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

using planlint::test::slurp;
using planlint::test::source_path;
namespace fs = std::filesystem;

namespace {

struct Repo {
  fs::path dir = fs::temp_directory_path() / ("planlint-git-" + std::to_string(::getpid()));
  Repo() {
    fs::remove_all(dir);
    fs::create_directories(dir);
    git("init -q");
    git("config user.email test@example.invalid");
    git("config user.name test");
    // As docs/diff.md says: the attribute picks the driver, the driver runs planlint.
    std::ofstream(dir / ".gitattributes") << "*.plan.txt diff=planlint\n";
    git(std::string("config diff.planlint.command '") + PLANLINT_BINARY + " diff --git --color never'");
  }
  ~Repo() { fs::remove_all(dir); }
  // Runs git in the repository; returns its exit code, output in `out`.
  int git(const std::string& args, std::string* out = nullptr) const {
    const auto file = dir.parent_path() / ("planlint-git-out-" + std::to_string(::getpid()));
    const int status = std::system(("cd '" + dir.string() + "' && git " + args + " >'" + file.string() + "' 2>&1").c_str());
    if (out) *out = slurp(file);
    fs::remove(file);
    return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  }
  void write(const std::string& name, const std::string& bytes) const {
    std::ofstream(dir / name, std::ios::binary) << bytes;
  }
  void put(const std::string& name, const std::string& fixture) const {
    fs::copy_file(source_path("tests/fixtures/diff/" + fixture), dir / name, fs::copy_options::overwrite_existing);
  }
};

}  // namespace

TEST_CASE("git diff and git log -p show the structured diff of plan files", "[diff][git]") {
  Repo r;
  r.put("hyte.plan.txt", "base.txt");
  r.put("notes.txt", "base.txt");  // not a plan file by the attributes: git's own diff
  REQUIRE(r.git("add -A") == 0);
  REQUIRE(r.git("commit -qm base") == 0);
  r.put("hyte.plan.txt", "indicator.txt");
  r.put("notes.txt", "indicator.txt");
  std::string out;
  REQUIRE(r.git("diff", &out) == 0);  // git stops at an external diff that exits non-zero: --git exits 0
  CHECK(out.find("--- a/hyte.plan.txt\n+++ b/hyte.plan.txt\n") != std::string::npos);
  CHECK(out.find("indicators: 1 changed") != std::string::npos);
  CHECK(out.find("  indicator     12 → 12    Kävijämäärä {+ja palaute+}\n") != std::string::npos);
  CHECK(out.find("+Järjestetään perheille yhteisiä liikuntatapahtumia viikonloppuisin.\tKävijämäärä ja palaute") !=
        std::string::npos);  // notes.txt: a line diff
  REQUIRE(r.git("commit -qam edit") == 0);
  REQUIRE(r.git("log -p --ext-diff -1 -- hyte.plan.txt", &out) == 0);
  CHECK(out.find("Kävijämäärä {+ja palaute+}") != std::string::npos);
  // A new plan file: git passes /dev/null for the old side.
  r.put("uusi.plan.txt", "status.txt");
  REQUIRE(r.git("add uusi.plan.txt") == 0);
  REQUIRE(r.git("diff --cached", &out) == 0);
  CHECK(out.find("goals: 3 added") != std::string::npos);
}

TEST_CASE("git diff shows a new and a deleted plan file as such", "[diff][git]") {
  Repo r;
  r.put("uusi.plan.txt", "base.txt");
  REQUIRE(r.git("add uusi.plan.txt") == 0);
  std::string out;
  REQUIRE(r.git("diff --cached", &out) == 0);
  CHECK(out.find("--- a/uusi.plan.txt\n+++ b/uusi.plan.txt\nnew file\n") != std::string::npos);
  REQUIRE(r.git("commit -qm add") == 0);
  REQUIRE(r.git("rm -q uusi.plan.txt") == 0);
  REQUIRE(r.git("diff --cached", &out) == 0);
  CHECK(out.find("--- a/uusi.plan.txt\n+++ b/uusi.plan.txt\ndeleted\n") != std::string::npos);
  CHECK(out.find("goals: 0 added, 3 removed") != std::string::npos);
}

TEST_CASE("git diff shows an empty version of a plan file instead of stopping", "[diff][git]") {
  Repo r;
  r.write("tyhja.plan.txt", "");  // committed empty: git hands the driver an empty file, not /dev/null
  REQUIRE(r.git("add -A") == 0);
  REQUIRE(r.git("commit -qm empty") == 0);
  r.put("tyhja.plan.txt", "base.txt");
  std::string out;
  CHECK(r.git("diff", &out) == 0);
  CHECK(out.find("external diff died") == std::string::npos);
  CHECK(out.find("--- a/tyhja.plan.txt\n+++ b/tyhja.plan.txt\n"
                 "a/tyhja.plan.txt: binary or unreadable: file is empty; expected a plan document\n") != std::string::npos);
}

TEST_CASE("git diff shows a binary version of a plan file instead of stopping", "[diff][git]") {
  Repo r;
  r.put("kuva.plan.txt", "base.txt");
  REQUIRE(r.git("add -A") == 0);
  REQUIRE(r.git("commit -qm base") == 0);
  r.write("kuva.plan.txt", std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16));
  std::string out;
  CHECK(r.git("diff", &out) == 0);
  CHECK(out.find("external diff died") == std::string::npos);
  CHECK(out.find("--- a/kuva.plan.txt\n+++ b/kuva.plan.txt\nb/kuva.plan.txt: binary or unreadable: ") != std::string::npos);
  // The driver itself, in JSON: the unreadable side and why.
  const auto bin = r.dir / "kuva.plan.txt";
  const auto j = planlint::test::run_planlint("diff --git --format json kuva.plan.txt " + source_path("tests/fixtures/diff/base.txt") +
                                              " 0 100644 " + bin.string() + " 1 100644");
  CHECK(j.exit_code == 0);
  const auto list = nlohmann::json::parse(j.out);
  REQUIRE(list.size() == 1);
  CHECK(list[0]["kind"] == "version-unreadable");
  CHECK(list[0]["side"] == "new");
  CHECK(list[0]["file"] == "b/kuva.plan.txt");
  // Outside git, the same file is an error.
  CHECK(planlint::test::run_planlint("diff " + source_path("tests/fixtures/diff/base.txt") + " " + bin.string()).exit_code == 2);
}
