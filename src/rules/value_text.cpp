// Value::as_text, apart from the rest of value.cpp: it needs nothing but the value itself, so that the
// build step that parses the built-in rules (src/tools/embed_rules.cpp, which uses it through the parser)
// links without the evaluator's labels and pairs.
#include "rules/value.hpp"
#include "rules/word_value.hpp"

namespace planlint::rules {

std::optional<std::string_view> Value::as_text() const {
  if (const auto* s = std::get_if<std::string>(&v)) return *s;
  if (const auto* n = std::get_if<NodeRef>(&v); n && n->kind == NodeKind::text) return static_cast<const Span*>(n->ptr)->text;
  if (const auto* n = std::get_if<NodeRef>(&v); n && n->kind == NodeKind::word) return static_cast<const WordValue*>(n->ptr)->span.text;
  return std::nullopt;
}

}  // namespace planlint::rules
