// docs/rule-language.md does not drift from the implementation: it shows every built-in rule as it is,
// and names every function and every field.
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "rules/ast.hpp"
#include "rules/embedded.hpp"
#include "rules/fields.hpp"
#include "rules/functions.hpp"

using namespace planlint::rules;

namespace {

std::string docs() {
  std::ifstream f(std::string(PLANLINT_SOURCE_DIR) + "/docs/rule-language.md", std::ios::binary);
  std::ostringstream s;
  s << f.rdbuf();
  return s.str();
}

// The rule file without its doc text, as the reference shows it.
std::string without_doc(std::string text) {
  const auto begin = text.find("\n  doc \"\"\"");
  const auto end = text.find("\"\"\"\n", begin + 10);
  if (begin == std::string::npos || end == std::string::npos) return text;
  text.erase(begin + 1, end + 4 - (begin + 1));
  while (text.find("\n\n}") != std::string::npos) text.replace(text.find("\n\n}"), 3, "\n}");
  while (!text.empty() && text.back() == '\n') text.pop_back();
  return text;
}

}  // namespace

TEST_CASE("the language reference shows every built-in rule as it is", "[rules][docs]") {
  const std::string d = docs();
  REQUIRE_FALSE(d.empty());
  INFO("docs/gen_rule_reference.py regenerates the listings from rules/*.rules");
  for (const EmbeddedRuleFile& f : embedded_rule_files()) {
    CAPTURE(f.name);
    CHECK(d.find("```\n" + without_doc(std::string(f.text)) + "\n```") != std::string::npos);
  }
}

TEST_CASE("the language reference names every function and field", "[rules][docs]") {
  const std::string d = docs();
  for (const FunctionDef& f : functions()) {
    CAPTURE(f.name);
    CHECK(d.find("`" + std::string(f.name) + "(") != std::string::npos);
  }
  for (NodeKind k : {NodeKind::plan, NodeKind::area, NodeKind::goal, NodeKind::measure, NodeKind::overview, NodeKind::claim,
                     NodeKind::declared, NodeKind::text, NodeKind::range, NodeKind::extra, NodeKind::version,
                     NodeKind::goal_pair, NodeKind::measure_pair}) {
    for (const FieldDef& f : fields_of(k)) {
      CAPTURE(to_string(k), f.name);
      CHECK(d.find("`" + std::string(f.name) + "`") != std::string::npos);
    }
  }
}
