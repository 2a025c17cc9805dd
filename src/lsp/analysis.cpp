#include "lsp/analysis.hpp"

#include <algorithm>
#include <filesystem>
#include <thread>

#include <sys/stat.h>

#include "lsp/uri.hpp"
#include "model/error.hpp"

namespace planlint::lsp {
namespace fs = std::filesystem;

namespace {

// The rule whose parameters give the hover's allowed measure count (rules/goal-measure-count.rules).
constexpr const char* measure_count_rule = "goal-measure-count";

void replace_all(std::string& s, std::string_view what, std::string_view with) {
  for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + with.size())) {
    s.replace(at, what.size(), with);
  }
}

// An input error as a diagnostic: at its position when it is in this document, else at the start (a broken
// .planlint.toml or rule file stops the document from being checked, so the user must see it there).
nlohmann::json error_diagnostic(const InputError& e, const std::string& name, const std::optional<Source>& source) {
  Position at;
  if (e.file() == name && e.where()) {
    at = source ? to_lsp(*source, *e.where())
                : Position{e.where()->line ? e.where()->line - 1 : 0, e.where()->column ? e.where()->column - 1 : 0};
  }
  const nlohmann::json pos = {{"line", at.line}, {"character", at.character}};
  return {{"range", {{"start", pos}, {"end", pos}}},
          {"severity", diagnostic_severity(Severity::error)},
          {"source", "planlint"},
          {"message", e.describe()}};
}

}  // namespace

FileStamp stamp_of(const std::string& path) {
  struct ::stat st {};
  if (::stat(path.c_str(), &st) != 0) return {};
  FileStamp s;
  s.exists = true;
  s.regular = S_ISREG(st.st_mode);
  s.mtime_ns = static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 + st.st_mtim.tv_nsec;
  s.size = static_cast<std::uintmax_t>(st.st_size);
  s.device = static_cast<std::uintmax_t>(st.st_dev);
  s.inode = static_cast<std::uintmax_t>(st.st_ino);
  return s;
}

AnalysisContext::AnalysisContext(ServerOptions options)
    : options_(std::move(options)), finder_(std::make_unique<check::ConfigFinder>()) {}

void AnalysisContext::reset() {
  finder_ = std::make_unique<check::ConfigFinder>();
  fixed_.reset();
  cache_.clear();
  watched_.clear();
}

void AnalysisContext::watch(const std::string& path) {
  if (!watched_.count(path)) watched_.emplace(path, stamp_of(path));
}

bool AnalysisContext::inputs_changed() const {
  for (const auto& [path, stamp] : watched_) {
    if (stamp_of(path) != stamp) return true;
  }
  return false;
}

void AnalysisContext::watch_config_candidates(const fs::path& start) {
  std::error_code ec;
  for (fs::path dir = fs::absolute(start, ec).lexically_normal();; dir = dir.parent_path()) {
    const std::string candidate = (dir / check::config_file_name).string();
    watch(candidate);
    // A .planlint.toml created nearer to the document, or this one deleted, changes which one applies;
    // those further up do not count while this one exists.
    if (watched_.at(candidate).regular || !dir.has_parent_path() || dir.parent_path() == dir) break;
  }
}

void AnalysisContext::watch_rule_paths(const std::vector<std::string>& paths) {
  for (const auto& p : paths) {
    watch(p);
    std::error_code ec;
    if (!fs::is_directory(p, ec)) continue;
    // As check::load_rule_sources reads a directory: every *.rules below it. The directories' own stamps
    // change when a file is added or removed.
    for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
      if (e.is_directory(ec) || (e.is_regular_file(ec) && e.path().extension() == ".rules")) watch(e.path().string());
    }
  }
}

check::Settings AnalysisContext::settings_for(const std::string& path) {
  std::error_code ec;
  const fs::path p(path);
  const fs::path dir = p.is_absolute() && p.has_parent_path() ? p.parent_path() : fs::current_path(ec);
  // Stamped before they are read: a change in between shows as a change next time, never as none.
  if (options_.config_file) watch(*options_.config_file);
  else if (options_.search_config) watch_config_candidates(dir);
  if (options_.config_file && !fixed_) fixed_ = check::load_config(*options_.config_file);
  check::Settings settings = check::document_settings(path, dir, fixed_ ? &*fixed_ : nullptr, options_.search_config,
                                                      *finder_, options_.command_line);
  watch_rule_paths(settings.rule_paths);
  if (!settings.lang) settings.lang = options_.client_language;
  return settings;
}

