// `planlint parse FILE [--format json|csv|text]`: shows what planlint understood of a document.
#include <cstdio>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "model/error.hpp"
#include "read/document.hpp"
#include "report/plan_outputs.hpp"

namespace planlint::cli {
namespace {

struct ParseOptions {
  std::string file;
  std::string format = "text";
  read::InputFormat input_format = read::InputFormat::automatic;
  KeywordConfig config;
};

int run_parse(const ParseOptions& o) {
  Plan plan;
  try {
    const grammar::ExtraKeywords words = configured_keywords(o.config, o.file);
    const grammar::ExtraKeywordsScope scope(&words);
    plan = read::read_document(o.file, o.input_format).plan;
  } catch (const InputError& e) {
    fmt::print(stderr, "{}\n", e.describe());
    return exit_error;
  }
  if (o.format == "json") {
    report::write_plan_json(plan, stdout);
    return exit_clean;
  }
  std::string out;
  if (o.format == "csv") out = report::plan_to_csv(plan);
  else out = report::plan_outline(plan);
  std::fwrite(out.data(), 1, out.size(), stdout);
  return exit_clean;
}

}  // namespace

void add_parse_command(CLI::App& app, int& exit_code) {
  auto options = std::make_shared<ParseOptions>();
  CLI::App* cmd = app.add_subcommand("parse", "Show the goals, measures, indicators and claims read from a document");
  cmd->add_option("file", options->file, "Plan document ('-' for standard input)")->required();
  cmd->add_option("-f,--format", options->format, "Output: text (outline), json (document model), csv (one row per measure)")
      ->check(CLI::IsMember({"text", "json", "csv"}))
      ->capture_default_str();
  add_input_format_option(*cmd, options->input_format);
  add_keyword_config_options(*cmd, options->config);
  cmd->callback([options, &exit_code] {
    prepare_heap_for({options->file});
    exit_code = run_parse(*options);
  });
}

}  // namespace planlint::cli
