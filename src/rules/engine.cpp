#include "rules/engine.hpp"

#include <algorithm>
#include <atomic>
#include <cmath>
#include <exception>
#include <iterator>
#include <new>
#include <set>
#include <thread>

#include <fmt/format.h>

#include "grammar/keywords.hpp"
#include "model/error.hpp"
#include "rules/ast.hpp"
#include "rules/embedded.hpp"
#include "rules/eval.hpp"
#include "rules/fields.hpp"
#include "rules/pairs.hpp"
#include "rules/parser.hpp"
#include "rules/resolve.hpp"
#include "rules/rule_archive.hpp"
#include "text/utf8.hpp"

namespace planlint::rules {
namespace {

std::string kind_of(const ParamValue& v) {
  if (std::holds_alternative<bool>(v)) return "true or false";
  if (std::holds_alternative<double>(v)) return "a number";
  return "text";
}

// A number must be finite; where the default is a whole number the parameter is a count ("min = 6"), and
// its value must be a whole number, 0 or more: "min = 6.5" or "min = nan" would make a rule compare
// against a count that no plan can have (issue 20).
std::optional<std::string> number_problem(const ParamInfo& p, const ParamValue& v) {
  const double* given = std::get_if<double>(&v);
  if (!given) return std::nullopt;
  if (!std::isfinite(*given)) return std::string("expects a finite number");
  const double fallback = std::get<double>(p.default_value);
  const bool count = fallback == std::floor(fallback) && fallback >= 0;
  if (count && (*given != std::floor(*given) || *given < 0)) {
    return fmt::format("expects a count (a whole number, 0 or more) like its default {}, not {}", fallback, *given);
  }
  return std::nullopt;
}

Value to_value(const ParamValue& v) {
  return std::visit([](const auto& x) { return Value(x); }, v);
}

// Visits the nodes a rule's scope iterates, in document order; a pair scope iterates the versions' pairs, and
// nothing without an old version. Document nodes are made as they are visited, not gathered in a list
// first: on a plan of 200,000 measures that list was the largest thing after the model.
template <typename Visit>
void for_each_scope_node(Scope scope, const Plan& plan, const VersionMatch* versions, Visit&& visit) {
  if (is_pair_scope(scope)) {
    if (versions) {
      for (const NodeRef& node : pair_scope_nodes(scope, *versions)) visit(node);
    }
    return;
  }
  switch (scope) {
    case Scope::plan: visit(plan_node(plan)); break;
    case Scope::overview:
      for (const OverviewItem& o : plan.overview) visit(overview_node(plan, o));
      break;
    case Scope::area:
      for (const Area& a : plan.areas) visit(area_node(plan, a));
      break;
    case Scope::goal:
      for (const Goal& g : plan.goals) visit(goal_node(plan, g));
      break;
    case Scope::measure:
      for (const Goal& g : plan.goals) {
        for (std::size_t i = 0; i < g.measures.size(); ++i) visit(measure_node(plan, &g, g.measures[i], static_cast<int>(i)));
      }
      break;
    default: break;
  }
}

// "Replace 'Työkäisille' with 'Työikäisille'" ("Korvaa … tekstillä …"); long texts are shortened so that an
// editor's menu stays readable.
std::string fix_title(const std::string& old, const std::string& replacement, std::string_view language) {
  const auto shorten = [](const std::string& s) {
    constexpr std::size_t max_code_points = 40;
    std::size_t i = 0, n = 0;
    while (i < s.size() && n < max_code_points) {
      utf8::decode(s, i);
      ++n;
    }
    return i < s.size() ? s.substr(0, i) + "…" : s;
  };
  if (language == "fi") return fmt::format("Korvaa '{}' tekstillä '{}'", shorten(old), shorten(replacement));
  return fmt::format("Replace '{}' with '{}'", shorten(old), shorten(replacement));
}

class RuleRun {
 public:
  RuleRun(const Rule& rule, const Plan& plan, const VersionMatch* versions, const EvalOptions& options, std::vector<Finding>& out)
      : rule_(rule), plan_(plan), versions_(versions), options_(options), out_(out), ev_(plan, options.step_budget, rule.slot_count) {
    ev_.set_options(options);
    const auto sev = options.severity.find(rule.info.id);
    severity_ = sev == options.severity.end() ? rule.info.severity : sev->second;
  }

