// The benchmark corpus (tests/bench/corpus_gen.hpp, tests/bench/final_render.hpp): a generated plan written
// as a draft and as both forms of final text is detected as that form and read back to the plan it was made
// from, so that the benchmark times the readers on the path real documents take, not on their error paths.
#include <catch2/catch.hpp>

#include <algorithm>
#include <sstream>

#include "bench/corpus_gen.hpp"
#include "bench/final_render.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"

using namespace planlint;
using namespace planlint::bench;

namespace {

Plan read_text(const std::string& text) { return read::read_plan(make_source("plan.txt", text)); }

std::vector<std::string> text_words(const std::string& s) {
  std::vector<std::string> out;
  std::istringstream in(s);
  for (std::string w; in >> w;) out.push_back(w);
  return out;
}

std::string indicator_of(const Measure& m) { return m.indicator ? std::string(m.indicator->text) : ""; }

bool has_missing_indicator(const GeneratedGoal& g) {
  return std::any_of(g.rows.begin(), g.rows.end(), [](const GeneratedRow& r) { return r.indicator.empty(); });
}

// Every goal with its title, and every measure with its indicator, as generated.
void check_exact(const Plan& plan, const GeneratedPlan& p, bool except_missing_indicators = false) {
  REQUIRE(plan.goals.size() == p.goals.size());
  for (std::size_t g = 0; g < p.goals.size(); ++g) {
    INFO("goal " << g + 1);
    const Goal& read = plan.goals[g];
    const GeneratedGoal& made = p.goals[g];
    CHECK(read.number == static_cast<int>(g + 1));
    CHECK(read.title.text == made.title);
    if (except_missing_indicators && has_missing_indicator(made)) {
      // PDF text shows no empty cell: in block text, or in layout text without blank lines between rows,
      // a measure without an indicator reads as going on from the measure above. No text is lost.
      std::string read_text, made_text;
      for (const Measure& m : read.measures) read_text += std::string(m.text.text) + " " + indicator_of(m) + " ";
      for (const GeneratedRow& r : made.rows) made_text += r.measure + " " + (r.indicator.empty() ? "" : r.indicator + " ");
      CHECK(text_words(read_text) == text_words(made_text));
      continue;
    }
    REQUIRE(read.measures.size() == made.rows.size());
    for (std::size_t m = 0; m < made.rows.size(); ++m) {
      INFO("measure " << m + 1);
      CHECK(read.measures[m].text.text == made.rows[m].measure);
      CHECK(indicator_of(read.measures[m]) == made.rows[m].indicator);
    }
  }
}

}  // namespace

TEST_CASE("corpus: a generated plan reads back the same as a draft / as layout text and as block text", "[bench][read]") {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    INFO("seed " << seed);
    Rng rng(seed);
    const GeneratedPlan p = generate_model(rng, 1 + seed % 14, seed);
    Rng shapes(seed);
    const Plan draft = read_text(render_draft(p));
    CHECK(draft.format == "draft");
    check_exact(draft, p);
    const Plan layout = read_text(render_final(p, true, shapes));
    CHECK(layout.format == "layout");
    check_exact(layout, p, true);
    const Plan blocks = read_text(render_final(p, false, shapes));
    CHECK(blocks.format == "blocks");
    check_exact(blocks, p, true);
  }
}
