// `planlint check PATH...`: the lint and CI-gate command.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <set>

#include <fmt/format.h>

#include "check/baseline.hpp"
#include "check/config.hpp"
#include "check/runner.hpp"
#include "cli/commands.hpp"
#include "model/error.hpp"
#include "report/findings.hpp"
#include "spell/answer_file.hpp"
#include "spell/speller.hpp"

namespace planlint::cli {
namespace {

struct CheckOptions {
  std::vector<std::string> paths;
  std::string format = "text";
  std::vector<std::string> rule_paths;
  bool no_default_rules = false;
  std::vector<std::pair<bool, std::string>> selection;  // (enable?, glob), in command-line order
  std::string fail_on;
  std::vector<std::string> extensions;
  std::string input_format;
  std::string language;
  std::string lang;
  std::string config;
  bool no_config = false;
  std::string baseline;
  std::string write_baseline;
  std::string against;
  std::string color = "auto";
  unsigned jobs = 0;
  bool no_cache = false;
};

void print(const std::string& s) { std::fwrite(s.data(), 1, s.size(), stdout); }

bool use_color(const std::string& mode) {
  if (mode == "always") return true;
  if (mode == "never") return false;
  return ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr;
}

// The checked document that `path` names, if any (same file, whatever the spelling of the path).
const check::DocumentResult* document_at(const check::CheckResult& result, const std::string& path) {
  std::error_code ec;
  if (!std::filesystem::exists(path, ec)) return nullptr;
  for (const auto& d : result.documents) {
    if (d.file != "-" && std::filesystem::equivalent(d.file, path, ec)) return &d;
  }
  return nullptr;
}

// A comma list, as in suppression comments: `--disable a,b` is `--disable a --disable b`. An empty element
// ("a,,b", a trailing comma) is kept, so that it is reported as an empty rule id rather than dropped.
std::vector<std::string> split_list(const std::string& list) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t comma = list.find(',', from);
    std::string item = list.substr(from, comma == std::string::npos ? std::string::npos : comma - from);
    const auto first = item.find_first_not_of(" \t"), last = item.find_last_not_of(" \t");
    out.push_back(first == std::string::npos ? std::string() : item.substr(first, last - first + 1));
    if (comma == std::string::npos) return out;
    from = comma + 1;
  }
}

// Reports are written as each document is checked, in input order (issue 17): the documents' text and
// findings are not kept to the end. Errors go to standard error as they come.
int run_streaming(const CheckOptions& o, check::CheckRequest& req, std::set<std::string>& said) {
  const std::string language = check::run_message_language(req.command_line, req.config_file, req.search_config, req.paths);
  const report::TextOptions text{use_color(o.color), true, language};
  report::Totals totals;
  report::SarifWriter sarif(std::filesystem::current_path().string(), language);
  bool failed = false, any_json = false;
  if (o.format == "json") print("[");
  else if (o.format == "sarif") print(sarif.begin());
  else if (o.format == "html") print(report::html_begin(language));
  req.on_document = [&](check::DocumentResult&& d) {
    totals.add(d);
    for (const Finding& f : d.findings) failed = failed || f.severity >= d.fail_on;
    if (d.error && said.insert(*d.error).second) fmt::print(stderr, "{}\n", *d.error);
    if (o.format == "json") print(report::document_json(d, any_json));
    else if (o.format == "sarif") print(sarif.document(d));
    else if (o.format == "github") print(report::document_github(d));
    else if (o.format == "html") print(report::document_html(d));
    else print(report::document_text(d, text));
  };
  const check::CheckResult result = check::run_check(req);
  spell::save_shared_answers();
  for (const auto& e : result.errors) {
    if (said.insert(e).second) fmt::print(stderr, "{}\n", e);
  }
  totals.errors += result.errors.size();
  const bool has_errors = !result.errors.empty() || totals.errors > result.errors.size();
  const int code = has_errors ? exit_error : failed ? exit_findings : exit_clean;
  if (o.format == "json") print(report::json_end(any_json));
  else if (o.format == "sarif") print(sarif.end(result.rules, result.errors, code));
  else if (o.format == "html") print(report::html_end(totals, result.errors, language));
  else if (o.format == "text") print(report::findings_summary(totals, language) + "\n");
  std::fflush(stdout);
  return code;
}

