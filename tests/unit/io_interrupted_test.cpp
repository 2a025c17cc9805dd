// Runs that end early (a signal, memory that runs out) leave no temporary file behind
// and say what happened (issue 20): the baseline's temporary file used to stay after an interrupted write,
// and std::bad_alloc on one document ended the whole run in "internal error".
#include <catch2/catch.hpp>

#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <filesystem>
#include <string>

#include "io/removed_on_signal.hpp"
#include "io/sanitizers.hpp"
#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::source_path;

namespace {

// Runs `body` in a child process and returns its wait status.
template <typename Body>
int in_child(Body body) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    body();
    ::_exit(0);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  return status;
}

}  // namespace

TEST_CASE("io: a signal removes the temporary files being written and then ends the process with that signal", "[io][hardening]") {
  for (const int sig : {SIGTERM, SIGINT, SIGHUP}) {
    INFO(sig);
    const planlint::test::TempDir dir;
    const std::string pending = dir.write(".baseline.json.X1", "half");
    const std::string done = dir.write("kept.txt", "a file whose guard has gone");
    const int status = in_child([&] {
      std::signal(sig, SIG_DFL);  // Catch2's own handler would report a failure from the child
      { const planlint::io::RemovedOnSignal finished(done); }
      const planlint::io::RemovedOnSignal guard(pending);
      ::raise(sig);
    });
    REQUIRE(WIFSIGNALED(status));
    CHECK(WTERMSIG(status) == sig);
    CHECK_FALSE(std::filesystem::exists(pending));
    CHECK(std::filesystem::exists(done));
  }
}

TEST_CASE("io: a signal the process ignores stays ignored", "[io][hardening]") {
  const planlint::test::TempDir dir;
  const std::string pending = dir.write(".cache.X1", "half");
  const int status = in_child([&] {
    std::signal(SIGQUIT, SIG_IGN);  // as `nohup` leaves SIGHUP
    const planlint::io::RemovedOnSignal guard(pending);
    ::raise(SIGQUIT);
  });
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
  CHECK(std::filesystem::exists(pending));
}

TEST_CASE("io: the handlers are there only while a file is pending", "[io][hardening]") {
  struct sigaction before {}, during {}, after {};
  ::sigaction(SIGTERM, nullptr, &before);
  {
    const planlint::io::RemovedOnSignal guard("/nonexistent/.x");
    ::sigaction(SIGTERM, nullptr, &during);
  }
  ::sigaction(SIGTERM, nullptr, &after);
  CHECK(during.sa_handler != before.sa_handler);
  CHECK(after.sa_handler == before.sa_handler);
}

// The sanitizers reserve terabytes of address space, which a virtual memory limit refuses outright.
#if !defined(PLANLINT_UNDER_SANITIZER)
TEST_CASE("cli: a document that runs out of memory is an error for it alone - the others are checked", "[cli][hardening]") {
  const planlint::test::TempDir dir;
  std::string big = "Hyvinvointisuunnitelma\n\nTAVOITE 1. Iso\nToimenpide\tMittari\n";
  for (int i = 0; i < 600'000; ++i) big += "Lisätään ryhmiä numero " + std::to_string(i) + " kaikille.\tRyhmien määrä\n";
  const std::string big_path = dir.write("big.txt", big);  // 37 MB; checking it takes ~270 MB
  const std::string sample = "'" + source_path("samples/tyoikaiset-2022-2025-luonnos.txt") + "'";
  // 120 MB of address space: three times what checking the sample takes, under half of what the big plan needs.
  const auto r = planlint::test::run_planlint("check --no-config --disable spelling -j 1 '" + big_path + "' " + sample, "",
                                              "ulimit -v 120000; ");
  CHECK(r.exit_code == 2);
  CHECK(r.err.find(big_path + ": error: ran out of memory while reading or checking this document") != std::string::npos);
  CHECK(r.err.find("internal error") == std::string::npos);
  CHECK(r.out.find("[goal-title-mismatch]") != std::string::npos);  // the sample's findings are all there
  CHECK(r.out.find("in 2 documents") != std::string::npos);
}
#endif
