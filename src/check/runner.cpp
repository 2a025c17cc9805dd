#include "check/runner.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/suppression.hpp"
#include "model/error.hpp"
#include "read/reader.hpp"
#include "spell/word_list.hpp"

namespace planlint::check {
namespace fs = std::filesystem;

namespace {

// A document to check, with the directory whose configuration applies and its old version (--against).
struct Target {
  std::string path;
  fs::path config_dir;
  std::optional<std::string> old_version;
};

std::vector<std::string> extensions_of(const Settings& s) {
  return s.extensions.empty() ? std::vector<std::string>{".txt"} : s.extensions;
}

// Expands directories into the plan files below them (hidden directories skipped), sorted for a stable
// order; files named explicitly are taken whatever their extension.
std::vector<Target> expand(const CheckRequest& req, ConfigFinder& finder, std::vector<std::string>& errors) {
  std::vector<Target> out;
  for (const std::string& p : req.paths) {
    if (p == "-") {
      out.push_back({p, fs::current_path(), std::nullopt});
      continue;
    }
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back({p, fs::path(p).has_parent_path() ? fs::path(p).parent_path() : fs::current_path(), std::nullopt});
      continue;
    }
    Settings s;
    if (req.search_config && !req.config_file) {
      try {
        s = finder.for_directory(p).base;
      } catch (const InputError& e) {
        errors.push_back(e.describe());
      }
    }
    s.merge(req.command_line);
    const auto exts = extensions_of(s);
    std::vector<std::string> found;
    fs::recursive_directory_iterator it(p, fs::directory_options::skip_permission_denied, ec), end;
    if (ec) {
      errors.push_back(fmt::format("{}: error: cannot list directory: {}", p, ec.message()));
      continue;
    }
    for (; it != end; it.increment(ec)) {
      if (ec) break;
      const auto name = it->path().filename().string();
      if (it->is_directory(ec) && !name.empty() && name[0] == '.') {
        it.disable_recursion_pending();
        continue;
      }
      if (!it->is_regular_file(ec)) continue;
      const auto ext = it->path().extension().string();
      if (std::find(exts.begin(), exts.end(), ext) != exts.end()) found.push_back(it->path().string());
    }
    std::sort(found.begin(), found.end());
    for (auto& f : found) out.push_back({f, fs::path(f).parent_path(), std::nullopt});
  }
  return out;
}

// Pairs each document with its old version (CheckRequest::against); a misuse is one error and no targets.
bool pair_with_old_versions(const CheckRequest& req, std::vector<Target>& targets, std::vector<std::string>& errors) {
  if (!req.against) return true;
  const std::string& old = *req.against;
  if (old == "-") {
    errors.push_back("planlint: error: --against needs the old version's file or directory, not standard input");
    return false;
  }
  std::error_code ec;
  if (!fs::is_directory(old, ec)) {
    if (req.paths.size() != 1 || fs::is_directory(req.paths[0], ec)) {
      errors.push_back(fmt::format("planlint: error: --against {} is a file, so it compares one document: give one NEW "
                                   "file, or give --against a directory to compare directories by relative path",
                                   old));
      return false;
    }
    for (Target& t : targets) t.old_version = old;
    return true;
  }
  for (const std::string& p : req.paths) {
    if (!fs::is_directory(p, ec)) {
      errors.push_back(fmt::format("planlint: error: --against {} is a directory, so every NEW path must be a directory "
                                   "too, but {} is not; give --against a file to compare one document",
                                   old, p));
      return false;
    }
  }
  for (Target& t : targets) {
    for (const std::string& p : req.paths) {
      const fs::path rel = fs::path(t.path).lexically_relative(p);
      if (rel.empty() || *rel.begin() == "..") continue;
      const fs::path candidate = fs::path(old) / rel;
      if (fs::is_regular_file(candidate, ec)) t.old_version = candidate.string();
      break;
    }
  }
  return true;
}

void add_rule_files(const fs::path& p, std::vector<rules::RuleSource>& out) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    std::vector<fs::path> files;
    for (const auto& e : fs::recursive_directory_iterator(p, ec)) {
      if (e.is_regular_file() && e.path().extension() == ".rules") files.push_back(e.path());
    }
    std::sort(files.begin(), files.end());
    for (const auto& f : files) add_rule_files(f, out);
    return;
  }
  const Source src = load_source(p.string());
  out.push_back({p.string(), std::string(src.text())});
}

