#pragma once
// A hash map from strings to small values, looked up by views, for maps looked up once per word of a
// document (the spelling memo). The keys' bytes lie in one arena and the places in one array of open
// addressing with linear probing; each place holds its key's hash, so a lookup reads one place and
// compares bytes only when the hashes agree. std::unordered_map (StringMap) hashed each word with murmur,
// walked a bucket to a node of its own and compared there: 15 % of the spelling rule's time with its
// cache warm. The hash is seeded per process (from where the seed itself lies, which address-space layout
// randomisation varies), so that a document cannot be written to make its words collide.
#include <bit>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace planlint::text {

// Loads of a text's bytes without a call to memcpy or memcmp: a word's last bytes through a memcpy of
// their count went to the stack byte by byte and were read back as a word, a stall that was a quarter
// of each lookup.
namespace bytes_of {
inline std::uint64_t word(const char* p) {
  std::uint64_t w;
  std::memcpy(&w, p, 8);
  return w;
}
inline std::uint64_t half(const char* p) {
  std::uint32_t w;
  std::memcpy(&w, p, 4);
  return w;
}
// The n bytes at p (1 ≤ n ≤ 8) as one number that differs for texts that differ (given n): from 4 bytes
// on two words of four that overlap, below that the first, middle and last byte, which cover them all.
inline std::uint64_t up_to_8(const char* p, std::size_t n) {
  if (n == 8) return word(p);
  if (n >= 4) return half(p) | half(p + n - 4) << 32;
  return std::uint64_t{static_cast<unsigned char>(p[0])} << 16 | std::uint64_t{static_cast<unsigned char>(p[n / 2])} << 8 |
         static_cast<unsigned char>(p[n - 1]);
}
// Whether the n bytes at a and at b are the same.
inline bool equal(const char* a, const char* b, std::size_t n) {
  std::size_t i = 0;
  for (; i + 8 < n; i += 8) {
    if (word(a + i) != word(b + i)) return false;
  }
  return n == 0 || up_to_8(a + i, n - i) == up_to_8(b + i, n - i);
}
}  // namespace bytes_of

// 64 bits of a text: eight bytes at a time, each word multiplied in, the last one to eight bytes as one.
struct TextHash {
  std::uint64_t operator()(std::string_view s) const {
    static const std::uint64_t seed = reinterpret_cast<std::uintptr_t>(&seed) * 0x9E3779B97F4A7C15ULL;
    std::uint64_t h = seed ^ (s.size() * 0xC2B2AE3D27D4EB4FULL);
    std::size_t i = 0;
    for (; i + 8 < s.size(); i += 8) h = step(h, bytes_of::word(s.data() + i));
    if (i < s.size()) h = step(h, bytes_of::up_to_8(s.data() + i, s.size() - i));
    h ^= h >> 32;  // splitmix64's finaliser: every bit of the key reaches the top bits, which pick the place
    h *= 0xD6E8FEB86659FD93ULL;
    return h ^ (h >> 32);
  }

 private:
  static std::uint64_t step(std::uint64_t h, std::uint64_t w) {
    h = (h ^ w) * 0xBF58476D1CE4E5B9ULL;
    return h ^ (h >> 29);
  }
};

// Hash: a callable from std::string_view to std::uint64_t (tests give a poor one, to make keys collide).
template <typename Value, typename Hash = TextHash>
class FlatStringMap {
 public:
  // The value of `key`, or nullptr. A pointer stays valid until the next insert().
  const Value* find(std::string_view key) const {
    if (places_.empty()) return nullptr;
    const Place& p = places_[probe(key, Hash{}(key))];
    return p.length == empty ? nullptr : &p.value;
  }
  // Adds key → value unless the key is there already (then its value stays).
  void insert(std::string_view key, Value value) {
    if ((size_ + 1) * 10 > places_.size() * 7) grow();  // at most 70 % full: short runs
    const std::uint64_t hash = Hash{}(key);
    Place& p = places_[probe(key, hash)];
    if (p.length != empty) return;
    if (key.size() >= empty || keys_.size() + key.size() > UINT32_MAX) throw std::length_error("FlatStringMap: keys over 4 GiB");
    p = {hash, static_cast<std::uint32_t>(keys_.size()), static_cast<std::uint32_t>(key.size()), std::move(value)};
    keys_.append(key);
    ++size_;
  }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::uint32_t empty = UINT32_MAX;  // a place's length when it holds no key
  struct Place {
    std::uint64_t hash = 0;
    std::uint32_t offset = 0, length = empty;
    Value value{};
  };

  // The place of `key`: where it is, or the empty place where it belongs.
  std::size_t probe(std::string_view key, std::uint64_t hash) const {
    const std::size_t mask = places_.size() - 1;
    for (std::size_t i = static_cast<std::size_t>(hash >> shift_);; i = (i + 1) & mask) {
      const Place& p = places_[i];
      if (p.length == empty) return i;
      if (p.hash == hash && p.length == key.size() && bytes_of::equal(keys_.data() + p.offset, key.data(), key.size())) return i;
    }
  }
  void grow() {
    std::vector<Place> old;
    old.swap(places_);
    places_.assign(old.empty() ? 64 : old.size() * 2, Place{});
    shift_ = 64 - static_cast<unsigned>(std::countr_zero(places_.size()));
    const std::size_t mask = places_.size() - 1;
    for (Place& p : old) {  // keys are distinct: each goes to the first empty place of its run
      if (p.length == empty) continue;
      std::size_t i = static_cast<std::size_t>(p.hash >> shift_);
      while (places_[i].length != empty) i = (i + 1) & mask;
      places_[i] = std::move(p);
    }
  }

  std::vector<Place> places_;  // a power of two of them, or none
  unsigned shift_ = 64;
  std::string keys_;  // every key's bytes, one after another
  std::size_t size_ = 0;
};

}  // namespace planlint::text
