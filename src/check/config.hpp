#pragma once
// Configuration: `.planlint.toml`, found by walking up from each document's directory (the nearest one
// applies, as with .clang-tidy). Command-line flags are applied on top of it.
//
//   rule-paths = ["team-rules/"]       # more rule files or directories, relative to this file
//   default-rules = true               # false: only the rules listed above
//   select = ["-*", "goal-*"]          # ordered globs over rule ids; "-" disables; the last match wins
//   disable = ["duplicate-measure"]    # shorthand, applied after `select`
//   fail-on = "error"                  # error | warning | info
//   extensions = [".txt"]              # what a directory walk picks up
//   input-format = "auto"
//   language = "auto"                  # fi | sv | auto: the documents' language, for spelling (plan.language)
//   lang = "fi"                        # fi | en: the language of planlint's messages (--lang; else the environment)
//   against = "programme.txt"          # the old version, or the programme a report follows (as --against);
//                                      # relative to this file; mostly in an [[override]] for one document
//   [rules.goal-measure-count]         # per rule: severity and parameters
//   severity = "warning"
//   min = 7
//   [spelling]                         # words the `spelling` rule accepts (docs/rule-language.md)
//   words = ["Lifecare*", "hyte"]
//   word-files = ["words.txt"]         # relative to this file; one or more words a line, '#' comments
//   [[override]]                       # per path (globs relative to this file's directory)
//   paths = ["legacy/**"]
//   disable = ["table-header"]
//   [override.rules.goal-measure-count]
//   min = 5
#include <filesystem>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "grammar/keywords.hpp"
#include "model/finding.hpp"
#include "model/source_range.hpp"
#include "rules/engine.hpp"

namespace planlint::check {

struct ParamSetting {
  rules::ParamValue value;
  std::string file;      // the configuration file that set it, and where, for error messages
  SourcePosition where;
};

// Where a setting was written, for error messages: a configuration file and position, or a command-line
// option (`file` empty, `option` e.g. "--enable").
struct SettingOrigin {
  std::string file;
  std::optional<SourcePosition> where;
  std::string option;
};

struct RuleSettings {
  std::optional<Severity> severity;
  std::map<std::string, ParamSetting> params;
  SettingOrigin origin;  // of the [rules.<id>] key
};

// One layer of settings (a configuration file, one of its overrides, or the command line).
struct Settings {
  std::vector<std::string> rule_paths;  // absolute, or relative to the working directory
  std::optional<bool> default_rules;
  std::vector<std::string> select;      // "-glob" disables, "glob" enables; in order
  std::vector<SettingOrigin> select_origins;  // where each entry of `select` was written, where known
  std::optional<Severity> fail_on;
  std::vector<std::string> extensions;  // each with its dot (normalize_extension)
  std::optional<std::string> input_format;
  std::optional<std::string> language;  // "fi", "sv" or "auto" (checked when read)
  std::optional<std::string> lang;      // messages: "fi" or "en" (checked when read)
  std::optional<std::string> against;   // the document's old version or programme (path, resolved)
  std::map<std::string, RuleSettings> rules;
  std::vector<std::string> spelling_words;       // [spelling] words
  std::vector<std::string> spelling_word_files;  // [spelling] word-files, absolute or relative to the working directory
  grammar::ExtraKeywords keywords;  // [headings] and [columns]: the team's words added to the keyword table
  // Threads for one document's rules (EvalOptions::rule_threads): set by the program that checks (the
  // language server; run_check, from the cores no other document takes), never read from a configuration file.
  std::optional<unsigned> rule_threads;

  // Lays `top` over this layer: lists of rule paths and selections grow, single values are replaced.
  void merge(const Settings& top);
};

struct Config {
  std::string path;  // of the .planlint.toml, "" when there is none
  Settings base;
  struct Override {
    std::vector<std::string> paths;  // globs, relative to the configuration file's directory
    Settings settings;
  };
  std::vector<Override> overrides;

  // The settings for one document: the base, then every override whose paths match it.
  Settings for_document(const std::string& document) const;
};

inline constexpr const char* config_file_name = ".planlint.toml";

// The languages planlint's messages are written in (`lang`, --lang).
bool is_message_language(std::string_view code);
// The messages' language when neither --lang nor `lang` sets it: Finnish when the environment's locale for
// messages is Finnish (LC_ALL, else LC_MESSAGES, else LANG, as POSIX orders them: "fi_FI.UTF-8"), else English.
std::string message_language_from_environment();
// The messages' language for a document with these settings: `lang`, else the environment's.
std::string message_language_of(const Settings& s);

// Parses a configuration file; throws InputError with file:line:col on errors.
Config load_config(const std::string& path);

// The language of a run's own words (the summary line, a report's headings): `command_line.lang` (--lang),
// else `lang` of `config_file`, else (when `search`) of the .planlint.toml nearest to the first of `paths`
// (its directory, or the working directory for "-" or none), else the environment's. A configuration that
// cannot be read is left to the run, which reports it.
std::string run_message_language(const Settings& command_line, const std::optional<std::string>& config_file, bool search,
                                 const std::vector<std::string>& paths = {});

// Finds and loads the nearest configuration for documents in `dir`; caches by directory. Thread-safe.
class ConfigFinder {
 public:
  const Config& for_directory(const std::filesystem::path& dir);

 private:
  std::mutex mutex_;
  std::map<std::string, std::shared_ptr<const Config>> by_dir_;
  std::map<std::string, std::shared_ptr<const Config>> by_file_;
};

// An extension as a directory walk compares it with file names: "txt" and ".txt" both give ".txt".
// nullopt, with why in `problem`, for one no plan file can usefully end with: empty, a dot alone, or one
// holding a path separator, white space or a wildcard.
std::optional<std::string> normalize_extension(std::string_view extension, std::string& problem);

// Is rule `id` selected by the ordered globs?
bool selected(const std::vector<std::string>& select, std::string_view id);

}  // namespace planlint::check
