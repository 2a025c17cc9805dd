// Large arrays on huge pages (src/io/huge_pages.hpp): the allocator of a document's lines, and the advice
// given to a large file's bytes.
#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <string>
#include <vector>

#include "io/huge_pages.hpp"

using planlint::io::HugePageAllocator;
using planlint::io::huge_page_bytes;

namespace {
bool on_boundary(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % huge_page_bytes == 0; }
struct Pair {
  std::uint64_t a, b;
};
}  // namespace

TEST_CASE("huge pages: an array of 2 MB or more is mapped from a huge page's boundary and keeps what is written", "[huge-pages]") {
  std::vector<Pair, HugePageAllocator<Pair>> big;
  big.reserve(huge_page_bytes / sizeof(Pair) + 3);
  CHECK(on_boundary(big.data()));
  for (std::uint64_t i = 0; i < big.capacity(); ++i) big.push_back({i, ~i});
  CHECK(big.back().a == big.capacity() - 1);
  CHECK(big[12345].b == ~std::uint64_t{12345});
}

TEST_CASE("huge pages: a vector that grows from the heap onto mapped pages keeps its elements", "[huge-pages]") {
  std::vector<Pair, HugePageAllocator<Pair>> v;
  const std::uint64_t n = 3 * huge_page_bytes / sizeof(Pair);  // reallocated from small (heap) to mapped sizes
  for (std::uint64_t i = 0; i < n; ++i) v.push_back({i, i * 3});
  std::uint64_t wrong = 0;
  for (std::uint64_t i = 0; i < n; ++i) wrong += v[i].a != i || v[i].b != i * 3;
  CHECK(wrong == 0);
  CHECK(on_boundary(v.data()));
  v.clear();
  v.shrink_to_fit();  // a mapped array given back (by its size) and none allocated
  CHECK(v.capacity() == 0);
}

TEST_CASE("huge pages: a small array comes from the heap", "[huge-pages]") {
  HugePageAllocator<Pair> allocator;
  Pair* small = allocator.allocate(10);
  small[9] = {1, 2};
  CHECK(small[9].b == 2);
  allocator.deallocate(small, 10);  // freed by the heap: under ASan a mismatch with the mapping is an error
}

TEST_CASE("huge pages: advice on memory already handed out leaves its bytes as they are", "[huge-pages]") {
  for (const std::size_t bytes : {std::size_t{100}, huge_page_bytes - 1, 5 * huge_page_bytes + 7}) {
    auto* p = static_cast<unsigned char*>(std::malloc(bytes));
    REQUIRE(p != nullptr);
    std::memset(p, 0xA5, bytes);
    planlint::io::advise_huge_pages(p, bytes);
    std::size_t changed = 0;
    for (std::size_t i = 0; i < bytes; ++i) changed += p[i] != 0xA5;
    CHECK(changed == 0);
    std::free(p);
  }
}

TEST_CASE("huge pages: an array of any size gives back all of its mapping - no address space piles up", "[huge-pages]") {
  const auto mapped_bytes = [] {  // the sum of the process's mappings
    std::ifstream in("/proc/self/maps");
    std::uintptr_t total = 0;
    for (std::string line; std::getline(in, line);) {
      const std::size_t dash = line.find('-'), space = line.find(' ');
      total += std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16) - std::stoull(line.substr(0, dash), nullptr, 16);
    }
    return total;
  };
  const std::uintptr_t before = mapped_bytes();
  for (int k = 0; k < 100; ++k) {
    const std::size_t bytes = huge_page_bytes + 1000 + static_cast<std::size_t>(k) * 4099;  // not whole pages
    void* p = planlint::io::map_huge_pages(bytes);
    static_cast<char*>(p)[bytes - 1] = 1;
    planlint::io::unmap_huge_pages(p, bytes);
  }
  // A tail left mapped behind each array (up to 2 MB each) was tens of megabytes in all.
  CHECK(mapped_bytes() <= before + (std::uintptr_t{4} << 20));
}
