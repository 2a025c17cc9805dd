#pragma once
// Renderers of `planlint check` results, one file each: text (gcc/clang style), json, sarif, github, html.
#include <string>

#include "check/runner.hpp"

namespace planlint::report {

struct TextOptions {
  bool color = false;
  bool show_source = true;  // the source line and a caret under the range
};

std::string findings_text(const check::CheckResult& result, const TextOptions& options);
std::string findings_json(const check::CheckResult& result);
// SARIF 2.1.0; artifact URIs are percent-encoded and, under `base_dir` (the working directory), relative
// to %SRCROOT%. `exit_code` is the run's (2: it failed, executionSuccessful is false).
std::string findings_sarif(const check::CheckResult& result, const std::string& base_dir, int exit_code);
std::string findings_github(const check::CheckResult& result);
// One self-contained HTML page: per document a chart of its goals' measure counts against the allowed
// range, and the findings grouped by goal with their places, quotes and fixes.
std::string findings_html(const check::CheckResult& result);

// The one-line summary that ends text output ("2 warnings in 1 file").
std::string findings_summary(const check::CheckResult& result);

// Where a finding is, as people and tools know it: "file:line:col", or for a document that is not text
// "file: table 1, row 9, column 2" (Finding::where).
std::string finding_place(const Finding& f);

// The text of `r` on one line, at most `max` code points ("…" where cut); when `r` is empty, the text from
// its start to the end of the line. A short quote shows a user of a .docx or PDF which text is meant.
std::string quote_of(const Source& src, const SourceRange& r, std::size_t max = 80);

}  // namespace planlint::report