  void run() {
    SourceRange where;
    try {
      bind_params();
      for_each_scope_node(rule_.scope, plan_, versions_, [&](const NodeRef& node) {
        where = location_of(node);
        bind_context(node);
        for (const Let& l : rule_.lets) ev_.set(l.slot, ev_.eval(*l.value));
        for (const Check& c : rule_.checks) check(c, where);
      });
    } catch (const EvalError& e) {
      // One report per rule and document: the rule, not the document, needs fixing.
      fail(where, fmt::format("rule {} could not be evaluated ({}:{}:{}): {}", rule_.info.id, rule_.info.file,
                              e.where.line, e.where.column, e.message));
    } catch (const BudgetExceeded&) {
      fail(where, fmt::format("rule {} stopped: it took more than {} evaluation steps on this document",
                              rule_.info.id, options_.step_budget));
    } catch (const ValueTooLarge&) {
      const std::size_t limit = options_.value_bytes_limit;
      const std::string size = limit % (1u << 20) == 0 ? fmt::format("{} MiB", limit >> 20) : fmt::format("{} bytes", limit);
      fail(where, fmt::format("rule {} stopped: a text or list it built held more than {} on this document",
                              rule_.info.id, size));
    } catch (const std::bad_alloc&) {
      // Memory ran out even so (a value below the limit, many times over): this rule stops, the others run.
      fail(where, fmt::format("rule {} stopped: memory ran out while it was evaluated on this document", rule_.info.id));
    }
  }

 private:
  void bind_context(const NodeRef& node) {
    int slot = 0;
    ev_.set(slot++, node);
    if (rule_.scope == Scope::measure) ev_.set(slot++, goal_node(plan_, *node.goal));
    if (rule_.scope == Scope::goal_pair || rule_.scope == Scope::measure_pair) ev_.set(slot++, version_node(*versions_));
    else if (rule_.scope != Scope::plan && rule_.scope != Scope::version) ev_.set(slot++, plan_node(plan_));
  }

  // The parameters: the default, or the user's value of the same type. Bound once per rule and document,
  // not per node: every name the resolver binds has a slot of its own, so nothing else writes theirs.
  void bind_params() {
    const auto overrides = options_.params.find(rule_.info.id);
    List configured;
    for (const Param& p : rule_.params) {
      ParamValue v = p.info.default_value;
      if (overrides != options_.params.end()) {
        const auto o = overrides->second.find(p.info.name);
        if (o != overrides->second.end() && o->second.index() == v.index()) {
          v = o->second;
          configured.emplace_back(p.info.name);
        }
      }
      ev_.set(p.slot, to_value(v));
    }
    if (rule_.configured_slot >= 0) ev_.set(rule_.configured_slot, make_list(std::move(configured)));
  }

  void check(const Check& c, const SourceRange& node_range) {
    if (!c.each) {
      check_one(c, node_range);
      return;
    }
    const Value list = ev_.eval(*c.each->value);
    for (const Value& item : Evaluator::list_arg(list, *c.each->value, "'for'")) {
      ev_.set(c.each->slot, item);
      check_one(c, node_range);
    }
  }

