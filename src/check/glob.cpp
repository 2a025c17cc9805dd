#include "check/glob.hpp"

#include <algorithm>

namespace planlint::check {

bool glob_match(std::string_view p, std::string_view t, bool path) {
  // The common patterns without the table: a rule id ("spelling") and a star alone ('*'), as
  // `--disable '*' --enable …` gives them for every rule of every document.
  if (p.find_first_of("*?") == std::string_view::npos) return p == t;
  if (p == "*" && (!path || t.find('/') == std::string_view::npos)) return true;
  // Dynamic programming over (pattern position, text position): O(|p|·|t|), no recursion, and right with
  // several stars of different kinds ("**/*.txt"). can[j]: the pattern read so far matches t[0..j).
  std::vector<char> can(t.size() + 1, 0), next(t.size() + 1, 0);
  can[0] = 1;
  std::size_t i = 0;
  while (i < p.size()) {
    std::fill(next.begin(), next.end(), 0);
    const bool double_star = p[i] == '*' && i + 1 < p.size() && p[i + 1] == '*';
    if (path && double_star && i + 2 < p.size() && p[i + 2] == '/') {
      // "**/": nothing, or any run of characters that ends with '/'.
      bool reached = false;
      for (std::size_t j = 0; j <= t.size(); ++j) {
        if (j > 0 && reached && t[j - 1] == '/') next[j] = 1;
        if (can[j]) next[j] = 1, reached = true;
      }
      i += 3;
    } else if (p[i] == '*') {
      const bool crosses = !path || double_star;
      for (std::size_t j = 0; j <= t.size(); ++j) {
        if (can[j] || (j > 0 && next[j - 1] && (crosses || t[j - 1] != '/'))) next[j] = 1;
      }
      i += double_star ? 2 : 1;
    } else {
      for (std::size_t j = 0; j < t.size(); ++j) {
        if (can[j] && (p[i] == t[j] || (p[i] == '?' && !(path && t[j] == '/')))) next[j + 1] = 1;
      }
      ++i;
    }
    std::swap(can, next);
  }
  return can[t.size()] != 0;
}

bool any_glob_match(const std::vector<std::string>& patterns, std::string_view text, bool path) {
  for (const auto& p : patterns) {
    if (glob_match(p, text, path)) return true;
  }
  return false;
}

}  // namespace planlint::check
