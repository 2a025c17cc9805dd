#include "check/locations.hpp"

namespace planlint::check {

void attach_locations(const Plan& plan, std::vector<Finding>& findings) {
  if (!plan.locations) return;
  for (Finding& f : findings) {
    f.where = plan.locations->at(f.range.begin.offset).value_or(Locator{});
    f.fixes.clear();
  }
}

}  // namespace planlint::check
