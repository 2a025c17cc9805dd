#pragma once
// A zeroed array of trivial values, for tables that grow with a document (MinHashBands, SimilarIndex's
// letters). From 2 MB on it is memory of its own on huge pages (io/huge_pages.hpp): pages fresh from
// the kernel are already zero, so nothing clears them (a memset of the whole table, and a page fault per
// 4 KB before the first probe, were a tenth of duplicate-measure's time on large plans), and a random
// probe does not miss the TLB (SimilarIndex's q-gram signatures, since dropped, and bands on 17,000
// measures: 1,020 faults fewer, 7 % of the rule's time). Smaller arrays come from the heap, which reuses
// the memory of the document before.
#include <cstddef>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

#include "io/huge_pages.hpp"

namespace planlint::rules {

template <typename T>
class ZeroedPages {
  static_assert(std::is_trivial_v<T>);

 public:
  explicit ZeroedPages(std::size_t n) : size_(n), bytes_(n * sizeof(T)) {
    if (bytes_ == 0) return;
    if (bytes_ < io::huge_page_bytes) {  // from the heap, whose memory a process reuses (most documents' tables)
      data_ = static_cast<T*>(std::calloc(n, sizeof(T)));
      if (data_ == nullptr) throw std::bad_alloc();
      return;
    }
    data_ = static_cast<T*>(io::map_huge_pages(bytes_));
  }
  ~ZeroedPages() {
    if (data_ == nullptr) return;
    if (bytes_ < io::huge_page_bytes) std::free(data_);
    else io::unmap_huge_pages(data_, bytes_);
  }
  ZeroedPages(ZeroedPages&& o) noexcept : data_(o.data_), size_(o.size_), bytes_(o.bytes_) { o.data_ = nullptr; }
  // Swaps, so that the memory this array held is freed by `o`'s destructor.
  ZeroedPages& operator=(ZeroedPages&& o) noexcept {
    std::swap(data_, o.data_);
    std::swap(size_, o.size_);
    std::swap(bytes_, o.bytes_);
    return *this;
  }
  ZeroedPages(const ZeroedPages&) = delete;
  ZeroedPages& operator=(const ZeroedPages&) = delete;

  T& operator[](std::size_t i) { return data_[i]; }
  const T& operator[](std::size_t i) const { return data_[i]; }
  std::size_t size() const { return size_; }

 private:
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace planlint::rules
