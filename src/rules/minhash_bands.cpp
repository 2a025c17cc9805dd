#include "rules/minhash_bands.hpp"

#include <algorithm>
#include <bit>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#endif

namespace planlint::rules {
namespace {

constexpr std::size_t hashes = MinHashBands::rows * MinHashBands::bands;

std::uint64_t mix(std::uint64_t z) {  // splitmix64's finaliser
  z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
  z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
  return z ^ (z >> 31);
}

// The hash functions: x -> a·x + b (mod 2^32) with a odd, one pair per min-hash, fixed (the same texts
// always give the same keys, so findings do not change from run to run).
struct Functions {
  alignas(64) std::uint32_t a[hashes];
  alignas(64) std::uint32_t b[hashes];
  Functions() {
    std::uint64_t state = 17;
    for (std::size_t i = 0; i < hashes; ++i) {
      const std::uint64_t r = mix(state += 0x9E3779B97F4A7C15ULL);
      a[i] = static_cast<std::uint32_t>(r) | 1;
      b[i] = static_cast<std::uint32_t>(r >> 32);
    }
  }
};
const Functions functions;

// The min-hashes: for each function, the least a·x + b over the q-grams' 32-bit hashes x.
void min_hashes_scalar(const std::uint32_t* xs, std::size_t n, std::uint32_t* out) {
  for (std::size_t i = 0; i < hashes; ++i) {
    std::uint32_t m = ~std::uint32_t{0};
    for (std::size_t g = 0; g < n; ++g) m = std::min(m, functions.a[i] * xs[g] + functions.b[i]);
    out[i] = m;
  }
}

#if defined(__x86_64__) && defined(__GNUC__)
// Eight functions per instruction: this loop is most of a query's cost, and the compiler's own
// vectorisation of the scalar loop used 128-bit registers without a vector multiply.
[[gnu::target("avx2")]] void min_hashes_avx2(const std::uint32_t* xs, std::size_t n, std::uint32_t* out) {
  for (std::size_t i = 0; i < hashes; i += 8) {
    const __m256i a = _mm256_load_si256(reinterpret_cast<const __m256i*>(functions.a + i));
    const __m256i b = _mm256_load_si256(reinterpret_cast<const __m256i*>(functions.b + i));
    __m256i m = _mm256_set1_epi32(-1);
    for (std::size_t g = 0; g < n; ++g) {
      const __m256i x = _mm256_set1_epi32(static_cast<int>(xs[g]));
      m = _mm256_min_epu32(m, _mm256_add_epi32(_mm256_mullo_epi32(a, x), b));
    }
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(out + i), m);
  }
}
const bool has_avx2 = __builtin_cpu_supports("avx2");
#endif

void min_hashes(const std::vector<std::uint64_t>& grams, std::uint32_t* out) {
  thread_local std::vector<std::uint32_t> xs;
  xs.resize(grams.size());
  for (std::size_t g = 0; g < grams.size(); ++g) xs[g] = static_cast<std::uint32_t>(mix(grams[g]) >> 32);
#if defined(__x86_64__) && defined(__GNUC__)
  if (has_avx2) return min_hashes_avx2(xs.data(), xs.size(), out);
#endif
  min_hashes_scalar(xs.data(), xs.size(), out);
}

}  // namespace

void MinHashBands::keys_of(const std::vector<std::uint64_t>& grams, Keys& out) {
  alignas(64) std::uint32_t m[hashes];
  min_hashes(grams, m);
  for (std::size_t b = 0; b < bands; ++b) {
    std::uint64_t h = b + 1;
    for (std::size_t r = 0; r < rows; ++r) h = mix(h ^ (std::uint64_t{m[b * rows + r]} << 8));
    out[b] = h;
  }
}

MinHashBands::MinHashBands(std::size_t texts) {
  // At most 70 % full, so that a key's run of places stays short; never full, so that every run ends.
  const std::size_t places = std::max<std::size_t>(64, texts * bands * 10 / 7 + 1);
  checks_.assign(places, 0);
  texts_.assign(places, 0);
}

void MinHashBands::add(std::uint32_t text, const Keys& keys) {
  for (std::size_t b = 0; b < bands; ++b) {
    std::size_t i = home(keys[b]);
    while (checks_[i] != 0) i = i + 1 == checks_.size() ? 0 : i + 1;
    checks_[i] = check_of(keys[b]);
    texts_[i] = text;
  }
}

}  // namespace planlint::rules
