#include "check/suppression.hpp"

#include <algorithm>
#include <limits>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/glob.hpp"
#include "grammar/directive.hpp"

namespace planlint::check {
namespace {

namespace gdir = planlint::grammar::directive;
namespace pegtl = tao::pegtl;

enum class Verb { next_line, file, disable, enable };

struct Directive {
  Verb verb = Verb::disable;
  std::vector<std::string> patterns;  // empty: every rule
  const Span* comment = nullptr;
  std::size_t first_line = 0, last_line = 0;  // lines it covers (disable ranges are closed later)
  bool used = false;
};

template <typename Rule>
struct action : pegtl::nothing<Rule> {};
template <>
struct action<gdir::disable_next_line> {
  static void apply0(Directive& d) { d.verb = Verb::next_line; }
};
template <>
struct action<gdir::disable_file> {
  static void apply0(Directive& d) { d.verb = Verb::file; }
};
template <>
struct action<gdir::disable> {
  static void apply0(Directive& d) { d.verb = Verb::disable; }
};
template <>
struct action<gdir::enable> {
  static void apply0(Directive& d) { d.verb = Verb::enable; }
};
template <>
struct action<gdir::rule_pattern> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, Directive& d) { d.patterns.push_back(in.string()); }
};

std::vector<Directive> directives_of(const Plan& plan) {
  constexpr std::size_t end_of_file = std::numeric_limits<std::size_t>::max();
  std::vector<Directive> out;
  for (const Span& c : plan.comments) {
    Directive d;
    pegtl::memory_input in(c.text, "comment");
    if (!pegtl::parse<gdir::directive, action>(in, d)) continue;
    d.comment = &c;
    const std::size_t line = c.range.begin.line;
    switch (d.verb) {
      case Verb::next_line: d.first_line = d.last_line = line + 1; break;
      case Verb::file: d.first_line = 0, d.last_line = end_of_file; break;
      case Verb::disable: d.first_line = line, d.last_line = end_of_file; break;
      case Verb::enable: break;
    }
    if (d.verb == Verb::enable) {
      // Close the open ranges it names (or all of them).
      for (Directive& open : out) {
        if (open.verb != Verb::disable || open.last_line != end_of_file) continue;
        const bool names = d.patterns.empty() ||
                           std::any_of(open.patterns.begin(), open.patterns.end(), [&](const std::string& p) {
                             return any_glob_match(d.patterns, p);
                           });
        if (names) open.last_line = line;
      }
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::vector<Finding> apply_suppressions(const Plan& plan, std::vector<Finding> findings, bool report_unused) {
  std::vector<Directive> directives = directives_of(plan);
  if (directives.empty()) return findings;
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    bool suppressed = false;
    for (Directive& d : directives) {
      const std::size_t line = f.range.begin.line;
      if (line < d.first_line || line > d.last_line) continue;
      if (!d.patterns.empty() && !any_glob_match(d.patterns, f.rule)) continue;
      d.used = true;
      suppressed = true;
    }
    if (!suppressed) kept.push_back(std::move(f));
  }
  if (report_unused) {
    for (const Directive& d : directives) {
      if (d.used) continue;
      kept.push_back(Finding{"unused-suppression", Severity::warning,
                             d.patterns.empty() ? std::string("this planlint directive silences no finding; remove it")
                                                : fmt::format("this planlint directive ({}) silences no finding; remove it",
                                                              fmt::join(d.patterns, ", ")),
                             plan.file, d.comment->range, {}, {}});
    }
    std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
      return a.range.begin.offset < b.range.begin.offset;
    });
  }
  return kept;
}

}  // namespace planlint::check
