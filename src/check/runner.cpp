#include "check/runner.hpp"

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <new>
#include <set>
#include <thread>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/locations.hpp"
#include "check/ordered_delivery.hpp"
#include "check/rule_names.hpp"
#include "check/suppression.hpp"
#include "diff/plan_diff.hpp"
#include "io/walk.hpp"
#include "model/error.hpp"
#include "read/document.hpp"
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
  return s.extensions.empty() ? std::vector<std::string>{".txt", ".md", ".docx", ".odt", ".pdf"} : s.extensions;
}

// A file a directory walk picks up: its name ends with one of the extensions and has more before it.
bool has_extension(const std::string& name, const std::vector<std::string>& exts) {
  return std::any_of(exts.begin(), exts.end(), [&](const std::string& e) {
    return name.size() > e.size() && name.compare(name.size() - e.size(), e.size(), e) == 0;
  });
}

// The plan files below directory `dir` (hidden directories skipped), sorted for a stable order. A directory
// with none is an error that says where planlint looked and for what: checking nothing is no pass; so is a
// directory below that could not be listed.
void expand_directory(const std::string& dir, const std::vector<std::string>& exts, std::vector<Target>& out,
                      std::vector<std::string>& errors) {
  const io::Walk walk = io::walk_files(dir, [&](const std::string& name) { return has_extension(name, exts); }, true);
  for (const io::WalkFailure& f : walk.failures) {
    errors.push_back(fmt::format("{}: error: cannot list directory: {}; its documents were not checked", f.dir, f.reason));
  }
  if (walk.files.empty()) {
    if (!walk.failures.empty()) return;
    errors.push_back(fmt::format("{}: error: no document to check: no file ending in {} in this directory or below "
                                 "(hidden directories skipped); --ext or `extensions` in .planlint.toml name others",
                                 dir, fmt::join(exts, " or ")));
    return;
  }
  for (const auto& f : walk.files) out.push_back({f, fs::path(f).parent_path(), std::nullopt});
}

