#include "model/plan.hpp"

#include <algorithm>

#include "grammar/keywords.hpp"

namespace planlint {

std::span<const ExtraCell> PlanText::keep_cells(std::span<const ExtraCell> cells) {
  if (cells.empty()) return {};
  if (block_size_ - cells_used_ < cells.size()) {
    // Blocks grow from 64 cells to 4096 (256 KB), so that a small plan does not take a large block, and a
    // row of more cells than that gets a block of its own size.
    constexpr std::size_t first_block = 64, largest_block = 4096;
    block_size_ = std::max(cells.size(), std::min(largest_block, block_size_ ? 2 * block_size_ : first_block));
    cell_blocks_.push_back(std::make_unique<ExtraCell[]>(block_size_));
    cells_used_ = 0;
  }
  ExtraCell* const at = cell_blocks_.back().get() + cells_used_;
  std::copy(cells.begin(), cells.end(), at);
  cells_used_ += cells.size();
  return {at, cells.size()};
}

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

GoalLevel level_of(const Plan& plan, const Goal& goal) {
  const auto& doc = plan.text->document();
  if (!doc || goal.heading.end.offset > doc->size() || goal.heading.begin.offset >= goal.heading.end.offset) return GoalLevel::goal;
  const std::string_view heading = std::string_view(*doc).substr(goal.heading.begin.offset, goal.heading.end.offset - goal.heading.begin.offset);
  return grammar::heading_level(heading) == grammar::role::benefit_goal ? GoalLevel::benefit_goal : GoalLevel::goal;
}

void add_goal(Plan& plan, Goal goal) {
  goal.area = static_cast<int>(plan.areas.size()) - 1;
  goal.parent = -1;
  if (goal.parent_number != 0 && !plan.goals.empty() && plan.goals.back().area == goal.area) {
    const Goal& before = plan.goals.back();  // the parent itself, or a sub-goal that knows it
    goal.parent = before.parent_number == 0 ? static_cast<int>(plan.goals.size()) - 1 : before.parent;
  }
  plan.goals.push_back(std::move(goal));
}

std::string label_of(int number, int parent_number) {
  return parent_number == 0 ? std::to_string(number) : std::to_string(parent_number) + "." + std::to_string(number);
}

const char* to_string(GoalLevel level) { return level == GoalLevel::benefit_goal ? "benefit_goal" : "goal"; }

}  // namespace planlint
