#include "model/error.hpp"

#include <fmt/format.h>

namespace planlint {

std::string InputError::describe() const {
  if (where_) return fmt::format("{}:{}:{}: error: {}", file_, where_->line, where_->column, what());
  return fmt::format("{}: error: {}", file_, what());
}

}  // namespace planlint
