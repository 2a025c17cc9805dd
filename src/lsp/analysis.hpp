#pragma once
// One version of an open document, checked exactly as `planlint check` checks the file: the same settings
// lookup (lsp documents' directories, .planlint.toml), the same rule sets, suppressions and findings.
#include <cstdint>
#include <filesystem>
#include <map>
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
  // The editor's language (initialize's `locale`: "fi", "fi-FI", "en-US"), for the messages when neither
  // --lang nor `lang` in the configuration sets one; before the locale of the server's environment.
  std::optional<std::string> client_language;
};

struct DocumentText {
  std::string uri;
  long long version = 0;
  std::string text;
  std::string language_id;  // didOpen's languageId: "markdown" reads the text as Markdown whatever its name
};

struct Analysis {
  long long version = 0;
  std::optional<Source> source;      // absent when the text is not a loadable document
  std::optional<Plan> plan;
  std::vector<Finding> findings;
  nlohmann::json diagnostics = nlohmann::json::array();  // diagnostics[i] is findings[i]; or one input error
  MeasureAllowance allowance;
};

// What a file was when it was read (or looked for). Any difference means it was created, deleted or
// rewritten: editors that save by writing a new file and renaming it give a new inode, even when the size
// and the modification time (to the filesystem's resolution) stay the same.
struct FileStamp {
  bool exists = false;
  bool regular = false;
  std::int64_t mtime_ns = 0;
  std::uintmax_t size = 0;
  std::uintmax_t device = 0, inode = 0;
  bool operator==(const FileStamp&) const = default;
};
FileStamp stamp_of(const std::string& path);

// Configuration and compiled rules, shared by the analyses of all documents; reset() forgets them when
// configuration or rule files change. Used by one thread at a time (the server's worker).
class AnalysisContext {
 public:
  explicit AnalysisContext(ServerOptions options);
  std::shared_ptr<const Analysis> analyse(const DocumentText& doc);
  void reset();
  const ServerOptions& options() const { return options_; }
  void set_client_language(std::optional<std::string> language) { options_.client_language = std::move(language); }

  // Has a configuration or rule file that decided a check since the last reset() been created, deleted or
  // rewritten on disk? Not every editor reports such changes (Neovim 0.7 watches no files, and attaches
  // the server only to the buffers it is told to), so the server asks before each check and answer.
  bool inputs_changed() const;

 private:
  check::Settings settings_for(const std::string& path);
  std::string docs_href(const rules::RuleInfo& rule) const;
  // Records a file's stamp, unless it is recorded since the last reset(): the stamp of the version that
  // was read must stay, or a change between two checks would be missed.
  void watch(const std::string& path);
  void watch_config_candidates(const std::filesystem::path& dir);  // .planlint.toml up to the nearest one
  void watch_rule_paths(const std::vector<std::string>& paths);    // files, and directories' *.rules

  ServerOptions options_;
  std::map<std::string, FileStamp> watched_;
  std::unique_ptr<check::ConfigFinder> finder_;
  std::optional<check::Config> fixed_;
  check::RuleSetCache cache_;
};

// The goal-measure-count rule's effective `min` and `max` under `settings` (its defaults with the
// configuration laid over them).
MeasureAllowance measure_allowance(const check::Settings& settings, const rules::RuleSet& rules);

}  // namespace planlint::lsp
