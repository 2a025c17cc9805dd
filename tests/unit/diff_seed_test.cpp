// The "done when": the draft (seed 002) against the final as PDF-extracted blocks (seed 000).
#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::source_path;

TEST_CASE("diff of the sample draft and final lists exactly the issue's changes", "[diff][cli][sample]") {
  const auto r = run_planlint("diff --format json " + source_path("samples/tyoikaiset-2022-2025-luonnos.txt") + " " +
                              source_path("samples/tyoikaiset-2022-2025-final-blocks.txt"));
  CHECK(r.exit_code == 1);
  CHECK(r.err.empty());
  // The title and paragraph changes (the final has no cover page; a typo fixed in a paragraph) are checked
  // apart, in tests/unit/diff_prose_test.cpp's terms; the rest are the changes, in order.
  const auto all = nlohmann::json::parse(r.out);
  auto j = nlohmann::json::array();
  std::size_t prose = 0;
  for (const auto& c : all) {
    const std::string kind = c["kind"];
    if (kind == "title-modified" || kind.rfind("paragraph-", 0) == 0) ++prose;
    else j.push_back(c);
  }
  CHECK(prose == 5);  // the title, 1 paragraph added, 3 modified
  using E = std::vector<std::pair<std::string, std::string>>;
  auto edits = [](const nlohmann::json& c) {
    E out;
    for (const auto& e : c["edits"]) out.emplace_back(e["old"], e["new"]);
    return out;
  };
  REQUIRE(j.size() == 11);
  CHECK(j[0]["kind"] == "status-modified");
  CHECK(j[0]["old"]["text"] == "LUONNOS");
  CHECK(j[0]["new"].is_null());
  CHECK(j[1]["kind"] == "declared-modified");
  CHECK(j[1]["old_value"] == nlohmann::json{{"min", 6}, {"max", 12}});
  CHECK(j[1]["new_value"] == nlohmann::json{{"min", 7}, {"max", 12}});
  CHECK(j[2]["kind"] == "goal-title-modified");
  CHECK(j[2]["goal"] == 1);
  CHECK(edits(j[2]) == E{{"Työkäisille", "Työikäisille"}});
  CHECK(j[3]["kind"] == "indicator-modified");
  CHECK(edits(j[3]) == E{{"-kursseiden", "-kurssien"}});
  CHECK(j[4]["kind"] == "indicator-modified");
  CHECK(edits(j[4]) == E{{"Kulikutapaosuuksien", "Kulkutapaosuuksien"}});
  CHECK(j[5]["kind"] == "goal-title-modified");
  CHECK(j[5]["goal"] == 3);
  CHECK(edits(j[5]) == E{{"Työkäinen", "Työikäinen"}});
  CHECK(j[6]["kind"] == "measure-modified");
  CHECK(edits(j[6]) == E{{"vastaanotto toiminnan", "vastaanottotoiminnan"}, {"hoitajaksot", "hoitojaksot"}});
  CHECK(j[7]["kind"] == "measure-modified");
  CHECK(edits(j[7]) == E{{"työkäisille", "työikäisille"}});
  CHECK(j[8]["kind"] == "measure-added");
  CHECK(j[8]["goal"] == 3);
  CHECK(j[8]["new"]["text"].get<std::string>().rfind("Tehostetaan monikanavaista viestintää", 0) == 0);
  CHECK(j[9]["kind"] == "indicator-modified");
  CHECK(edits(j[9]) == E{{"Digivertaistukihenkilöiden", "Digivertaistukihenkiöiden"}});
  CHECK(j[10]["kind"] == "indicator-modified");
  CHECK(edits(j[10]) == E{{"kävijämäärät/ liikuntaneuvontaa", "kävijämäärät/Liikuntaneuvontaa"}});
  for (std::size_t i = 3; i < 11; ++i) CHECK(j[i]["goal"] == (i < 5 ? 1 : 3));
}
