#include "spell/checker.hpp"

#include <utf8proc.h>

#include "text/utf8.hpp"

namespace planlint::spell {

bool begins_with_capital(std::string_view word) {
  if (word.empty()) return false;
  std::size_t i = 0;
  const char32_t cp = utf8::decode(word, i);
  if (cp < 0x80) return cp >= 'A' && cp <= 'Z';
  const auto cat = utf8proc_category(static_cast<utf8proc_int32_t>(cp));
  return cat == UTF8PROC_CATEGORY_LU || cat == UTF8PROC_CATEGORY_LT;
}

bool SpellChecker::other_accepts(std::string_view word) {
  if (open_other_) {
    other_ = open_other_();
    open_other_ = nullptr;
  }
  if (!other_) return false;
  std::string key(word);
  if (const auto it = other_memo_.find(key); it != other_memo_.end()) return it->second;
  bool ok = false;
  try {
    ok = other_->accepts(word);
  } catch (const SpellerUnavailable&) {
    other_ = nullptr;  // not installed: no names of that language are recognised, for the rest of the document
  }
  other_memo_.emplace(std::move(key), ok);
  return ok;
}

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
  const std::string_view all(span.text);
  const std::vector<Token> tokens = tokenize(all);
  // Each word's verdict before any is reported, so that a word of the other language can be judged with
  // its neighbours: 0 right, 1 wrong, 2 wrong here but a word of the other language.
  std::vector<unsigned char> verdict(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::word) continue;
    if (!accepts(all.substr(t.begin, t.end - t.begin), t.period_follows)) verdict[i] = 1;
  }
  // Two word tokens stand together when only spaces are between them.
  const auto together = [&](std::size_t a, std::size_t b) {
    if (tokens[a].kind != TokenKind::word || tokens[b].kind != TokenKind::word) return false;
    const std::string_view gap = all.substr(tokens[a].end, tokens[b].begin - tokens[a].end);
    return !gap.empty() && gap.find_first_not_of(' ') == std::string_view::npos;
  };
  if (other_ || open_other_) {
    // Only a word that could pass is asked about: a capitalised one, or one beside another rejected word.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (verdict[i] != 1) continue;
      const std::string_view text = all.substr(tokens[i].begin, tokens[i].end - tokens[i].begin);
      const bool beside = (i > 0 && verdict[i - 1] != 0 && together(i - 1, i)) ||
                          (i + 1 < tokens.size() && verdict[i + 1] != 0 && together(i, i + 1));
      if ((beside || begins_with_capital(text)) && other_accepts(text)) verdict[i] = 2;
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (verdict[i] == 0) continue;
    const Token& t = tokens[i];
    const std::string_view text = all.substr(t.begin, t.end - t.begin);
    if (verdict[i] == 2) {
      const bool phrase = (i > 0 && verdict[i - 1] == 2 && together(i - 1, i)) ||
                          (i + 1 < tokens.size() && verdict[i + 1] == 2 && together(i, i + 1));
      if (phrase || begins_with_capital(text)) continue;
    }
    const auto parts = hyphen_parts(text);
    if (parts.size() == 1) {
      out.push_back(misspelling(Word{std::string(text), locator.locate(t.begin, t.end), t.kind, t.period_follows}, vocabulary));
      continue;
    }
    for (std::size_t p = 0; p < parts.size(); ++p) {
      const auto [b, e] = parts[p];
      const std::string_view part = text.substr(b, e - b);
      const bool last = p + 1 == parts.size();
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
