#pragma once
// Helpers for the rule-engine tests: compile one small rule, evaluate it on a small draft, and render the
// findings one per line.
#include <string>

#include <fmt/format.h>

#include "model/error.hpp"
#include "read/draft_reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

namespace planlint::test {

// A small plan: two goals, a declared goal count and measure range, an overview with a longer title.
inline const char* const small_plan =
    "Suunnitelma\n"                                                  // 1
    "\n"                                                             // 2
    "Tavoitteita on kaksi ja 2–3 toimenpidettä.\n"                   // 3
    "\n"                                                             // 4
    "- TAVOITE 1. Liikunta\n"                                        // 5
    "- TAVOITE 2. Kulttuuri ja taide\n"                              // 6
    "\n"                                                             // 7
    "TAVOITE 1. Liikunta\n"                                          // 8
    "\n"                                                             // 9
    "Toimenpide\tMittari\n"                                          // 10
    "Lisätään liikuntaryhmiä.\tRyhmien määrä\n"                      // 11
    "Avataan uimahalli.\n"                                           // 12
    "\n"                                                             // 13
    "TAVOITE 2. Kulttuuri  ja taide\n"                               // 14
    "\n"                                                             // 15
    "Toimenpide\tMittari\tVastuutaho\n"                              // 16
    "Lisätään konsertteja.\tKonserttien määrä\tKulttuuri\n";         // 17

inline Plan read_text(const std::string& text) { return read::read_draft(make_source("d.txt", text)); }

inline rules::RuleSet compile_rule(const std::string& scope, const std::string& body, const std::string& params = "") {
  const std::string text = fmt::format("rule t {{\n  severity warning\n  scope {}\n  summary \"s\"\n{}\n{}\n  doc \"d\"\n}}\n",
                                       scope, params, body);
  return rules::RuleSet::compile({rules::RuleSource{"t.rules", text}});
}

inline std::string render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += fmt::format("{}:{}-{}:{}: {}: {} [{}]\n", f.range.begin.line, f.range.begin.column, f.range.end.line,
                       f.range.end.column, to_string(f.severity), f.message, f.rule);
  }
  return out;
}

// Findings of one rule (scope and body) on a document.
inline std::string run(const std::string& scope, const std::string& body, const std::string& doc = small_plan,
                       const rules::EvalOptions& options = {}) {
  return render(compile_rule(scope, body).evaluate(read_text(doc), options));
}

// The value of an expression in plan scope, as a message reads it; evaluation errors read as such.
inline std::string value_of(const std::string& expr, const std::string& doc = small_plan) {
  const auto findings = compile_rule("plan", "  report true\n  message \"{" + expr + "}\"").evaluate(read_text(doc));
  if (findings.size() != 1) return "<" + std::to_string(findings.size()) + " findings>";
  return findings.front().message;
}

// The compile error of a rule body, as `file:line:col: error: message`; the body starts on line 6.
inline std::string compile_error(const std::string& scope, const std::string& body, const std::string& params = "") {
  try {
    compile_rule(scope, body, params);
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

}  // namespace planlint::test
