#pragma once
// Large arrays on transparent huge pages (issue 17). In the virtual machines planlint is measured on, the
// first touch of a 4 KB page costs ~7-10 µs (tests/bench/page_fault_bench.cpp): a 17 MB array written
// once, such as the lines of a 5 MB final version, took 4,200 faults, a tenth of reading it. Memory mapped
// here starts at a 2 MB boundary and is advised for huge pages, so that it takes one fault per 2 MB; where
// huge pages are off the advice is ignored and the memory works as any other. Fresh pages are zero, so
// nothing clears them. Smaller arrays come from the heap (io/huge_page_heap.hpp puts its next megabytes
// on huge pages), which reuses the memory of the document before.
#include <sys/mman.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <memory>
#include <new>

namespace planlint::io {

inline constexpr std::size_t huge_page_bytes = std::size_t{2} << 20;

// `bytes` of zeroed memory at a 2 MB boundary, advised for huge pages; std::bad_alloc when there is none.
inline void* map_huge_pages(std::size_t bytes) {
  // A huge page covers only an aligned 2 MB of the mapping: the mapping is made that much longer and
  // trimmed to start at a boundary. (Unaligned, a 7 MB table took 510 faults of 4 KB at its ends.)
  // Whole pages: the tail is unmapped from a page boundary (from an unaligned end, munmap failed and left
  // up to 2 MB of address space and a mapping behind for each array, which a language server re-checking
  // a large plan would pile up until mmap failed).
  const std::size_t page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  const std::size_t whole = (bytes + page - 1) / page * page;
  void* mapped = ::mmap(nullptr, whole + huge_page_bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (mapped == MAP_FAILED) throw std::bad_alloc();
  auto* p = static_cast<char*>(mapped);
  const std::size_t skip = (huge_page_bytes - reinterpret_cast<std::uintptr_t>(p) % huge_page_bytes) % huge_page_bytes;
  if (skip > 0) ::munmap(p, skip);
  ::munmap(p + skip + whole, huge_page_bytes - skip);  // skip < huge_page_bytes: the tail is never empty
  ::madvise(p + skip, whole, MADV_HUGEPAGE);
  return p + skip;
}

inline void unmap_huge_pages(void* p, std::size_t bytes) { ::munmap(p, bytes); }

// Advises the whole 2 MB pages inside [p, p + bytes) for huge pages: for memory that another allocator
// (malloc, std::string) handed out and nothing has touched yet. Small ranges are left alone.
inline void advise_huge_pages(void* p, std::size_t bytes) {
  const auto begin = reinterpret_cast<std::uintptr_t>(p);
  const std::uintptr_t first = (begin + huge_page_bytes - 1) / huge_page_bytes * huge_page_bytes;
  const std::uintptr_t last = (begin + bytes) / huge_page_bytes * huge_page_bytes;
  if (last > first) ::madvise(reinterpret_cast<void*>(first), last - first, MADV_HUGEPAGE);
}

// An allocator for vectors that may grow large: arrays of 2 MB or more are mapped on huge pages, smaller
// ones come from the heap. (deallocate() is told the size, so it knows which it was.)
template <typename T>
struct HugePageAllocator {
  using value_type = T;
  HugePageAllocator() = default;
  template <typename U>
  HugePageAllocator(const HugePageAllocator<U>&) noexcept {}

  T* allocate(std::size_t n) {
    if (n > SIZE_MAX / sizeof(T)) throw std::bad_array_new_length();
    if (n * sizeof(T) < huge_page_bytes) return std::allocator<T>().allocate(n);
    return static_cast<T*>(map_huge_pages(n * sizeof(T)));
  }
  void deallocate(T* p, std::size_t n) noexcept {
    if (n * sizeof(T) < huge_page_bytes) std::allocator<T>().deallocate(p, n);
    else unmap_huge_pages(p, n * sizeof(T));
  }
  template <typename U>
  friend bool operator==(const HugePageAllocator&, const HugePageAllocator<U>&) noexcept { return true; }
};

}  // namespace planlint::io
