#pragma once
// Renderers of `planlint check` results, one file each: text (gcc/clang style), json, sarif, github, html.
#include <map>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/runner.hpp"

namespace planlint::report {

struct TextOptions {
  bool color = false;
  bool show_source = true;  // the source line and a caret under the range
  std::string language = "en";  // of the summary line (each document's findings: its message_language)
};

std::string findings_text(const check::CheckResult& result, const TextOptions& options);
std::string findings_json(const check::CheckResult& result);
// SARIF 2.1.0; artifact URIs are percent-encoded and, under `base_dir` (the working directory), relative
// to %SRCROOT%. `exit_code` is the run's (2: it failed, executionSuccessful is false).
std::string findings_sarif(const check::CheckResult& result, const std::string& base_dir, int exit_code,
                           std::string_view language = "en");
// The same log streamed: begin(), each document's results, then end() with what is known only then.
class SarifWriter {
 public:
  // `language`: of the messages ("en", "fi"): the run's `language` and the rules' summaries.
  explicit SarifWriter(std::string base_dir, std::string language = "en");
  std::string begin() const;
  std::string document(const check::DocumentResult& d);
  std::string end(const std::vector<rules::RuleInfo>& rules_in_force, const std::vector<std::string>& errors, int exit_code);

 private:
  std::string base_dir_;
  std::string language_;
  bool any_ = false;
  std::map<std::string, std::size_t> rule_index_;  // by first use
  std::vector<std::string> rule_order_;
  std::vector<nlohmann::ordered_json> notifications_;  // documents that could not be checked
};
std::string findings_github(const check::CheckResult& result);
// One self-contained HTML page: per document a chart of its goals' measure counts against the allowed
// range, and the findings grouped by goal with their places, quotes and fixes.
std::string findings_html(const check::CheckResult& result, std::string_view language = "en");

// The one-line summary that ends text output ("2 warnings in 1 file").
std::string findings_summary(const check::CheckResult& result, std::string_view language = "en");

// Streaming output (issue 17): the same reports written a document at a time, in input order, as each one
// is checked (CheckRequest::on_document), so that no document is kept to the end. Concatenated, the parts
// are byte for byte the whole-result report above.
std::string document_text(const check::DocumentResult& d, const TextOptions& options);
std::string document_github(const check::DocumentResult& d);
// JSON: "[" first, then each document's findings as elements of the array (`any`: an element was written
// before, and is set once one is), then json_end(any).
std::string document_json(const check::DocumentResult& d, bool& any);
std::string json_end(bool any);
// HTML: html_begin(), each document_html(), then html_end() with the summary and the run's errors.
std::string html_begin(std::string_view language);
std::string document_html(const check::DocumentResult& d);
// What the summary counts, added up a document at a time.
struct Totals {
  std::size_t counts[3] = {0, 0, 0};  // by Severity
  std::size_t baselined = 0, errors = 0, documents = 0;
  void add(const check::DocumentResult& d);
};
std::string findings_summary(const Totals& totals, std::string_view language = "en");
std::string html_end(const Totals& totals, const std::vector<std::string>& errors, std::string_view language);

// Where a finding is, as people and tools know it: "file:line:col", or for a document that is not text
// "file: table 1, row 9, column 2" (Finding::where).
// In the messages' language: "taulukko 1, rivi 9, sarake 2".
std::string finding_place(const Finding& f, std::string_view language = "en");

// The text of `r` on one line, at most `max` code points ("…" where cut); when `r` is empty, the text from
// its start to the end of the line. A short quote shows a user of a .docx or PDF which text is meant.
std::string quote_of(const Source& src, const SourceRange& r, std::size_t max = 80);

}  // namespace planlint::report
