#pragma once
// Levenshtein distance between one pattern and many texts, 64 cells of the dynamic-programming table at a
// time: Myers' bit-vector algorithm (JACM 1999) in Hyyrö's form for global distance, with blocks of 64
// pattern characters for longer patterns (as in edlib). A pattern is prepared once (a bit mask per
// character it holds) and then compared with each text in O(length × ⌈pattern length / 64⌉) word
// operations, which for the texts of a plan (measures of 50–400 characters) is 20–60 times fewer steps
// than the cell-by-cell table.
#include <cstddef>
#include <cstdint>
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

 private:
  template <typename NextChar>
  std::size_t run(std::size_t text_length, NextChar next, std::size_t limit, std::size_t* work) const;
  // The masks of one character: bit i of block b is set where pattern[64 b + i] is that character.
  const std::uint64_t* masks_of(char32_t c) const;

  std::size_t length_ = 0;
  std::size_t blocks_ = 0;
  // masks_[slot * blocks_ + b]; slot 0 is all zeros, for characters the pattern does not hold.
  std::vector<std::uint64_t> masks_;
  std::uint32_t latin_slot_[256] = {};                     // slot of each code point below 256, 0 if none
  std::vector<std::pair<char32_t, std::uint32_t>> other_;  // the pattern's other characters, sorted
};

// The plain edit distance of two code point sequences (the shorter is taken as the pattern).
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

}  // namespace planlint::text
