#include "text/edit_distance.hpp"

#include <algorithm>
#include <cstdlib>

#include "text/utf8.hpp"

namespace planlint::text {
namespace {

constexpr std::uint64_t high_bit = std::uint64_t{1} << 63;

// One column step of one 64-row block: the vertical deltas (P: +1, M: −1) of the block for text
// character with masks `eq`, given the horizontal delta `hin` entering at its top row (−1, 0, +1).
// Returns the horizontal delta leaving the row `out_bit` (the block's last row, or the pattern's last).
inline int advance(std::uint64_t& p, std::uint64_t& m, std::uint64_t eq, int hin, std::uint64_t out_bit) {
  const std::uint64_t hin_negative = hin < 0 ? 1 : 0;
  const std::uint64_t xv = eq | m;
  eq |= hin_negative;
  const std::uint64_t xh = (((eq & p) + p) ^ p) | eq;
  std::uint64_t ph = m | ~(xh | p);
  std::uint64_t mh = p & xh;
  const int hout = (ph & out_bit) ? 1 : (mh & out_bit) ? -1 : 0;
  ph = (ph << 1) | (hin > 0 ? 1 : 0);
  mh = (mh << 1) | hin_negative;
  p = mh | ~(xv | ph);
  m = ph & xv;
  return hout;
}

}  // namespace

void EditDistancePattern::assign(std::u32string_view pattern) {
  length_ = pattern.size();
  blocks_ = (length_ + 63) / 64;
  std::fill(std::begin(latin_slot_), std::end(latin_slot_), 0u);
  other_.clear();
  // Slots in order of first occurrence; characters above U+00FF are found by binary search.
  std::uint32_t slots = 1;
  for (const char32_t c : pattern) {
    if (c < 256) {
      if (latin_slot_[c] == 0) latin_slot_[c] = slots++;
    } else {
      other_.emplace_back(c, 0);
    }
  }
  std::sort(other_.begin(), other_.end());
  other_.erase(std::unique(other_.begin(), other_.end(), [](const auto& a, const auto& b) { return a.first == b.first; }),
               other_.end());
  for (auto& [c, slot] : other_) slot = slots++;
  masks_.assign(std::size_t{slots} * blocks_, 0);
  for (std::size_t i = 0; i < length_; ++i) {
    const char32_t c = pattern[i];
    std::uint32_t slot = 0;
    if (c < 256) {
      slot = latin_slot_[c];
    } else {
      slot = std::lower_bound(other_.begin(), other_.end(), std::pair<char32_t, std::uint32_t>{c, 0})->second;
    }
    masks_[slot * blocks_ + i / 64] |= std::uint64_t{1} << (i % 64);
  }
}

const std::uint64_t* EditDistancePattern::masks_of(char32_t c) const {
  std::uint32_t slot = 0;
  if (c < 256) {
    slot = latin_slot_[c];
  } else if (!other_.empty()) {
    const auto it = std::lower_bound(other_.begin(), other_.end(), std::pair<char32_t, std::uint32_t>{c, 0});
    if (it != other_.end() && it->first == c) slot = it->second;
  }
  return masks_.data() + std::size_t{slot} * blocks_;
}

template <typename NextChar>
std::size_t EditDistancePattern::run(std::size_t text_length, NextChar next, std::size_t limit, std::size_t* work) const {
  if (length_ == 0) return text_length;
  if (text_length == 0) return length_;
  // The distance is at least the difference of the lengths.
  const std::size_t gap = length_ > text_length ? length_ - text_length : text_length - length_;
  if (gap > limit) return limit == SIZE_MAX ? gap : limit + 1;
  // Vertical deltas of the first column (D[i][0] = i): all +1. The rows past the pattern's end in the last
  // block never influence the rows above them (additions carry upwards only), so they are left as they fall.
  thread_local std::vector<std::uint64_t> pv, mv;
  thread_local std::vector<std::int64_t> bottom;  // D of each block's last row, in the column reached
  pv.assign(blocks_, ~std::uint64_t{0});
  mv.assign(blocks_, 0);
  bottom.resize(blocks_);
  for (std::size_t b = 0; b < blocks_; ++b) bottom[b] = static_cast<std::int64_t>(std::min(64 * (b + 1), length_));
  const std::uint64_t last_bit = std::uint64_t{1} << ((length_ - 1) % 64);
  const bool bounded = limit < SIZE_MAX / 2;
  const auto k = static_cast<std::int64_t>(bounded ? limit : 0);
  // The final cell lies on diagonal m − n; a cell (i, j) lies |(i − j) − (m − n)| diagonals away. Values
  // never decrease along a diagonal and change by at most one between neighbouring diagonals, so
  // D(i, j) − that distance is a lower bound of the distance: once one block's bottom row exceeds the
  // limit by it, the texts are too far apart (an early exit like the cut-off of the banded table).
  const auto final_diagonal = static_cast<std::int64_t>(length_) - static_cast<std::int64_t>(text_length);
  for (std::size_t j = 1; j <= text_length; ++j) {
    const std::uint64_t* eq = masks_of(next());
    int h = 1;  // global distance: the top row D[0][j] = j grows by one per column
    bool too_far = false;
    for (std::size_t b = 0; b < blocks_; ++b) {
      h = advance(pv[b], mv[b], eq[b], h, b + 1 < blocks_ ? high_bit : last_bit);
      bottom[b] += h;
      if (bounded) {
        const auto row = static_cast<std::int64_t>(std::min(64 * (b + 1), length_));
        const std::int64_t diagonals = std::abs(row - static_cast<std::int64_t>(j) - final_diagonal);
        too_far |= bottom[b] - diagonals > k;
      }
    }
    if (too_far) {
      if (work) *work += j * blocks_;
      return limit + 1;
    }
  }
  if (work) *work += text_length * blocks_;
  return static_cast<std::size_t>(bottom[blocks_ - 1]);
}

std::size_t EditDistancePattern::distance(std::u32string_view text, std::size_t limit, std::size_t* work) const {
  std::size_t i = 0;
  return run(text.size(), [&] { return text[i++]; }, limit, work);
}

std::size_t EditDistancePattern::distance_utf8(std::string_view text, std::size_t code_points, std::size_t limit,
                                               std::size_t* work) const {
  std::size_t i = 0;
  return run(code_points, [&]() -> char32_t { return i < text.size() ? utf8::decode(text, i) : 0; }, limit, work);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return EditDistancePattern(b).distance(a);
}

}  // namespace planlint::text
