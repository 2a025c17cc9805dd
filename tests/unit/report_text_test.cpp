// The gcc-style text report draws a caret under each finding's range; ranges that do not fit their line
// (found by fuzz_check: a column past the end of the line) must still print, not throw.
#include <catch2/catch.hpp>

#include "check/runner.hpp"
#include "read/source.hpp"
#include "report/findings.hpp"

using namespace planlint;

namespace {

std::string report_of(SourceRange range) {
  check::CheckResult result;
  check::DocumentResult d;
  d.file = "t.txt";
  d.source = make_source("t.txt", "ab\nTAVOITE 1. Työikäisille\n");
  d.findings.push_back(Finding{"r", Severity::warning, "m", "t.txt", range, {}, {}});
  result.documents.push_back(std::move(d));
  return report::findings_text(result, {false, true});
}

}  // namespace

TEST_CASE("the caret of a range inside its line", "[report][text]") {
  const std::string out = report_of({{15, 2, 12}, {27, 2, 24}});
  CHECK(out.find("t.txt:2:12: warning: m [r]") != std::string::npos);
  CHECK(out.find("    2 | TAVOITE 1. Työikäisille\n      |            ^~~~~~~~~~~~\n") != std::string::npos);
}

TEST_CASE("ranges that do not fit their line still print", "[report][text][fuzz]") {
  // Past the end of the line, column 0, an end before the beginning, a line past the end of the file.
  for (const SourceRange& r : {SourceRange{{0, 1, 40}, {0, 1, 45}}, SourceRange{{0, 1, 0}, {0, 1, 0}},
                               SourceRange{{5, 2, 9}, {3, 2, 4}}, SourceRange{{0, 9, 3}, {0, 9, 5}}}) {
    CAPTURE(r.begin.line, r.begin.column, r.end.column);
    std::string out;
    REQUIRE_NOTHROW(out = report_of(r));
    CHECK(out.find("warning: m [r]") != std::string::npos);
    CHECK(out.size() < 400);
  }
}
