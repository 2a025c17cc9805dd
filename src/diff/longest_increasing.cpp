#include <algorithm>

#include "diff/matching.hpp"

namespace planlint::diff {

std::vector<std::size_t> longest_increasing(const std::vector<std::size_t>& seq) {
  // tails[l]: index of the smallest last element of an increasing run of length l + 1 found so far.
  std::vector<std::size_t> tails, prev(seq.size(), none);
  for (std::size_t i = 0; i < seq.size(); ++i) {
    const auto it = std::lower_bound(tails.begin(), tails.end(), seq[i],
                                     [&](std::size_t t, std::size_t v) { return seq[t] < v; });
    if (it != tails.begin()) prev[i] = *(it - 1);
    if (it == tails.end()) tails.push_back(i);
    else *it = i;
  }
  std::vector<std::size_t> out;
  for (std::size_t i = tails.empty() ? none : tails.back(); i != none; i = prev[i]) out.push_back(i);
  std::reverse(out.begin(), out.end());
  return out;
}

}  // namespace planlint::diff
