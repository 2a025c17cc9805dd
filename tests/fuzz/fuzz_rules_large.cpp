// libFuzzer harness: the rule language on a large plan (issue 20), so that the limits the evaluator puts
// on a rule are exercised, not only its results on a small plan (fuzz_rules): 10,000 measures under 400
// goals, a step budget and a memory limit small enough that rules which join, map or double texts over
// them reach it. Whatever compiles must end in findings, with every stopped rule reported as an error
// finding and no crash, leak or unbounded growth (libFuzzer's -rss_limit_mb watches the last).
#include <cstddef>
#include <cstdint>
#include <string>

#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

namespace {

const planlint::Plan& large_plan() {
  static const planlint::Plan plan = [] {
    std::string text = "Hyvinvointisuunnitelma\nTavoitteita on neljäsataa. Kullakin 6-12 toimenpidettä.\n\n";
    for (int g = 1; g <= 400; ++g) {
      text += "TAVOITE " + std::to_string(g) + ". Tavoite numero " + std::to_string(g) + "\nToimenpide\tMittari\tVastuu\n";
      for (int m = 1; m <= 25; ++m) {
        text += "Lisätään ryhmiä " + std::to_string(m) + " kaikille ikäryhmille.\t";
        text += (m % 7 == 0 ? std::string() : "Ryhmien määrä " + std::to_string(m)) + "\tKunta\n";
      }
      text += "\n";
    }
    return planlint::read::read_plan(planlint::make_source("large.txt", text));
  }();
  return plan;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto set = planlint::rules::RuleSet::compile(
        {planlint::rules::RuleSource{"fuzz.rules", std::string(reinterpret_cast<const char*>(data), size)}});
    planlint::rules::EvalOptions options;
    options.step_budget = 300'000;                  // a few ms per rule; more is a finding, not a failure
    options.value_bytes_limit = std::size_t{4} << 20;  // 4 MiB: a few joins of every measure's text reach it
    (void)set.evaluate(large_plan(), options);
  } catch (const planlint::InputError&) {
  }
  return 0;
}
