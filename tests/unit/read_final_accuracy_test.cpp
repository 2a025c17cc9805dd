// Row accuracy of the final-version readers on the fixtures in tests/fixtures/final: each <name>.txt has
// its expected rows in <name>.expected.csv (goal,measure,indicator; written by generate.py there). A row
// counts when a recovered row of the same goal has both its measure and its indicator equal after
// whitespace normalisation. The figures are printed; the test holds them at what the readers achieve.
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>

#include <catch2/catch.hpp>
#include <fmt/format.h>

#include "read/reader.hpp"
#include "read/source.hpp"
#include "text/normalize.hpp"

using namespace planlint;
namespace fs = std::filesystem;

namespace {

// RFC 4180 fields of one record; records here never span lines.
std::vector<std::string> csv_fields(const std::string& line) {
  std::vector<std::string> out(1);
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted) {
      if (c == '"' && i + 1 < line.size() && line[i + 1] == '"') out.back() += '"', ++i;
      else if (c == '"') quoted = false;
      else out.back() += c;
    } else if (c == '"') {
      quoted = true;
    } else if (c == ',') {
      out.emplace_back();
    } else {
      out.back() += c;
    }
  }
  return out;
}

using RowKey = std::tuple<int, std::string, std::string>;

std::vector<RowKey> expected_rows(const fs::path& csv) {
  std::ifstream f(csv);
  std::vector<RowKey> rows;
  std::string line;
  std::getline(f, line);  // header
  while (std::getline(f, line)) {
    if (line.empty()) continue;
    const auto v = csv_fields(line);
    REQUIRE(v.size() == 3);
    rows.emplace_back(std::stoi(v[0]), text::normalize(v[1]), text::normalize(v[2]));
  }
  return rows;
}

struct Score {
  std::size_t expected = 0, matched = 0, recovered = 0;
  double accuracy() const { return expected ? static_cast<double>(matched) / static_cast<double>(expected) : 1.0; }
};

Score score(const Plan& plan, const std::vector<RowKey>& expected) {
  std::map<RowKey, int> got;
  Score s;
  for (const Goal& g : plan.goals) {
    for (const Measure& m : g.measures) {
      ++got[RowKey{g.number, text::normalize(m.text.text), m.indicator ? text::normalize(m.indicator->text) : ""}];
      ++s.recovered;
    }
  }
  s.expected = expected.size();
  for (const RowKey& r : expected) {
    auto it = got.find(r);
    if (it != got.end() && it->second > 0) --it->second, ++s.matched;
  }
  return s;
}

}  // namespace

TEST_CASE("row accuracy on the final-version fixtures", "[read][final][accuracy]") {
  const fs::path dir = fs::path(PLANLINT_SOURCE_DIR) / "tests" / "fixtures" / "final";
  std::vector<fs::path> inputs;
  for (const auto& e : fs::directory_iterator(dir)) {
    if (e.path().extension() == ".txt") inputs.push_back(e.path());
  }
  std::sort(inputs.begin(), inputs.end());
  REQUIRE(inputs.size() >= 8);
  std::map<std::string, Score> by_format;
  Score all;
  for (const fs::path& p : inputs) {
    const std::string name = p.stem().string();
    INFO(name);
    const Plan plan = read::read_plan(load_source(p.string()));
    // Fixtures are named after their format; detection must agree.
    const std::string format = name.substr(0, name.find('-'));
    CHECK(plan.format == format);
    const Score s = score(plan, expected_rows(dir / (name + ".expected.csv")));
    std::cout << fmt::format("row accuracy {:<32} {:>3}/{:<3} = {:.3f} ({} rows recovered)\n", name, s.matched,
                             s.expected, s.accuracy(), s.recovered);
    by_format[format].expected += s.expected;
    by_format[format].matched += s.matched;
    all.expected += s.expected;
    all.matched += s.matched;
  }
  for (const auto& [format, s] : by_format) {
    std::cout << fmt::format("row accuracy {:<32} {:>3}/{:<3} = {:.3f}\n", format, s.matched, s.expected, s.accuracy());
  }
  std::cout << fmt::format("row accuracy {:<32} {:>3}/{:<3} = {:.3f}\n", "overall", all.matched, all.expected, all.accuracy());
  // What the readers achieve now (241 of 247 rows: blocks 105/110, layout 136/137); a change that loses rows
  // fails here. The *-ikaantyneet-* fixtures are held out: written after the weights were set.
  CHECK(all.accuracy() >= 0.975);
  CHECK(by_format["layout"].accuracy() >= 0.992);
  CHECK(by_format["blocks"].accuracy() >= 0.954);
}
