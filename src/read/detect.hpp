#pragma once
// Which format a plan text is in, from the shape of its lines (not its words): tab-separated tables make a
// draft; wide runs of spaces between text, or form feeds, make `pdftotext -layout` text; a blank line
// after (nearly) every line makes PDF block text; a Markdown table's delimiter row ("|---|---|"), or ATX
// headings ("## …"), make Markdown. A name ending in ".md" makes Markdown whatever the text.
#include <optional>
#include <string_view>

namespace planlint::read {

enum class DetectedFormat { draft, blocks, layout, markdown };

struct FormatEvidence {
  std::size_t lines = 0;         // lines with text
  std::size_t tab_rows = 0;      // lines with text on both sides of a tab
  std::size_t wide_gaps = 0;     // lines with a run of three or more spaces between text
  std::size_t form_feeds = 0;
  std::size_t alternating = 0;   // lines with text followed by a blank line (or the end)
  std::size_t table_delimiters = 0;  // lines that are a Markdown pipe table's delimiter row ("|---|:--:|"), or a header
                                     // row with pipes that names a measure column ("Toimenpide | Mittari")
  std::size_t atx_headings = 0;      // lines that open with "#" to "######" and a blank
};

FormatEvidence format_evidence(std::string_view text);
DetectedFormat detect_format(std::string_view text);

// The format a document's name gives it: Markdown for ".md" and ".markdown" (in any case); nullopt for
// other names, whose text decides.
std::optional<DetectedFormat> format_of_name(std::string_view name);

}  // namespace planlint::read
