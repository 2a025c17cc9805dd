// Every input a fuzzer once crashed on (tests/fuzz/reproducers/<harness>/) is replayed through the CLI:
// it must end in a clear error or a clean result, never a signal.
#include <catch2/catch.hpp>

#include <filesystem>
#include <functional>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;

namespace {

// Calls `check` with each file of tests/fuzz/reproducers/<harness> that ends in `extension`; returns how many.
int for_each_reproducer(const std::string& harness, const std::string& extension,
                        const std::function<void(const std::string& path)>& check) {
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(source_path("tests/fuzz/reproducers/" + harness))) {
    if (entry.path().extension() != extension) continue;
    ++seen;
    INFO(entry.path().filename().string());
    check(entry.path().string());
  }
  return seen;
}

}  // namespace

TEST_CASE("rule-file reproducers give a file:line:col error - not a crash", "[fuzz][regression]") {
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const int seen = for_each_reproducer("rules", ".rules", [&](const std::string& path) {
    const auto r = run_planlint("check --no-config --rules '" + path + "' '" + sample + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("could not be checked") != std::string::npos);  // the summary owns up to the failure
    CHECK(r.err.find(path + ":5:") == 0);
    CHECK(r.err.find("error: expression nested more than 100 levels deep") != std::string::npos);
  });
  CHECK(seen >= 2);
}

TEST_CASE("configuration reproducers give a file:line:col error - not undefined behaviour in toml++", "[fuzz][regression][config]") {
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const int seen = for_each_reproducer("config", ".toml", [&](const std::string& path) {
    const auto r = run_planlint("check --config '" + path + "' '" + sample + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(path + ":1:") == 0);
    const bool outside = r.err.find(": error: U+") != std::string::npos && r.err.find("outside a quoted string") != std::string::npos;
    const bool control = r.err.find(": error: control character U+") != std::string::npos;
    // toml++'s own error, where its (compiled-out) assertions would have stopped it: check/toml.hpp
    const bool toml_error = r.err.find(": error: Error while parsing ") != std::string::npos;
    CHECK((outside || control || toml_error));
  });
  CHECK(seen >= 2);
}
