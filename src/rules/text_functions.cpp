#include "rules/text_functions.hpp"

#include <algorithm>

#include "text/normalize.hpp"
#include "text/utf8.hpp"

namespace planlint::rules {
namespace {

std::u32string code_points(std::string_view s) {
  std::u32string out;
  for (std::size_t i = 0; i < s.size();) out.push_back(utf8::decode(s, i));
  return out;
}

}  // namespace

double similarity(std::string_view a, std::string_view b, std::size_t* work) {
  const std::u32string x = code_points(text::casefold(text::normalize(a)));
  const std::u32string y = code_points(text::casefold(text::normalize(b)));
  if (work) *work = x.size() * y.size();
  const std::size_t longer = std::max(x.size(), y.size());
  if (longer == 0) return 1.0;
  // Levenshtein distance with one row of memory.
  std::vector<std::size_t> row(y.size() + 1);
  for (std::size_t j = 0; j <= y.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= y.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return 1.0 - static_cast<double>(row[y.size()]) / static_cast<double>(longer);
}

std::vector<std::string> split_words(std::string_view s) {
  std::vector<std::string> out;
  const std::string n = text::normalize(s);
  for (std::size_t start = 0; start < n.size();) {
    const std::size_t sp = n.find(' ', start);
    out.push_back(n.substr(start, sp == std::string::npos ? std::string::npos : sp - start));
    if (sp == std::string::npos) break;
    start = sp + 1;
  }
  return out;
}

std::string word_diff(std::string_view a, std::string_view b) {
  const auto x = split_words(a);
  const auto y = split_words(b);
  // Longest common subsequence of words; the words outside it are the differences.
  std::vector<std::vector<std::size_t>> lcs(x.size() + 1, std::vector<std::size_t>(y.size() + 1));
  for (std::size_t i = x.size(); i-- > 0;) {
    for (std::size_t j = y.size(); j-- > 0;) {
      lcs[i][j] = x[i] == y[j] ? lcs[i + 1][j + 1] + 1 : std::max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  std::string out;
  std::vector<std::string> removed, added;
  const auto quote = [](const std::vector<std::string>& words) {
    if (words.empty()) return std::string("(nothing)");
    std::string s = "'";
    for (std::size_t k = 0; k < words.size(); ++k) s += (k ? " " : "") + words[k];
    return s + "'";
  };
  const auto flush = [&] {
    if (removed.empty() && added.empty()) return;
    if (!out.empty()) out += "; ";
    out += quote(removed) + " vs " + quote(added);
    removed.clear();
    added.clear();
  };
  std::size_t i = 0, j = 0;
  while (i < x.size() || j < y.size()) {
    if (i < x.size() && j < y.size() && x[i] == y[j]) {
      flush();
      ++i;
      ++j;
    } else if (j == y.size() || (i < x.size() && lcs[i + 1][j] >= lcs[i][j + 1])) {
      removed.push_back(x[i++]);
    } else {
      added.push_back(y[j++]);
    }
  }
  flush();
  return out;
}

}  // namespace planlint::rules
