// FlatStringMap (the spelling memo's map) must answer as std::unordered_map does, whatever its keys: empty,
// with NUL bytes, long, sharing hashes.
#include <catch2/catch.hpp>

#include <random>
#include <string>
#include <unordered_map>
#include <vector>

#include "text/flat_string_map.hpp"

using planlint::text::FlatStringMap;

namespace {

// Keys as documents have them, and the ones they should not break on.
std::vector<std::string> keys(std::size_t n, unsigned seed) {
  static const char* pieces[] = {"hyvinvointi", "ä", "ö", "sote", "-", ".", "Lisätään", "x", "liikunta"};
  std::mt19937 rng(seed);
  std::vector<std::string> out{"", std::string(1, '\0'), std::string(300, 'a')};
  while (out.size() < n) {
    std::string k;
    for (unsigned p = rng() % 6; p-- > 0;) k += rng() % 7 == 0 ? std::string(1, '\0') : std::string(pieces[rng() % std::size(pieces)]);
    if (rng() % 50 == 0) k += std::string(rng() % 100, 'z');
    out.push_back(k);
  }
  return out;
}

// Every key to one place: each lookup walks a run and compares bytes.
struct OneHash {
  std::uint64_t operator()(std::string_view) const { return 42; }
};
// Hashes that agree for keys of one length: equal hashes, different bytes.
struct LengthHash {
  std::uint64_t operator()(std::string_view s) const { return s.size() * 0x9E3779B97F4A7C15ULL; }
};

template <typename Map>
void agrees_with_unordered_map(std::size_t n, unsigned seed) {
  const std::vector<std::string> all = keys(n, seed);
  std::mt19937 rng(seed + 1);
  Map map;
  std::unordered_map<std::string, int> expected;
  CHECK(map.find("") == nullptr);
  for (std::size_t i = 0; i < all.size() * 2; ++i) {
    const std::string& k = all[rng() % all.size()];
    const int v = static_cast<int>(i);
    map.insert(k, v);  // a key already there keeps its first value, as emplace() does
    expected.emplace(k, v);
  }
  REQUIRE(map.size() == expected.size());
  for (const std::string& k : all) {
    const int* got = map.find(k);
    const auto it = expected.find(k);
    INFO("key of " << k.size() << " bytes");
    REQUIRE((got != nullptr) == (it != expected.end()));
    if (got) REQUIRE(*got == it->second);
  }
  CHECK(map.find("not a key of the map") == nullptr);
}

}  // namespace

TEST_CASE("a flat string map answers as std::unordered_map does", "[text][map]") {
  agrees_with_unordered_map<FlatStringMap<int>>(20000, 1);
  agrees_with_unordered_map<FlatStringMap<int>>(50, 2);  // before and across the first growths
}

TEST_CASE("a flat string map tells keys apart by their bytes when their hashes agree", "[text][map]") {
  agrees_with_unordered_map<FlatStringMap<int, OneHash>>(300, 3);
  agrees_with_unordered_map<FlatStringMap<int, LengthHash>>(3000, 4);
}
