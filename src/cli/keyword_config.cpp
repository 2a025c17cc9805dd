// --config and --no-config for the commands that only read documents (parse, diff): the configuration's
// [headings] and [columns] words, found as `check` finds the configuration, so that they read as check does.
#include <filesystem>
#include <optional>

#include "check/config.hpp"
#include "check/runner.hpp"
#include "cli/commands.hpp"

namespace planlint::cli {

void add_keyword_config_options(CLI::App& cmd, KeywordConfig& config) {
  auto* file = cmd.add_option("--config", config.file, "Use this configuration file's [headings] and [columns] instead of searching for .planlint.toml");
  auto* none = cmd.add_flag("--no-config", config.none, "Do not search for .planlint.toml");
  file->excludes(none);
}

grammar::ExtraKeywords configured_keywords(const KeywordConfig& config, const std::string& document) {
  std::optional<check::Config> fixed;
  if (!config.file.empty()) fixed = check::load_config(config.file);
  check::ConfigFinder finder;
  const std::filesystem::path dir =
      document == "-" ? std::filesystem::current_path() : std::filesystem::absolute(document).parent_path();
  return check::document_settings(document, dir, fixed ? &*fixed : nullptr, !config.none, finder, {}).keywords;
}

}  // namespace planlint::cli
