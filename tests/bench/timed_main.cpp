// planlint_bench_timed: runs a command and prints "WALL_NS CPU_NS" for it, CPU being user + system time of
// the command and of the children it waited for (wait4's rusage, as GNU time reads it).
//   planlint_bench_timed COMMAND [ARGS...]      the command's stdout and stderr go to /dev/null
// Why not /usr/bin/time: it prints CPU seconds with two decimals, 10 ms, while the kernel reports them in
// microseconds; bench.sh subtracts two CPU times of a few milliseconds (duplicate-measure alone less reading),
// which at 10 ms came out negative on a quiet run (CI, 2026-12-04).
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>

namespace {

std::int64_t now_ns() {
  timespec t{};
  clock_gettime(CLOCK_MONOTONIC, &t);
  return std::int64_t{t.tv_sec} * 1'000'000'000 + t.tv_nsec;
}

std::int64_t ns(const timeval& t) { return std::int64_t{t.tv_sec} * 1'000'000'000 + std::int64_t{t.tv_usec} * 1'000; }

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2) {
    std::fprintf(stderr, "usage: planlint_bench_timed COMMAND [ARGS...]\n");
    return 2;
  }
  const std::int64_t start = now_ns();
  const pid_t child = fork();
  if (child < 0) {
    std::fprintf(stderr, "planlint_bench_timed: fork: %s\n", std::strerror(errno));
    return 2;
  }
  if (child == 0) {
    const int null = open("/dev/null", O_WRONLY);
    if (null >= 0) {
      dup2(null, STDOUT_FILENO);
      dup2(null, STDERR_FILENO);
    }
    execvp(argv[1], argv + 1);
    _exit(127);
  }
  int status = 0;
  rusage usage{};
  while (wait4(child, &status, 0, &usage) < 0) {
    if (errno != EINTR) {
      std::fprintf(stderr, "planlint_bench_timed: wait4: %s\n", std::strerror(errno));
      return 2;
    }
  }
  const std::int64_t wall = now_ns() - start;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    std::fprintf(stderr, "planlint_bench_timed: cannot run %s\n", argv[1]);
    return 2;
  }
  std::printf("%lld %lld\n", static_cast<long long>(wall),
              static_cast<long long>(ns(usage.ru_utime) + ns(usage.ru_stime)));
  return 0;
}
