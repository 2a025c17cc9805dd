// What a page's first touch costs (issue 17, io/huge_page_heap.hpp, rules/zeroed_pages.hpp): 2 MB of fresh
// anonymous memory written once, in 4 KB pages (512 faults) and as one transparent huge page. In the
// virtual machines planlint is measured on, the first is ~2.5 ms and the second ~0.17 ms.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>

#include <benchmark/benchmark.h>

namespace {

constexpr std::size_t huge_page = std::size_t{2} << 20;

void touch_fresh_2mb(benchmark::State& state, bool advise_huge) {
  for (auto _ : state) {
    void* mapped = ::mmap(nullptr, 2 * huge_page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (mapped == MAP_FAILED) {
      state.SkipWithError("mmap failed");
      return;
    }
    auto* p = static_cast<char*>(mapped);
    char* aligned = p + (huge_page - reinterpret_cast<std::uintptr_t>(p) % huge_page) % huge_page;
    if (advise_huge) ::madvise(aligned, huge_page, MADV_HUGEPAGE);
    for (std::size_t at = 0; at < huge_page; at += 4096) aligned[at] = 1;
    benchmark::DoNotOptimize(aligned);
    ::munmap(mapped, 2 * huge_page);
  }
}

void BM_first_touch_small_pages(benchmark::State& state) { touch_fresh_2mb(state, false); }
void BM_first_touch_huge_page(benchmark::State& state) { touch_fresh_2mb(state, true); }
BENCHMARK(BM_first_touch_small_pages)->Unit(benchmark::kMicrosecond);
BENCHMARK(BM_first_touch_huge_page)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
