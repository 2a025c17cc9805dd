#pragma once
// A zeroed array of trivial values, for tables that grow with a document (MinHashBands, SimilarIndex's
// signatures). From 2 MB on it is memory of its own: pages fresh from the kernel are already zero, so
// nothing clears them (a memset of the whole table, and a page fault per 4 KB before the first probe, were
// a tenth of duplicate-measure's time on large plans), and the kernel is asked for transparent huge pages,
// so that a random probe does not miss the TLB and a 2 MB page takes one fault where 4 KB pages took 512
// (SimilarIndex's signatures and bands on 17,000 measures: 1,020 faults fewer, 7 % of the rule's time).
// Where huge pages are off, the advice is ignored and the table works as before. Smaller arrays come from
// the heap, which reuses the memory of the document before.
#include <sys/mman.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>

namespace planlint::rules {

template <typename T>
class ZeroedPages {
  static_assert(std::is_trivial_v<T>);

 public:
  explicit ZeroedPages(std::size_t n) : size_(n), bytes_(n * sizeof(T)) {
    if (bytes_ == 0) return;
    if (bytes_ < huge_page) {  // from the heap, whose memory a process reuses (most documents' tables)
      data_ = static_cast<T*>(std::calloc(n, sizeof(T)));
      if (data_ == nullptr) throw std::bad_alloc();
      return;
    }
    // A huge page covers only an aligned 2 MB of the mapping: the mapping is made that much longer and
    // trimmed to start at a boundary, so that every page of the table is huge. (Unaligned, a 7 MB table
    // took 510 faults of 4 KB at its ends; each costs ~10 µs in a virtual machine.)
    auto* p = static_cast<char*>(map(bytes_ + huge_page));
    const std::size_t skip = (huge_page - reinterpret_cast<std::uintptr_t>(p) % huge_page) % huge_page;
    if (skip > 0) ::munmap(p, skip);
    ::munmap(p + skip + bytes_, huge_page - skip);  // skip < huge_page: the tail is never empty
    ::madvise(p + skip, bytes_, MADV_HUGEPAGE);
    data_ = reinterpret_cast<T*>(p + skip);
  }
  ~ZeroedPages() {
    if (data_ == nullptr) return;
    if (bytes_ < huge_page) std::free(data_);
    else ::munmap(data_, bytes_);
  }
  ZeroedPages(ZeroedPages&& o) noexcept : data_(o.data_), size_(o.size_), bytes_(o.bytes_) { o.data_ = nullptr; }
  ZeroedPages& operator=(ZeroedPages&&) = delete;
  ZeroedPages(const ZeroedPages&) = delete;
  ZeroedPages& operator=(const ZeroedPages&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::size_t size() const { return size_; }

 private:
  static constexpr std::size_t huge_page = std::size_t{2} << 20;
  static void* map(std::size_t bytes) {
    void* p = ::mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    return p;
  }
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace planlint::rules
