// place_heap_on_huge_pages (src/io/huge_page_heap.hpp): the heap's next blocks on memory advised for huge pages.
#include <malloc.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <string>

#include "io/huge_page_heap.hpp"
#include "io/sanitizers.hpp"

namespace {

constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;

// The /proc/self/smaps lines of the mapping that holds `address`.
std::string smaps_of(std::uintptr_t address) {
  std::ifstream in("/proc/self/smaps");
  std::string entry, line;
  bool inside = false;
  while (std::getline(in, line)) {
    const std::size_t dash = line.find('-');
    const std::size_t space = line.find(' ');
    const bool header = dash != std::string::npos && space != std::string::npos && dash < space &&
                        line.find(':') > space;
    if (header) {
      if (inside) return entry;
      const std::uintptr_t from = std::stoull(line.substr(0, dash), nullptr, 16);
      const std::uintptr_t to = std::stoull(line.substr(dash + 1, space - dash - 1), nullptr, 16);
      inside = from <= address && address < to;
      entry.clear();
    }
    if (inside) entry += line + "\n";
  }
  return inside ? entry : "";
}

bool huge_pages_on_request() {
  std::ifstream in("/sys/kernel/mm/transparent_hugepage/enabled");
  std::string setting;
  std::getline(in, setting);
  return setting.find("[never]") == std::string::npos && !setting.empty();
}

}  // namespace

TEST_CASE("huge page heap: the heap's free end starts on a 2 MB boundary in a range advised for huge pages", "[heap]") {
  // A freed 5 MB block, kept from the free end by a block after it, could hold any spacer up to the next
  // 2 MB boundary; malloc hands it out before the free end, so the spacer must be larger.
  ::mallopt(M_MMAP_THRESHOLD, 32 << 20);
  void* freed = std::malloc(std::size_t{5} << 20);
  void* kept = std::malloc(std::size_t{64} << 10);
  asm volatile("" : : "r"(freed), "r"(kept) : "memory");  // or the compiler drops the pairs of malloc and free
  std::free(freed);
  const planlint::io::HugePageRange range = planlint::io::place_heap_on_huge_pages((std::size_t{3} << 20) + 1);
  // Filled again, so that the block below comes from the free end.
  void* refilled = std::malloc(std::size_t{5} << 20);
#if defined(PLANLINT_UNDER_SANITIZER)
  CHECK(range.empty());  // malloc is the sanitizer's: nothing is advised
#else
  CHECK(refilled == freed);  // the freed block was still whole: the spacer did not take it
  REQUIRE_FALSE(range.empty());
  CHECK(range.begin % huge_page == 0);
  CHECK(range.end - range.begin == 2 * huge_page);  // rounded up to whole huge pages
  // glibc's top chunk, where blocks no freed one can serve come from, starts where the range does.
  CHECK(reinterpret_cast<std::uintptr_t>(::sbrk(0)) - ::mallinfo2().keepcost == range.begin);
  const std::string mapping = smaps_of(range.begin);
  INFO(mapping);
  CHECK(mapping.find("VmFlags:") != std::string::npos);
  CHECK(mapping.find(" hg") != std::string::npos);  // MADV_HUGEPAGE on the mapping
  CHECK(smaps_of(range.end - 1) == mapping);        // one mapping holds the whole range

  // A block from the free end lies in the range; with huge pages on request, touching it takes a huge page.
  auto* block = static_cast<char*>(std::malloc(std::size_t{1} << 20));
  const auto at = reinterpret_cast<std::uintptr_t>(block);
  CHECK(range.begin <= at);
  CHECK(at < range.end);
  block[0] = 1;
  if (huge_pages_on_request()) CHECK(smaps_of(at).find("AnonHugePages:      2048 kB") != std::string::npos);
  std::free(block);
#endif
  std::free(refilled);
  std::free(kept);
}

TEST_CASE("huge page heap: no bytes asked for advises nothing", "[heap]") {
  CHECK(planlint::io::place_heap_on_huge_pages(0).empty());
}

// Under ulimit -v or -d the heap grown ahead counts against the limit though untouched: 64 MB of it under a
// limit of 120 MB left too little for the stack, and the out-of-memory test's planlint died of SIGSEGV.
TEST_CASE("huge page heap: nothing is advised that would be more than an eighth of a memory limit", "[heap]") {
  const pid_t pid = ::fork();
  if (pid == 0) {
    struct rlimit limit {};
    ::getrlimit(RLIMIT_DATA, &limit);
    limit.rlim_cur = rlim_t{256} << 20;  // the 64 MB (and its spacer) are more than 32 MB
    const bool limited = ::setrlimit(RLIMIT_DATA, &limit) == 0;
    const bool empty = planlint::io::place_heap_on_huge_pages(std::size_t{64} << 20).empty();
    ::_exit(limited && empty ? 0 : 1);
  }
  int status = 0;
  ::waitpid(pid, &status, 0);
  REQUIRE(WIFEXITED(status));
  CHECK(WEXITSTATUS(status) == 0);
}
