#include "read/reader.hpp"

#include "read/draft_reader.hpp"

namespace planlint::read {

Plan read_plan(const Source& src, InputFormat format) {
  switch (format) {
    case InputFormat::automatic:
    case InputFormat::draft: return read_draft(src);
  }
  return read_draft(src);
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  if (name == "auto") return InputFormat::automatic;
  if (name == "draft") return InputFormat::draft;
  return std::nullopt;
}

std::vector<std::string> input_format_names() { return {"auto", "draft"}; }

}  // namespace planlint::read
