#pragma once
// An error that stops planlint from reading an input (a document, a rule file, a configuration): it names
// the file and, where there is one, the line and column. Printed as `file:line:col: error: message`.
#include <optional>
#include <stdexcept>
#include <string>

#include "model/source_range.hpp"

namespace planlint {

class InputError : public std::runtime_error {
 public:
  InputError(std::string file, std::string message, std::optional<SourcePosition> where = std::nullopt)
      : std::runtime_error(message), file_(std::move(file)), where_(where) {}

  const std::string& file() const { return file_; }
  const std::optional<SourcePosition>& where() const { return where_; }
  // One line, gcc style.
  std::string describe() const;

 private:
  std::string file_;
  std::optional<SourcePosition> where_;
};

}  // namespace planlint
