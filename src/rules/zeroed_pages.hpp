#pragma once
// A zeroed array of trivial values in memory of its own, for large tables probed at random (MinHashBands):
// pages fresh from the kernel are already zero, so nothing clears them (a memset of the whole table, and a
// page fault per 4 KB before the first probe, were a tenth of duplicate-measure's time on large plans), and
// from 2 MB on the kernel is asked for transparent huge pages, so that a random probe does not miss the TLB
// too (where huge pages are off, the advice is ignored and the table works as before).
#include <sys/mman.h>

#include <cstddef>
#include <new>
#include <type_traits>

namespace planlint::rules {

template <typename T>
class ZeroedPages {
  static_assert(std::is_trivial_v<T>);

 public:
  explicit ZeroedPages(std::size_t n) : size_(n), bytes_(n * sizeof(T)) {
    if (bytes_ == 0) return;
    void* p = ::mmap(nullptr, bytes_, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) throw std::bad_alloc();
    if (bytes_ >= huge_page) ::madvise(p, bytes_, MADV_HUGEPAGE);
    data_ = static_cast<T*>(p);
  }
  ~ZeroedPages() {
    if (data_ != nullptr) ::munmap(data_, bytes_);
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
  T* data_ = nullptr;
  std::size_t size_ = 0;
  std::size_t bytes_ = 0;
};

}  // namespace planlint::rules
