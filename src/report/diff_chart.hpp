#pragma once
// The HTML report's chart: measures per goal in both versions against the declared range, as inline SVG.
#include <string>

#include "diff/plan_diff.hpp"

namespace planlint::report {

std::string measure_count_chart(const diff::PlanDiff& d);

}  // namespace planlint::report
