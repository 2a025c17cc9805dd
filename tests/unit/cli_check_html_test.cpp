// `planlint check --format html`: one self-contained page with the goals' measure counts against the allowed
// range and the findings grouped by goal, with places, quotes and fixes.
#include <string>

#include <catch2/catch.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;
using planlint::test::TempDir;

namespace {

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

std::size_t count_of(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + what.size())) ++n;
  return n;
}

}  // namespace

TEST_CASE("html report of the sample: chart against the declared range - findings under their goals", "[cli][check][html]") {
  const auto r = run_planlint("check --no-config --format html " + sample);
  CHECK(r.exit_code == 0);  // warnings only
  const std::string& h = r.out;
  CHECK(h.rfind("<!DOCTYPE html>", 0) == 0);
  CHECK(h.find("</html>") != std::string::npos);
  // Nothing from outside: it is read on intranets and in mail.
  CHECK(h.find("<script") == std::string::npos);
  CHECK(h.find("http") == std::string::npos);
  CHECK(count_of(h, "<svg") == 1);
  CHECK(h.find("allowed 6–12 (declared by the plan)") != std::string::npos);
  CHECK(count_of(h, ">goal ") == 3);
  // The title mismatch of goal 1 stands under goal 1, with its place, quote and both fixes.
  const auto goal1 = h.find("<h3>Goal 1: Työkäisille espoolaisille");
  const auto goal2 = h.find("<h3>Goal 2:");
  REQUIRE(goal1 != std::string::npos);
  REQUIRE(goal2 != std::string::npos);
  const auto mismatch = h.find("the title of goal 1 differs from the overview list");
  CHECK(mismatch > goal1);
  CHECK(mismatch < goal2);
  CHECK(h.find("<div class=\"place\">" + sample + ":43:13</div>") != std::string::npos);
  CHECK(h.find("fix: Replace &#39;") == std::string::npos);  // quotes are text, not entities
  CHECK(h.find("fix: Replace 'Työkäisille' with 'Työikäisille'") != std::string::npos);
  CHECK(count_of(h, "class=\"finding warning\"") == 10);
}

TEST_CASE("html report escapes the document's text and shows a document that could not be read", "[cli][check][html]") {
  TempDir d;
  const std::string plan = d.write("plan.txt", "Suunnitelma <b>\n\nTAVOITE 1. A & <B>\n\nToimenpide\tMittari\nTehdään <i>.\t\n");
  const std::string broken = d.write("broken.txt", std::string("TAVOITE 1. \x01\n"));
  const auto r = run_planlint("check --no-config --disable spelling --disable grammar --format html " + plan + " " + broken);
  CHECK(r.exit_code == 2);
  CHECK(r.out.find("<h3>Goal 1: A &amp; &lt;B&gt;") != std::string::npos);
  CHECK(r.out.find("Tehdään <i>") == std::string::npos);
  CHECK(r.out.find("<p class=\"docerror\">" + broken) != std::string::npos);
  // goal 1 has 1 measure: outside planlint's default range, a red bar.
  CHECK(r.out.find("allowed 6–12 (planlint&#39;s default)") == std::string::npos);
  CHECK(r.out.find("allowed 6–12 (planlint's default)") != std::string::npos);
  CHECK(r.out.find("fill=\"#e53935\"") != std::string::npos);
}
