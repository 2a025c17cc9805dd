#include "read/detect.hpp"

#include <string>

#include "grammar/markdown.hpp"

namespace planlint::read {
namespace {

bool is_blank(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\f'; }

bool has_text(std::string_view line) {
  for (char c : line) {
    if (!is_blank(c)) return true;
  }
  return false;
}

// "|---|:--:|", "--- | ---": only pipes, dashes, colons and blanks, with a pipe and a run of dashes.
bool is_table_delimiter(std::string_view line) {
  bool pipe = false, dash = false;
  for (char c : line) {
    if (c == '|') pipe = true;
    else if (c == '-') dash = true;
    else if (c != ':' && !is_blank(c)) return false;
  }
  return pipe && dash;
}

// "# Title", "### TAVOITE 1. …" (up to three blanks before).
bool is_atx_heading(std::string_view line) {
  const std::size_t start = line.find_first_not_of(' ');
  if (start == std::string_view::npos || start > 3) return false;
  const std::size_t end = line.find_first_not_of('#', start);
  const std::size_t hashes = (end == std::string_view::npos ? line.size() : end) - start;
  return hashes >= 1 && hashes <= 6 && end != std::string_view::npos && (line[end] == ' ' || line[end] == '\t');
}

// The evidence of the lines of `text`, up to the line that brings the tab rows to `enough_tab_rows`.
FormatEvidence scan(std::string_view text, std::size_t enough_tab_rows) {
  FormatEvidence e;
  bool previous_had_text = false;
  std::size_t pos = 0;
  while (pos <= text.size()) {
    const std::size_t nl = text.find('\n', pos);
    const std::string_view line = text.substr(pos, nl == std::string_view::npos ? std::string_view::npos : nl - pos);
    for (char c : line) e.form_feeds += c == '\f' ? 1 : 0;
    const bool text_line = has_text(line);
    if (!text_line && previous_had_text) ++e.alternating;
    if (text_line) {
      ++e.lines;
      const std::size_t first = line.find_first_not_of(" \t\f");
      const std::size_t last = line.find_last_not_of(" \t\r\f");
      const std::string_view inner = line.substr(first, last - first + 1);
      if (inner.find('\t') != std::string_view::npos) ++e.tab_rows;
      if (inner.find("   ") != std::string_view::npos) ++e.wide_gaps;
      if (is_table_delimiter(line) || grammar::markdown::names_measure_column(line.data(), line.data() + line.size())) ++e.table_delimiters;
      if (is_atx_heading(line)) ++e.atx_headings;
    }
    previous_had_text = text_line;
    if (e.tab_rows >= enough_tab_rows) return e;
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  if (previous_had_text) ++e.alternating;  // the last line is followed by the end
  return e;
}

}  // namespace

FormatEvidence format_evidence(std::string_view text) { return scan(text, std::string_view::npos); }

DetectedFormat detect_format(std::string_view text) {
  // Two tab rows make a draft whatever follows, so the scan stops there: a draft (the common case) is
  // decided in its first lines, not in a pass over the whole document. Otherwise the scan reads all.
  const FormatEvidence e = scan(text, 2);
  if (e.tab_rows >= 2) return DetectedFormat::draft;
  // Before the layout test: a Markdown table padded for reading has wide gaps too.
  if (e.table_delimiters > 0 || e.atx_headings >= 2) return DetectedFormat::markdown;
  const std::size_t some = e.lines / 5 > 3 ? e.lines / 5 : 3;
  if (e.form_feeds > 0 || e.wide_gaps >= some) return DetectedFormat::layout;
  if (e.lines >= 4 && e.alternating * 10 >= e.lines * 7) return DetectedFormat::blocks;
  return DetectedFormat::draft;
}

std::optional<DetectedFormat> format_of_name(std::string_view name) {
  const std::size_t dot = name.rfind('.');
  if (dot == std::string_view::npos || name.find_first_of("/\\", dot) != std::string_view::npos) return std::nullopt;
  std::string ext;
  for (char c : name.substr(dot + 1)) ext += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  if (ext == "md" || ext == "markdown") return DetectedFormat::markdown;
  return std::nullopt;
}

}  // namespace planlint::read
