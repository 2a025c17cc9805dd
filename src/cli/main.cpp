// planlint: a rules engine for plan documents.
#include <cstdio>
#include <exception>
#include <iostream>

#include <fmt/format.h>

#include "cli/commands.hpp"

int main(int argc, char** argv) {
  CLI::App app{"planlint: reads plan documents (goals, measures, indicators) and checks them against rules",
               "planlint"};
  app.require_subcommand(1);
  app.set_version_flag("--version", "planlint 0.1.0");
  int exit_code = planlint::cli::exit_clean;
  planlint::cli::add_parse_command(app, exit_code);
  planlint::cli::add_check_command(app, exit_code);
  planlint::cli::add_rules_commands(app, exit_code);
  planlint::cli::add_diff_command(app, exit_code);
  planlint::cli::add_lsp_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? planlint::cli::exit_clean : planlint::cli::exit_error;
  } catch (const std::exception& e) {
    fmt::print(stderr, "planlint: internal error: {}\n", e.what());
    return planlint::cli::exit_error;
  }
  std::fflush(stdout);
  return exit_code;
}
