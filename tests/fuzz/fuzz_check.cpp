// libFuzzer harness: the `check` pipeline on one document: read it, evaluate the built-in rules, apply the
// in-document suppressions, and render the findings in every output format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "check/runner.hpp"
#include "check/suppression.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "report/findings.hpp"

#include "builtin_rules.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pl = planlint;
  pl::check::CheckResult result;
  pl::check::DocumentResult d;
  d.file = "fuzz.txt";
  try {
    d.source = pl::make_source("fuzz.txt", std::string(reinterpret_cast<const char*>(data), size));
    const pl::Plan plan = pl::read::read_plan(*d.source);
    d.findings = pl::check::apply_suppressions(plan, planlint::fuzz::builtin_rules().evaluate(plan), true);
  } catch (const pl::InputError& e) {
    d.error = e.describe();
  }
  result.documents.push_back(std::move(d));
  result.rules = planlint::fuzz::builtin_rules().rules();
  (void)pl::report::findings_text(result, {true, true});
  (void)pl::report::findings_json(result);
  (void)pl::report::findings_sarif(result, "/work", result.has_errors() ? 2 : 1);
  (void)pl::report::findings_github(result);
  return 0;
}
