// `planlint diff OLD NEW`: what changed between two versions of a plan: title, status, paragraphs, goals,
// measures, indicators and claims. Exit 0 when the versions have the same content, 1 when they differ, 2 on
// errors (as diff(1)). With --git it takes the seven (or nine) arguments git gives an external diff driver
// and always exits 0, since git stops at a driver that exits non-zero: a missing version (git's /dev/null)
// is shown as a new or deleted file, one that cannot be read (binary, empty, not UTF-8) says why.
#include <nlohmann/json.hpp>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>

#include <fmt/format.h>

#include "cli/commands.hpp"
#include "diff/plan_diff.hpp"
#include "io/json_text.hpp"
#include "model/error.hpp"
#include "read/document.hpp"
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
  KeywordConfig config;
};

// One version as read, and what the git driver says about it.
struct Version {
  Plan plan;
  std::string note;       // "new file", "deleted", "binary or unreadable: …"; empty for an ordinary version
  bool readable = true;
};

// git passes /dev/null for the missing side of an added or deleted file: an empty plan. As git's driver, a
// version that cannot be read is reported in the output instead of stopping git; otherwise it is an error.
Version read_side(const std::string& path, const std::string& label, read::InputFormat format, bool git, bool old_side) {
  Version v;
  v.plan.file = label;
  if (path == "/dev/null") {
    if (git) v.note = old_side ? "new file" : "deleted";
    return v;
  }
  try {
    v.plan = read::read_document(path, format).plan;
  } catch (const InputError& e) {
    if (!git) throw;
    v.readable = false;
    v.note = fmt::format("binary or unreadable: {}", e.what());
  }
  v.plan.file = label;
  return v;
}

// The git driver's report when a version cannot be read: the versions and why, in the format asked for.
std::string unreadable_report(const Version& o, const Version& n, const std::string& format) {
  std::vector<std::string> lines;
  for (const Version* v : {&o, &n})
    if (!v->note.empty()) lines.push_back(fmt::format("{}: {}", v->plan.file, v->note));
  if (format == "json") {
    nlohmann::ordered_json list = nlohmann::ordered_json::array();
    for (const Version* v : {&o, &n}) {
      if (v->readable) continue;
      list.push_back({{"kind", "version-unreadable"}, {"file", v->plan.file}, {"side", v == &o ? "old" : "new"}, {"reason", v->note}});
    }
    return io::json_text(list) + "\n";
  }
  std::string out;
  if (format == "markdown") {
    out = fmt::format("## planlint diff: `{}` → `{}`\n\n", o.plan.file, n.plan.file);
    for (const auto& l : lines) out += "- " + l + "\n";
  } else if (format == "html") {
    out = "<!DOCTYPE html>\n<html lang=\"fi\">\n<head>\n<meta charset=\"utf-8\">\n<title>planlint diff</title>\n</head>\n<body>\n";
    for (const auto& l : lines) {
      out += "<p>";
      for (const char c : l) out += c == '<' ? "&lt;" : c == '>' ? "&gt;" : c == '&' ? "&amp;" : std::string(1, c);
      out += "</p>\n";
    }
    out += "</body>\n</html>\n";
  } else {
    out = fmt::format("--- {}\n+++ {}\n", o.plan.file, n.plan.file);
    for (const auto& l : lines) out += l + "\n";
  }
  return out;
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
  Version old_version, new_version;
  try {
    // The new version's configuration ([headings], [columns]) reads both: as git's driver, found from the
    // path in the repository, not from git's temporary file.
    const grammar::ExtraKeywords words = configured_keywords(o.config, o.git ? o.files[0] : new_path);
    const grammar::ExtraKeywordsScope scope(&words);
    old_version = read_side(old_path, old_label, o.input_format, o.git, true);
    new_version = read_side(new_path, new_label, o.input_format, o.git, false);
  } catch (const InputError& e) {
    fmt::print(stderr, "{}\n", e.describe());
    return exit_error;
  }
  if (!old_version.readable || !new_version.readable) {  // only as git's driver: nothing to compare
    const std::string out = unreadable_report(old_version, new_version, o.format);
    std::fwrite(out.data(), 1, out.size(), stdout);
    return exit_clean;
  }
  diff::DiffOptions options;
  options.show_order = o.show_order;
  const diff::PlanDiff d = diff::diff_plans(old_version.plan, new_version.plan, options);
  std::string out;
  if (o.format == "json") out = report::diff_json(d);
  else if (o.format == "markdown") out = report::diff_markdown(d);
  else if (o.format == "html") out = report::diff_html(d);
  else {
    const bool color = o.color == "always" ||
                       (o.color == "auto" && ::isatty(STDOUT_FILENO) && std::getenv("NO_COLOR") == nullptr);
    report::DiffTextOptions text_options{color, {}};
    for (const Version* v : {&old_version, &new_version})
      if (!v->note.empty()) text_options.notes.push_back(v->note);
    out = report::diff_text(d, text_options);
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
  add_keyword_config_options(*cmd, o->config);
  cmd->add_flag("--git", o->git, "Run as git's external diff (diff.<driver>.command): take git's arguments, exit 0");
  add_input_format_option(*cmd, o->input_format);
  cmd->callback([o, &exit_code] { exit_code = run(*o); });
}

}  // namespace planlint::cli
