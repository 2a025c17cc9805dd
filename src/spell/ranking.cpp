#include "spell/ranking.hpp"

#include <algorithm>

#include "spell/tokenizer.hpp"
#include "text/fold.hpp"
#include "text/normalize.hpp"
#include "text/code_points.hpp"

namespace planlint::spell {
namespace {

bool is_vowel(char32_t c) {
  return std::u32string_view(U"aeiouyäöå").find(c) != std::u32string_view::npos;
}

std::string fold(std::string_view s) { return text::casefold(text::nfc(s)); }

std::size_t common_prefix(const std::u32string& a, const std::u32string& b) {
  std::size_t n = 0;
  while (n < a.size() && n < b.size() && a[n] == b[n]) ++n;
  return n;
}

constexpr std::size_t min_stem = 4;
constexpr std::size_t max_ending = 3;  // the case ending, as far as it matters for ranking

}  // namespace

void Vocabulary::add_text(std::string_view text) {
  // A document repeats its words: each is folded into one buffer, plain text without utf8proc (fold_plain
  // equals casefold there, and NFC leaves it as it is), and copied only when it is new.
  std::string folded;
  for_each_token(text, [&](const Token& t) {
    if (t.kind != TokenKind::word) return;
    const std::string_view word = text.substr(t.begin, t.end - t.begin);
    if (!text::fold_plain(word, folded)) folded = fold(word);
    if (!words_.contains(folded)) words_.insert(folded);
  });
}

void Vocabulary::finish() {
  sorted_.assign(words_.begin(), words_.end());
  std::sort(sorted_.begin(), sorted_.end());
}

std::vector<std::string_view> Vocabulary::starting_with(std::string_view prefix) const {
  std::vector<std::string_view> out;
  for (auto it = std::lower_bound(sorted_.begin(), sorted_.end(), prefix);
       it != sorted_.end() && std::string_view(*it).substr(0, prefix.size()) == prefix; ++it) {
    out.push_back(*it);
  }
  return out;
}

double weighted_distance(std::string_view a_text, std::string_view b_text) {
  const std::u32string a = utf8::code_points(fold(a_text));
  const std::u32string b = utf8::code_points(fold(b_text));
  std::vector<std::vector<double>> d(a.size() + 1, std::vector<double>(b.size() + 1));
  for (std::size_t i = 0; i <= a.size(); ++i) d[i][0] = static_cast<double>(i);
  for (std::size_t j = 0; j <= b.size(); ++j) d[0][j] = static_cast<double>(j);
  for (std::size_t i = 1; i <= a.size(); ++i) {
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const char32_t x = a[i - 1], y = b[j - 1];
      const double substitution = x == y ? 0 : is_vowel(x) && is_vowel(y) ? 0.5 : 1;
      d[i][j] = std::min({d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + substitution});
      if (i > 1 && j > 1 && x == b[j - 2] && a[i - 2] == y) d[i][j] = std::min(d[i][j], d[i - 2][j - 2] + 1);
    }
  }
  return d[a.size()][b.size()];
}

std::vector<std::string> rank_suggestions(std::string_view word, const std::vector<std::string>& candidates,
                                          const Vocabulary& vocabulary,
                                          const std::function<bool(std::string_view)>& is_correct) {
  struct Scored {
    bool in_document;
    bool stem;
    std::size_t ending;
    double distance;
    std::size_t order;
    const std::string* text;
  };
  const std::string folded_word = fold(word);
  std::vector<Scored> scored;
  for (std::size_t i = 0; i < candidates.size(); ++i) {
    const std::string folded = fold(candidates[i]);
    const std::u32string cps = utf8::code_points(folded);
    std::size_t stem = 0;
    const std::u32string word_cps = utf8::code_points(folded_word);
    std::size_t ending = 0;
    while (ending < max_ending && ending < cps.size() && ending < word_cps.size() &&
           cps[cps.size() - 1 - ending] == word_cps[word_cps.size() - 1 - ending]) {
      ++ending;
    }
    if (cps.size() >= min_stem) {
      std::size_t head = 0;
      for (std::size_t k = 0; k < min_stem; ++k) utf8::decode(folded, head);
      for (std::string_view other : vocabulary.starting_with(std::string_view(folded).substr(0, head))) {
        if (other == folded_word) continue;
        const std::size_t n = common_prefix(cps, utf8::code_points(other));
        if (n > stem && is_correct(other)) stem = n;
      }
    }
    scored.push_back(Scored{vocabulary.contains(folded), stem >= min_stem, ending, weighted_distance(word, candidates[i]), i, &candidates[i]});
  }
  std::stable_sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) {
    if (a.in_document != b.in_document) return a.in_document;
    if (a.stem != b.stem) return a.stem;
    if (a.ending != b.ending) return a.ending > b.ending;
    if (a.distance != b.distance) return a.distance < b.distance;
    return a.order < b.order;
  });
  std::vector<std::string> out;
  for (const Scored& s : scored) out.push_back(*s.text);
  return out;
}

}  // namespace planlint::spell
