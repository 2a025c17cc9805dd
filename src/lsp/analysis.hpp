#pragma once
// One version of an open document, checked exactly as `planlint check` checks the file: the same settings
// lookup (lsp documents' directories, .planlint.toml), the same rule sets, suppressions and findings.
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "check/config.hpp"
#include "check/runner.hpp"
#include "lsp/features.hpp"

namespace planlint::lsp {

// How the server was started (`planlint lsp` options, as for `planlint check`).
struct ServerOptions {
  check::Settings command_line;             // --rules, --no-default-rules
  std::optional<std::string> config_file;   // --config
  bool search_config = true;                // --no-config: false
  // codeDescription links: "{rule}" in the template is replaced by the rule id. Empty: a file:// URI of the
  // file that defines the rule, when that file exists (built-in rules: under `builtin_rules_dir`).
  std::string rule_docs_url;
  std::string builtin_rules_dir;
};

struct DocumentText {
  std::string uri;
  long long version = 0;
  std::string text;
};

struct Analysis {
  long long version = 0;
  std::optional<Source> source;      // absent when the text is not a loadable document
  std::optional<Plan> plan;
  std::vector<Finding> findings;
  nlohmann::json diagnostics = nlohmann::json::array();  // diagnostics[i] is findings[i]; or one input error
  MeasureAllowance allowance;
};

// Configuration and compiled rules, shared by the analyses of all documents; reset() forgets them when
// configuration or rule files change. Used by one thread at a time (the server's worker).
class AnalysisContext {
 public:
  explicit AnalysisContext(ServerOptions options);
  std::shared_ptr<const Analysis> analyse(const DocumentText& doc);
  void reset();
  const ServerOptions& options() const { return options_; }

 private:
  check::Settings settings_for(const std::string& path);
  std::string docs_href(const rules::RuleInfo& rule) const;

  ServerOptions options_;
  std::unique_ptr<check::ConfigFinder> finder_;
  std::optional<check::Config> fixed_;
  check::RuleSetCache cache_;
};

// The goal-measure-count rule's effective `min` and `max` under `settings` (its defaults with the
// configuration laid over them).
MeasureAllowance measure_allowance(const check::Settings& settings, const rules::RuleSet& rules);

}  // namespace planlint::lsp
