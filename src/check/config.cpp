#include "check/config.hpp"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <iterator>

#include <fmt/format.h>

#include "check/glob.hpp"
#include "check/toml.hpp"
#include "check/toml_guard.hpp"
#include "model/error.hpp"
#include "spell/language.hpp"

namespace planlint::check {
namespace {

SourcePosition where_of(const toml::node& n) {
  const auto& s = n.source().begin;
  return SourcePosition{0, s.line, s.column};
}

SourcePosition where_of(const toml::key& k) {
  const auto& s = k.source().begin;
  return SourcePosition{0, s.line, s.column};
}

[[noreturn]] void fail(const std::string& file, const toml::node& n, const std::string& message) {
  throw InputError(file, message, where_of(n));
}

std::vector<std::string> string_list(const std::string& file, const toml::node& n, std::string_view key) {
  const auto* arr = n.as_array();
  if (!arr) fail(file, n, fmt::format("'{}' must be a list of strings", key));
  std::vector<std::string> out;
  for (const auto& e : *arr) {
    const auto s = e.value<std::string>();
    if (!s) fail(file, e, fmt::format("'{}' must be a list of strings", key));
    out.push_back(*s);
  }
  return out;
}

Severity severity_of(const std::string& file, const toml::node& n, std::string_view key) {
  const auto s = n.value<std::string>();
  const auto sev = s ? severity_from_string(*s) : std::nullopt;
  if (!sev) fail(file, n, fmt::format("'{}' must be \"error\", \"warning\" or \"info\"", key));
  return *sev;
}

RuleSettings rule_settings(const std::string& file, const toml::key& id, const toml::table& t) {
  RuleSettings rs;
  rs.origin = {file, where_of(id), ""};
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (key == "severity") {
      rs.severity = severity_of(file, v, key);
    } else if (auto b = v.value_exact<bool>()) {
      rs.params[key] = {*b, file, where_of(v)};
    } else if (auto d = v.value<double>()) {
      rs.params[key] = {*d, file, where_of(v)};
    } else if (auto s = v.value_exact<std::string>()) {
      rs.params[key] = {*s, file, where_of(v)};
    } else {
      fail(file, v, fmt::format("rule parameter '{}' must be a number, a string or a boolean", key));
    }
  }
  return rs;
}

// `select` (ordered globs, "-" disables), `enable` and `disable` (shorthands), each entry with its position
// so that an unknown rule id is reported where it was written.
void add_selection(const std::string& file, const toml::node& v, const std::string& key, Settings& s) {
  const auto* arr = v.as_array();
  if (!arr) fail(file, v, fmt::format("'{}' must be a list of strings", key));
  for (const auto& e : *arr) {
    const auto p = e.value<std::string>();
    if (!p) fail(file, e, fmt::format("'{}' must be a list of strings", key));
    s.select.push_back(key == "disable" ? "-" + *p : *p);
    s.select_origins.push_back({file, where_of(e), ""});
  }
}

std::vector<std::string> extension_list(const std::string& file, const toml::node& v) {
  std::vector<std::string> out;
  const auto* arr = v.as_array();
  if (!arr || arr->empty()) fail(file, v, "'extensions' must be a list of one or more extensions, e.g. [\".txt\"]");
  for (const auto& e : *arr) {
    const auto raw = e.value<std::string>();
    if (!raw) fail(file, e, "'extensions' must be a list of strings, e.g. [\".txt\"]");
    std::string problem;
    auto ext = normalize_extension(*raw, problem);
    if (!ext) fail(file, e, fmt::format("'extensions': {}", problem));
    out.push_back(std::move(*ext));
  }
  return out;
}

// The keys of [headings] and [columns], and the keyword-table role each adds words to.
struct KeywordKey {
  std::string_view section, key;
  grammar::role role;
};
constexpr KeywordKey keyword_keys[] = {
    {"headings", "goal", grammar::role::goal},
    {"headings", "benefit-goal", grammar::role::benefit_goal},
    {"headings", "area", grammar::role::area},
    {"headings", "status", grammar::role::status},
    {"columns", "measure", grammar::role::measure_header},
    {"columns", "indicator", grammar::role::indicator_header},
    {"columns", "responsible", grammar::role::responsible_header},
    {"columns", "schedule", grammar::role::schedule_header},
    {"columns", "resources", grammar::role::resources_header},
    {"columns", "target", grammar::role::target_header},
    {"columns", "status", grammar::role::status_header},
};

// [headings] goal = ["Kehittämiskohde"], [columns] indicator = ["Seuranta"]: single words, added to the
// keyword table for the documents this configuration covers.
void add_keywords(const std::string& file, const toml::node& v, const std::string& section, grammar::ExtraKeywords& out) {
  std::string known;
  for (const KeywordKey& k : keyword_keys) {
    if (k.section == section) known += (known.empty() ? "" : ", ") + std::string(k.key);
  }
  const auto* t = v.as_table();
  if (!t) fail(file, v, fmt::format("'{}' must be a table: [{}] with {} = [\"word\", ...]", section, section, known));
  for (const auto& [name, words] : *t) {
    const std::string_view key = name.str();  // (a structured binding cannot be captured before C++20 in clang 14)
    const auto it = std::find_if(std::begin(keyword_keys), std::end(keyword_keys),
                                 [&](const KeywordKey& k) { return k.section == section && k.key == key; });
    if (it == std::end(keyword_keys)) fail(file, words, fmt::format("unknown key '{}' in [{}]; known: {}", name.str(), section, known));
    for (const std::string& w : string_list(file, words, std::string(name.str()))) {
      if (w.empty() || grammar::word_length(w.data(), w.data() + w.size()) != w.size()) {
        fail(file, words, fmt::format("[{}] {}: \"{}\" is not a single word (letters and digits only)", section, name.str(), w));
      }
      out.words[static_cast<std::size_t>(it->role)].push_back(grammar::fold_keyword(w));
    }
  }
}

Settings settings_of(const std::string& file, const toml::table& t, bool allow_override) {
  Settings s;
  const auto dir = std::filesystem::path(file).parent_path();
  for (const auto& [k, v] : t) {
    const std::string key(k.str());
    if (key == "rule-paths") {
      for (const auto& p : string_list(file, v, key)) s.rule_paths.push_back((dir / p).lexically_normal().string());
    } else if (key == "default-rules") {
      const auto b = v.value_exact<bool>();
      if (!b) fail(file, v, "'default-rules' must be true or false");
      s.default_rules = *b;
    } else if (key == "select" || key == "enable" || key == "disable") {
      add_selection(file, v, key, s);
    } else if (key == "fail-on") {
      s.fail_on = severity_of(file, v, key);
    } else if (key == "extensions") {
      s.extensions = extension_list(file, v);
    } else if (key == "input-format") {
      const auto f = v.value_exact<std::string>();
      if (!f) fail(file, v, "'input-format' must be a string");
      s.input_format = *f;
    } else if (key == "against") {
      const auto a = v.value_exact<std::string>();
      if (!a || a->empty()) fail(file, v, "'against' must be the path of the old version or programme, relative to this file");
      s.against = (dir / *a).lexically_normal().string();
    } else if (key == "language") {
      const auto l = v.value_exact<std::string>();
      if (!l || !spell::is_language_setting(*l)) {
        fail(file, v, fmt::format("'language' must be \"fi\" (Finnish, Voikko), \"sv\" (Swedish, Hunspell) or \"auto\" "
                                  "(detected per document){}",
                                  l ? fmt::format(", not \"{}\"", *l) : std::string()));
      }
      s.language = *l;
    } else if (key == "lang") {
      const auto l = v.value_exact<std::string>();
      if (!l || !is_message_language(*l)) {
        fail(file, v, fmt::format("'lang' must be \"fi\" or \"en\": the language of planlint's messages{}",
                                  l ? fmt::format(", not \"{}\"", *l) : std::string()));
      }
      s.lang = *l;
    } else if (key == "rules") {
      const auto* rules = v.as_table();
      if (!rules) fail(file, v, "'rules' must be a table of rule ids, e.g. [rules.goal-measure-count]");
      for (const auto& [id, body] : *rules) {
        const auto* bt = body.as_table();
        if (!bt) fail(file, body, fmt::format("[rules.{}] must be a table", id.str()));
        s.rules[std::string(id.str())] = rule_settings(file, id, *bt);
      }
    } else if (key == "spelling") {
      const auto* sp = v.as_table();
      if (!sp) fail(file, v, "'spelling' must be a table: [spelling] with words = [...] and word-files = [...]");
      for (const auto& [sk, sv] : *sp) {
        const std::string skey(sk.str());
        if (skey == "words") {
          for (auto& w : string_list(file, sv, skey)) s.spelling_words.push_back(std::move(w));
        } else if (skey == "word-files") {
          for (const auto& p : string_list(file, sv, skey)) s.spelling_word_files.push_back((dir / p).lexically_normal().string());
        } else {
          fail(file, sv, fmt::format("unknown setting '{}' in [spelling]; known: words, word-files", skey));
        }
      }
    } else if (key == "headings" || key == "columns") {
      add_keywords(file, v, key, s.keywords);
    } else if (key == "override" && allow_override) {
      // handled by load_config
    } else if (key == "paths" && !allow_override) {
      // handled by load_config
    } else {
      fail(file, v, fmt::format("unknown setting '{}'; known: rule-paths, default-rules, select, enable, disable, "
                                "fail-on, extensions, input-format, language, lang, against, [rules.<id>], [spelling], "
                                "[headings], [columns], [[override]]",
                                key));
    }
  }
  return s;
}

}  // namespace

