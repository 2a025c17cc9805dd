#include "spell/checker.hpp"

#include <algorithm>

#include <utf8proc.h>

#include "text/normalize.hpp"
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

std::vector<std::string> FieldWords::parse(std::string_view text, bool fold) {
  std::vector<std::string> out;
  std::size_t i = 0;
  while (i < text.size()) {
    const std::size_t b = text.find_first_not_of(" \t\r\n,", i);
    if (b == std::string_view::npos) break;
    std::size_t e = text.find_first_of(" \t\r\n,", b);
    if (e == std::string_view::npos) e = text.size();
    out.push_back(fold ? text::casefold(text.substr(b, e - b)) : std::string(text.substr(b, e - b)));
    i = e;
  }
  return out;
}

std::vector<std::string> without_splits(std::string_view word, std::vector<std::string> candidates,
                                        const std::function<bool(std::string_view)>& accepts) {
  if (word.find(' ') != std::string_view::npos) return candidates;
  std::vector<std::string> out;
  for (std::string& c : candidates) {
    if (c.find(' ') != std::string::npos) {
      std::string hyphenated = c;
      std::replace(hyphenated.begin(), hyphenated.end(), ' ', '-');
      c = accepts(hyphenated) ? hyphenated : std::string();
    }
    if (!c.empty() && std::find(out.begin(), out.end(), c) == out.end()) out.push_back(std::move(c));
  }
  return out;
}

bool SpellChecker::foreign_accepts(Foreign& f, std::string_view word) {
  if (f.open) {
    f.speller = f.open();
    f.open = nullptr;
  }
  if (!f.speller) return false;
  std::string key(word);
  if (const auto it = f.memo.find(key); it != f.memo.end()) return it->second;
  bool ok = false;
  try {
    ok = f.speller->accepts(word);
  } catch (const SpellerUnavailable&) {
    f.speller = nullptr;  // not installed: no words of that language are recognised, for the rest of the document
  }
  f.memo.emplace(std::move(key), ok);
  return ok;
}

bool SpellChecker::other_accepts(std::string_view word) {
  for (Foreign& f : foreign_) {
    if (foreign_accepts(f, word)) return true;
  }
  if (open_other_) {
    other_ = open_other_();
    open_other_ = nullptr;
  }
  if (!other_) return false;
  if (const bool* known = other_memo_.find(word)) return *known;
  bool ok = false;
  try {
    ok = other_->accepts(word);
  } catch (const SpellerUnavailable&) {
    other_ = nullptr;  // not installed: no names of that language are recognised, for the rest of the document
  }
  other_memo_.insert(word, ok);
  return ok;
}

bool SpellChecker::field_compound(std::string_view word) {
  if (field_.compound_parts.empty()) return false;
  const std::string folded = text::casefold(word);
  for (const std::string& part : field_.compound_parts) {
    if (folded == part || folded == part + "-") return true;
    // The rest must be a word of its own (three letters at least): "sote" + "hankkeen".
    if (folded.size() < part.size() + 3 || !folded.starts_with(part)) continue;
    const std::string_view rest = std::string_view(folded).substr(part.size());
    if (rest.front() == '-' || speller_.accepts(rest)) return true;
  }
  return false;
}

bool SpellChecker::accepts(std::string_view word, bool period_follows) {
  // Remembered under the word, with its full stop when one follows; looked up without a copy otherwise.
  const std::string with_stop = period_follows ? std::string(word) + '.' : std::string();
  const std::string_view key = period_follows ? std::string_view(with_stop) : word;
  if (const bool* known = memo_.find(key)) return *known;
  bool ok = speller_.accepts(word) || (period_follows && speller_.accepts(with_stop));
  for (const WordList* l : lists_) ok = ok || l->accepts(word);
  ok = ok || field_compound(word);
  memo_.insert(key, ok);
  return ok;
}

