#include "spell/checker.hpp"

namespace planlint::spell {

bool SpellChecker::accepts(std::string_view word, bool period_follows) {
  std::string key(word);
  if (period_follows) key += '.';
  if (const auto it = memo_.find(key); it != memo_.end()) return it->second;
  bool ok = speller_.accepts(word) || (period_follows && speller_.accepts(key));
  for (const WordList* l : lists_) ok = ok || l->accepts(word);
  memo_.emplace(std::move(key), ok);
  return ok;
}

Misspelling SpellChecker::misspelling(Word w, const VocabularyFn& vocabulary) {
  std::vector<std::string> ranked = rank_suggestions(w.text, speller_.suggestions(w.text), vocabulary(),
                                                     [this](std::string_view v) { return accepts(v); });
  return Misspelling{std::move(w), std::move(ranked)};
}

std::vector<Misspelling> SpellChecker::check(const Span& span, std::string_view source, const VocabularyFn& vocabulary) {
  std::vector<Misspelling> out;
  SpanLocator locator(span, source);
  for (const Token& t : tokenize(span.text)) {
    if (t.kind != TokenKind::word) continue;
    const std::string_view text = std::string_view(span.text).substr(t.begin, t.end - t.begin);
    if (accepts(text, t.period_follows)) continue;
    const auto parts = hyphen_parts(text);
    if (parts.size() == 1) {
      out.push_back(misspelling(Word{std::string(text), locator.locate(t.begin, t.end), t.kind, t.period_follows}, vocabulary));
      continue;
    }
    for (std::size_t i = 0; i < parts.size(); ++i) {
      const auto [b, e] = parts[i];
      const std::string_view part = text.substr(b, e - b);
      const bool last = i + 1 == parts.size();
      if (classify(part) != TokenKind::word) continue;
      if (accepts(part, last && t.period_follows)) continue;
      if (!last && accepts(std::string(part) + "-")) continue;  // the first part of a compound: "sote-"
      out.push_back(misspelling(Word{std::string(part), locator.locate(t.begin + b, t.begin + e), TokenKind::word,
                                     last && t.period_follows},
                                vocabulary));
    }
  }
  return out;
}

}  // namespace planlint::spell
