// Myers, "An O(ND) Difference Algorithm and Its Variations" (1986): the greedy forward search with the
// furthest-reaching D-paths kept for each D, then a walk back through them.
#include <algorithm>

#include "diff/words.hpp"

namespace planlint::diff {

Lcs myers(const std::vector<std::string_view>& a, const std::vector<std::string_view>& b, std::size_t max_d) {
  Lcs r{std::vector<bool>(a.size(), false), std::vector<bool>(b.size(), false)};
  // Common ends are kept without search: most edits touch a few words in the middle of a text.
  std::size_t pre = 0;
  while (pre < a.size() && pre < b.size() && a[pre] == b[pre]) r.keep_a[pre] = r.keep_b[pre] = true, ++pre;
  std::size_t suf = 0;
  while (suf < a.size() - pre && suf < b.size() - pre && a[a.size() - 1 - suf] == b[b.size() - 1 - suf]) {
    r.keep_a[a.size() - 1 - suf] = r.keep_b[b.size() - 1 - suf] = true;
    ++suf;
  }
  const long n = static_cast<long>(a.size() - pre - suf), m = static_cast<long>(b.size() - pre - suf);
  if (n == 0 || m == 0) return r;
  auto A = [&](long i) { return a[pre + static_cast<std::size_t>(i)]; };
  auto B = [&](long j) { return b[pre + static_cast<std::size_t>(j)]; };

  const long limit = std::min<long>(n + m, static_cast<long>(max_d));
  const long offset = limit + 1;
  std::vector<long> v(static_cast<std::size_t>(2 * limit + 3), 0);
  // trace holds, for each d, the slice v[-d..d] as it was before step d: d*d values precede slice d.
  std::vector<long> trace;
  long found_d = -1;
  for (long d = 0; d <= limit && found_d < 0; ++d) {
    trace.insert(trace.end(), v.begin() + (offset - d), v.begin() + (offset + d + 1));
    for (long k = -d; k <= d; k += 2) {
      long x = (k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])) ? v[offset + k + 1] : v[offset + k - 1] + 1;
      long y = x - k;
      while (x < n && y < m && A(x) == B(y)) ++x, ++y;
      v[offset + k] = x;
      if (x >= n && y >= m) {
        found_d = d;
        break;
      }
    }
  }
  if (found_d < 0) return r;  // too different: treat as a replacement of the middle

  long x = n, y = m;
  for (long d = found_d; d > 0; --d) {
    const long* prev = trace.data() + d * d;  // prev[k + d] == v[k] before step d
    const long k = x - y;
    const bool down = k == -d || (k != d && prev[k - 1 + d] < prev[k + 1 + d]);
    const long pk = down ? k + 1 : k - 1;
    const long px = prev[pk + d], py = px - pk;
    while (x > px + (down ? 0 : 1) && y > py + (down ? 1 : 0)) {
      --x, --y;
      r.keep_a[pre + static_cast<std::size_t>(x)] = r.keep_b[pre + static_cast<std::size_t>(y)] = true;
    }
    x = px, y = py;
  }
  while (x > 0 && y > 0) {
    --x, --y;
    r.keep_a[pre + static_cast<std::size_t>(x)] = r.keep_b[pre + static_cast<std::size_t>(y)] = true;
  }
  return r;
}

}  // namespace planlint::diff
