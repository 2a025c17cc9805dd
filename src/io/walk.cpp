#include "io/walk.hpp"

#include <algorithm>
#include <filesystem>
#include <system_error>

namespace planlint::io {

namespace fs = std::filesystem;

Walk walk_files(const std::string& dir, const std::function<bool(const std::string& name)>& wanted, bool skip_hidden) {
  Walk walk;
  std::vector<fs::path> pending{fs::path(dir)};
  while (!pending.empty()) {
    const fs::path here = std::move(pending.back());
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(here, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      std::error_code type_ec;
      if (it->is_directory(type_ec) && !it->is_symlink(type_ec)) {
        if (!(skip_hidden && name.starts_with('.'))) pending.push_back(p);
      } else if (it->is_regular_file(type_ec) && wanted(name)) {
        walk.files.push_back(p.string());
      }
    }
    if (ec) walk.failures.push_back({here.string(), ec.message()});
  }
  std::sort(walk.files.begin(), walk.files.end());
  return walk;
}

}  // namespace planlint::io
