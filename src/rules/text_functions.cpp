#include "rules/text_functions.hpp"

#include <algorithm>

#include "text/edit_distance.hpp"
#include "text/fold.hpp"
#include "text/normalize.hpp"
#include "text/code_points.hpp"

namespace planlint::rules {

double similarity(std::string_view a, std::string_view b, std::size_t* work) {
  const std::u32string x = utf8::code_points(text::fold(a));
  const std::u32string y = utf8::code_points(text::fold(b));
  if (work) *work = x.size() * y.size();
  const std::size_t longer = std::max(x.size(), y.size());
  if (longer == 0) return 1.0;
  return 1.0 - static_cast<double>(text::edit_distance(x, y)) / static_cast<double>(longer);
}

PreparedText prepare(std::string_view s) {
  PreparedText p;
  p.code_points = utf8::code_points(text::fold(s));
  for (char32_t c : p.code_points) {
    auto& bucket = p.histogram[c % p.histogram.size()];
    if (bucket < UINT16_MAX) ++bucket;
  }
  return p;
}

std::int64_t edits_allowed(std::size_t longer, double threshold) {
  if (longer == 0) return threshold <= 1.0 ? 0 : -1;  // two empty texts: similarity 1
  // similarity = 1 − d / longer >= threshold  ⇔  d <= (1 − threshold) × longer (with slack for rounding).
  const double allowed = (1.0 - threshold) * static_cast<double>(longer);
  if (!(allowed >= 0)) return -1;  // also NaN
  return allowed >= 1e15 ? std::int64_t{1000000000000000} : static_cast<std::int64_t>(allowed + 1e-9);
}

bool similar(const PreparedText& a, const PreparedText& b, double threshold, std::size_t* work) {
  if (work) *work = 0;
  const std::u32string& x = a.code_points;
  const std::u32string& y = b.code_points;
  const std::int64_t allowed = edits_allowed(std::max(x.size(), y.size()), threshold);
  if (allowed < 0) return false;
  const auto k = static_cast<std::size_t>(allowed);
  const std::size_t length_gap = x.size() > y.size() ? x.size() - y.size() : y.size() - x.size();
  if (length_gap > k) return false;
  // Each edit changes the histogram by at most 2 (a substitution moves one count between buckets).
  std::size_t histogram_gap = 0;
  for (std::size_t i = 0; i < a.histogram.size(); ++i) {
    histogram_gap += a.histogram[i] > b.histogram[i] ? a.histogram[i] - b.histogram[i] : b.histogram[i] - a.histogram[i];
  }
  if ((histogram_gap + 1) / 2 > k) return false;
  // The shorter text as the pattern of the bit-parallel distance, which stops once k is out of reach.
  thread_local text::EditDistancePattern pattern;
  const bool x_shorter = x.size() <= y.size();
  pattern.assign(x_shorter ? std::u32string_view(x) : std::u32string_view(y));
  std::size_t blocks = 0;
  const std::size_t d = pattern.distance(x_shorter ? std::u32string_view(y) : std::u32string_view(x), k, &blocks);
  if (work) *work = blocks * 64;
  return d <= k;
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
