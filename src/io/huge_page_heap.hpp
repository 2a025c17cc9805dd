#pragma once
// The heap's next megabytes on transparent huge pages (issue 17: one document's latency). In the virtual
// machines planlint is measured on, the first touch of a 4 KB page costs ~10 µs and that of a 2 MB huge
// page 0.07-0.2 ms (tests/bench/page_fault_bench.cpp: 2 MB in small pages 4.8 ms, as one huge page 0.07 ms). A check of the sample draft touches 1.1 MB of heap: 235 faults
// of small pages, a fifth of its time. glibc's malloc asks for huge pages only when told so before the
// process starts (GLIBC_TUNABLES), so this arranges them from inside, once, early in main:
//   - malloc's thresholds are fixed (blocks up to 4 MB from the heap, 8 MB free before memory is given
//     back), and the heap grows by the spacer below and `bytes` ahead and keeps as much free, so the range
//     is never trimmed;
//   - a block that is never used (the spacer, larger than all freed blocks together, so that it comes from
//     the free end) fills the heap's free end up to a 2 MB boundary, and the `bytes` after it, where the
//     next blocks come from, are advised for huge pages (MADV_HUGEPAGE).
// Where huge pages are off the advice is ignored and malloc works as before.
#include <cstddef>
#include <cstdint>

namespace planlint::io {

// The advised range of addresses; empty when nothing was advised.
struct HugePageRange {
  std::uintptr_t begin = 0;
  std::uintptr_t end = 0;
  bool empty() const { return begin == end; }
};

// Call on the main thread before other threads allocate; calling it again advises `bytes` more from the
// heap's free end then (the command line: 4 MB at start, 64 MB more before reading large inputs). `bytes`
// is rounded up to whole 2 MB pages. Does
// nothing, and returns an empty range, where malloc is not glibc's (under the sanitizers or valgrind) or its
// heap is not one contiguous break.
HugePageRange place_heap_on_huge_pages(std::size_t bytes);

}  // namespace planlint::io
