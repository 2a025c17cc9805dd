#pragma once
// A hash map from 64-bit keys to 32-bit values with open addressing (linear probing) in one flat array:
// the similarity index looks up hundreds of millions of q-grams in a large plan, where std::unordered_map's
// node per entry costs a cache miss per lookup and 40 bytes of memory per q-gram.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace planlint::rules {

class FlatHash {
 public:
  static constexpr std::uint64_t empty_key = ~std::uint64_t{0};  // never a key: callers' keys are below it

  // The value of `key`, inserting `value_if_new` first when it is absent; `added` tells which.
  std::uint32_t insert(std::uint64_t key, std::uint32_t value_if_new, bool* added = nullptr) {
    if ((size_ + 1) * 2 > slots_.size()) grow();
    Slot& s = probe(key);
    if (added) *added = s.key == empty_key;
    if (s.key == empty_key) {
      s = {key, value_if_new};
      ++size_;
    }
    return s.value;
  }
  // The value of `key`, or nullptr.
  const std::uint32_t* find(std::uint64_t key) const {
    if (slots_.empty()) return nullptr;
    const Slot& s = const_cast<FlatHash*>(this)->probe(key);
    return s.key == empty_key ? nullptr : &s.value;
  }
  std::size_t size() const { return size_; }
  // Asks the CPU to fetch the slot where `key` would be looked for first, ahead of find().
  void prefetch(std::uint64_t key) const {
    if (!slots_.empty()) __builtin_prefetch(&slots_[static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_)]);
  }

 private:
  struct Slot {
    std::uint64_t key = empty_key;
    std::uint32_t value = 0;
  };
  Slot& probe(std::uint64_t key) {
    const std::size_t mask = slots_.size() - 1;
    // Fibonacci hashing: the top bits of the product depend on every bit of the key.
    std::size_t i = static_cast<std::size_t>((key * 0x9E3779B97F4A7C15ULL) >> shift_);
    while (slots_[i].key != empty_key && slots_[i].key != key) i = (i + 1) & mask;
    return slots_[i];
  }
  void grow() {
    std::vector<Slot> old;
    old.swap(slots_);
    slots_.assign(old.empty() ? 64 : old.size() * 2, Slot{});
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(slots_.size()));
    for (const Slot& s : old) {
      if (s.key != empty_key) probe(s.key) = s;
    }
  }
  std::vector<Slot> slots_;
  std::size_t size_ = 0;
  unsigned shift_ = 58;  // 64 − log2 of the slot count
};

}  // namespace planlint::rules
