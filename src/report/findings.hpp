#pragma once
// Renderers of `planlint check` results, one file each: text (gcc/clang style), json, sarif, github.
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

// The one-line summary that ends text output ("2 warnings in 1 file").
std::string findings_summary(const check::CheckResult& result);

}  // namespace planlint::report
