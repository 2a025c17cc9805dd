#pragma once
// The rule engine's public face: compile rule files (docs/rule-language.md) once, then evaluate the
// compiled set against any number of plans, from any number of threads.
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "model/finding.hpp"
#include "model/plan.hpp"
#include "model/source_range.hpp"
#include "model/version_match.hpp"

namespace planlint::spell {
class WordList;
}

namespace planlint::rules {

using ParamValue = std::variant<bool, double, std::string>;

struct RuleSource {
  std::string name;  // appears in error messages, e.g. "rules/goal-measure-count.rules"
  std::string text;
  // The rules of `text` as pack_rules() wrote them when planlint was built (built-in rules only, static
  // storage); empty: `text` is parsed.
  std::string_view packed = {};
};

struct ParamInfo {
  std::string name;
  ParamValue default_value;
  std::string description;
};

struct RuleInfo {
  std::string id;
  Severity severity = Severity::error;
  std::string scope;    // "plan", "overview", "area", "goal", "measure", "version", "goal-pair", "measure-pair"
  std::string summary;  // one line
  std::string doc;      // what it checks, why it matters, example, how to fix (dedented)
  std::string file;
  SourcePosition where;  // of the `rule` keyword
  std::vector<ParamInfo> params;
  std::map<std::string, std::string> summaries;  // in other languages, by code ("fi"): `summary fi "…"`
  // The summary in `language`, else the untagged one.
  const std::string& summary_in(std::string_view language) const {
    const auto it = summaries.find(std::string(language));
    return it == summaries.end() ? summary : it->second;
  }
};

struct EvalOptions {
  std::function<bool(std::string_view rule_id)> enabled;             // empty: all rules enabled
  std::map<std::string, std::map<std::string, ParamValue>> params;   // rule id -> param -> value
  std::map<std::string, Severity> severity;                          // rule id -> overridden severity
  // Evaluation steps one rule may take on one document before it is stopped (and reported as an error
  // finding of that rule), so that a costly rule cannot hang a CI run.
  std::size_t step_budget = 20'000'000;
  // Bytes one text or list that a rule builds may hold (texts by their length, lists by their elements,
  // nested lists in full), so that a rule that joins or doubles texts is stopped and reported, not left to
  // run out of memory (issue 20).
  std::size_t value_bytes_limit = std::size_t{256} << 20;
  // The document's bytes (Source::bytes), for functions that need more than the model: exact ranges of
  // words inside text joined from several lines, and the document's vocabulary. Empty: only the model.
  std::string_view source_text;
  // Words the user's configuration accepts ([spelling] in .planlint.toml), for misspelt_words().
  std::shared_ptr<const spell::WordList> accepted_words;
  // The document's language as configured (`language` in .planlint.toml, --language): "fi", "sv", or
  // "auto", detected from the document (spell/language.hpp). The rules see it as plan.language.
  std::string language = "auto";
  // The language of the findings' messages and fixes ("en", "fi": --lang, `lang` in .planlint.toml, the
  // environment): each check's `message fi "…"`, else its untagged message.
  std::string message_language = "en";
  // Threads that evaluate this document's rules side by side (each rule on one thread, as rules share
  // nothing mutable): the language server's one document is all there is to check, and duplicate-measure
  // alone is ~40 % of a large plan's check. The findings are the same whatever the number.
  unsigned rule_threads = 1;
  // ... but only on a plan of at least this many measures: a thread's start and its own heap cost ~1.5 ms
  // (the sample check, 60 measures: 12.6 -> 14.4 ms with two), which a large plan's rules repay many times
  // (1 MB, ~4,000 measures: 80 -> 60 ms) and a plan as people write it (30–200 measures) does not.
  std::size_t rule_threads_from_measures = 1000;
};

struct CompiledRules;  // src/rules/compiled.hpp

class RuleSet {
 public:
  RuleSet();
  // Throws InputError(file, "expected …", position) on any syntax or semantic error; a rule id defined in
  // two places is an error.
  static RuleSet compile(const std::vector<RuleSource>& sources);

  const std::vector<RuleInfo>& rules() const;

  // Checks a user-supplied parameter: nullopt if fine, else a message.
  std::optional<std::string> check_param(std::string_view rule_id, std::string_view param,
                                         const ParamValue& v) const;

  // Thread-safe (const, no shared mutable state). Findings sorted by (range.begin.offset, rule id);
  // Finding.file = plan.file. With `versions` (an old version matched with `plan`, the new one: check/
  // gives diff::diff_plans(old, plan).match()), the cross-version rules (scopes version, goal-pair,
  // measure-pair) read its pairs; without it they are silent.
  std::vector<Finding> evaluate(const Plan& plan, const EvalOptions& options = {}, const VersionMatch* versions = nullptr) const;
  // Whether a rule these options enable reads the versions: the match is worth computing only then.
  bool reads_versions(const EvalOptions& options) const;

 private:
  std::shared_ptr<const CompiledRules> compiled_;  // immutable once built: copies share it
};

// The built-in rules (rules/*.rules, embedded at build time), named "rules/<file>.rules".
std::vector<RuleSource> builtin_rule_sources();

}  // namespace planlint::rules