bool is_message_language(std::string_view code) { return code == "fi" || code == "en"; }

std::string message_language_from_environment() {
  for (const char* name : {"LC_ALL", "LC_MESSAGES", "LANG"}) {
    const char* v = std::getenv(name);
    if (v && *v) return std::string_view(v).substr(0, 2) == "fi" ? "fi" : "en";
  }
  return "en";
}

std::string message_language_of(const Settings& s) { return s.lang ? *s.lang : message_language_from_environment(); }

std::string run_message_language(const Settings& command_line, const std::optional<std::string>& config_file, bool search,
                                 const std::vector<std::string>& paths) {
  if (command_line.lang) return *command_line.lang;
  try {
    namespace fs = std::filesystem;
    fs::path dir = fs::current_path();
    if (!paths.empty() && paths.front() != "-") {
      const fs::path first = fs::absolute(paths.front());
      dir = fs::is_directory(first) ? first : first.parent_path();
    }
    ConfigFinder finder;
    const Config config = config_file ? load_config(*config_file) : search ? finder.for_directory(dir) : Config{};
    if (config.base.lang) return *config.base.lang;
  } catch (const InputError&) {
  } catch (const std::filesystem::filesystem_error&) {
  }
  return message_language_from_environment();
}

void Settings::merge(const Settings& top) {
  rule_paths.insert(rule_paths.end(), top.rule_paths.begin(), top.rule_paths.end());
  if (top.default_rules) default_rules = top.default_rules;
  // Origins stay parallel to `select`: a layer built in code may have entries without them.
  select_origins.resize(select.size());
  select.insert(select.end(), top.select.begin(), top.select.end());
  select_origins.insert(select_origins.end(), top.select_origins.begin(), top.select_origins.end());
  select_origins.resize(select.size());
  if (top.fail_on) fail_on = top.fail_on;
  if (!top.extensions.empty()) extensions = top.extensions;
  if (top.input_format) input_format = top.input_format;
  if (top.language) language = top.language;
  if (top.lang) lang = top.lang;
  if (top.against) against = top.against;
  if (top.rule_threads) rule_threads = top.rule_threads;
  spelling_words.insert(spelling_words.end(), top.spelling_words.begin(), top.spelling_words.end());
  spelling_word_files.insert(spelling_word_files.end(), top.spelling_word_files.begin(), top.spelling_word_files.end());
  for (std::size_t r = 0; r < keywords.words.size(); ++r) {
    keywords.words[r].insert(keywords.words[r].end(), top.keywords.words[r].begin(), top.keywords.words[r].end());
  }
  for (const auto& [id, rs] : top.rules) {
    RuleSettings& mine = rules[id];
    mine.origin = rs.origin;
    if (rs.severity) mine.severity = rs.severity;
    for (const auto& [k, v] : rs.params) mine.params[k] = v;
  }
}

