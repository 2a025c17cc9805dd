// `planlint lsp`: the language server (Language Server Protocol over standard input and output), so that
// editors show the findings of `planlint check` while a plan is being written.
#include <iostream>

#include "cli/commands.hpp"
#include "lsp/server.hpp"
#include "spell/answer_file.hpp"
#include "spell/speller.hpp"

namespace planlint::cli {
namespace {

struct LspOptions {
  std::vector<std::string> rule_paths;
  bool no_default_rules = false;
  std::string config;
  bool no_config = false;
  std::string rule_docs_url;
  std::string lang;
  bool no_cache = false;
};

int run(const LspOptions& o) {
  lsp::ServerOptions options;
  for (const auto& p : o.rule_paths) options.command_line.rule_paths.push_back(p);
  if (o.no_default_rules) options.command_line.default_rules = false;
  if (!o.config.empty()) options.config_file = o.config;
  options.search_config = !o.no_config;
  options.rule_docs_url = o.rule_docs_url;
  if (!o.lang.empty()) options.command_line.lang = o.lang;
#ifdef PLANLINT_BUILTIN_RULES_DIR
  options.builtin_rules_dir = PLANLINT_BUILTIN_RULES_DIR;
#endif
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  lsp::StreamSink out(std::cout);
  // Voikko's answers kept between runs, as for `check` (issue 17): the first check of a session reads the
  // answer file instead of asking Voikko for every word; what this session learnt is written at its end.
  if (!o.no_cache) spell::set_shared_cache_dir(spell::default_cache_dir());
  lsp::Server server(std::move(options), out);
  const int code = lsp::serve(std::cin, server);
  spell::save_shared_answers();
  return code;
}

}  // namespace

void add_lsp_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<LspOptions>();
  CLI::App* cmd = app.add_subcommand("lsp", "Run the language server (LSP over standard input and output) for editors");
  cmd->add_option("--rules", o->rule_paths, "More rule files or directories, added to the built-in rules");
  cmd->add_flag("--no-default-rules", o->no_default_rules, "Do not use the built-in rules");
  cmd->add_option("--config", o->config, "Use this configuration file instead of searching for .planlint.toml");
  cmd->add_flag("--no-config", o->no_config, "Do not search for .planlint.toml");
  cmd->add_option("--lang", o->lang,
                  "The language of the messages: fi or en (default: `lang` in .planlint.toml, else the editor's "
                  "locale, else LC_ALL, LC_MESSAGES, LANG)")
      ->check(CLI::IsMember({"fi", "en"}));
  cmd->add_flag("--no-cache", o->no_cache, "Do not keep Voikko's spelling answers between runs (as for check)");
  cmd->add_option("--rule-docs-url", o->rule_docs_url,
                  "Link of each diagnostic's rule documentation; {rule} becomes the rule id "
                  "(default: file:// of the rule's .rules file)");
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace planlint::cli
