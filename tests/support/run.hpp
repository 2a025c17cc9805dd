#pragma once
// Runs the planlint binary as a user would, capturing stdout, stderr and the exit code.
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace planlint::test {

struct RunResult {
  int exit_code = -1;
  std::string out;
  std::string err;
};

inline std::string slurp(const std::filesystem::path& p) {
  std::ifstream f(p, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// What runs planlint without the power to override permission bits. Root (as in CI) reads and writes
// anything, so a test of "Permission denied" runs planlint as nobody (uid and gid 65534) through setpriv
// (util-linux); the shell opens the redirections before, as root. Other users run it as themselves.
inline std::string unprivileged_prefix() {
  return ::geteuid() == 0 ? "setpriv --reuid=65534 --regid=65534 --clear-groups -- " : "";
}

// Runs `command` (a program and its arguments, through the shell) with `stdin_text` as its input.
inline RunResult run_command(const std::string& command, const std::string& stdin_text = "") {
  static int counter = 0;
  const auto dir = std::filesystem::temp_directory_path();
  const std::string tag = std::to_string(::getpid()) + "-" + std::to_string(counter++);
  const auto out = dir / ("planlint-out-" + tag), err = dir / ("planlint-err-" + tag), in = dir / ("planlint-in-" + tag);
  std::ofstream(in, std::ios::binary) << stdin_text;
  const std::string cmd = command + " <" + in.string() + " >" + out.string() + " 2>" + err.string();
  const int status = std::system(cmd.c_str());
  RunResult r;
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(out);
  r.err = slurp(err);
  std::filesystem::remove(out);
  std::filesystem::remove(err);
  std::filesystem::remove(in);
  return r;
}

// `args` is passed through the shell: quote what needs quoting. `prefix` comes before the binary (e.g.
// unprivileged_prefix()).
inline RunResult run_planlint(const std::string& args, const std::string& stdin_text = "",
                              const std::string& prefix = "") {
  return run_command(prefix + std::string(PLANLINT_BINARY) + " " + args, stdin_text);
}

// planlint run so that permission bits stop it, also when the tests run as root.
inline RunResult run_planlint_unprivileged(const std::string& args) { return run_planlint(args, "", unprivileged_prefix()); }

inline std::string source_path(const std::string& relative) { return std::string(PLANLINT_SOURCE_DIR) + "/" + relative; }

// The shared objects the dynamic loader reports opening while planlint runs with `args` (LD_DEBUG=files,
// a glibc feature), one per line: what a command maps, e.g. whether it loads libvoikko.
inline std::string loaded_objects(const std::string& args) {
  const std::string cmd = "LD_DEBUG=files " + std::string(PLANLINT_BINARY) + " " + args + " 2>&1 >/dev/null";
  std::string out;
  if (FILE* p = ::popen(cmd.c_str(), "r")) {
    char buf[4096];
    while (std::fgets(buf, sizeof buf, p)) {
      const std::string line(buf);
      if (line.find("file=") != std::string::npos) out += line;
    }
    ::pclose(p);
  }
  return out;
}

}  // namespace planlint::test