Settings Config::for_document(const std::string& document) const {
  Settings s = base;
  if (path.empty()) return s;
  const auto dir = std::filesystem::absolute(path).parent_path();
  const std::string rel = std::filesystem::absolute(document).lexically_normal().lexically_relative(dir).generic_string();
  for (const Override& o : overrides) {
    if (any_glob_match(o.paths, rel, true)) s.merge(o.settings);
  }
  return s;
}

Config load_config(const std::string& path) {
  // toml++ gets the document in ASCII only, and text it cannot take safely is refused first
  // (check/toml_guard.hpp).
  std::ifstream in{path, std::ios::binary};
  if (!in) throw InputError(path, "cannot be read", SourcePosition{});
  const std::string text{std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
  TomlGuardResult safe = make_toml_safe(text);
  if (safe.error) throw InputError(path, safe.error->message, safe.error->where);
  toml::table t;
  try {
    t = toml::parse(safe.ascii, path);
  } catch (const toml::parse_error& e) {
    const auto& b = e.source().begin;
    throw InputError(path, std::string(e.description()), SourcePosition{0, b.line, b.column});
  }
  Config c;
  c.path = path;
  c.base = settings_of(path, t, true);
  if (const auto* ov = t.get("override")) {
    const auto* arr = ov->as_array();
    if (!arr) fail(path, *ov, "'override' must be an array of tables: [[override]]");
    for (const auto& e : *arr) {
      const auto* et = e.as_table();
      if (!et) fail(path, e, "each [[override]] must be a table");
      Config::Override o;
      const auto* paths = et->get("paths");
      if (!paths) fail(path, e, "[[override]] needs 'paths', a list of globs");
      o.paths = string_list(path, *paths, "paths");
      o.settings = settings_of(path, *et, false);
      c.overrides.push_back(std::move(o));
    }
  }
  return c;
}

const Config& ConfigFinder::for_directory(const std::filesystem::path& start) {
  std::lock_guard lock(mutex_);
  const std::string key = std::filesystem::absolute(start).lexically_normal().string();
  if (auto it = by_dir_.find(key); it != by_dir_.end()) return *it->second;
  std::shared_ptr<const Config> found;
  for (auto dir = std::filesystem::path(key);; dir = dir.parent_path()) {
    const auto candidate = dir / config_file_name;
    std::error_code ec;
    if (std::filesystem::is_regular_file(candidate, ec)) {
      auto& slot = by_file_[candidate.string()];
      if (!slot) slot = std::make_shared<const Config>(load_config(candidate.string()));
      found = slot;
      break;
    }
    if (!dir.has_parent_path() || dir.parent_path() == dir) break;
  }
  if (!found) found = std::make_shared<const Config>();
  return *(by_dir_[key] = found);
}

std::optional<std::string> normalize_extension(std::string_view extension, std::string& problem) {
  std::string ext(extension);
  if (!ext.empty() && ext[0] != '.') ext.insert(ext.begin(), '.');
  if (ext.size() < 2) {
    problem = fmt::format("'{}' is not an extension; write one such as .txt", extension);
    return std::nullopt;
  }
  if (ext.find_first_of("/\\ \t\r\n*?[") != std::string::npos) {
    problem = fmt::format("'{}' cannot end a file name: an extension has no path separator, white space or "
                          "wildcard; write one such as .txt",
                          extension);
    return std::nullopt;
  }
  return ext;
}

bool selected(const std::vector<std::string>& select, std::string_view id) {
  bool on = true;
  for (const auto& s : select) {
    const bool off = !s.empty() && s[0] == '-';
    if (glob_match(off ? std::string_view(s).substr(1) : std::string_view(s), id)) on = !off;
  }
  return on;
}

}  // namespace planlint::check