std::string describe_param(const ParamSetting& p) {
  return p.file.empty() ? std::string("command line") : p.file;
}

// The built-in rules alone, compiled once per process and deliberately never freed: they are embedded, so
// they cannot change, and freeing their expression trees at exit took 4 % of a one-document check. (Held
// through a static pointer, so leak checkers see them as still reachable.)
const std::shared_ptr<rules::RuleSet>& builtin_rule_set() {
  static const auto* set = new std::shared_ptr<rules::RuleSet>(
      std::make_shared<rules::RuleSet>(rules::RuleSet::compile(rules::builtin_rule_sources())));
  return *set;
}

}  // namespace

const rules::RuleSet& RuleSetCache::get(const Settings& s) {
  const std::string key = fmt::format("{}|{}", s.default_rules.value_or(true), fmt::join(s.rule_paths, "|"));
  std::lock_guard lock(mutex_);
  auto& slot = sets_[key];
  if (!slot) slot = s.default_rules.value_or(true) && s.rule_paths.empty() ? builtin_rule_set()
                                                                             : std::make_shared<rules::RuleSet>(compile_rules(s));
  return *slot;
}

void RuleSetCache::clear() {
  std::lock_guard lock(mutex_);
  sets_.clear();
}

CheckedDocument check_source(const Source& source, const Settings& s, RuleSetCache& cache, const Plan* old_version) {
  const rules::RuleSet& rules = cache.get(s);
  rules::EvalOptions options = eval_options(s, rules);
  options.source_text = source.bytes;
  const auto format = read::input_format_from_string(s.input_format.value_or("auto"));
  if (!format) throw InputError(source.name, fmt::format("unknown input format '{}'", *s.input_format));
  CheckedDocument d{read::read_plan(source, *format), {}, &rules};
  d.findings = apply_suppressions(d.plan, rules.evaluate(d.plan, options, old_version), selected(s.select, "unused-suppression"));
  attach_context(d.plan, source.bytes, d.findings);  // what baselines and SARIF fingerprints identify them by
  return d;
}

Settings document_settings(const std::string& path, const fs::path& config_dir, const Config* fixed,
                           bool search_config, ConfigFinder& finder, const Settings& command_line) {
  Settings s;
  if (fixed) s = fixed->for_document(path);
  else if (search_config) s = finder.for_directory(config_dir).for_document(path);
  s.merge(command_line);
  return s;
}

std::vector<rules::RuleSource> load_rule_sources(const std::vector<std::string>& paths) {
  std::vector<rules::RuleSource> out;
  for (const auto& p : paths) add_rule_files(p, out);
  return out;
}

rules::RuleSet compile_rules(const Settings& settings) {
  std::vector<rules::RuleSource> sources;
  if (settings.default_rules.value_or(true)) sources = rules::builtin_rule_sources();
  for (auto& s : load_rule_sources(settings.rule_paths)) sources.push_back(std::move(s));
  return rules::RuleSet::compile(sources);
}

rules::EvalOptions eval_options(const Settings& settings, const rules::RuleSet& rules) {
  rules::EvalOptions o;
  std::set<std::string, std::less<>> ids;
  for (const auto& r : rules.rules()) ids.insert(r.id);
  for (const auto& [id, rs] : settings.rules) {
    if (!ids.count(id)) {
      const std::string where = rs.params.empty() ? std::string("configuration") : describe_param(rs.params.begin()->second);
      throw InputError(where, fmt::format("unknown rule '{}' in [rules.{}]; `planlint rules` lists the rules", id, id),
                       rs.params.empty() ? std::nullopt : std::optional(rs.params.begin()->second.where));
    }
    if (rs.severity) o.severity[id] = *rs.severity;
    for (const auto& [name, p] : rs.params) {
      if (auto problem = rules.check_param(id, name, p.value)) throw InputError(describe_param(p), *problem, p.where);
      o.params[id][name] = p.value;
    }
  }
  if (!settings.spelling_words.empty() || !settings.spelling_word_files.empty()) {
    auto words = std::make_shared<spell::WordList>();
    for (const auto& w : settings.spelling_words) words->add(w);
    for (const auto& f : settings.spelling_word_files) words->add_all(spell::WordList::parse(load_source(f).text()));
    o.accepted_words = std::move(words);
  }
  o.enabled = [select = settings.select](std::string_view id) { return selected(select, id); };
  return o;
}

