// planlint_bench_spell: spelling throughput in words per second (Google Benchmark's items/s), on the words
// of the five seed documents (/work/shared/seeds, or the bundled samples when absent), repeated:
//   - cached: the speller as planlint uses it (each distinct word asks Voikko once per run);
//   - uncached: every word asks Voikko (what the cache saves);
//   - threads: 2 threads sharing one speller, with a pool of handles (one per thread) or with one handle
//     behind a mutex (max_handles = 1), uncached so that Voikko's own work is what is shared.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "spell/checker.hpp"

namespace {

namespace fs = std::filesystem;
using namespace planlint::spell;

std::vector<std::string> corpus_words() {
  std::vector<fs::path> files;
  const fs::path seeds = "/work/shared/seeds";
  std::error_code ec;
  if (fs::is_directory(seeds, ec)) {
    for (const auto& e : fs::directory_iterator(seeds)) files.push_back(e.path());
  } else {
    for (const auto& e : fs::directory_iterator(fs::path(PLANLINT_SOURCE_DIR) / "samples")) files.push_back(e.path());
  }
  std::vector<std::string> out;
  for (const auto& f : files) {
    std::ifstream in(f, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string text = ss.str();
    for (const Token& t : tokenize(text)) {
      if (t.kind == TokenKind::word) out.push_back(text.substr(t.begin, t.end - t.begin));
    }
  }
  return out;
}

const std::vector<std::string>& words() {
  static const std::vector<std::string> w = corpus_words();
  return w;
}

void run(benchmark::State& state, Speller& speller) {
  const auto& ws = words();
  std::size_t rejected = 0;
  for (auto _ : state) {
    for (const std::string& w : ws) rejected += speller.accepts(w) ? 0 : 1;
  }
  benchmark::DoNotOptimize(rejected);
  state.SetItemsProcessed(static_cast<std::int64_t>(state.iterations() * ws.size()));
}

void BM_spell_cached(benchmark::State& state) {
  static Speller speller(SpellerOptions{});
  run(state, speller);
}
BENCHMARK(BM_spell_cached)->Unit(benchmark::kMillisecond);

void BM_spell_uncached(benchmark::State& state) {
  SpellerOptions o;
  o.cache = false;
  static Speller speller(o);
  run(state, speller);
}
BENCHMARK(BM_spell_uncached)->Unit(benchmark::kMillisecond);

void BM_spell_threads_handle_pool(benchmark::State& state) {
  SpellerOptions o;
  o.cache = false;
  static Speller speller(o);
  run(state, speller);
}
BENCHMARK(BM_spell_threads_handle_pool)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_spell_threads_one_handle(benchmark::State& state) {
  SpellerOptions o;
  o.cache = false;
  o.max_handles = 1;
  static Speller speller(o);
  run(state, speller);
}
BENCHMARK(BM_spell_threads_one_handle)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

void BM_spell_threads_cached(benchmark::State& state) {
  static Speller speller(SpellerOptions{});
  run(state, speller);
}
BENCHMARK(BM_spell_threads_cached)->Threads(2)->UseRealTime()->Unit(benchmark::kMillisecond);

// Opening a dictionary (voikkoInit): what each extra handle of the pool costs once.
void BM_voikko_open(benchmark::State& state) {
  for (auto _ : state) {
    Speller s(SpellerOptions{});
    benchmark::DoNotOptimize(s.handles_opened());
  }
}
BENCHMARK(BM_voikko_open)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
