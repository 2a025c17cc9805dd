// Output that cannot be written is an error (exit 2 with a message), never a result passed off as
// complete (issue 20): /dev/full refuses every write with ENOSPC, as a full disk does.
#include <catch2/catch.hpp>

#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <string>

#include "support/run.hpp"

using planlint::test::slurp;
using planlint::test::source_path;

namespace {

// Runs planlint with its standard output on /dev/full; the exit code and what it said on stderr.
std::pair<int, std::string> run_into_full_disk(const std::string& args) {
  const auto err = std::filesystem::temp_directory_path() / ("planlint-full-" + std::to_string(::getpid()));
  const std::string cmd = std::string(PLANLINT_BINARY) + " " + args + " >/dev/full 2>" + err.string();
  const int status = std::system(cmd.c_str());
  std::string said = slurp(err);
  std::filesystem::remove(err);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, said};
}

}  // namespace

TEST_CASE("cli: output that cannot be written ends in exit 2 with a message - every command", "[cli][hardening]") {
  REQUIRE(std::filesystem::exists("/dev/full"));  // Linux: a device that refuses every write (ENOSPC)
  const std::string sample = "'" + source_path("samples/tyoikaiset-2022-2025-luonnos.txt") + "'";
  for (const std::string args : {"check --format sarif " + sample, "check " + sample, "check --format json " + sample,
                                 "parse " + sample, "parse --format json " + sample, "diff " + sample + " " + sample,
                                 std::string("rules"), std::string("explain goal-measure-count")}) {
    INFO(args);
    const auto [code, said] = run_into_full_disk(args);
    CHECK(code == 2);
    CHECK(said.find("planlint: error: could not write the output to standard output") != std::string::npos);
    CHECK(said.find("what was written is incomplete") != std::string::npos);
  }
}
