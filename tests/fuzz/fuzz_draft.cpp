// libFuzzer harness: any bytes through loading (make_source) and the readers (read_plan with format
// detection, so every reader that auto-detection can pick is covered). The only exception allowed out of
// them is InputError; anything else (a crash, a sanitizer report, another exception) is a bug.
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const planlint::Source src = planlint::make_source("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
    const planlint::Plan plan = planlint::read::read_plan(src);
    // Every range the reader reports lies inside the document.
    for (const auto& g : plan.goals) {
      if (g.heading.end.offset > src.bytes.size() || g.heading.begin.offset > g.heading.end.offset) __builtin_trap();
      for (const auto& m : g.measures) {
        if (m.row.end.offset > src.bytes.size() || m.row.begin.offset > m.row.end.offset) __builtin_trap();
      }
    }
  } catch (const planlint::InputError&) {
  }
  return 0;
}
