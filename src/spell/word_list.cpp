#include "spell/word_list.hpp"

#include "text/normalize.hpp"

namespace planlint::spell {
namespace {

bool is_separator(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ','; }

bool starts_with(std::string_view s, std::string_view prefix) { return s.substr(0, prefix.size()) == prefix; }

}  // namespace

WordList WordList::parse(std::string_view text) {
  WordList list;
  std::size_t i = 0;
  while (i < text.size()) {
    if (text[i] == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    if (is_separator(text[i])) {
      ++i;
      continue;
    }
    const std::size_t start = i;
    while (i < text.size() && !is_separator(text[i]) && text[i] != '#') ++i;
    list.add(text.substr(start, i - start));
  }
  return list;
}

void WordList::add(std::string_view entry) {
  const bool prefix = !entry.empty() && entry.back() == '*';
  if (prefix) entry.remove_suffix(1);
  if (entry.empty()) return;
  const std::string nfc = text::nfc(entry);
  const std::string folded = text::casefold(nfc);
  const bool lower = folded == nfc;
  if (prefix) (lower ? folded_prefixes_ : exact_prefixes_).push_back(lower ? folded : nfc);
  else (lower ? folded_ : exact_).insert(lower ? folded : nfc);
}

void WordList::add_all(const WordList& other) {
  exact_.insert(other.exact_.begin(), other.exact_.end());
  folded_.insert(other.folded_.begin(), other.folded_.end());
  exact_prefixes_.insert(exact_prefixes_.end(), other.exact_prefixes_.begin(), other.exact_prefixes_.end());
  folded_prefixes_.insert(folded_prefixes_.end(), other.folded_prefixes_.begin(), other.folded_prefixes_.end());
}

bool WordList::accepts(std::string_view word) const {
  if (empty()) return false;
  const std::string nfc = text::nfc(word);
  if (exact_.contains(nfc)) return true;
  for (const std::string& p : exact_prefixes_) {
    if (starts_with(nfc, p)) return true;
  }
  if (folded_.empty() && folded_prefixes_.empty()) return false;
  const std::string folded = text::casefold(nfc);
  if (folded_.contains(folded)) return true;
  for (const std::string& p : folded_prefixes_) {
    if (starts_with(folded, p)) return true;
  }
  return false;
}

}  // namespace planlint::spell
