#include "io/atomic_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>

#include <fmt/format.h>

#include "io/removed_on_signal.hpp"
#include "model/error.hpp"

namespace planlint::io {

void atomic_write(const std::string& path, std::string_view content, bool sync) {
  // Only over a regular file or onto a new path: a rename over a device, FIFO or socket would replace it
  // with a file (as root, /dev/full was replaced), and a directory cannot be replaced.
  struct stat st {};
  if (::stat(path.c_str(), &st) == 0 && !S_ISREG(st.st_mode)) {
    throw InputError(path, "cannot write: not a regular file (a directory, device, FIFO or socket); planlint writes only "
                           "regular files or new paths");
  }
  const std::filesystem::path target(path);
  const auto dir = target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  std::string tmp = (dir / ("." + target.filename().string() + ".XXXXXX")).string();
  const int fd = ::mkstemp(tmp.data());
  if (fd < 0) throw InputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
  // From here on the temporary file goes on every path out: an error, an exception, or a signal.
  const RemovedOnSignal removed_on_signal(tmp);
  struct RemovedUnlessRenamed {
    const std::string& tmp;
    bool renamed = false;
    ~RemovedUnlessRenamed() {
      if (!renamed) ::unlink(tmp.c_str());
    }
  } cleanup{tmp};
  const auto fail = [&](int err) {
    ::close(fd);
    return InputError(path, fmt::format("cannot write: {}", std::strerror(err)));
  };
  for (std::size_t done = 0; done < content.size();) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw fail(errno);
    done += static_cast<std::size_t>(n);
  }
  ::fchmod(fd, 0644);
  if (sync && ::fsync(fd) != 0) throw fail(errno);
  if (::close(fd) != 0) throw InputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
  if (std::rename(tmp.c_str(), path.c_str()) != 0) {
    throw InputError(path, fmt::format("cannot write: {}", std::strerror(errno)));
  }
  cleanup.renamed = true;
}

}  // namespace planlint::io
