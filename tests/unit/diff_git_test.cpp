// planlint as git's external diff for plan files (docs/diff.md), in a temporary repository.
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

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
