#include "read/reader.hpp"

#include "read/blocks_reader.hpp"
#include "read/detect.hpp"
#include "read/draft_reader.hpp"
#include "read/layout_reader.hpp"
#include "read/markdown_reader.hpp"

namespace planlint::read {

Plan read_plan(const Source& src, InputFormat format) {
  if (format == InputFormat::automatic) {
    const std::optional<DetectedFormat> by_name = format_of_name(src.name);
    switch (by_name ? *by_name : detect_format(src.text())) {
      case DetectedFormat::draft: format = InputFormat::draft; break;
      case DetectedFormat::blocks: format = InputFormat::blocks; break;
      case DetectedFormat::layout: format = InputFormat::layout; break;
      case DetectedFormat::markdown: format = InputFormat::markdown; break;
    }
  }
  switch (format) {
    case InputFormat::blocks: return read_blocks(src);
    case InputFormat::layout: return read_layout(src);
    case InputFormat::markdown: return read_markdown(src);
    case InputFormat::automatic:
    case InputFormat::draft: return read_draft(src);
  }
  return read_draft(src);
}

std::optional<InputFormat> input_format_from_string(std::string_view name) {
  if (name == "auto") return InputFormat::automatic;
  if (name == "draft") return InputFormat::draft;
  if (name == "blocks") return InputFormat::blocks;
  if (name == "layout") return InputFormat::layout;
  if (name == "markdown") return InputFormat::markdown;
  return std::nullopt;
}

std::vector<std::string> input_format_names() { return {"auto", "draft", "blocks", "layout", "markdown"}; }

}  // namespace planlint::read
