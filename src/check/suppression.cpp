#include "check/suppression.hpp"

#include <algorithm>
#include <cctype>
#include <limits>
#include <optional>
#include <string>

#include <fmt/format.h>
#include <fmt/ranges.h>

#include "check/glob.hpp"
#include "grammar/directive.hpp"

namespace planlint::check {
namespace {

std::string unused_message(const std::vector<std::string>& patterns, std::string_view language) {
  const bool fi = language == "fi";
  if (patterns.empty()) return fi ? "tämä planlint-direktiivi ei vaienna yhtään löydöstä; poista se" : "this planlint directive silences no finding; remove it";
  const std::string ids = fmt::format("{}", fmt::join(patterns, ", "));
  return fi ? fmt::format("tämä planlint-direktiivi ({}) ei vaienna yhtään löydöstä; poista se", ids)
            : fmt::format("this planlint directive ({}) silences no finding; remove it", ids);
}

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

template <>
struct action<gdir::head_word> {
  template <typename ActionInput>
  static void apply(const ActionInput& in, std::string& word) { word = in.string(); }
};

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

// Why a comment that is not a directive looks like a misspelt one, or nullopt for an ordinary comment.
std::optional<std::string> misspelt_directive(std::string_view comment) {
  std::string word;
  pegtl::memory_input in(comment, "comment");
  if (!pegtl::parse<gdir::head, action>(in, word)) return std::nullopt;
  const std::string folded = lower(word);
  const std::vector<std::string> keywords(std::begin(gdir::keywords), std::end(gdir::keywords));
  const bool is_keyword = std::find(keywords.begin(), keywords.end(), folded) != keywords.end();
  if (is_keyword && folded != word) {
    return fmt::format("planlint directives are written in lower case: did you mean '{}'?", folded);
  }
  if (is_keyword) {
    return fmt::format("this planlint directive cannot be read: '{}' takes rule ids or globs (lower-case letters, "
                       "digits, '-', '*', '?') separated by commas, or nothing for every rule",
                       word);
  }
  const auto nearest = nearest_name(folded, keywords);
  if (nearest) return fmt::format("unknown planlint directive '{}'; did you mean '{}'?", word, *nearest);
  if (folded.rfind("planlint-", 0) == 0) {
    return fmt::format("unknown planlint directive '{}'; the directives are planlint-disable-next-line, "
                       "planlint-disable, planlint-enable and planlint-disable-file",
                       word);
  }
  return std::nullopt;
}

// Drops the patterns of `d` that name no loaded rule, each reported; false when none is left of a list that
// had some (the directive then does nothing: without ids it would apply to every rule).
bool keep_known_patterns(Directive& d, const RuleNames* names, std::vector<std::pair<const Span*, std::string>>& invalid) {
  if (!names || d.patterns.empty()) return true;
  std::vector<std::string> known;
  for (std::string& p : d.patterns) {
    if (names->known(p)) known.push_back(std::move(p));
    else invalid.emplace_back(d.comment, "planlint directive: " + names->unknown(p));
  }
  d.patterns = std::move(known);
  return !d.patterns.empty();
}

std::vector<Directive> directives_of(const Plan& plan, const RuleNames* names,
                                     std::vector<std::pair<const Span*, std::string>>& invalid) {
  constexpr std::size_t end_of_file = std::numeric_limits<std::size_t>::max();
  std::vector<Directive> out;
  for (const Span& c : plan.comments) {
    Directive d;
    pegtl::memory_input in(c.text, "comment");
    if (!pegtl::parse<gdir::directive, action>(in, d)) {
      if (auto why = misspelt_directive(c.text)) invalid.emplace_back(&c, std::move(*why));
      continue;
    }
    d.comment = &c;
    if (!keep_known_patterns(d, names, invalid)) continue;
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
        const bool names_it = d.patterns.empty() ||
                              std::any_of(open.patterns.begin(), open.patterns.end(), [&](const std::string& p) {
                                return any_glob_match(d.patterns, p);
                              });
        if (names_it) open.last_line = line;
      }
      continue;
    }
    out.push_back(std::move(d));
  }
  return out;
}

}  // namespace

std::vector<Finding> apply_suppressions(const Plan& plan, std::vector<Finding> findings, const SuppressionOptions& options) {
  std::vector<std::pair<const Span*, std::string>> invalid;
  std::vector<Directive> directives = directives_of(plan, options.names, invalid);
  if (directives.empty() && (invalid.empty() || !options.report_invalid)) return findings;
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
  if (options.report_unused) {
    for (const Directive& d : directives) {
      if (d.used) continue;
      kept.push_back(Finding{std::string(unused_suppression_rule), Severity::warning,
                             unused_message(d.patterns, options.language),
                             plan.file, d.comment->range, {}, {}, {}});
    }
  }
  if (options.report_invalid) {
    for (auto& [comment, message] : invalid) {
      kept.push_back(Finding{std::string(invalid_suppression_rule), Severity::error, std::move(message), plan.file,
                             comment->range, {}, {}, {}});
    }
  }
  std::stable_sort(kept.begin(), kept.end(), [](const Finding& a, const Finding& b) {
    return a.range.begin.offset < b.range.begin.offset;
  });
  return kept;
}

}  // namespace planlint::check
