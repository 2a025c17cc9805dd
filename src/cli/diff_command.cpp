// `planlint diff OLD NEW`: what changed between two versions of a plan, in goals, measures, indicators and
// claims. Exit 0 when the versions have the same content, 1 when they differ, 2 on errors (as diff(1)).
// With --git it takes the seven (or nine) arguments git gives an external diff driver and exits 0 on
// differences too, since git stops at a driver that exits non-zero.
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "diff/plan_diff.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "report/diff.hpp"

namespace planlint::cli {
namespace {

struct DiffOptions {
  std::vector<std::string> files;
  std::string format = "text";
  bool show_order = false;
  bool git = false;
  std::string color = "auto";
  read::InputFormat input_format = read::InputFormat::automatic;
};

// git passes /dev/null for the missing side of an added or deleted file: an empty plan.
Plan read_side(const std::string& path, const std::string& label, read::InputFormat format) {
  if (path == "/dev/null") {
    Plan empty;
    empty.file = label;
    return empty;
  }
  Plan p = read::read_plan(load_source(path), format);
  p.file = label;
  return p;
}

int run(const DiffOptions& o) {
  std::string old_path, new_path, old_label, new_label;
  if (o.git) {
    // path old-file old-hex old-mode new-file new-hex new-mode [new-path xfrm-msg]
    if (o.files.size() != 7 && o.files.size() != 9) {
      fmt::print(stderr, "planlint diff --git: expected the 7 or 9 arguments of a git external diff, got {}\n", o.files.size());
      return exit_error;
    }
    old_path = o.files[1], new_path = o.files[4];
    old_label = "a/" + o.files[0];
    new_label = "b/" + (o.files.size() == 9 ? o.files[7] : o.files[0]);
  } else {
    if (o.files.size() != 2) {
      fmt::print(stderr, "planlint diff: expected OLD and NEW, got {} file{}\n", o.files.size(), o.files.size() == 1 ? "" : "s");
      return exit_error;
    }
    old_path = old_label = o.files[0];
    new_path = new_label = o.files[1];
  }
  Plan old_plan, new_plan;
  try {
    old_plan = read_side(old_path, old_label, o.input_format);
    new_plan = read_side(new_path, new_label, o.input_format);
  } catch (const InputError& e) {
    fmt::print(stderr, "{}\n", e.describe());
    return exit_error;
  }
  diff::DiffOptions options;
  options.show_order = o.show_order;
  const diff::PlanDiff d = diff::diff_plans(old_plan, new_plan, options);
  std::string out;
  if (o.format == "json") out = report::diff_json(d);
  else if (o.format == "markdown") out = report::diff_markdown(d);
  else if (o.format == "html") out = report::diff_html(d);
  else {
    const bool color = o.color == "always" ||
                       (o.color == "auto" && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
    out = report::diff_text(d, {color});
  }
  std::fwrite(out.data(), 1, out.size(), stdout);
  if (o.git) return exit_clean;
  return d.same() ? exit_clean : exit_findings;
}

}  // namespace

void add_diff_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<DiffOptions>();
  CLI::App* cmd = app.add_subcommand("diff", "Show what changed between two versions of a plan (exit 1 when they differ)");
  cmd->add_option("files", o->files, "OLD NEW (with --git: the arguments git passes to an external diff)")->required();
  cmd->add_option("-f,--format", o->format, "Output: text, markdown (pull-request comment), html (one page), json")
      ->check(CLI::IsMember({"text", "markdown", "html", "json"}))
      ->capture_default_str();
  cmd->add_flag("--show-order", o->show_order, "Also report measures reordered within their goal");
  cmd->add_option("--color", o->color, "Colour text output: auto (on a terminal), always, never")
      ->check(CLI::IsMember({"auto", "always", "never"}))
      ->capture_default_str();
  cmd->add_flag("--git", o->git, "Run as git's external diff (diff.<driver>.command): take git's arguments, exit 0");
  add_input_format_option(*cmd, o->input_format);
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace planlint::cli
