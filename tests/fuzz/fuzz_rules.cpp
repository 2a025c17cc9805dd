// libFuzzer harness: the rule-language compiler on any text. A rule file either compiles or is rejected
// with an InputError; a rule set that compiles is also evaluated against a small plan, and against it with
// an older version of it (so that cross-version rules run too), so that whatever the compiler accepts the
// evaluator can run (within its step budget).
#include <cstddef>
#include <cstdint>
#include <string>

#include "diff/plan_diff.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

namespace {

const planlint::Plan& sample_plan() {
  static const planlint::Plan plan = planlint::read::read_plan(planlint::make_source(
      "plan.txt",
      "Hyvinvointisuunnitelma\nLUONNOS\nTavoitteita on kaksi. Kullakin 6-12 toimenpidettä.\n\n"
      "- TAVOITE 1. Liikunta\n- TAVOITE 2. Kulttuuri\n\n"
      "<!-- planlint-disable-next-line table-header -->\n"
      "TAVOITE 1. Liikunta\nToimenpide\tMittari\tVastuu\nLisätään ryhmiä.\tRyhmien määrä\tKunta\n"
      "Tuetaan seuroja.\t\tSeurat\nPuistot\n\nTAVOITE 3. Kulttuuri\nA\tB\nA\tB\tC\tD\n"));
  return plan;
}

// An older version of sample_plan(): goal 2 instead of 3, a measure that is gone, another indicator.
const planlint::Plan& old_plan() {
  static const planlint::Plan plan = planlint::read::read_plan(planlint::make_source(
      "old.txt",
      "Hyvinvointisuunnitelma\nTavoitteita on kaksi. Kullakin 5-10 toimenpidettä.\n\n"
      "TAVOITE 1. Liikunta\nToimenpide\tMittari\nLisätään ryhmiä.\tRyhmien lukumäärä\nAvataan halli.\tKäynnit\n\n"
      "TAVOITE 2. Kulttuuri\nToimenpide\tMittari\nTuetaan seuroja.\tSeurojen määrä\n"));
  return plan;
}

// The two matched as `planlint check --against` matches them.
const planlint::VersionMatch& versions() {
  static const planlint::VersionMatch match = planlint::diff::diff_plans(old_plan(), sample_plan()).match();
  return match;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto set = planlint::rules::RuleSet::compile(
        {planlint::rules::RuleSource{"fuzz.rules", std::string(reinterpret_cast<const char*>(data), size)}});
    planlint::rules::EvalOptions options;
    options.step_budget = 100'000;  // keeps each input fast; exceeding it is a finding, not a failure
    (void)set.evaluate(sample_plan(), options);
    (void)set.evaluate(sample_plan(), options, &versions());
  } catch (const planlint::InputError&) {
  }
  return 0;
}
