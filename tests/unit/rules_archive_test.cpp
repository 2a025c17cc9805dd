// The built-in rules as parsed at build time (src/rules/rule_archive.hpp, src/tools/embed_rules.cpp): the
// packed form is what parsing the embedded text gives today, it reads back to itself, and the rule set
// built from it finds exactly what the set parsed from the text finds, at the same places.
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "diff/plan_diff.hpp"
#include "read/document.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/embedded.hpp"
#include "rules/engine.hpp"
#include "rules/parser.hpp"
#include "rules/rule_archive.hpp"

using namespace planlint;
using namespace planlint::rules;
namespace fs = std::filesystem;

namespace {

std::vector<RuleSource> sources(bool packed) {
  std::vector<RuleSource> out = builtin_rule_sources();
  for (RuleSource& s : out) {
    if (!packed) s.packed = {};
  }
  return out;
}

// Everything a user sees of a finding: where, what, the fixes.
std::string render(const std::vector<Finding>& findings) {
  std::string out;
  for (const Finding& f : findings) {
    out += fmt::format("{}:{}:{}-{}:{} {} {} [{}]", f.file, f.range.begin.line, f.range.begin.column, f.range.end.line,
                       f.range.end.column, to_string(f.severity), f.message, f.rule);
    for (const auto& fix : f.fixes) out += fmt::format(" fix '{}' {}:{}", fix.replacement, fix.range.begin.offset, fix.range.end.offset);
    out += '\n';
  }
  return out;
}

}  // namespace

TEST_CASE("packed built-in rules: each file's packed rules are its text parsed today", "[rules][archive]") {
  REQUIRE(embedded_rule_files().size() >= 20);
  for (const EmbeddedRuleFile& f : embedded_rule_files()) {
    CAPTURE(f.name);
    REQUIRE_FALSE(f.packed.empty());
    CHECK(pack_rules(parse_rule_file(RuleSource{std::string(f.name), std::string(f.text), {}})) == f.packed);
    CHECK(pack_rules(unpack_rules(f.packed)) == f.packed);
  }
}

TEST_CASE("packed built-in rules: the rule set finds what the parsed one finds", "[rules][archive]") {
  const RuleSet packed = RuleSet::compile(sources(true));
  const RuleSet parsed = RuleSet::compile(sources(false));
  REQUIRE(packed.rules().size() == parsed.rules().size());
  for (std::size_t i = 0; i < packed.rules().size(); ++i) {
    const RuleInfo& a = packed.rules()[i];
    const RuleInfo& b = parsed.rules()[i];
    CAPTURE(b.id);
    CHECK(a.id == b.id);
    CHECK(a.doc == b.doc);
    CHECK(a.summaries == b.summaries);
    CHECK(a.where == b.where);
    CHECK(a.params.size() == b.params.size());
  }
  // Every fixture document of every rule, with every rule on; the cross-version rules against old.txt.
  std::size_t documents = 0, findings = 0;
  for (const auto& dir : fs::directory_iterator(fs::path(PLANLINT_SOURCE_DIR) / "tests/fixtures/rules")) {
    const std::optional<Plan> old = fs::exists(dir.path() / "old.txt")
                                        ? std::optional(read::read_plan(load_source((dir.path() / "old.txt").string())))
                                        : std::nullopt;
    for (const auto& file : fs::directory_iterator(dir.path())) {
      if (file.path().extension() == ".expected") continue;
      CAPTURE(file.path().string());
      const read::Document doc = read::read_document(file.path().string());
      EvalOptions options;
      options.source_text = doc.source.bytes;
      options.enabled = [](std::string_view id) { return id != "spelling" && id != "grammar"; };
      const std::optional<VersionMatch> versions = old ? std::optional(diff::diff_plans(*old, doc.plan).match()) : std::nullopt;
      const auto from_packed = packed.evaluate(doc.plan, options, versions ? &*versions : nullptr);
      CHECK(render(from_packed) == render(parsed.evaluate(doc.plan, options, versions ? &*versions : nullptr)));
      ++documents;
      findings += from_packed.size();
    }
  }
  CHECK(documents >= 50);
  CHECK(findings >= 50);
}

TEST_CASE("packed rules: bytes cut short or run on are refused - never half read", "[rules][archive]") {
  const std::string whole = pack_rules(parse_rule_file(RuleSource{"rules/x.rules", R"(rule x {
  severity warning
  scope goal
  summary "s"
  param n = 2 "n"
  let k = count(measures)
  when k > 0
  assert k >= n
  message "goal {label} has {k} of {n}"
  at heading
  doc """
    What it checks: x.
  """
})", {}}));
  REQUIRE(unpack_rules(whole).size() == 1);
  CHECK(unpack_rules(whole)[0].info.id == "x");
  for (std::size_t n = 0; n < whole.size(); ++n) {
    CAPTURE(n);
    CHECK_THROWS_AS(unpack_rules(std::string_view(whole).substr(0, n)), RuleArchiveError);
  }
  CHECK_THROWS_AS(unpack_rules(whole + '\0'), RuleArchiveError);
  // A count past the end (here the number of rules) is refused before anything is allocated for it.
  std::string huge = whole;
  huge[7] = '\x7f';
  CHECK_THROWS_AS(unpack_rules(huge), RuleArchiveError);
}
