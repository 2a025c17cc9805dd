// What a `planlint check` process loads at start (README, Performance, Latency): libvoikko and its
// fifteen dependencies only when a spelling rule runs.
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "support/run.hpp"

using namespace planlint::test;

namespace {

// The shared objects the dynamic loader reports opening (LD_DEBUG=files, a glibc feature), one per line.
std::string loaded_objects(const std::string& args) {
  const std::string cmd = "LD_DEBUG=files " + std::string(PLANLINT_BINARY) + " " + args + " 2>&1 >/dev/null";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p)) {
      const std::string line(buf);
      if (line.find("file=") != std::string::npos) out += line;
    }
    ::pclose(p);
  }
  return out;
}

}  // namespace

TEST_CASE("check: libvoikko is loaded only when spelling is checked", "[cli][check][spelling]") {
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const std::string without = loaded_objects("check --no-config --disable spelling " + sample);
  CHECK(without.find("libc.so") != std::string::npos);  // the loader's report is there at all
  CHECK(without.find("libvoikko") == std::string::npos);
  const std::string with = loaded_objects("check --no-config " + sample);
  CHECK(with.find("libvoikko.so.1") != std::string::npos);
}
