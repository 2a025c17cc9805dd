// Every input a fuzzer once crashed on (tests/fuzz/reproducers/<harness>/) is replayed through the CLI:
// it must end in a clear error or a clean result, never a signal.
#include <catch2/catch.hpp>

#include <filesystem>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;

TEST_CASE("rule-file reproducers give a file:line:col error, not a crash", "[fuzz][regression]") {
  const std::filesystem::path dir = source_path("tests/fuzz/reproducers/rules");
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".rules") continue;
    ++seen;
    INFO(entry.path().filename().string());
    const auto r = run_planlint("check --no-config --rules '" + entry.path().string() + "' '" + sample + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.out.find("could not be checked") != std::string::npos);  // the summary owns up to the failure
    CHECK(r.err.find(entry.path().string() + ":5:") == 0);
    CHECK(r.err.find("error: expression nested more than 100 levels deep") != std::string::npos);
  }
  CHECK(seen >= 2);
}

TEST_CASE("configuration reproducers give a file:line:col error, not undefined behaviour in toml++", "[fuzz][regression][config]") {
  const std::filesystem::path dir = source_path("tests/fuzz/reproducers/config");
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  int seen = 0;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    if (entry.path().extension() != ".toml") continue;
    ++seen;
    INFO(entry.path().filename().string());
    const auto r = run_planlint("check --config '" + entry.path().string() + "' '" + sample + "'");
    CHECK(r.exit_code == 2);
    CHECK(r.err.find(entry.path().string() + ":1:") == 0);
    const bool outside = r.err.find(": error: U+") != std::string::npos && r.err.find("outside a quoted string") != std::string::npos;
    const bool control = r.err.find(": error: control character U+") != std::string::npos;
    CHECK((outside || control));
  }
  CHECK(seen >= 2);
}
