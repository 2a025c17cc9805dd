// ZeroedPages (src/rules/zeroed_pages.hpp): the band table's memory, zero without being cleared.
#include <catch2/catch.hpp>
#include <cstdint>

#include "rules/zeroed_pages.hpp"

using planlint::rules::ZeroedPages;

TEST_CASE("zeroed pages: every element starts at zero and keeps what is written - small and huge-page sized", "[minhash]") {
  for (const std::size_t n : {std::size_t{1}, std::size_t{1000}, std::size_t{3} << 20}) {
    ZeroedPages<std::uint32_t> a(n);
    REQUIRE(a.size() == n);
    std::size_t nonzero = 0;
    for (std::size_t i = 0; i < n; i += 97) nonzero += a[i] != 0;
    CHECK(nonzero == 0);
    CHECK(a[n - 1] == 0);
    for (std::size_t i = 0; i < n; i += 97) a[i] = static_cast<std::uint32_t>(i + 1);
    a[n - 1] = 7;
    const ZeroedPages<std::uint32_t> moved(std::move(a));
    if (n > 1) CHECK(moved[0] == 1);
    CHECK(moved[n - 1] == 7);
  }
}

TEST_CASE("zeroed pages: a table of 2 MB or more starts on a huge page's boundary so that all of it can be huge", "[minhash]") {
  for (const std::size_t n : {std::size_t{1} << 19, (std::size_t{3} << 20) + 5}) {
    ZeroedPages<std::uint32_t> a(n);
    CHECK(reinterpret_cast<std::uintptr_t>(&a[0]) % (std::size_t{2} << 20) == 0);
    a[n - 1] = 9;  // the whole length is mapped
    CHECK(a[n - 1] == 9);
  }
}

TEST_CASE("zeroed pages: a small table from reused heap memory is zero too", "[minhash]") {
  for (int round = 0; round < 3; ++round) {
    ZeroedPages<std::uint64_t> a(5000);
    std::size_t nonzero = 0;
    for (std::size_t i = 0; i < a.size(); ++i) nonzero += a[i] != 0;
    CHECK(nonzero == 0);
    for (std::size_t i = 0; i < a.size(); ++i) a[i] = ~std::uint64_t{0};  // left for the next round's table
  }
}

TEST_CASE("zeroed pages: an empty table allocates nothing", "[minhash]") {
  const ZeroedPages<std::uint16_t> empty(0);
  CHECK(empty.size() == 0);
}
