// write_plan_json streams `planlint parse --format json` a goal at a time; its bytes must be those of
// the whole document dumped at once (the documented JSON), for every kind of plan.
#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include "read/reader.hpp"
#include "read/source.hpp"
#include "report/plan_outputs.hpp"

using namespace planlint;

namespace {

std::string streamed(const Plan& plan) {
  std::FILE* f = std::tmpfile();
  REQUIRE(f != nullptr);
  report::write_plan_json(plan, f);
  std::string out(static_cast<std::size_t>(std::ftell(f)), '\0');
  std::rewind(f);
  REQUIRE(std::fread(out.data(), 1, out.size(), f) == out.size());
  std::fclose(f);
  return out;
}

}  // namespace

TEST_CASE("parse --format json streamed equals the whole document dumped", "[report][json]") {
  for (const char* sample : {"tyoikaiset-2022-2025-luonnos.txt", "tyoikaiset-2022-2025-final-blocks.txt",
                             "tyoikaiset-2022-2025-final-layout.txt"}) {
    INFO(sample);
    const Plan plan = read::read_plan(load_source(std::string(PLANLINT_SOURCE_DIR) + "/samples/" + sample));
    REQUIRE(!plan.goals.empty());
    CHECK(streamed(plan) == report::plan_to_json(plan).dump(2) + "\n");
  }
  // No goals (an empty array stays "[]"), one goal, and texts with quotes, line breaks and "goals" in them.
  const Plan none = read::read_plan(make_source("none.txt", "Hyvinvointisuunnitelma \"goals\": []\n\nEi tavoitteita.\n"));
  CHECK(none.goals.empty());
  CHECK(streamed(none) == report::plan_to_json(none).dump(2) + "\n");
  const Plan one = read::read_plan(make_source(
      "one.txt", "TAVOITE 1. \"goals\": []\n\nToimenpide\tMittari\nLisätään \"liikuntaa\".\tRyhmien määrä\n"));
  REQUIRE(one.goals.size() == 1);
  CHECK(streamed(one) == report::plan_to_json(one).dump(2) + "\n");
}
