#pragma once
// What `planlint parse` prints: the document model as JSON (a documented contract), as CSV (one row per
// measure, for spreadsheets) and as a readable outline.
#include <string>

#include <nlohmann/json.hpp>

#include "model/plan.hpp"

namespace planlint::report {

nlohmann::ordered_json plan_to_json(const Plan& plan);
std::string plan_to_csv(const Plan& plan);
std::string plan_outline(const Plan& plan);

}  // namespace planlint::report
