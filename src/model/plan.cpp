#include "model/plan.hpp"

namespace planlint {

Declared declared(const Plan& plan) {
  Declared d;
  for (const Claim& c : plan.claims) {
    if (c.kind == ClaimKind::goal_count && d.goal_count == nullptr) d.goal_count = &c;
    if (c.kind == ClaimKind::measure_range && d.measure_range == nullptr) d.measure_range = &c;
  }
  return d;
}

const char* to_string(ClaimKind kind) {
  switch (kind) {
    case ClaimKind::goal_count: return "goal_count";
    case ClaimKind::measure_range: return "measure_range";
  }
  return "unknown";
}

}  // namespace planlint
