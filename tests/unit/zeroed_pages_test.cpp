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

TEST_CASE("zeroed pages: an empty table allocates nothing", "[minhash]") {
  const ZeroedPages<std::uint16_t> empty(0);
  CHECK(empty.size() == 0);
}
