// libFuzzer harness: the .planlint.toml loader (check::load_config reads a file, so each input is written
// to one temporary file first), then what `check` does with a loaded configuration: the settings for a
// document, selection, and checking rule ids and parameters against the built-in rules.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>

#include "check/config.hpp"
#include "check/runner.hpp"
#include "model/error.hpp"

#include "builtin_rules.hpp"

namespace {

const std::string& config_path() {
  static const std::string path = [] {
    const auto dir = std::filesystem::temp_directory_path() / ("planlint-fuzz-config-" + std::to_string(::getpid()));
    std::filesystem::create_directories(dir);
    return (dir / ".planlint.toml").string();
  }();
  return path;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string& path = config_path();
  {
    std::FILE* f = std::fopen(path.c_str(), "wb");
    if (!f) __builtin_trap();
    if (size) std::fwrite(data, 1, size, f);
    std::fclose(f);
  }
  try {
    const planlint::check::Config c = planlint::check::load_config(path);
    const auto dir = std::filesystem::path(path).parent_path();
    planlint::check::Settings s = c.for_document((dir / "plans" / "a.txt").string());
    s.merge(c.for_document((dir / "legacy" / "b" / "c.txt").string()));
    (void)planlint::check::selected(s.select, "goal-measure-count");
    (void)planlint::check::eval_options(s, planlint::fuzz::builtin_rules());
  } catch (const planlint::InputError&) {
  }
  return 0;
}
