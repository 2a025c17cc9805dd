#pragma once
// `planlint check`'s engine room: expands paths to documents, finds each one's configuration, compiles
// the rule sets it needs (once each), reads and checks documents in parallel, applies suppressions and
// the baseline. Results come back in a stable order, whatever the number of threads.
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "check/baseline.hpp"
#include "check/config.hpp"
#include "model/finding.hpp"
#include "model/plan.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

namespace planlint::check {

struct DocumentResult;

struct CheckRequest {
  std::vector<std::string> paths;           // files, directories, "-" for standard input
  Settings command_line;                    // laid over each document's configuration
  std::optional<std::string> config_file;   // --config: use this file instead of searching
  bool search_config = true;                // --no-config: false
  unsigned jobs = 0;                        // 0: all cores
  const Baseline* baseline = nullptr;
  // --against OLD: the old version for the cross-version rules. A file: exactly one NEW document (a file or
  // "-"). A directory: every NEW path is a directory, and each document found there is compared with the
  // file at the same relative path under OLD (a document without one is new: only single-version rules).
  std::optional<std::string> against;
  // Streaming output (issue 17): when set, each document's result is handed here in input order as soon as
  // it and every document before it are checked (one call at a time, from the checking threads), and is not
  // kept in CheckResult::documents: a run's memory is then that of the documents in flight, whatever their
  // number.
  std::function<void(DocumentResult&&)> on_document;
};

// A goal as a report lists it (the HTML report's chart and grouping), kept after the plan is gone.
struct GoalSummary {
  std::string label;           // "2", "1.2"
  std::string title;
  std::uint32_t offset = 0;    // where its heading begins: findings from here to the next goal's are its own
  std::size_t measures = 0;
  bool counted = true;         // its measures are counted against the range (a goal, not a benefit goal
                               // or a goal whose measures are in its sub-goals)
};
// The range of measures per goal the plan is held to, and where it comes from.
struct MeasureRange {
  int min = 0, max = 0;
  enum class Origin { declared, configured, planlint_default } from;  // the plan's, the configuration's, or none
};

struct DocumentResult {
  std::string file;
  std::vector<GoalSummary> goals;     // the document's goals, in order (empty when it was not read)
  std::optional<MeasureRange> range;  // goal-measure-count's, or the plan's own when it declares one
  std::optional<Source> source;     // for showing source lines
  std::vector<Finding> findings;    // after suppressions and baseline
  std::optional<std::string> error; // a one-line InputError description, when the document could not be checked
  Severity fail_on = Severity::error;
  std::size_t baselined = 0;        // findings the baseline absorbed
  std::string message_language = "en";  // of its findings' messages and of the places reports name
};

struct CheckResult {
  std::vector<DocumentResult> documents;  // empty when CheckRequest::on_document took them
  std::vector<std::string> errors;        // errors not tied to one document (paths, rule files, configuration)
  std::vector<rules::RuleInfo> rules;     // every rule that was in force for some document, by id
  bool failed() const;                    // a finding at or above its document's threshold
  bool has_errors() const;
};

CheckResult run_check(const CheckRequest& request);

// One compiled rule set per distinct (built-ins?, rule paths), shared by every document that uses it.
// Thread-safe.
class RuleSetCache {
 public:
  const rules::RuleSet& get(const Settings& settings);
  void clear();  // after rule files changed

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<rules::RuleSet>> sets_;
};

// A document read and checked under `settings`: the plan, and the findings after in-document suppressions
// (no baseline). With `old_version`, the cross-version rules compare it with the document. Throws
// InputError when the document or its settings cannot be used.
struct CheckedDocument {
  Plan plan;
  std::vector<Finding> findings;
  const rules::RuleSet* rules = nullptr;
};
CheckedDocument check_source(const Source& source, const Settings& settings, RuleSetCache& cache,
                             const Plan* old_version = nullptr);
// The same for a plan already read from `source` (a .docx, .odt or PDF is read through text rendered from
// it: read/document.hpp).
CheckedDocument check_plan(const Source& source, Plan plan, const Settings& settings, RuleSetCache& cache,
                           const Plan* old_version = nullptr);

// The settings of one document as `planlint check` finds them: `fixed` (--config) when given, else the
// nearest .planlint.toml above `config_dir` when `search_config`, else none; `command_line` on top.
// Throws InputError for a broken configuration file.
Settings document_settings(const std::string& path, const std::filesystem::path& config_dir, const Config* fixed,
                           bool search_config, ConfigFinder& finder, const Settings& command_line);

// Rule sources from files and directories (directories: every *.rules file below, sorted).
std::vector<rules::RuleSource> load_rule_sources(const std::vector<std::string>& paths);

// The rule set for a configuration layer: built-ins (unless disabled) plus its rule paths.
rules::RuleSet compile_rules(const Settings& settings);

// Checks the rule ids and globs of every layer of `config` — its base and each [[override]], whether or not
// it applies to a document being checked — with `command_line` on top, against the rules each layer loads.
// Throws InputError (file:line:col of the name) for the first that names no rule.
void check_config_rule_names(const Config& config, const Settings& command_line, RuleSetCache& cache);

// Turns settings into evaluation options, checking rule ids, globs and parameters against `rules` (an id or
// glob that names no rule throws InputError, with a did-you-mean where one is near).
rules::EvalOptions eval_options(const Settings& settings, const rules::RuleSet& rules);

}  // namespace planlint::check
