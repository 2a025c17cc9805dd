#pragma once
// Levenshtein distance between one pattern and many texts, 64 cells of the dynamic-programming table at a
// time: Myers' bit-vector algorithm (JACM 1999) in Hyyrö's form for global distance, with blocks of 64
// pattern characters for longer patterns (as in edlib). A pattern is prepared once (a bit mask per
// character it holds) and then compared with each text in O(length × ⌈pattern length / 64⌉) word
// operations, which for the texts of a plan (measures of 50–400 characters) is 20–60 times fewer steps
// than the cell-by-cell table.
#include <cstddef>
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <string_view>
#include <utility>
#include <vector>

namespace planlint::text {

class EditDistancePattern {
 public:
  EditDistancePattern() = default;
  explicit EditDistancePattern(std::u32string_view pattern) { assign(pattern); }
  // Prepares for a new pattern, reusing the memory of the previous one.
  void assign(std::u32string_view pattern);

  std::size_t length() const { return length_; }

  // The edit distance to `text` if it is at most `limit`; otherwise some value above `limit` (the
  // comparison stops as soon as the distance cannot come back down to `limit`). `work`, if given, is
  // increased by the 64-cell blocks computed.
  std::size_t distance(std::u32string_view text, std::size_t limit = SIZE_MAX, std::size_t* work = nullptr) const;
  // The same over UTF-8 text of `code_points` characters, decoded as it is read.
  std::size_t distance_utf8(std::string_view text, std::size_t code_points, std::size_t limit = SIZE_MAX,
                            std::size_t* work = nullptr) const;

  // The same over a text of `text_length` characters that `next()` returns one after the other.
  template <typename NextChar>
  std::size_t distance_with(std::size_t text_length, NextChar next, std::size_t limit = SIZE_MAX, std::size_t* work = nullptr) const;

 private:
  // The masks of one character: bit i of block b is set where pattern[64 b + i] is that character.
  const std::uint64_t* masks_of(char32_t c) const;

  std::size_t length_ = 0;
  std::size_t blocks_ = 0;
  // masks_[slot * blocks_ + b]; slot 0 is all zeros, for characters the pattern does not hold.
  std::vector<std::uint64_t> masks_;
  std::uint32_t latin_slot_[256] = {};                     // slot of each code point below 256, 0 if none
  std::vector<std::pair<char32_t, std::uint32_t>> other_;  // the pattern's other characters, sorted
};

namespace edit_distance_detail {

inline constexpr std::uint64_t high_bit = std::uint64_t{1} << 63;

// One column step of one 64-row block: the vertical deltas (P: +1, M: −1) of the block for text
// character with masks `eq`, given the horizontal delta `hin` entering at its top row (−1, 0, +1).
// Returns the horizontal delta leaving the row `out_bit` (the block's last row, or the pattern's last).
inline int advance_block(std::uint64_t& p, std::uint64_t& m, std::uint64_t eq, int hin, std::uint64_t out_bit) {
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

}  // namespace edit_distance_detail

template <typename NextChar>
inline std::size_t EditDistancePattern::distance_with(std::size_t text_length, NextChar next, std::size_t limit,
                                                       std::size_t* work) const {
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
      h = edit_distance_detail::advance_block(pv[b], mv[b], eq[b], h, b + 1 < blocks_ ? edit_distance_detail::high_bit : last_bit);
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

// The plain edit distance of two code point sequences (the shorter is taken as the pattern).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

}  // namespace planlint::text
