#include <fmt/format.h>
#include <fmt/ranges.h>

#include "cli/commands.hpp"

namespace planlint::cli {

void add_input_format_option(CLI::App& cmd, read::InputFormat& format) {
  const auto names = read::input_format_names();
  cmd.add_option_function<std::string>(
         "--input-format",
         [&format](const std::string& name) {
           const auto f = read::input_format_from_string(name);
           if (!f) throw CLI::ValidationError("--input-format", "unknown input format '" + name + "'");
           format = *f;
         },
         fmt::format("Input format: {} (default: auto, detected from the text)", fmt::join(names, ", ")))
      ->check(CLI::IsMember(names));
}

}  // namespace planlint::cli
