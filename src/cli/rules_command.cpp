// `planlint rules` lists the rules; `planlint explain ID` prints one rule's documentation.
#include <cstdio>

#include <fmt/format.h>

#include "check/runner.hpp"
#include "cli/commands.hpp"
#include "model/error.hpp"

namespace planlint::cli {
namespace {

struct RulesOptions {
  std::vector<std::string> rule_paths;
  bool no_default_rules = false;
  std::string id;
  std::string lang;
  // The summaries' language: --lang, else the locale (the rule listing reads no configuration).
  std::string language() const { return lang.empty() ? check::message_language_from_environment() : lang; }
};

std::optional<rules::RuleSet> compile(const RulesOptions& o) {
  check::Settings s;
  s.rule_paths = o.rule_paths;
  if (o.no_default_rules) s.default_rules = false;
  try {
    return check::compile_rules(s);
  } catch (const InputError& e) {
    fmt::print(stderr, "{}\n", e.describe());
    return std::nullopt;
  }
}

std::string format_param(const rules::ParamValue& v) {
  return std::visit([](const auto& x) -> std::string {
    using T = std::decay_t<decltype(x)>;
    if constexpr (std::is_same_v<T, bool>) return x ? "true" : "false";
    else if constexpr (std::is_same_v<T, double>) return fmt::format("{}", x);
    else return fmt::format("\"{}\"", x);
  }, v);
}

int list_rules(const RulesOptions& o) {
  const auto set = compile(o);
  if (!set) return exit_error;
  std::size_t width = 4, scope_width = 5;
  for (const auto& r : set->rules()) width = std::max(width, r.id.size()), scope_width = std::max(scope_width, r.scope.size());
  fmt::print("{:<{}}  {:<8} {:<{}}  {}\n", "id", width, "severity", "scope", scope_width, "summary");
  for (const auto& r : set->rules()) {
    fmt::print("{:<{}}  {:<8} {:<{}}  {}\n", r.id, width, to_string(r.severity), r.scope, scope_width, r.summary_in(o.language()));
  }
  return exit_clean;
}

int explain(const RulesOptions& o) {
  const auto set = compile(o);
  if (!set) return exit_error;
  for (const auto& r : set->rules()) {
    if (r.id != o.id) continue;
    fmt::print("{} ({}, scope: {})\n\n{}\n\n{}\n", r.id, to_string(r.severity), r.scope, r.summary_in(o.language()), r.doc);
    if (!r.params.empty()) {
      fmt::print("\nParameters (override in .planlint.toml under [rules.{}]):\n", r.id);
      for (const auto& p : r.params) fmt::print("  {} = {}  {}\n", p.name, format_param(p.default_value), p.description);
    }
    fmt::print("\nDefined in {}:{}:{}\n", r.file, r.where.line, r.where.column);
    return exit_clean;
  }
  fmt::print(stderr, "planlint: error: no rule '{}'; `planlint rules` lists them\n", o.id);
  return exit_error;
}

}  // namespace

void add_rules_commands(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<RulesOptions>();
  CLI::App* rules = app.add_subcommand("rules", "List the rules: id, severity, scope, summary");
  rules->add_option("--rules", o->rule_paths, "More rule files or directories");
  rules->add_flag("--no-default-rules", o->no_default_rules, "Leave out the built-in rules");
  rules->add_option("--lang", o->lang, "The summaries' language: fi or en (default: LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"fi", "en"}));
  rules->callback([o, &exit_code] { exit_code = list_rules(*o); });
  CLI::App* ex = app.add_subcommand("explain", "Print a rule's documentation");
  ex->add_option("id", o->id, "Rule id")->required();
  ex->add_option("--rules", o->rule_paths, "More rule files or directories");
  ex->callback([o, &exit_code] { exit_code = explain(*o); });
}

}  // namespace planlint::cli