bool SpellChecker::fits_a_document_word(std::string_view word, const VocabularyFn& vocabulary) {
  const Vocabulary& v = vocabulary();
  for (const std::string& s : speller_.suggestions(word)) {
    if (weighted_distance(word, s) <= 1 && v.contains(text::casefold(s))) return true;
  }
  return false;
}

Misspelling SpellChecker::misspelling(Word w, const VocabularyFn& vocabulary) {
  const auto is_right = [this](std::string_view v) { return accepts(v); };
  std::vector<std::string> candidates = without_splits(w.text, speller_.suggestions(w.text), is_right);
  std::vector<std::string> ranked = rank_suggestions(w.text, candidates, vocabulary(), is_right);
  return Misspelling{std::move(w), std::move(ranked)};
}

namespace {

// The tokens of one span with what check() decides about each.
struct Line {
  std::string_view all;
  const std::vector<Token>& tokens;

  std::string_view text(std::size_t i) const { return all.substr(tokens[i].begin, tokens[i].end - tokens[i].begin); }
  std::string_view gap(std::size_t a, std::size_t b) const { return all.substr(tokens[a].end, tokens[b].begin - tokens[a].end); }
  // Two tokens stand together when only spaces are between them.
  bool together(std::size_t a, std::size_t b) const {
    if (tokens[a].kind != TokenKind::word || tokens[b].kind != TokenKind::word) return false;
    const std::string_view g = gap(a, b);
    return !g.empty() && g.find_first_not_of(' ') == std::string_view::npos;
  }
  // A token that a sentence may begin with: the first, or one after a full stop, a colon or a bullet.
  bool begins_sentence(std::size_t i) const {
    if (i == 0) return true;
    if (tokens[i - 1].period_follows) return true;
    return gap(i - 1, i).find_first_of(".!?:•") != std::string_view::npos;
  }
  // A capitalised word in the middle of a sentence: part of a name.
  bool name_word(std::size_t i) const {
    return tokens[i].kind == TokenKind::word && begins_with_capital(text(i)) && !begins_sentence(i);
  }
};

bool is_first_name(Speller& speller, std::string_view word) {
  if (!begins_with_capital(word)) return false;
  for (const Analysis& a : speller.analyses(word)) {
    if (a.word_class == "etunimi") return true;
  }
  return false;
}

bool is_title(const FieldWords& field, std::string_view word, bool period_follows) {
  std::string key = text::casefold(word);
  if (period_follows) key += '.';
  return std::find(field.titles.begin(), field.titles.end(), key) != field.titles.end();
}

// Is the rejected capitalised word i a name: after a title, an initial or a first name, or inside a run
// of capitalised words that is more than a sentence's first word?
bool is_name(SpellChecker& c, const Line& line, std::size_t i) {
  if (!begins_with_capital(line.text(i))) return false;
  if (i > 0) {
    const Token& prev = line.tokens[i - 1];
    const std::string_view g = line.gap(i - 1, i);
    const bool spaces = !g.empty() && g.find_first_not_of(prev.period_follows ? ". " : " ") == std::string_view::npos;
    if (spaces) {
      const std::string_view p = line.text(i - 1);
      if (is_title(c.field_words(), p, prev.period_follows)) return true;
      if (prev.kind == TokenKind::single && prev.period_follows && begins_with_capital(p)) return true;  // "A. Virtanen"
      if (prev.kind == TokenKind::word && !prev.period_follows && (line.name_word(i - 1) || is_first_name(c.speller(), p))) return true;
    }
  }
  return !line.begins_sentence(i) && i + 1 < line.tokens.size() && line.together(i, i + 1) && line.name_word(i + 1);
}

// The second half of a compound split at " -" ("luonto-liikunta -painotteisina"): right when the last
// part of the word before it and it make a word ("liikuntapainotteisina").
bool hanging_tail(SpellChecker& c, const Line& line, std::size_t i) {
  if (i == 0 || line.tokens[i - 1].kind != TokenKind::word || line.gap(i - 1, i) != " -") return false;
  const std::string_view before = line.text(i - 1);
  const auto parts = hyphen_parts(before);
  const auto [b, e] = parts.back();
  return c.accepts(std::string(before.substr(b, e - b)) + text::casefold(line.text(i)));
}

// A short lower-case first part of a hyphenated compound whose other parts are right ("koty-verkostossa"):
// an abbreviation of the field.
bool abbreviation_head(SpellChecker& c, std::string_view word, const std::vector<std::pair<std::size_t, std::size_t>>& parts,
                       bool period_follows) {
  const std::string_view head = word.substr(parts[0].first, parts[0].second - parts[0].first);
  const std::size_t letters = utf8::count_code_points(head);
  if (letters < 2 || letters > 5 || begins_with_capital(head)) return false;
  for (std::size_t p = 1; p < parts.size(); ++p) {
    const std::string_view part = word.substr(parts[p].first, parts[p].second - parts[p].first);
    if (classify(part) == TokenKind::word && !c.accepts(part, p + 1 == parts.size() && period_follows)) return false;
  }
  return true;
}

}  // namespace

