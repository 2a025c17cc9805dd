// libFuzzer harness: two versions of a plan through the diff and the cross-version rules. The input holds
// the old version, a form feed (\f), then the new version; without a form feed both versions are the
// input itself. Each is loaded and read as `planlint diff` and `check --against` do; inputs that either
// version fails to load or read are left to fuzz_draft. The plans are diffed with the default options and
// with every measure and goal paired as loosely as possible, each diff is rendered in every format, and
// the built-in version-* rules are evaluated on the pair. Anything but a clean return is a bug.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "diff/plan_diff.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "report/diff.hpp"
#include "rules/engine.hpp"

#include "builtin_rules.hpp"

namespace {

std::optional<planlint::Source> load(const char* name, std::string_view bytes) {
  try {
    return planlint::make_source(name, std::string(bytes));
  } catch (const planlint::InputError&) {
    return std::nullopt;
  }
}

void render(const planlint::diff::PlanDiff& d) {
  namespace report = planlint::report;
  (void)report::diff_text(d, {false});
  (void)report::diff_text(d, {true});
  (void)report::diff_markdown(d);
  (void)report::diff_html(d);
  (void)report::diff_json(d);
  (void)report::diff_summary(d);
  // Every index a change holds points into the diff's own lists.
  for (const auto& c : d.changes) {
    if (c.goal_pair != planlint::diff::none && c.goal_pair >= d.goals.size()) __builtin_trap();
    if (c.measure_pair != planlint::diff::none && c.measure_pair >= d.measures.size()) __builtin_trap();
    if (c.claim_pair != planlint::diff::none && c.claim_pair >= d.claims.size()) __builtin_trap();
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace pl = planlint;
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const std::size_t split = input.find('\f');
  const std::string_view old_bytes = split == std::string_view::npos ? input : input.substr(0, split);
  const std::string_view new_bytes = split == std::string_view::npos ? input : input.substr(split + 1);
  const auto old_source = load("old.txt", old_bytes);
  const auto new_source = load("new.txt", new_bytes);
  if (!old_source || !new_source) return 0;
  try {
    const pl::Plan old_plan = pl::read::read_plan(*old_source);
    const pl::Plan new_plan = pl::read::read_plan(*new_source);
    const pl::diff::PlanDiff diff = pl::diff::diff_plans(old_plan, new_plan);
    render(diff);
    pl::diff::DiffOptions loose;
    loose.measure_threshold = 0;
    loose.goal_threshold = 0;
    loose.show_order = true;
    render(pl::diff::diff_plans(old_plan, new_plan, loose));
    pl::rules::EvalOptions options;
    options.source_text = new_source->bytes;
    options.enabled = [](std::string_view id) { return id.substr(0, 8) == "version-"; };
    const pl::VersionMatch versions = diff.match();  // the cross-version rules read the pairs rendered above
    (void)planlint::fuzz::builtin_rules().evaluate(new_plan, options, &versions);
  } catch (const pl::InputError&) {
    return 0;  // a version that is not a plan: the reader's own message, as fuzz_draft checks
  }
  return 0;
}
