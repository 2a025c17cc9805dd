// planlint: a rules engine for plan documents.
#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstring>
#include <exception>
#include <iostream>
#include <new>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "io/huge_page_heap.hpp"

namespace {

// Output that did not reach its destination (a full disk, a device that refuses it) must not pass for a
// result: every command writes through stdout, whose error flag stays set after a failed write, and the
// last of it leaves at this flush (issue 20: a SARIF log cut at 16 KB on a full disk exited 0).
int finish_output(int exit_code) {
  errno = 0;
  const bool failed = std::fflush(stdout) != 0 || std::ferror(stdout) != 0 || !std::cout.good();
  if (!failed) return exit_code;
  // errno tells why only when this flush failed; a write that failed earlier left no reason behind.
  const int error = errno;
  fmt::print(stderr, "planlint: error: could not write the output to standard output{}{}; what was written is incomplete\n",
             error != 0 ? ": " : "", error != 0 ? std::strerror(error) : "");
  return planlint::cli::exit_error;
}

}  // namespace

int main(int argc, char** argv) {
  // A file-size limit (ulimit -f) makes a write fail with EFBIG, reported as any write error (exit 2, the
  // partial file removed), instead of SIGXFSZ killing planlint with its temporary files left behind.
  std::signal(SIGXFSZ, SIG_IGN);
  // Before the rules are compiled and the document read: their memory then takes a few huge pages' faults
  // where it took hundreds of small ones (io/huge_page_heap.hpp; the sample's check 2 ms sooner).
  planlint::io::place_heap_on_huge_pages(std::size_t{4} << 20);
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
  planlint::cli::add_serve_command(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);  // prints help, version or the usage error
    return code == 0 ? planlint::cli::exit_clean : planlint::cli::exit_error;
  } catch (const std::bad_alloc&) {
    fmt::print(stderr, "planlint: error: ran out of memory; nothing more could be done (raise the memory limit)\n");
    return planlint::cli::exit_error;
  } catch (const std::exception& e) {
    fmt::print(stderr, "planlint: internal error: {}\n", e.what());
    return planlint::cli::exit_error;
  }
  return finish_output(exit_code);
}
