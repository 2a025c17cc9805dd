// Loading documents: every way an input can be unusable gives one clear InputError.
#include <grp.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fstream>

#include <catch2/catch.hpp>

#include "model/error.hpp"
#include "read/source.hpp"

using namespace planlint;
using namespace std::string_literals;

namespace {

std::string error_of(const std::string& name, const std::string& bytes) {
  try {
    make_source(name, bytes);
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

std::string load_error(const std::string& path) {
  try {
    load_source(path);
  } catch (const InputError& e) {
    return e.describe();
  }
  return "no error";
}

// load_error(path) in a child process that cannot override permission bits: one that runs as nobody (uid
// and gid 65534) when the tests run as root, as in CI. Returns the child's message, or why it failed.
std::string load_error_unprivileged(const std::string& path) {
  int fds[2];
  if (::pipe(fds) != 0) return "pipe failed";
  const pid_t pid = ::fork();
  if (pid < 0) return "fork failed";
  if (pid == 0) {
    ::close(fds[0]);
    std::string message;
    if (::geteuid() == 0 && (::setgroups(0, nullptr) != 0 || ::setgid(65534) != 0 || ::setuid(65534) != 0)) {
      message = "cannot become nobody: "s + std::strerror(errno);
    } else {
      message = load_error(path);
    }
    for (std::size_t done = 0; done < message.size();) {
      const ssize_t n = ::write(fds[1], message.data() + done, message.size() - done);
      if (n <= 0) break;
      done += static_cast<std::size_t>(n);
    }
    ::_exit(0);
  }
  ::close(fds[1]);
  std::string message;
  char buf[512];
  for (ssize_t n; (n = ::read(fds[0], buf, sizeof buf)) > 0;) message.append(buf, static_cast<std::size_t>(n));
  ::close(fds[0]);
  int status = 0;
  ::waitpid(pid, &status, 0);
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return "the child process failed: " + message;
  return message;
}

struct TempDir {
  std::filesystem::path path = std::filesystem::temp_directory_path() / ("planlint-test-" + std::to_string(::getpid()));
  TempDir() { std::filesystem::create_directories(path); }
  ~TempDir() { std::filesystem::remove_all(path); }
};

}  // namespace

TEST_CASE("empty and whitespace-only files", "[source][errors]") {
  CHECK(error_of("e.txt", "") == "e.txt: error: file is empty; expected a plan document");
  CHECK(error_of("w.txt", " \n\t\r\n") == "w.txt: error: file holds only whitespace; expected a plan document");
}

TEST_CASE("binary data: NUL bytes / with line and column", "[source][errors]") {
  CHECK(error_of("b.bin", "abc\ndé\0f"s) == "b.bin:2:3: error: binary data: NUL byte at offset 7; expected a plain-text plan");
}

TEST_CASE("UTF-16 with and without a byte-order mark", "[source][errors]") {
  CHECK(error_of("u.txt", std::string("\xFF\xFEh\0i\0", 6)) ==
        "u.txt: error: file is UTF-16 encoded; save it as UTF-8 (e.g. iconv -f UTF-16 -t UTF-8)");
  CHECK(error_of("u.txt", std::string("h\0i\0!\0", 6)).find("looks UTF-16 encoded") != std::string::npos);
}

TEST_CASE("invalid UTF-8: byte offset / line and column", "[source][errors]") {
  CHECK(error_of("l.txt", "ok\nMäärä \xE4 x\n") ==
        "l.txt:2:7: error: invalid UTF-8 at byte offset 12 (byte 0xE4); save the file as UTF-8");
  CHECK(error_of("o.txt", "\xC0\xAF").find("byte offset 0") != std::string::npos);          // overlong '/'
  CHECK(error_of("s.txt", "a\xED\xA0\x80").find("byte offset 1") != std::string::npos);     // surrogate
  CHECK(error_of("t.txt", "ab\xE2\x80").find("byte offset 2") != std::string::npos);         // truncated
  CHECK(error_of("h.txt", "\xF4\x90\x80\x80").find("byte offset 0") != std::string::npos);  // > U+10FFFF
}

TEST_CASE("a byte-order mark is skipped but counted in offsets", "[source]") {
  const Source s = make_source("bom.txt", "\xEF\xBB\xBFTitle\n");
  CHECK(s.bom == 3);
  CHECK(s.text() == "Title\n");
  CHECK(s.position_of(3).column == 1);
  CHECK(s.position_of(5).column == 3);
}

TEST_CASE("missing files / directories and FIFOs", "[source][errors]") {
  TempDir dir;
  const std::string missing = (dir.path / "nope.txt").string();
  CHECK(load_error(missing) == missing + ": error: cannot open: No such file or directory");
  CHECK(load_error(dir.path.string()) ==
        dir.path.string() + ": error: is a directory; expected a plan file (use `check` to lint a directory)");
  const std::string fifo = (dir.path / "fifo").string();
  REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
  CHECK(load_error(fifo) == fifo + ": error: not a regular file (a FIFO, socket or device); expected a plan file");
}

TEST_CASE("unreadable files", "[source][errors]") {
  // /proc/self/mem opens but cannot be read at offset 0: the read error path, even as root.
  CHECK(load_error("/proc/self/mem") == "/proc/self/mem: error: cannot read: Input/output error");
  // Permission bits do not stop root: the file is loaded as nobody when the tests run as root.
  TempDir dir;
  const auto p = dir.path / "secret.txt";
  std::ofstream(p) << "TAVOITE 1. T\n";
  ::chmod(p.c_str(), 0);
  CHECK(load_error_unprivileged(p.string()) == p.string() + ": error: cannot open: Permission denied");
}

TEST_CASE("a huge line is read", "[source]") {
  std::string line(10 * 1024 * 1024, 'x');
  line += '\n';
  const Source s = make_source("huge.txt", line);
  CHECK(s.text().size() == line.size());
}
