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
  // 64 bits of a character's masks from pattern position `from` on (negative: below the pattern's start,
  // zeros there).
  std::uint64_t window_of(const std::uint64_t* masks, std::ptrdiff_t from) const;
  // distance_with() for a limit of at most banded_limit below the pattern's length: one word a column.
  template <typename NextChar>
  std::size_t banded_distance(std::size_t text_length, NextChar next, std::size_t limit, std::size_t* work) const;
  // A limit of k needs the 2k + 1 rows around the diagonal: up to 31, they fit one word.
  static constexpr std::size_t banded_limit = 31;

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

inline std::uint64_t EditDistancePattern::window_of(const std::uint64_t* masks, std::ptrdiff_t from) const {
  if (from < 0) return masks[0] << static_cast<unsigned>(-from);
  const auto word = static_cast<std::size_t>(from) / 64;
  const auto shift = static_cast<unsigned>(from % 64);
  if (word >= blocks_) return 0;
  std::uint64_t bits = masks[word] >> shift;
  if (shift != 0 && word + 1 < blocks_) bits |= masks[word + 1] << (64 - shift);
  return bits;
}

// The band of Ukkonen's cut-off in one word (Hyyrö, "A bit-vector algorithm for computing Levenshtein and
// Damerau edit distances", Nordic Journal of Computing 2003): a distance of at most k only passes through
// cells within k diagonals of the main one, 2k + 1 rows of each column. The word holds the vertical deltas
// of rows j − k … j + k at column j, top bit the lowest row, and moves down a row with each column (the
// deltas shift right instead of the horizontal ones left). Rows above the pattern's start stay zero, and
// their horizontal delta is then +1, as the top row's is. The distance is followed along the band's lowest
// diagonal while that lies in the pattern, then along the pattern's last row.
//
// Why: the texts a plan compares are 50–400 characters, 1–7 blocks of 64 rows, while a limit of 10 % of
// them needs a band of 11–81 rows; for most, one word a column instead of all the blocks.
template <typename NextChar>
inline std::size_t EditDistancePattern::banded_distance(std::size_t text_length, NextChar next, std::size_t limit,
                                                        std::size_t* work) const {
  const auto k = static_cast<std::ptrdiff_t>(limit);
  const auto m = static_cast<std::ptrdiff_t>(length_);
  const auto n = static_cast<std::ptrdiff_t>(text_length);
  // Column 0: rows 1 … k + 1 (the top bits) have D[i][0] = i, a vertical delta of +1 each.
  std::uint64_t vp = ~std::uint64_t{0} << (63 - k);
  std::uint64_t vn = 0;
  std::ptrdiff_t score = k;  // D[k][0], then the band's lowest cell, then D[m][j]
  // The distance is at least the score less the diagonals between its cell and the final one; along a
  // diagonal values never decrease.
  const std::ptrdiff_t give_up = 2 * k + n - m;
  std::uint64_t last_row = std::uint64_t{1} << 62;  // row m's bit once the band has passed it
  std::size_t columns = 0;
  for (std::ptrdiff_t j = 0; j < n; ++j) {
    // Bit 63 of column j + 1 is row j + k + 1, pattern position j + k.
    const std::uint64_t eq = window_of(masks_of(next()), j + k + 1 - 64);
    const std::uint64_t d0 = (((eq & vp) + vp) ^ vp) | eq | vn;
    const std::uint64_t hp = vn | ~(d0 | vp);
    const std::uint64_t hn = d0 & vp;
    if (j < m - k) {
      score += (d0 >> 63) ? 0 : 1;  // the diagonal step into row j + k + 1: equal, or one more
    } else {
      score += (hp & last_row) ? 1 : 0;
      score -= (hn & last_row) ? 1 : 0;
      last_row >>= 1;
    }
    ++columns;
    if (score > give_up) break;
    vp = hn | ~((d0 >> 1) | hp);
    vn = (d0 >> 1) & hp;
  }
  if (work) *work += columns;
  return score <= k && columns == text_length ? static_cast<std::size_t>(score) : limit + 1;
}

template <typename NextChar>
inline std::size_t EditDistancePattern::distance_with(std::size_t text_length, NextChar next, std::size_t limit,
                                                       std::size_t* work) const {
  if (length_ == 0) return text_length;
  if (text_length == 0) return length_;
  // The distance is at least the difference of the lengths.
  const std::size_t gap = length_ > text_length ? length_ - text_length : text_length - length_;
  if (gap > limit) return limit == SIZE_MAX ? gap : limit + 1;
  if (limit <= banded_limit && limit < length_) return banded_distance(text_length, next, limit, work);
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
