// `planlint diff` on two generated plans of 10,000 measures each (1,000 goals of 10), the new one with a few
// percent of measures edited, moved, removed and added. The figure that matters is the diff's time as a
// ratio of a baseline measured in the same run: reading (parsing and normalising) both plans' texts.
// Run: ./build/tests/bench/planlint_bench_diff
#include <benchmark/benchmark.h>

#include <cstdint>
#include <cstdio>
#include <map>
#include <string>
#include <vector>

#include "diff/plan_diff.hpp"
#include "read/reader.hpp"

namespace {

using namespace planlint;

// Deterministic: a linear congruential generator, so that every run diffs the same plans.
struct Lcg {
  std::uint64_t s = 0x2545F4914F6CDD1Dull;
  std::size_t operator()(std::size_t n) {
    s = s * 6364136223846793005ull + 1442695040888963407ull;
    return static_cast<std::size_t>((s >> 33) % n);
  }
};

const std::vector<std::string> verbs{"Lisätään", "Kehitetään", "Tuetaan", "Vahvistetaan", "Edistetään", "Järjestetään",
                                     "Toteutetaan", "Selvitetään", "Tehostetaan", "Laajennetaan", "Käynnistetään"};
const std::vector<std::string> words{
    "liikuntaryhmiä", "yhteistyössä", "kumppaneiden", "kanssa", "asukastaloissa", "kirjastoissa", "nuorille",
    "työikäisille", "ikääntyneille", "vieraskielisille", "matalan", "kynnyksen", "neuvontaa", "palveluita",
    "hyvinvointia", "terveyttä", "osallisuutta", "kulttuuritoimintaa", "digitaitoja", "järjestöjen", "kaupungin",
    "lähiliikuntapaikkoja", "ulkokuntosaleja", "harrastuksia", "perheille", "viestintää", "verkossa", "alueittain",
    "mielenterveyspalveluja", "ehkäisevää", "työtä", "ohjausta", "ryhmätoimintaa", "vapaaehtoisia", "yhteisöllisyyttä"};
const std::vector<std::string> metrics{"määrä", "kävijämäärä", "osallistujamäärä", "toteutunut (kyllä/ei)", "asiakaspalaute"};

std::string sentence(Lcg& r, std::size_t id) {
  std::string s = verbs[r(verbs.size())];
  const std::size_t n = 8 + r(14);
  for (std::size_t k = 0; k < n; ++k) s += " " + words[r(words.size())];
  return s + " (" + std::to_string(id) + ").";  // an id keeps texts distinct, as real measures are
}

struct Pair {
  std::string old_text, new_text;
};

Pair generate() {
  Lcg r;
  const std::size_t goals = 1000, per_goal = 10;
  std::vector<std::vector<std::pair<std::string, std::string>>> old_goals(goals), new_goals(goals);
  std::size_t id = 0;
  for (auto& g : old_goals)
    for (std::size_t m = 0; m < per_goal; ++m) g.emplace_back(sentence(r, id++), words[r(words.size())] + " " + metrics[r(metrics.size())]);
  new_goals = old_goals;
  for (std::size_t g = 0; g < goals; ++g) {
    for (std::size_t m = 0; m < new_goals[g].size(); ++m) {
      const std::size_t roll = r(100);
      auto& [text, indicator] = new_goals[g][m];
      if (roll < 2) text.insert(text.find(' '), " " + words[r(words.size())]);     // 2 %: edited
      else if (roll < 3) indicator += " vuosittain";                                  // 1 %: indicator edited
      else if (roll < 4) new_goals[(g + 1 + r(goals - 1)) % goals].push_back(new_goals[g][m]), text.clear();  // 1 %: moved
      else if (roll < 5) text.clear();                                                // 1 %: removed
    }
    if (r(100) < 10) new_goals[g].emplace_back(sentence(r, 100000 + g), "uusi mittari");  // ~1 %: added
  }
  auto render = [&](const auto& gs) {
    std::string s = "Generoitu suunnitelma\n\nLUONNOS\n\n";
    for (std::size_t g = 0; g < gs.size(); ++g) {
      s += "TAVOITE " + std::to_string(g + 1) + ". Tavoite numero " + std::to_string(g + 1) + " " + words[g % words.size()] + "\n\nToimenpide\tMittari\n";
      for (const auto& [t, i] : gs[g])
        if (!t.empty()) s += t + "\t" + i + "\n";
      s += "\n";
    }
    return s;
  };
  return {render(old_goals), render(new_goals)};
}

const Pair& texts() {
  static const Pair p = generate();
  return p;
}

Plan read(const std::string& name, const std::string& text) { return read::read_plan(make_source(name, text)); }

void BM_diff_baseline_read_both(benchmark::State& state) {
  for (auto _ : state) {
    Plan a = read("old", texts().old_text), b = read("new", texts().new_text);
    benchmark::DoNotOptimize(a.goals.data());
    benchmark::DoNotOptimize(b.goals.data());
  }
}
BENCHMARK(BM_diff_baseline_read_both)->Unit(benchmark::kMillisecond);

void BM_diff_10000_measures(benchmark::State& state) {
  const Plan a = read("old", texts().old_text), b = read("new", texts().new_text);
  std::size_t changes = 0;
  for (auto _ : state) {
    const auto d = diff::diff_plans(a, b);
    changes = d.changes.size();
    benchmark::DoNotOptimize(changes);
  }
  state.counters["changes"] = static_cast<double>(changes);
  std::size_t measures = 0;
  for (const auto& g : a.goals) measures += g.measures.size();
  state.counters["old_measures"] = static_cast<double>(measures);
}
BENCHMARK(BM_diff_10000_measures)->Unit(benchmark::kMillisecond);

// Prints the console table, then the diff's time against the baseline.
class RatioReporter : public benchmark::ConsoleReporter {
 public:
  void ReportRuns(const std::vector<Run>& runs) override {
    for (const auto& r : runs)
      if (r.run_type == Run::RT_Iteration) seconds_[r.benchmark_name()] = r.GetAdjustedRealTime() / 1e3;  // ms -> s
    ConsoleReporter::ReportRuns(runs);
  }
  void Finalize() override {
    ConsoleReporter::Finalize();
    const auto base = seconds_.find("BM_diff_baseline_read_both"), diff = seconds_.find("BM_diff_10000_measures");
    if (base == seconds_.end() || diff == seconds_.end()) return;
    std::printf("diff of 2 x 10,000 measures: %.3f s = %.2f x the time to read both plans (%.3f s); target: under 1 s\n",
                diff->second, diff->second / base->second, base->second);
  }

 private:
  std::map<std::string, double> seconds_;
};

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  RatioReporter reporter;
  benchmark::RunSpecifiedBenchmarks(&reporter);
  benchmark::Shutdown();
  return 0;
}
