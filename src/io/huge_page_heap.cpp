#include "io/huge_page_heap.hpp"
#include "io/huge_pages.hpp"
#include "io/sanitizers.hpp"

#include <algorithm>
#include <array>
#include <cstdlib>
#include <limits>

#if defined(__GLIBC__)
#include <malloc.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <unistd.h>
#endif

#if defined(PLANLINT_UNDER_SANITIZER) || !defined(__GLIBC__)
#define PLANLINT_MALLOC_NOT_GLIBC 1
#endif

namespace planlint::io {

#if !defined(PLANLINT_MALLOC_NOT_GLIBC)
namespace {

constexpr std::uintptr_t huge_page = huge_page_bytes;  // io/huge_pages.hpp
constexpr std::uintptr_t round_up(std::uintptr_t n, std::uintptr_t to) { return (n + to - 1) / to * to; }

// The heap's free end (glibc's top chunk) as [begin, end): the break, less the top chunk's size. `in_bins`
// is what is free elsewhere in the heap (freed blocks malloc may hand out again before the top chunk).
struct FreeEnd {
  std::uintptr_t begin;
  std::uintptr_t end;
  std::size_t in_bins;
};
FreeEnd free_end() {
  const auto end = reinterpret_cast<std::uintptr_t>(::sbrk(0));
  const struct mallinfo2 info = ::mallinfo2();
  return {end - info.keepcost, end, info.fordblks - info.keepcost};
}

// Advises `bytes` (whole huge pages) from a 2 MB boundary at the heap's free end, and leaves the free end
// starting there; nothing when the heap is not glibc's one contiguous break. Call after a mallopt: each one
// consolidates malloc's fast bins, whose blocks could otherwise merge into the free end and move it.
HugePageRange advise_free_end(std::size_t bytes) {
  FreeEnd top = free_end();
  // The spacer block below ends at `begin`. It is larger than all freed blocks together, so that malloc
  // can carve it only from the top chunk: malloc hands out a freed block that fits before the top chunk.
  // (Sized to reach the next boundary alone, the spacer came from a freed block in 4 runs of the unit test
  // in 400: spacers of 16-36 KB, where the heap's random start put a boundary just past the top chunk's.)
  // And at least a page, so that the block holding it is not one malloc already hands out.
  const std::uintptr_t begin = round_up(top.begin + top.in_bins + 4096, huge_page);
  const std::uintptr_t ahead = begin + bytes - top.begin;
  if (ahead > static_cast<std::uintptr_t>(std::numeric_limits<int>::max())) return {};  // M_TOP_PAD is an int
  // The heap grows this much ahead and keeps as much free at its end when trimmed: the range stays mapped.
  ::mallopt(M_TOP_PAD, static_cast<int>(ahead));
  if (top.end < begin + bytes) {  // grow the heap (by these blocks and the pad), then give the blocks back
    // In blocks of at most 16 MB: a larger one would be mapped apart (glibc maps any block over 32 MB).
    constexpr std::uintptr_t step = std::uintptr_t{16} << 20;
    std::array<void*, 64> grown{};
    std::size_t count = 0;
    for (std::uintptr_t left = ahead; left > 0 && count < grown.size(); left -= std::min(left, step)) {
      grown[count] = std::malloc(std::min(left, step));
      asm volatile("" : : "r"(grown[count]) : "memory");  // or the compiler drops a malloc whose block is only freed
      ++count;
    }
    for (std::size_t k = count; k-- > 0;) std::free(grown[k]);
    top = free_end();
  }
  if (top.begin == top.end || top.end < begin + bytes) return {};  // no heap of its own (valgrind), or mmap'd
  // Advised first: carving the spacer writes the top chunk's header at `begin`, and a page touched before
  // the advice keeps its 2 MB in small pages.
  if (::madvise(reinterpret_cast<void*>(begin), bytes, MADV_HUGEPAGE) != 0) return {};
  // glibc's chunk holding n bytes spans n + 8 rounded up to 16, from the top chunk's start: this one ends
  // exactly at `begin`, where the top chunk then starts. It is never freed, and its pages are never touched.
  void* spacer = std::malloc(begin - top.begin - sizeof(std::size_t));
  if (reinterpret_cast<std::uintptr_t>(spacer) != top.begin + 2 * sizeof(std::size_t)) {
    std::free(spacer);  // it came from elsewhere than the top chunk: the heap is not as described
    return {};
  }
  return {begin, begin + bytes};
}

// Under a limit on address space or on data (ulimit -v, ulimit -d), the heap grown ahead counts against it
// though untouched: a large range left too little for the stack to grow, and a process that would have
// failed an allocation cleanly (an error for that document) died of SIGSEGV instead. So a range is advised
// only while it is a small share of every such limit.
bool small_share_of_limits(std::size_t bytes) {
  for (const int resource : {RLIMIT_AS, RLIMIT_DATA}) {
    struct rlimit limit {};
    if (::getrlimit(resource, &limit) == 0 && limit.rlim_cur != RLIM_INFINITY && limit.rlim_cur / 8 < bytes) return false;
  }
  return true;
}

}  // namespace

HugePageRange place_heap_on_huge_pages(std::size_t bytes) {
  bytes = round_up(bytes, huge_page);
  if (bytes == 0 || !small_share_of_limits(bytes + huge_page)) return {};  // and the spacer, up to 2 MB
  // Any mallopt stops glibc's sliding thresholds (which rise to 32 MB for mmap and 64 MB for trimming as
  // large blocks are freed): blocks of up to 4 MB come from the heap and up to 8 MB stays free at its end.
  // Measured on the benchmark corpus: 32 and 64 MB held 30 MB more memory (93 against 62 MB); these 56 MB.
  ::mallopt(M_TRIM_THRESHOLD, 8 << 20);
  ::mallopt(M_MMAP_THRESHOLD, 32 << 20);  // while the blocks of advise_free_end must come from the heap
  const HugePageRange range = advise_free_end(bytes);
  ::mallopt(M_MMAP_THRESHOLD, 4 << 20);
  return range;
}

#else

HugePageRange place_heap_on_huge_pages(std::size_t) { return {}; }

#endif

}  // namespace planlint::io
