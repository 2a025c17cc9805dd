#include "read/source.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

#include "io/huge_pages.hpp"
#include "model/error.hpp"
#include "read/sniff.hpp"
#include "text/utf8.hpp"

namespace planlint {
namespace {

// Positions keep lines and columns in 32 bits, and the line index offsets too; 2 GiB is far beyond any
// plan, and refusing larger files keeps every position exact.
constexpr std::size_t max_source_bytes = std::size_t{1} << 31;

std::string too_large(std::size_t size) {
  return fmt::format("file is too large ({} bytes); planlint reads documents of up to 2 GiB", size);
}

// What NUL bytes in a text say: UTF-16 without a byte-order mark (a third to three quarters of the first
// bytes: every other byte of Latin text), or binary data (a file of zeros among it).
std::string nul_message(std::string_view bytes, std::size_t nul) {
  const auto head = bytes.substr(0, 512);
  const auto nuls = std::count(head.begin(), head.end(), '\0');
  const auto size = static_cast<std::ptrdiff_t>(head.size());
  const bool utf16 = nuls * 3 >= size && nuls * 4 <= size * 3;
  return utf16 ? fmt::format("file looks UTF-16 encoded (NUL byte at offset {}); save it as UTF-8", nul)
               : fmt::format("binary data: NUL byte at offset {}; expected a plain-text plan", nul);
}

// The first bytes of a long input already tell binary data that no reader takes (issue 20: /dev/zero on
// standard input was read until memory ran out, a 2 GiB file of zeros read whole before it was refused).
// A zip (.docx, .odt) or a PDF is read on: its readers need all of it.
constexpr std::size_t head_bytes = std::size_t{1} << 16;
void refuse_binary_head(std::string_view head, const std::string& name) {
  if (head.starts_with("PK")) return;
  if (read::sniff_content(head, name) != read::ContentKind::text) return;  // throws for other known formats
  if (const auto nul = head.find('\0'); nul != std::string_view::npos) throw InputError(name, nul_message(head, nul));
}

std::string read_fd(int fd, const std::string& name, std::size_t size_hint = 0) {
  std::string bytes;
  // Reserving the file's size (plus one byte, to see the end) saves growing the string by doubling,
  // which for a 50 MB file briefly holds 32 + 64 MB.
  if (size_hint) {
    bytes.reserve(size_hint + 1);
    // Megabytes of a large file are written once into fresh memory: on huge pages, a fault per 2 MB
    // instead of per 4 KB (1,460 faults for a 6 MB plan, ~7 µs each in a virtual machine).
    io::advise_huge_pages(bytes.data(), bytes.capacity());
  }
  char buffer[1 << 16];
  for (;;) {
    const ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n == 0) break;
    if (n > 0 && bytes.size() + static_cast<std::size_t>(n) > max_source_bytes) {
      throw InputError(name, too_large(bytes.size() + static_cast<std::size_t>(n)));  // e.g. standard input
    }
    if (n < 0) {
      if (errno == EINTR) continue;
      throw InputError(name, fmt::format("cannot read: {}", std::strerror(errno)));
    }
    const bool head_complete = bytes.size() < head_bytes && bytes.size() + static_cast<std::size_t>(n) >= head_bytes;
    bytes.append(buffer, static_cast<std::size_t>(n));
    if (head_complete) refuse_binary_head(std::string_view(bytes).substr(0, head_bytes), name);
  }
  return bytes;
}

}  // namespace

bool Source::has_line_index() const {
  return !line_starts.empty() && line_starts.back() <= bytes.size() && line_starts.front() == bom &&
         (line_starts.back() == bom || bytes[line_starts.back() - 1] == '\n');
}

std::optional<std::size_t> Source::line_start(std::size_t line) const {
  if (line == 0) return std::nullopt;
  if (has_line_index()) {
    if (line > line_starts.size()) return std::nullopt;
    return line_starts[line - 1];
  }
  std::size_t start = bom;
  for (std::size_t l = 1; l < line; ++l) {
    const auto nl = bytes.find('\n', start);
    if (nl == std::string::npos) return std::nullopt;
    start = nl + 1;
  }
  return start;
}