std::vector<Misspelling> SpellChecker::check(const Span& span, std::string_view source, const VocabularyFn& vocabulary) {
  std::vector<Misspelling> out;
  SpanLocator locator(span, source);
  const std::string_view all(span.text);
  // A span is a line or a cell: the vectors of the last one on this thread are reused, not allocated
  // again for each (check() does not call itself: the suggestions' checks do not tokenize).
  thread_local std::vector<Token> tokens;
  if (tokens.capacity() > 65536 && all.size() / 8 < 65536) std::vector<Token>().swap(tokens);  // not kept for a huge line's sake
  tokenize_into(all, tokens);
  const Line line{all, tokens};
  // Each word's verdict before any is reported, so that a word of the other language can be judged with
  // its neighbours: 0 right, 1 wrong, 2 wrong here but a word of the other language.
  thread_local std::vector<unsigned char> verdict;
  verdict.assign(tokens.size(), 0);
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    const Token& t = tokens[i];
    if (t.kind != TokenKind::word) continue;
    if (!accepts(line.text(i), t.period_follows)) verdict[i] = 1;
  }
  const auto beside_name = [&](std::size_t i) {
    return (i > 0 && line.together(i - 1, i) && line.name_word(i - 1)) ||
           (i + 1 < tokens.size() && line.together(i, i + 1) && line.name_word(i + 1));
  };
  if (other_ || open_other_ || !foreign_.empty()) {
    // Only a word that could pass is asked about: a capitalised one, or one beside another rejected word
    // or a name.
    for (std::size_t i = 0; i < tokens.size(); ++i) {
      if (verdict[i] != 1) continue;
      const bool beside = (i > 0 && verdict[i - 1] != 0 && line.together(i - 1, i)) ||
                          (i + 1 < tokens.size() && verdict[i + 1] != 0 && line.together(i, i + 1));
      if ((beside || begins_with_capital(line.text(i)) || beside_name(i)) && other_accepts(line.text(i))) verdict[i] = 2;
    }
  }
  for (std::size_t i = 0; i < tokens.size(); ++i) {
    if (verdict[i] == 0) continue;
    const Token& t = tokens[i];
    const std::string_view text = line.text(i);
    if (verdict[i] == 2) {
      const bool phrase = (i > 0 && verdict[i - 1] == 2 && line.together(i - 1, i)) ||
                          (i + 1 < tokens.size() && verdict[i + 1] == 2 && line.together(i, i + 1));
      if (phrase || begins_with_capital(text) || beside_name(i)) continue;
    }
    if (hanging_tail(*this, line, i) || (is_name(*this, line, i) && !fits_a_document_word(text, vocabulary))) continue;
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
      if (p == 0 && abbreviation_head(*this, text, parts, t.period_follows) && !fits_a_document_word(part, vocabulary)) continue;
      out.push_back(misspelling(Word{std::string(part), locator.locate(t.begin + b, t.begin + e), TokenKind::word,
                                     last && t.period_follows},
                                vocabulary));
    }
  }
  return out;
}

}  // namespace planlint::spell