// Expands directories into the plan files below them; files named explicitly are taken whatever their
// extension.
std::vector<Target> expand(const CheckRequest& req, const Config* fixed, ConfigFinder& finder,
                           std::vector<std::string>& errors) {
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
    if (fixed) {
      s = fixed->base;
    } else if (req.search_config) {
      try {
        s = finder.for_directory(p).base;
      } catch (const InputError& e) {
        errors.push_back(e.describe());
        continue;
      }
    }
    s.merge(req.command_line);
    expand_directory(p, extensions_of(s), out, errors);
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
    const io::Walk walk = io::walk_files(p.string(), [](const std::string& name) { return name.ends_with(".rules"); }, false);
    if (!walk.failures.empty()) {
      throw InputError(walk.failures.front().dir, fmt::format("cannot list directory: {}; its rule files were not loaded",
                                                              walk.failures.front().reason));
    }
    for (const auto& f : walk.files) add_rule_files(f, out);
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

namespace {
read::InputFormat input_format_of(const Settings& s, const std::string& document) {
  const auto format = read::input_format_from_string(s.input_format.value_or("auto"));
  if (!format) throw InputError(document, fmt::format("unknown input format '{}'", *s.input_format));
  return *format;
}
}  // namespace

CheckedDocument check_source(const Source& source, const Settings& s, RuleSetCache& cache, const Plan* old_version) {
  const grammar::ExtraKeywordsScope words(&s.keywords);  // [headings] and [columns], while reading and checking
  return check_plan(source, read::read_plan(source, input_format_of(s, source.name)), s, cache, old_version);
}

CheckedDocument check_plan(const Source& source, Plan plan, const Settings& s, RuleSetCache& cache, const Plan* old_version) {
  const rules::RuleSet& rules = cache.get(s);
  rules::EvalOptions options = eval_options(s, rules);
  options.source_text = source.bytes;
  CheckedDocument d{std::move(plan), {}, &rules};
  const RuleNames names = RuleNames::of(rules);
  const SuppressionOptions suppression{&names, selected(s.select, unused_suppression_rule),
                                       selected(s.select, invalid_suppression_rule), options.message_language};
  // The versions matched as `planlint diff` matches them, when a cross-version rule will read them.
  const std::optional<VersionMatch> versions =
      old_version && rules.reads_versions(options) ? std::optional(diff::diff_plans(*old_version, d.plan).match()) : std::nullopt;
  d.findings = apply_suppressions(d.plan, rules.evaluate(d.plan, options, versions ? &*versions : nullptr), suppression);
  attach_context(d.plan, source.bytes, d.findings);  // what baselines and SARIF fingerprints identify them by
  attach_locations(d.plan, d.findings);
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

namespace {

InputError setting_error(const SettingOrigin& origin, const std::string& message) {
  if (!origin.file.empty()) return InputError(origin.file, message, origin.where);
  if (!origin.option.empty()) return InputError("planlint", fmt::format("{}: {}", origin.option, message));
  return InputError("configuration", message);
}

// Every rule id and glob of `select` names a loaded rule: one that names none would silently match nothing.
void check_selection(const Settings& settings, const RuleNames& names) {
  for (std::size_t i = 0; i < settings.select.size(); ++i) {
    const std::string_view entry = settings.select[i];
    const std::string_view pattern = !entry.empty() && entry[0] == '-' ? entry.substr(1) : entry;
    if (names.known(pattern)) continue;
    throw setting_error(i < settings.select_origins.size() ? settings.select_origins[i] : SettingOrigin{},
                        names.unknown(pattern));
  }
}

// A [rules.<id>] table names exactly one loaded rule (not a glob, not a finding of planlint's own).
void check_rule_table(const std::string& id, const RuleSettings& rs, const std::set<std::string, std::less<>>& ids,
                      const RuleNames& names) {
  if (ids.count(id)) return;
  std::string why;
  if (id.find_first_of("*?") != std::string::npos) why = "takes one rule id, not a glob";
  else if (names.known(id)) why = fmt::format("'{}' is reported by planlint itself and has no severity or parameters to set; "
                                              "select or disable it instead", id);
  else why = names.unknown(id);
  SettingOrigin origin = rs.origin;
  if (origin.file.empty() && !rs.params.empty()) {
    const ParamSetting& p = rs.params.begin()->second;
    origin = {p.file, p.where, ""};
  }
  throw setting_error(origin, fmt::format("[rules.{}]: {}", id, why));
}

}  // namespace

rules::EvalOptions eval_options(const Settings& settings, const rules::RuleSet& rules) {
  rules::EvalOptions o;
  std::set<std::string, std::less<>> ids;
  for (const auto& r : rules.rules()) ids.insert(r.id);
  const RuleNames names = RuleNames::of(rules);
  check_selection(settings, names);
  for (const auto& [id, rs] : settings.rules) {
    check_rule_table(id, rs, ids, names);
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
  o.language = settings.language.value_or("auto");
  o.message_language = message_language_of(settings);
  o.rule_threads = settings.rule_threads.value_or(1);
  o.enabled = [select = settings.select](std::string_view id) { return selected(select, id); };
  return o;
}

void check_config_rule_names(const Config& config, const Settings& command_line, RuleSetCache& cache) {
  auto check_layer = [&](const Settings* override_settings) {
    Settings s = config.base;
    if (override_settings) s.merge(*override_settings);
    s.merge(command_line);
    (void)eval_options(s, cache.get(s));
  };
  check_layer(nullptr);
  for (const Config::Override& o : config.overrides) check_layer(&o.settings);
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

namespace {

std::vector<GoalSummary> goal_summaries(const Plan& plan) {
  std::vector<GoalSummary> out;
  for (std::size_t i = 0; i < plan.goals.size(); ++i) {
    const Goal& g = plan.goals[i];
    const bool has_sub_goals = i + 1 < plan.goals.size() && plan.goals[i + 1].parent == static_cast<int>(i);
    out.push_back({label_of(g), std::string(g.title.text), g.heading.begin.offset, g.measures.size(),
                   level_of(plan, g) == GoalLevel::goal && !has_sub_goals});
  }
  return out;
}

// What goal-measure-count holds the plan to, or the plan's own declared range (declared-measure-range);
// none when goal-measure-count is not among the rules or its parameters are not numbers.
std::optional<MeasureRange> measure_range_of(const Plan& plan, const Settings& s, const rules::RuleSet& rules) {
  if (const Claim* c = declared(plan).measure_range) return MeasureRange{c->min, c->max, MeasureRange::Origin::declared};
  const auto& infos = rules.rules();
  const auto rule = std::find_if(infos.begin(), infos.end(), [](const rules::RuleInfo& r) { return r.id == "goal-measure-count"; });
  if (rule == infos.end() || !selected(s.select, rule->id)) return std::nullopt;
  const auto configured = s.rules.find(rule->id);
  bool any_configured = false;
  const auto value = [&](const std::string& name) -> std::optional<int> {
    if (configured != s.rules.end()) {
      if (const auto p = configured->second.params.find(name); p != configured->second.params.end()) {
        any_configured = true;
        if (const double* d = std::get_if<double>(&p->second.value)) return static_cast<int>(*d);
        return std::nullopt;
      }
    }
    for (const auto& p : rule->params) {
      if (const double* d = std::get_if<double>(&p.default_value); d && p.name == name) return static_cast<int>(*d);
    }
    return std::nullopt;
  };
  const auto min = value("min"), max = value("max");
  if (!min || !max) return std::nullopt;
  return MeasureRange{*min, *max, any_configured ? MeasureRange::Origin::configured : MeasureRange::Origin::planlint_default};
}

}  // namespace

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
  std::vector<Target> targets = expand(req, fixed ? &*fixed : nullptr, finder, result.errors);
  if (!pair_with_old_versions(req, targets, result.errors)) return result;
  if (!req.on_document) result.documents.resize(targets.size());
  RuleSetCache cache;
  std::mutex rules_mutex;
  std::map<std::string, rules::RuleInfo> rules_in_force;
  // Each configuration's rule names are checked once; every document under a broken one reports the error.
  std::mutex configs_mutex;
  std::map<const Config*, std::optional<InputError>> configs_checked;
  auto check_config_once = [&](const Config& config) {
    {
      std::lock_guard lock(configs_mutex);
      if (const auto it = configs_checked.find(&config); it != configs_checked.end()) {
        if (it->second) throw *it->second;
        return;
      }
    }
    std::optional<InputError> error;
    try {
      check_config_rule_names(config, req.command_line, cache);
    } catch (const InputError& e) {
      error = e;
    }
    std::lock_guard lock(configs_mutex);
    configs_checked.emplace(&config, error);
    if (error) throw *error;
  };

  const std::size_t jobs = req.jobs ? req.jobs : std::max(1u, std::thread::hardware_concurrency());
  const std::size_t workers = std::min(jobs, targets.size());
  const auto rule_threads = static_cast<unsigned>(targets.empty() ? 1 : std::max<std::size_t>(1, jobs / targets.size()));
  auto check_one = [&](std::size_t i, DocumentResult& d) {
    const Target& t = targets[i];
    d.file = t.path == "-" ? "<stdin>" : t.path;
    try {
      Settings s = document_settings(t.path, t.config_dir, fixed ? &*fixed : nullptr, req.search_config, finder,
                                     req.command_line);
      // Cores that no other document takes check this one's rules side by side (one large plan, -j 2).
      if (!s.rule_threads) s.rule_threads = rule_threads;
      const Config* config = fixed ? &*fixed : req.search_config ? &finder.for_directory(t.config_dir) : nullptr;
      if (config && !config->path.empty()) check_config_once(*config);
      d.fail_on = s.fail_on.value_or(Severity::error);
      d.message_language = message_language_of(s);
      const grammar::ExtraKeywordsScope words(&s.keywords);  // [headings] and [columns], while reading and checking
      read::Document document = read::read_document(t.path, input_format_of(s, d.file));
      d.source = std::move(document.source);
      // The old version is read in whatever format it is in (a draft against a final is the usual case).
      // --against, else the configuration's `against` (a report's programme, declared once for CI).
      const std::optional<std::string> old_version = t.old_version ? t.old_version : s.against;
      const std::optional<Plan> old_plan = old_version ? std::optional(read::read_document(*old_version).plan) : std::nullopt;
      d.goals = goal_summaries(document.plan);
      d.range = measure_range_of(document.plan, s, cache.get(s));
      CheckedDocument checked = check_plan(*d.source, std::move(document.plan), s, cache, old_plan ? &*old_plan : nullptr);
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
    } catch (const std::bad_alloc&) {
      // Issue 20: memory that runs out on one document (a huge plan, a low ulimit) ends that document's
      // check, not the whole run; what it had built is freed as the exception unwinds.
      d.findings.clear();
      d.error = InputError(d.file, "ran out of memory while reading or checking this document; it was not checked "
                                   "(split it, or raise the memory limit)").describe();
    } catch (const std::exception& e) {
      // Anything else thrown here would end the run (or, in a worker thread, call std::terminate).
      d.findings.clear();
      d.error = InputError(d.file, fmt::format("internal error while checking this document: {}", e.what())).describe();
    }
  };

  if (req.on_document) {
    // Streaming: documents are taken in input order (not largest first), so that a result waits only for
    // the few documents in flight before it; the window bounds how many wait.
    OrderedDelivery<DocumentResult> delivery(targets.size(), 4 * std::max<std::size_t>(workers, 1), req.on_document);
    const auto work = [&] {
      while (const auto i = delivery.take()) {
        DocumentResult d;
        check_one(*i, d);
        delivery.finish(*i, std::move(d));
      }
    };
    std::vector<std::thread> pool;
    for (std::size_t w = 1; w < workers; ++w) pool.emplace_back(work);
    work();
    for (auto& th : pool) th.join();
  } else if (workers <= 1) {
    for (std::size_t i = 0; i < targets.size(); ++i) check_one(i, result.documents[i]);
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
        for (std::size_t k; (k = next.fetch_add(1)) < targets.size();) check_one(order[k], result.documents[order[k]]);
      });
    }
    for (auto& th : pool) th.join();
  }
  for (auto& [id, info] : rules_in_force) result.rules.push_back(std::move(info));
  return result;
}

}  // namespace planlint::check
