#pragma once
// Each subcommand registers itself on the application; `exit_code` receives its result.
#include <CLI/CLI.hpp>
#include <string>
#include <vector>

#include "grammar/keywords.hpp"
#include "read/reader.hpp"

namespace planlint::cli {

// Exit codes (documented in README): 0 clean, 1 findings, 2 usage, input or rule-file errors.
inline constexpr int exit_clean = 0;
inline constexpr int exit_findings = 1;
inline constexpr int exit_error = 2;

void add_parse_command(CLI::App& app, int& exit_code);
void add_check_command(CLI::App& app, int& exit_code);
void add_rules_commands(CLI::App& app, int& exit_code);
void add_diff_command(CLI::App& app, int& exit_code);
void add_lsp_command(CLI::App& app, int& exit_code);
void add_serve_command(CLI::App& app, int& exit_code);

// Before reading large inputs: the heap's next 64 MB on huge pages (io/huge_page_heap.hpp), when a path is
// a directory or a file of 1 MB or more. main() advises only the 4 MB a check of one small plan uses
// (advising 64 MB there made that check 0.4 ms slower); a large plan's model and rules' tables take
// thousands of faults of 4 KB without it (the 517 drafts of the benchmark corpus: 9,300 against 4,000).
void prepare_heap_for(const std::vector<std::string>& paths);

// --input-format NAME, shared by the commands that read documents.
void add_input_format_option(CLI::App& cmd, read::InputFormat& format);

// --config FILE and --no-config for commands that read documents without checking them (parse, diff), and
// the words the configuration found for `document` adds to the keyword table ([headings], [columns]).
// Throws InputError for a broken configuration file.
struct KeywordConfig {
  std::string file;
  bool none = false;
};
void add_keyword_config_options(CLI::App& cmd, KeywordConfig& config);
grammar::ExtraKeywords configured_keywords(const KeywordConfig& config, const std::string& document);

}  // namespace planlint::cli
