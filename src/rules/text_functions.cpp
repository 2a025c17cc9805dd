#include "rules/text_functions.hpp"

#include <algorithm>

#include "text/normalize.hpp"
#include "text/code_points.hpp"

namespace planlint::rules {

double similarity(std::string_view a, std::string_view b, std::size_t* work) {
  const std::u32string x = utf8::code_points(text::casefold(text::normalize(a)));
  const std::u32string y = utf8::code_points(text::casefold(text::normalize(b)));
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

PreparedText prepare(std::string_view s) {
  PreparedText p;
  p.code_points = utf8::code_points(text::casefold(text::normalize(s)));
  for (char32_t c : p.code_points) {
    auto& bucket = p.histogram[c % p.histogram.size()];
    if (bucket < UINT16_MAX) ++bucket;
  }
  return p;
}

bool similar(const PreparedText& a, const PreparedText& b, double threshold, std::size_t* work) {
  if (work) *work = 0;
  const std::u32string& x = a.code_points;
  const std::u32string& y = b.code_points;
  const std::size_t longer = std::max(x.size(), y.size());
  if (longer == 0) return threshold <= 1.0;
  // The most edits the threshold allows: similarity = 1 - d / longer >= threshold.
  const double allowed = (1.0 - threshold) * static_cast<double>(longer);
  if (allowed < 0) return false;
  const std::size_t k = static_cast<std::size_t>(allowed + 1e-9);
  const std::size_t length_gap = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
  if (length_gap > k) return false;
  // Each edit changes the histogram by at most 2 (a substitution moves one count between buckets).
  std::size_t histogram_gap = 0;
  for (std::size_t i = 0; i < a.histogram.size(); ++i) {
    histogram_gap += a.histogram[i] > b.histogram[i] ? a.histogram[i] - b.histogram[i] : b.histogram[i] - a.histogram[i];
  }
  if ((histogram_gap + 1) / 2 > k) return false;
  // Levenshtein restricted to the diagonal band |i - j| <= k; cells outside count as k + 1.
  const std::size_t inf = k + 1;
  // Two rows, reused across calls: a rule compares thousands of pairs, and allocating per pair showed up
  // as a tenth of duplicate-measure's time.
  thread_local std::vector<std::size_t> row, next;
  row.assign(y.size() + 1, inf);
  next.assign(y.size() + 1, inf);
  for (std::size_t j = 0; j <= std::min(y.size(), k); ++j) row[j] = j;
  std::size_t cells = 0;
  for (std::size_t i = 1; i <= x.size(); ++i) {
    const std::size_t lo = i > k ? i - k : 0;
    const std::size_t hi = std::min(y.size(), i + k);
    std::fill(next.begin() + static_cast<std::ptrdiff_t>(lo > 0 ? lo - 1 : 0), next.begin() + static_cast<std::ptrdiff_t>(hi + 1), inf);
    std::size_t best = inf;
    if (lo == 0) {
      next[0] = i <= k ? i : inf;
      best = next[0];
    }
    for (std::size_t j = std::max<std::size_t>(lo, 1); j <= hi; ++j) {
      const std::size_t v = std::min({row[j] + 1, next[j - 1] + 1, row[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1)});
      next[j] = std::min(v, inf);
      best = std::min(best, next[j]);
    }
    cells += hi - lo + 1;
    if (best > k) {
      if (work) *work = cells;
      return false;  // every path already needs more edits than allowed
    }
    std::swap(row, next);
  }
  if (work) *work = cells;
  return row[y.size()] <= k;
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
