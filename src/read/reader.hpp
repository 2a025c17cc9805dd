#pragma once
// Entry point of the readers: loads a document and reads it in its format.
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/plan.hpp"
#include "read/source.hpp"

namespace planlint::read {

// draft: plain text with tab-separated tables; blocks: text extracted from a PDF as blocks (a blank line
// after every line); layout: `pdftotext -layout` output (columns by spaces); markdown: Markdown with pipe
// tables (grammar/markdown.hpp).
enum class InputFormat { automatic, draft, blocks, layout, markdown };

// Reads `src` in `format`; `automatic` picks the format from the name (".md" is Markdown), else from the
// text (read/detect.hpp).
Plan read_plan(const Source& src, InputFormat format = InputFormat::automatic);

// The names users give formats on the command line and in configuration ("auto", "draft", …).
std::optional<InputFormat> input_format_from_string(std::string_view name);
std::vector<std::string> input_format_names();

}  // namespace planlint::read
