#include "text/edit_distance.hpp"

#include <algorithm>
#include <cstdlib>

#include "text/utf8.hpp"

namespace planlint::text {
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

std::size_t EditDistancePattern::distance(std::u32string_view text, std::size_t limit, std::size_t* work) const {
  std::size_t i = 0;
  return distance_with(text.size(), [&] { return text[i++]; }, limit, work);
}

std::size_t EditDistancePattern::distance_utf8(std::string_view text, std::size_t code_points, std::size_t limit,
                                               std::size_t* work) const {
  std::size_t i = 0;
  return distance_with(code_points, [&]() -> char32_t { return i < text.size() ? utf8::decode(text, i) : 0; }, limit, work);
}

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  if (a.size() < b.size()) std::swap(a, b);
  return EditDistancePattern(b).distance(a);
}

}  // namespace planlint::text
