// What a `planlint check` process loads at start (README, Performance, Latency): libvoikko and its
// fifteen dependencies only when a spelling rule runs.
#include <cstdio>
#include <string>

#include <catch2/catch.hpp>

#include "support/run.hpp"

using namespace planlint::test;

TEST_CASE("check: libvoikko is loaded only when spelling or grammar is checked", "[cli][check][spelling]") {
  const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const std::string without = loaded_objects("check --no-config --disable spelling --disable grammar " + sample);
  CHECK(without.find("libc.so") != std::string::npos);  // the loader's report is there at all
  CHECK(without.find("libvoikko") == std::string::npos);
  // Without the spelling cache, which would let a run with every word answered before skip Voikko.
  const std::string with = loaded_objects("check --no-config --no-cache " + sample);
  CHECK(with.find("libvoikko.so.1") != std::string::npos);
}
