#pragma once
// Which format a plan text is in, from the shape of its lines (not its words): tab-separated tables make a
// draft; wide runs of spaces between text, or form feeds, make `pdftotext -layout` text; a blank line
// after (nearly) every line makes PDF block text.
#include <string_view>

namespace planlint::read {

enum class DetectedFormat { draft, blocks, layout };

struct FormatEvidence {
  std::size_t lines = 0;         // lines with text
  std::size_t tab_rows = 0;      // lines with text on both sides of a tab
  std::size_t wide_gaps = 0;     // lines with a run of three or more spaces between text
  std::size_t form_feeds = 0;
  std::size_t alternating = 0;   // lines with text followed by a blank line (or the end)
};

FormatEvidence format_evidence(std::string_view text);
DetectedFormat detect_format(std::string_view text);

}  // namespace planlint::read
