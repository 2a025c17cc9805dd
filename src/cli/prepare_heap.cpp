#include <filesystem>
#include <system_error>

#include "cli/commands.hpp"
#include "io/huge_page_heap.hpp"

namespace planlint::cli {

void prepare_heap_for(const std::vector<std::string>& paths) {
  constexpr std::uintmax_t large_file = std::uintmax_t{1} << 20;
  for (const std::string& path : paths) {
    std::error_code ec;
    const auto status = std::filesystem::status(path, ec);
    if (ec) continue;  // reported when the path is read
    if (std::filesystem::is_directory(status) ||
        (std::filesystem::is_regular_file(status) && std::filesystem::file_size(path, ec) >= large_file && !ec)) {
      io::place_heap_on_huge_pages(std::size_t{64} << 20);
      return;
    }
  }
}

}  // namespace planlint::cli