bool CheckResult::failed() const {
  for (const auto& d : documents) {
    for (const auto& f : d.findings) {
      if (f.severity >= d.fail_on) return true;
    }
  }
  return false;
}

bool CheckResult::has_errors() const {
  if (!errors.empty()) return true;
  return std::any_of(documents.begin(), documents.end(), [](const DocumentResult& d) { return d.error.has_value(); });
}

CheckResult run_check(const CheckRequest& req) {
  CheckResult result;
  ConfigFinder finder;
  std::optional<Config> fixed;
  if (req.config_file) {
    try {
      fixed = load_config(*req.config_file);
    } catch (const InputError& e) {
      result.errors.push_back(e.describe());
      return result;
    }
  }
  std::vector<Target> targets = expand(req, finder, result.errors);
  if (!pair_with_old_versions(req, targets, result.errors)) return result;
  result.documents.resize(targets.size());
  RuleSetCache cache;
  std::mutex rules_mutex;
  std::map<std::string, rules::RuleInfo> rules_in_force;

  auto check_one = [&](std::size_t i) {
    const Target& t = targets[i];
    DocumentResult& d = result.documents[i];
    d.file = t.path == "-" ? "<stdin>" : t.path;
    try {
      const Settings s = document_settings(t.path, t.config_dir, fixed ? &*fixed : nullptr, req.search_config, finder,
                                           req.command_line);
      d.fail_on = s.fail_on.value_or(Severity::error);
      d.source = load_source(t.path);
      // The old version is read in whatever format it is in (a draft against a final is the usual case).
      const std::optional<Plan> old_plan = t.old_version ? std::optional(read::read_plan(load_source(*t.old_version))) : std::nullopt;
      CheckedDocument checked = check_source(*d.source, s, cache, old_plan ? &*old_plan : nullptr);
      auto findings = std::move(checked.findings);
      const rules::RuleSet& rules = *checked.rules;
      if (req.baseline) {
        const std::size_t before = findings.size();
        findings = req.baseline->filter(std::move(findings));
        d.baselined = before - findings.size();
      }
      d.findings = std::move(findings);
      std::lock_guard lock(rules_mutex);
      for (const auto& r : rules.rules()) rules_in_force.emplace(r.id, r);
    } catch (const InputError& e) {
      d.error = e.describe();
    }
  };

  const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min<std::size_t>(req.jobs ? req.jobs : cores, targets.size());
  if (workers <= 1) {
    for (std::size_t i = 0; i < targets.size(); ++i) check_one(i);
  } else {
    // Largest documents first: the cost of a check grows faster than a document's size, so one large
    // plan taken last would keep one worker busy while the others wait. Results keep their places.
    std::vector<std::size_t> order(targets.size());
    std::vector<std::uintmax_t> sizes(targets.size(), 0);
    for (std::size_t i = 0; i < targets.size(); ++i) {
      order[i] = i;
      std::error_code ec;
      if (targets[i].path != "-") sizes[i] = std::filesystem::file_size(targets[i].path, ec);
      if (ec) sizes[i] = 0;
    }
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return sizes[a] > sizes[b]; });
    std::atomic<std::size_t> next{0};
    std::vector<std::thread> pool;
    for (std::size_t w = 0; w < workers; ++w) {
      pool.emplace_back([&] {
        for (std::size_t k; (k = next.fetch_add(1)) < targets.size();) check_one(order[k]);
      });
    }
    for (auto& th : pool) th.join();
  }
  for (auto& [id, info] : rules_in_force) result.rules.push_back(std::move(info));
  return result;
}

}  // namespace planlint::check