  void check_one(const Check& c, const SourceRange& node_range) {
    for (const Let& l : c.lets) ev_.set(l.slot, ev_.eval(*l.value));
    if (c.when && !ev_.eval_bool(*c.when, "'when'")) return;
    if (ev_.eval_bool(*c.condition, c.report ? "'report'" : "'assert'") != c.report) return;
    Finding f;
    f.rule = rule_.info.id;
    f.severity = severity_;
    f.message = ev_.eval_display(message_in(c, options_.message_language));
    f.file = plan_.file;
    f.range = node_range;
    if (c.at) {
      const Value at = ev_.eval(*c.at);
      if (const NodeRef* n = at.as_node()) {
        if (is_document_kind(n->kind) && n->owner && n->owner != &plan_) {
          throw EvalError{"'at' names a part of the old version; findings point into the new document (use new.… or leave 'at' out)",
                          c.at->where};
        }
        f.range = location_of(*n);
      } else if (!at.is_null()) {
        throw EvalError{fmt::format("'at' expects a part of the document, got {}", type_name(at)), c.at->where};
      }
    }
    for (const FixClause& fix : c.fixes) add_fixes(fix, f);
    out_.push_back(std::move(f));
  }

  // "fix TARGET with REPLACEMENT": one Fix per replacement text; none for a null target or replacement.
  void add_fixes(const FixClause& fix, Finding& f) {
    const Value target = ev_.eval(*fix.target);
    if (target.is_null()) return;
    const NodeRef* n = target.as_node();
    if (!n) throw EvalError{fmt::format("'fix' expects a part of the document, got {}", type_name(target)), fix.target->where};
    const Value replacement = ev_.eval(*fix.replacement);
    std::vector<std::string> texts;
    if (const List* l = replacement.as_list()) {
      for (const Value& v : *l) {
        if (!v.is_null()) texts.emplace_back(Evaluator::text_arg(v, *fix.replacement, "'with'"));
      }
    } else if (!replacement.is_null()) {
      texts.emplace_back(Evaluator::text_arg(replacement, *fix.replacement, "'with'"));
    }
    const SourceRange range = location_of(*n);
    const std::string old = display(target);
    for (std::string& t : texts) {
      if (t == old) continue;  // replacing a text by itself fixes nothing
      f.fixes.push_back(Fix{fix_title(old, t, options_.message_language), range, std::move(t)});
    }
  }

  void fail(const SourceRange& where, std::string message) {
    out_.push_back(Finding{rule_.info.id, Severity::error, std::move(message), plan_.file, where, {}, {}, {}});
  }