std::string AnalysisContext::docs_href(const rules::RuleInfo& rule) const {
  if (!options_.rule_docs_url.empty()) {
    std::string href = options_.rule_docs_url;
    replace_all(href, "{rule}", rule.id);
    return href;
  }
  std::error_code ec;
  if (!rule.file.empty() && fs::is_regular_file(rule.file, ec)) return uri_from_path(fs::absolute(rule.file, ec).string());
  // Built-in rules are named "rules/<file>.rules" and embedded; link their copy in the source tree, if any.
  if (!options_.builtin_rules_dir.empty() && rule.file.rfind("rules/", 0) == 0) {
    const fs::path copy = fs::path(options_.builtin_rules_dir) / fs::path(rule.file).filename();
    if (fs::is_regular_file(copy, ec)) return uri_from_path(fs::absolute(copy, ec).string());
  }
  return "";
}

std::shared_ptr<const Analysis> AnalysisContext::analyse(const DocumentText& doc) {
  auto a = std::make_shared<Analysis>();
  a->version = doc.version;
  a->allowance.rule = measure_count_rule;
  const std::string name = path_from_uri(doc.uri).value_or(doc.uri);
  try {
    check::Settings settings = settings_for(name);
    // A name ending in .md is read as Markdown by itself; an unsaved buffer ("untitled:…") is by its
    // language. A format set in the configuration still decides.
    if (doc.language_id == "markdown" && settings.input_format.value_or("auto") == "auto") settings.input_format = "markdown";
    // The document being edited is all there is to check: its rules run on every core (a keystroke in a
    // 1 MB plan, two cores: 39-40 -> 23-24 ms, tests/bench/lsp_latency.py).
    settings.rule_threads = std::max(1u, std::thread::hardware_concurrency());
    a->source = make_source(name, doc.text);
    check::CheckedDocument checked = check_source(*a->source, settings, cache_);
    a->allowance = measure_allowance(settings, *checked.rules);
    std::map<std::string, std::string, std::less<>> hrefs;
    for (const auto& r : checked.rules->rules()) hrefs.emplace(r.id, docs_href(r));
    for (const Finding& f : checked.findings) {
      const auto it = hrefs.find(f.rule);
      a->diagnostics.push_back(diagnostic_json(*a->source, f, it == hrefs.end() ? "" : it->second));
    }
    a->plan = std::move(checked.plan);
    a->findings = std::move(checked.findings);
  } catch (const InputError& e) {
    a->plan.reset();
    a->findings.clear();
    a->diagnostics = nlohmann::json::array({error_diagnostic(e, name, a->source)});
  } catch (const std::exception& e) {
    a->plan.reset();
    a->findings.clear();
    a->diagnostics = nlohmann::json::array({error_diagnostic(InputError(name, std::string("internal error: ") + e.what()), name, a->source)});
  }
  return a;
}

MeasureAllowance measure_allowance(const check::Settings& settings, const rules::RuleSet& rules) {
  MeasureAllowance a;
  a.rule = measure_count_rule;
  const rules::RuleInfo* info = nullptr;
  for (const auto& r : rules.rules()) {
    if (r.id == measure_count_rule) info = &r;
  }
  if (!info) return a;
  const rules::EvalOptions options = check::eval_options(settings, rules);
  a.in_force = !options.enabled || options.enabled(a.rule);
  auto set = [&](const std::string& name, const rules::ParamValue& v) {
    const double* d = std::get_if<double>(&v);
    if (!d) return;
    if (name == "min") a.min = *d;
    if (name == "max") a.max = *d;
  };
  for (const auto& p : info->params) set(p.name, p.default_value);
  if (const auto it = options.params.find(a.rule); it != options.params.end()) {
    for (const auto& [name, v] : it->second) set(name, v);
  }
  return a;
}

}  // namespace planlint::lsp
