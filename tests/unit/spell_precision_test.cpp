// Precision and recall of the spelling rule on longer texts: each tests/fixtures/spelling/<name>.txt is
// reported exactly as <name>.expected lists it (one line per finding: the word and the first suggestion),
// so that a false alarm or a lost typo fails. The texts hold the field's compounds, names, English runs
// and split compounds that issue 18 asks to pass, beside real typos.
#include <filesystem>
#include <fstream>
#include <sstream>

#include <catch2/catch.hpp>

#include "check/runner.hpp"
#include "read/source.hpp"

using namespace planlint;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> reported(const fs::path& path) {
  check::Settings s;
  s.select = {"-*", "spelling"};
  check::RuleSetCache cache;
  const Source src = load_source(path.string());
  std::vector<std::string> out;
  for (const Finding& f : check::check_source(src, s, cache).findings) {
    std::string line(src.bytes.substr(f.range.begin.offset, f.range.end.offset - f.range.begin.offset));
    if (!f.fixes.empty()) line += " " + f.fixes.front().replacement;
    out.push_back(line);
  }
  return out;
}

std::vector<std::string> expected(const fs::path& path) {
  std::ifstream f(path);
  std::vector<std::string> out;
  for (std::string line; std::getline(f, line);) {
    if (!line.empty()) out.push_back(line);
  }
  return out;
}

}  // namespace

TEST_CASE("spelling on the fixture texts: exactly their typos with the right first suggestion", "[spelling][precision]") {
  const fs::path dir = fs::path(PLANLINT_SOURCE_DIR) / "tests/fixtures/spelling";
  std::size_t texts = 0;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() != ".txt") continue;
    ++texts;
    CAPTURE(e.path().filename().string());
    fs::path want = e.path();
    want.replace_extension(".expected");
    REQUIRE(fs::exists(want));
    CHECK(reported(e.path()) == expected(want));
  }
  CHECK(texts >= 2);
}
