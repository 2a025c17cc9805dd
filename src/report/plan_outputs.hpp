#pragma once
// What `planlint parse` prints: the document model as JSON (a documented contract), as CSV (one row per
// measure, for spreadsheets) and as a readable outline.
#include <cstdio>
#include <string>

#include <nlohmann/json.hpp>

#include "model/plan.hpp"

namespace planlint::report {

nlohmann::ordered_json plan_to_json(const Plan& plan);
// plan_to_json(plan).dump(2) and a line break, written to `out` a goal at a time.
void write_plan_json(const Plan& plan, std::FILE* out);
std::string plan_to_csv(const Plan& plan);
std::string plan_outline(const Plan& plan);

}  // namespace planlint::report
