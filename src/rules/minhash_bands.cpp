#include "rules/minhash_bands.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>

namespace planlint::rules {
namespace {

constexpr std::size_t hashes = MinHashBands::rows * MinHashBands::bands;
static_assert(hashes % 64 == 0, "the empty bins are found 64 at a time");
static_assert(MinHashBands::rows == 8, "keys_from() has a factor for each pair of rows");

constexpr std::uint64_t mix(std::uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The bin of a hash among the min-hashes: multiply-shift on its high half.
constexpr std::size_t bin_of(std::uint64_t h) { return static_cast<std::size_t>(((h >> 32) * hashes) >> 32); }

// The bin an empty bin takes its value from at its `attempt`th try: the same sequence for every text.
constexpr std::size_t donor_of(std::size_t bin, std::size_t attempt) { return bin_of(mix((std::uint64_t{bin} << 32) ^ attempt)); }

// The first tries of each bin's sequence, computed at compile time: a text of 100 q-grams leaves three bins
// in four empty, and hashing their tries anew was most of the time of keys_of(). (Computed at start-up, the
// table cost every run, --version too, its initialisation and three page faults.)
constexpr std::size_t tabled_tries = 16, quick_tries = 4;
struct Donors {
  std::array<std::array<std::uint16_t, tabled_tries>, hashes> of{};
  constexpr Donors() {
    for (std::size_t bin = 0; bin < hashes; ++bin) {
      for (std::size_t attempt = 0; attempt < tabled_tries; ++attempt) of[bin][attempt] = static_cast<std::uint16_t>(donor_of(bin, attempt));
    }
  }
};
constexpr Donors donors;

constexpr std::uint64_t copy_salt[4] = {0x243F6A8885A308D3ULL, 0x13198A2E03707344ULL, 0xA4093822299F31D0ULL, 0x082EFA98EC4E6C89ULL};

}  // namespace

// The 64 flags from `flags` on (bools, each byte 0 or 1) as the bits of a word, flag k as bit k: eight
// bytes at a time, each byte's low bit moved to its place by one multiplication (the terms of the product
// fall on distinct bits, so nothing carries into the top byte). A loop over the 384 flags one by one was a
// sixth of keys_of().
std::uint64_t MinHashBands::flags_as_bits(const bool* flags) {
  static_assert(sizeof(bool) == 1);
  std::uint64_t bits = 0;
  for (std::size_t byte = 0; byte < 8; ++byte) {
    std::uint64_t eight = 0;
    std::memcpy(&eight, flags + byte * 8, 8);
    if constexpr (std::endian::native == std::endian::big) eight = __builtin_bswap64(eight);
    bits |= ((eight * 0x0102040810204080ULL) >> 56) << (byte * 8);
  }
  return bits;
}

void MinHashBands::keys_of(const std::vector<std::uint64_t>& grams, Keys& out) {
  std::array<std::uint32_t, hashes> m;
  m.fill(~std::uint32_t{0});
  std::array<bool, hashes + 1> filled{};  // one more, never filled: the donor "none"
  // Each q-gram enters as `copies` elements, (q-gram, copy), each with a bin and a value of its own: the
  // Jaccard similarity of two texts' sets of such elements is that of their q-gram sets, and four times
  // the elements leave far fewer bins empty (a text of 100 q-grams: 35 % instead of 77 %) for the
  // densification below, whose unpredictable search was most of the time of this function.
  const auto enter = [&](std::uint64_t h, std::uint64_t salt) {
    const std::size_t bin = bin_of((h ^ salt) * 0x9E3779B97F4A7C15ULL);  // multiply-shift: bin from the high bits
    m[bin] = std::min(m[bin], static_cast<std::uint32_t>((h + salt) * 0xD6E8FEB86659FD93ULL >> 32));
  };
  for (const std::uint64_t g : grams) {
    // The copies written out, each salt a constant: a loop over them loaded each salt from memory and
    // kept fewer of the four updates in flight (11 % slower on the benchmark's measures).
    const std::uint64_t h = mix(g);
    enter(h, copy_salt[0]);
    enter(h, copy_salt[1]);
    enter(h, copy_salt[2]);
    enter(h, copy_salt[3]);
  }
  // Densification (Shrivastava, ICML 2017): an empty bin copies the value of a filled one, the first
  // filled bin of a sequence of bins of its own, the same for every text; the bins of two texts then still
  // agree with probability J. (Rotation, an empty bin copying its next filled neighbour, is cheaper but
  // lost 7 % of the near-duplicates on the benchmark's plans: neighbours' values are not independent.)
  //
  // Only the empty bins take a donor (a filled bin is its own), found from a mask of them: a text of 100
  // q-grams leaves about a third empty, and visiting every bin was more than a third of this function's
  // time (perf: keys_of() was 23 % of duplicate-measure on 10,000 measures before, 15 % after). Each empty
  // bin's donor among its first four tries is chosen without a branch (a bin is empty at random, which
  // branches mispredicted); the rare bin whose four tries are all empty (1 in 200 on a text of 100
  // q-grams) goes on searching in a loop.
  if (grams.empty()) return keys_from(m, out);
  // A bin is filled when it holds a value: flags set after the loop, in vector instructions, cost less than
  // a store per element in it. (An element whose value is 2^32 − 1, one in four billion, leaves its bin
  // looking empty; the bin then takes a donor's value like any empty one.)
  for (std::size_t bin = 0; bin < hashes; ++bin) filled[bin] = m[bin] != ~std::uint32_t{0};
  for (std::size_t word = 0; word < hashes / 64; ++word) {
    std::uint64_t empty = ~flags_as_bits(filled.data() + word * 64);
    for (; empty != 0; empty &= empty - 1) {
      const std::size_t bin = word * 64 + static_cast<std::size_t>(std::countr_zero(empty));
      std::size_t donor = hashes;  // none yet
      for (std::size_t attempt = quick_tries; attempt-- > 0;) {
        const std::size_t d = donors.of[bin][attempt];
        donor = filled[d] ? d : donor;
      }
      if (donor == hashes) [[unlikely]] {
        std::size_t attempt = quick_tries;
        for (donor = donors.of[bin][attempt]; !filled[donor] && ++attempt < tabled_tries;) donor = donors.of[bin][attempt];
        // Expected tries: hashes / filled bins; after 4,096 the next filled bin in order serves, so that the
        // loop ends whatever the hash does.
        for (; !filled[donor] && attempt < 4096; ++attempt) donor = donor_of(bin, attempt);
        while (!filled[donor]) donor = donor + 1 == hashes ? 0 : donor + 1;
      }
      m[bin] = m[donor];  // a donor is filled, so never changed here: the order of the bins does not matter
    }
  }
  keys_from(m, out);
}

// A band's key: its rows two to a word, each word times an odd constant of its own, summed and mixed once.
// (Mixing after each word, as before, cost four mixes a band where one does.)
void MinHashBands::keys_from(const std::array<std::uint32_t, rows * bands>& m, Keys& out) {
  static constexpr std::uint64_t word_factor[rows / 2] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
                                                          0xD6E8FEB86659FD93ULL};
  for (std::size_t b = 0; b < bands; ++b) {
    std::uint64_t h = b + 1;
    for (std::size_t r = 0; r < rows; r += 2) h += (m[b * rows + r] | (std::uint64_t{m[b * rows + r + 1]} << 32)) * word_factor[r / 2];
    out[b] = mix(h);
  }
}

// At most 70 % full, so that a key's home bucket is seldom full; never full, so that every search ends.
static std::size_t buckets_for(std::size_t texts) { return std::max<std::size_t>(4, texts * MinHashBands::bands * 10 / 7 / 16 + 1); }

// One bucket more than needed, so that the first can start at a cache line's boundary (heap memory is
// aligned to 16 bytes; huge pages to 2 MB).
MinHashBands::MinHashBands(std::size_t texts)
    : buckets_(buckets_for(texts)), places_((buckets_ + 1) * per_bucket) {
  const auto at = reinterpret_cast<std::uintptr_t>(&places_[0]);
  first_ = &places_[0] + ((64 - at % 64) % 64) / sizeof(std::uint32_t);
}

void MinHashBands::add(std::uint32_t text, const Keys& keys) {
  for (std::size_t b = 0; b < bands; ++b) {
    std::size_t k = home(keys[b]);
    std::uint32_t room = 0;
    while ((room = holding(bucket(k), 0)) == 0) k = k + 1 == buckets_ ? 0 : k + 1;
    bucket(k)[std::countr_zero(room)] = (text << 8) | check_of(keys[b]);
  }
}

}  // namespace planlint::rules