SourcePosition Source::position_of(std::size_t offset) const {
  offset = std::min(offset, bytes.size());
  const std::string_view all(bytes);
  if (has_line_index()) {
    if (offset < bom) return {offset, 1, 1};
    const auto next = std::upper_bound(line_starts.begin(), line_starts.end(), offset);
    const std::size_t line = static_cast<std::size_t>(next - line_starts.begin());
    const std::size_t line_start = line_starts[line - 1];
    return {offset, line, 1 + utf8::count_code_points(all.substr(line_start, offset - line_start))};
  }
  const std::size_t from = std::min(bom, offset);
  const auto line = 1 + static_cast<std::size_t>(std::count(all.begin() + static_cast<std::ptrdiff_t>(from),
                                                              all.begin() + static_cast<std::ptrdiff_t>(offset), '\n'));
  const std::size_t nl = all.substr(0, offset).rfind('\n');
  const std::size_t line_start = nl == std::string_view::npos ? from : nl + 1;
  return {offset, line, 1 + utf8::count_code_points(all.substr(line_start, offset - line_start))};
}

Source make_source(std::string name, std::string bytes) {
  Source src;
  src.name = std::move(name);
  src.storage = std::make_shared<const std::string>(std::move(bytes));
  src.bytes = *src.storage;
  const std::string_view b(src.bytes);
  if (b.empty()) throw InputError(src.name, "file is empty; expected a plan document");
  if (b.size() > max_source_bytes) throw InputError(src.name, too_large(b.size()));
  if (b.size() >= 2 && ((b[0] == '\xFF' && b[1] == '\xFE') || (b[0] == '\xFE' && b[1] == '\xFF'))) {
    throw InputError(src.name, "file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
  }
  if (b.substr(0, 3) == "\xEF\xBB\xBF") src.bom = 3;
  if (const auto nul = b.find('\0'); nul != std::string_view::npos) {
    throw InputError(src.name, nul_message(b, nul), src.position_of(nul));
  }
  if (const auto bad = utf8::first_invalid(b)) {
    throw InputError(src.name,
                     fmt::format("invalid UTF-8 at byte offset {} (byte 0x{:02X}); save the file as UTF-8", *bad,
                                 static_cast<unsigned char>(b[*bad])),
                     src.position_of(*bad));
  }
  if (src.text().find_first_not_of(" \t\r\n\f\v") == std::string_view::npos) {
    throw InputError(src.name, "file holds only whitespace; expected a plan document");
  }
  src.line_starts.push_back(src.bom);
  for (std::size_t nl = b.find('\n', src.bom); nl != std::string_view::npos; nl = b.find('\n', nl + 1)) {
    src.line_starts.push_back(nl + 1);
  }
  return src;
}

RawFile load_raw(const std::string& path) {
  if (path == "-") {
    // Read in blocks like a file (not byte by byte through std::cin), with the same cap and early refusal.
    std::string bytes = read_fd(STDIN_FILENO, "<stdin>");
    if (bytes.empty()) throw InputError("<stdin>", "file is empty; expected a plan document");
    return {"<stdin>", std::move(bytes)};
  }
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw InputError(path, fmt::format("cannot open: {}", std::strerror(errno)));
  struct stat st {};
  if (::fstat(fd, &st) != 0) {
    const int err = errno;
    ::close(fd);
    throw InputError(path, fmt::format("cannot stat: {}", std::strerror(err)));
  }
  if (S_ISDIR(st.st_mode)) {
    ::close(fd);
    throw InputError(path, "is a directory; expected a plan file (use `check` to lint a directory)");
  }
  if (!S_ISREG(st.st_mode)) {
    ::close(fd);
    throw InputError(path, "not a regular file (a FIFO, socket or device); expected a plan file");
  }
  if (static_cast<std::size_t>(st.st_size) > max_source_bytes) {
    ::close(fd);
    throw InputError(path, too_large(static_cast<std::size_t>(st.st_size)));
  }
  std::string bytes;
  try {
    bytes = read_fd(fd, path, static_cast<std::size_t>(st.st_size));
  } catch (...) {
    ::close(fd);
    throw;
  }
  ::close(fd);
  if (bytes.empty()) throw InputError(path, "file is empty; expected a plan document");
  return {path, std::move(bytes)};
}

Source load_source(const std::string& path) {
  RawFile raw = load_raw(path);
  return make_source(std::move(raw.name), std::move(raw.bytes));
}

}  // namespace planlint