int run(const CheckOptions& o) {
  check::CheckRequest req;
  req.paths = o.paths;
  req.jobs = o.jobs;
  req.search_config = !o.no_config;
  if (!o.config.empty()) req.config_file = o.config;
  if (!o.against.empty()) req.against = o.against;
  check::Settings& cli = req.command_line;
  for (const auto& p : o.rule_paths) cli.rule_paths.push_back(p);
  if (o.no_default_rules) cli.default_rules = false;
  for (const auto& [on, glob] : o.selection) {
    cli.select.push_back(on ? glob : "-" + glob);
    cli.select_origins.push_back({"", std::nullopt, on ? "--enable" : "--disable"});
  }
  if (!o.fail_on.empty()) cli.fail_on = severity_from_string(o.fail_on);
  for (const std::string& e : o.extensions) {
    std::string problem;
    const auto ext = check::normalize_extension(e, problem);
    if (!ext) {
      fmt::print(stderr, "planlint: error: --ext: {}\n", problem);
      return exit_error;
    }
    cli.extensions.push_back(*ext);
  }
  if (!o.input_format.empty()) cli.input_format = o.input_format;
  if (!o.language.empty()) cli.language = o.language;
  if (!o.lang.empty()) cli.lang = o.lang;

  std::optional<check::Baseline> baseline;
  if (!o.baseline.empty()) {
    try {
      baseline = check::Baseline::load(o.baseline);
    } catch (const InputError& e) {
      fmt::print(stderr, "{}\n", e.describe());
      // A SARIF uploader still gets a log, one that says the run failed.
      if (o.format == "sarif") {
        check::CheckResult failed;
        failed.errors.push_back(e.describe());
        print(report::findings_sarif(failed, std::filesystem::current_path().string(), exit_error,
                                     check::run_message_language(req.command_line, req.config_file, req.search_config, req.paths)));
      }
      return exit_error;
    }
    req.baseline = &*baseline;
  }

  // Voikko's answers kept between runs (README, Spelling cache): a repeated check needs no Voikko.
  if (!o.no_cache) spell::set_shared_cache_dir(spell::default_cache_dir());
  // An error in a configuration or on the command line stops every document it applies to: said once.
  std::set<std::string> said;
  if (o.write_baseline.empty()) return run_streaming(o, req, said);
  // --write-baseline: the whole result, as the baseline records every finding.
  const check::CheckResult result = check::run_check(req);
  spell::save_shared_answers();
  for (const auto& e : result.errors) {
    if (said.insert(e).second) fmt::print(stderr, "{}\n", e);
  }
  for (const auto& d : result.documents) {
    if (d.error && said.insert(*d.error).second) fmt::print(stderr, "{}\n", *d.error);
  }

  // planlint never writes to the documents it reads, even when told to.
  if (const auto* doc = document_at(result, o.write_baseline)) {
    fmt::print(stderr, "planlint: {}: refusing to write the baseline over a document being checked; name another file\n",
               doc->file);
    return exit_error;
  }
  std::vector<Finding> all;
  for (const auto& d : result.documents) all.insert(all.end(), d.findings.begin(), d.findings.end());
  try {
    const auto b = check::Baseline::from(all, o.write_baseline);
    b.save(o.write_baseline);
    fmt::print(stderr, "planlint: wrote {} finding{} to the baseline {}\n", b.size(), b.size() == 1 ? "" : "s",
               o.write_baseline);
  } catch (const InputError& e) {
    fmt::print(stderr, "{}\n", e.describe());
    return exit_error;
  }
  return result.has_errors() ? exit_error : exit_clean;
}

}  // namespace