  const Rule& rule_;
  const Plan& plan_;
  const VersionMatch* versions_;  // null: no old version, pair rules are silent
  const EvalOptions& options_;
  std::vector<Finding>& out_;
  Evaluator ev_;
  Severity severity_;
};

}  // namespace

const Expr& message_in(const Check& c, std::string_view language) {
  for (const auto& [code, text] : c.translations) {
    if (code == language) return *text;
  }
  return *c.message;
}

RuleSet::RuleSet() : compiled_(std::make_shared<const CompiledRules>()) {}

RuleSet RuleSet::compile(const std::vector<RuleSource>& sources) {
  auto compiled = std::make_shared<CompiledRules>();
  for (const RuleSource& src : sources) {
    for (Rule& rule : src.packed.empty() ? parse_rule_file(src) : unpack_rules(src.packed)) {
      try {
        resolve(rule);
      } catch (const CompileError& e) {
        throw InputError(src.name, e.message, e.where);
      }
      for (const Rule& other : compiled->rules) {
        if (other.info.id == rule.info.id) {
          throw InputError(src.name,
                           fmt::format("rule '{}' is already defined at {}:{}:{}", rule.info.id, other.info.file,
                                       other.info.where.line, other.info.where.column),
                           rule.info.where);
        }
      }
      compiled->infos.push_back(rule.info);
      compiled->rules.push_back(std::move(rule));
    }
  }
  RuleSet set;
  set.compiled_ = std::move(compiled);
  return set;
}

const std::vector<RuleInfo>& RuleSet::rules() const { return compiled_->infos; }

std::optional<std::string> RuleSet::check_param(std::string_view rule_id, std::string_view param,
                                                const ParamValue& v) const {
  const auto& infos = compiled_->infos;
  const auto rule = std::find_if(infos.begin(), infos.end(), [&](const RuleInfo& r) { return r.id == rule_id; });
  if (rule == infos.end()) return fmt::format("unknown rule '{}'", rule_id);
  std::vector<std::string_view> names;
  for (const ParamInfo& p : rule->params) {
    if (p.name == param) {
      const std::string named = fmt::format("parameter '{}' of rule {}", param, rule_id);
      if (p.default_value.index() != v.index()) return fmt::format("{} expects {}", named, kind_of(p.default_value));
      if (auto problem = number_problem(p, v)) return fmt::format("{} {}", named, *problem);
      return std::nullopt;
    }
    names.push_back(p.name);
  }
  if (names.empty()) return fmt::format("unknown parameter '{}' of rule {}; it has no parameters", param, rule_id);
  return fmt::format("unknown parameter '{}' of rule {}; known: {}", param, rule_id, fmt::join(names, ", "));
}

bool RuleSet::reads_versions(const EvalOptions& options) const {
  return std::any_of(compiled_->rules.begin(), compiled_->rules.end(), [&](const Rule& rule) {
    return is_pair_scope(rule.scope) && (!options.enabled || options.enabled(rule.info.id));
  });
}

std::vector<Finding> RuleSet::evaluate(const Plan& plan, const EvalOptions& options, const VersionMatch* versions) const {
  std::vector<const Rule*> enabled;
  for (const Rule& rule : compiled_->rules) {
    if (!options.enabled || options.enabled(rule.info.id)) enabled.push_back(&rule);
  }
  // Each rule's findings apart, joined in the rules' order: the same list whichever thread ran which rule.
  std::vector<std::vector<Finding>> found(enabled.size());
  std::vector<std::exception_ptr> failed(enabled.size());
  std::atomic<std::size_t> next{0};
  const auto run_rules = [&] {
    for (std::size_t i; (i = next++) < enabled.size();) {
      try {
        RuleRun(*enabled[i], plan, versions, options, found[i]).run();
      } catch (...) {  // kept for the caller's thread (a helper thread must not end the process)
        failed[i] = std::current_exception();
      }
    }
  };
  std::size_t measures = 0;
  for (const Goal& g : plan.goals) measures += g.measures.size();
  const std::size_t threads = measures >= options.rule_threads_from_measures ? std::min<std::size_t>(options.rule_threads, enabled.size()) : 1;
  {
    // The configuration's keywords are in effect per thread (grammar/keywords.hpp): the helpers take the
    // caller's, which is_keyword() and the grammars read.
    const grammar::ExtraKeywords* keywords = grammar::extra_keywords;
    std::vector<std::jthread> helpers;
    for (std::size_t t = 1; t < threads; ++t) {
      helpers.emplace_back([&run_rules, keywords] {
        const grammar::ExtraKeywordsScope scope(keywords);
        run_rules();
      });
    }
    run_rules();
  }  // the helpers are joined here
  for (const std::exception_ptr& e : failed) {
    if (e) std::rethrow_exception(e);
  }
  std::vector<Finding> out;
  for (auto& f : found) out.insert(out.end(), std::make_move_iterator(f.begin()), std::make_move_iterator(f.end()));
  std::stable_sort(out.begin(), out.end(), [](const Finding& a, const Finding& b) {
    if (a.range.begin.offset != b.range.begin.offset) return a.range.begin.offset < b.range.begin.offset;
    return a.rule < b.rule;
  });
  return out;
}

std::vector<RuleSource> builtin_rule_sources() {
  std::vector<RuleSource> out;
  for (const EmbeddedRuleFile& f : embedded_rule_files()) out.push_back(RuleSource{std::string(f.name), std::string(f.text), f.packed});
  return out;
}

}  // namespace planlint::rules
