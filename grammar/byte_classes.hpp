#pragma once
// Classes of ASCII bytes tested eight at a time in a 64-bit word, for the tokenizer's inner loops (the
// runs of a word's letters, the digits that make a token a number). Exact: no byte is reported wrongly.
#include <bit>
#include <cstdint>
#include <cstring>

namespace planlint::grammar::bytes {

constexpr std::uint64_t ones = 0x0101010101010101ULL;

// Bit 7 of each byte of `x` that is below 0x80 and strictly between `above` and `below` (0 <= above <
// below <= 128); 0 in every other bit. Per byte, with t its low seven bits: 127 + below - t has bit 7 set
// when t < below, and t + 127 - above when t > above; neither sum leaves its byte, so bytes do not
// interfere (Anderson, "Bit Twiddling Hacks": hasbetween).
constexpr std::uint64_t between(std::uint64_t x, unsigned above, unsigned below) {
  const std::uint64_t low7 = x & (ones * 127);
  return (ones * (127 + below) - low7) & ~x & (low7 + ones * (127 - above)) & (ones * 128);
}

constexpr std::uint64_t digits(std::uint64_t x) { return between(x, '0' - 1, '9' + 1); }
constexpr std::uint64_t letters_or_digits(std::uint64_t x) { return between(x | (ones * 0x20), 'a' - 1, 'z' + 1) | digits(x); }

// Eight bytes from `p` as a word whose lowest byte is p[0], whatever the machine's byte order.
inline std::uint64_t load8(const char* p) {
  std::uint64_t x = 0;
  std::memcpy(&x, p, 8);
  if constexpr (std::endian::native == std::endian::big) x = __builtin_bswap64(x);
  return x;
}

// The index of the first byte whose bit 7 is set in `mask` (which has no other bits), 8 if none.
constexpr unsigned first_marked(std::uint64_t mask) { return static_cast<unsigned>(std::countr_zero(mask)) / 8; }

}  // namespace planlint::grammar::bytes