void add_check_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<CheckOptions>();
  CLI::App* cmd = app.add_subcommand("check", "Check plan documents against the rules (exit 1 on findings)");
  cmd->add_option("paths", o->paths, "Files, directories (searched for plan files) or '-' for standard input")->required();
  auto* format = cmd->add_option("-f,--format", o->format, "Output: text, json, sarif (SARIF 2.1.0), github (workflow annotations), html (a report page)")
      ->check(CLI::IsMember({"text", "json", "sarif", "github", "html"}))
      ->capture_default_str();
  cmd->add_option("--rules", o->rule_paths, "More rule files or directories, added to the built-in rules");
  cmd->add_flag("--no-default-rules", o->no_default_rules, "Do not use the built-in rules");
  // --enable and --disable apply in the order given, so that `--disable '*' --enable goal-*` works; CLI11
  // runs option callbacks in definition order, so the order is rebuilt from parse_order() below.
  auto* enable = cmd->add_option("--enable", "Enable rules by id or glob (after configuration, in order with --disable)")
                     ->type_name("GLOB")
                     ->expected(1)
                     ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* disable = cmd->add_option("--disable", "Disable rules by id or glob")
                      ->type_name("GLOB")
                      ->expected(1)
                      ->multi_option_policy(CLI::MultiOptionPolicy::TakeAll);
  auto* fail_on = cmd->add_option("--fail-on", o->fail_on, "Lowest severity that makes the exit code 1 (default: error)")
      ->check(CLI::IsMember({"error", "warning", "info"}));
  cmd->add_option("--ext", o->extensions, "File extensions picked up in directories, '.txt' or 'txt' (default: .txt, .docx, .odt, .pdf)");
  cmd->add_option("--input-format", o->input_format, "Input format (default: auto)");
  cmd->add_option("--language", o->language,
                  "The documents' language for spelling: fi (Voikko), sv (Hunspell), auto (detected per document; "
                  "the default, or `language` in .planlint.toml)")
      ->check(CLI::IsMember({"fi", "sv", "auto"}));
  cmd->add_option("--lang", o->lang,
                  "The language of planlint's messages: fi or en (default: `lang` in .planlint.toml, else the "
                  "locale: LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"fi", "en"}));
  auto* config = cmd->add_option("--config", o->config, "Use this configuration file instead of searching for .planlint.toml");
  auto* no_config = cmd->add_flag("--no-config", o->no_config, "Do not search for .planlint.toml");
  auto* baseline = cmd->add_option("--baseline", o->baseline, "Hide the findings recorded in this baseline file");
  auto* write_baseline = cmd->add_option("--write-baseline", o->write_baseline,
                                         "Record the current findings in this baseline file, print no report, exit 0");
  // Options that contradict each other are refused rather than one silently winning: --config names the
  // configuration that --no-config refuses; --write-baseline records every finding, so a baseline that hides
  // some would be emptied of them (or rewritten from itself), and it prints no report and exits 0, so a
  // report format or a threshold would be ignored.
  config->excludes(no_config);
  write_baseline->excludes(baseline);
  write_baseline->excludes(format);
  write_baseline->excludes(fail_on);
  cmd->add_option("--against", o->against,
                  "Old version (file, or directory matched by relative path) for the cross-version rules")
      ->type_name("OLD");
  cmd->add_option("--color", o->color, "Colour text output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_option("-j,--jobs", o->jobs, "Documents checked in parallel (default: all cores)");
  cmd->add_flag("--no-cache", o->no_cache,
                "Do not keep Voikko's spelling answers between runs (also PLANLINT_NO_CACHE=1; the cache is in "
                "$PLANLINT_CACHE_DIR, else $XDG_CACHE_HOME/planlint, else ~/.cache/planlint)");
  cmd->callback([o, cmd, enable, disable, &exit_code] {
    std::size_t next_enable = 0, next_disable = 0;
    for (const CLI::Option* opt : cmd->parse_order()) {
      if (opt == enable) {
        for (auto& id : split_list(enable->results().at(next_enable++))) o->selection.emplace_back(true, std::move(id));
      }
      if (opt == disable) {
        for (auto& id : split_list(disable->results().at(next_disable++))) o->selection.emplace_back(false, std::move(id));
      }
    }
    prepare_heap_for(o->paths);
    exit_code = run(*o);
  });
}

}  // namespace planlint::cli
