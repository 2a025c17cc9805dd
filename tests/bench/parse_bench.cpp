// planlint_bench_parse: parse throughput (MB/s) of each reader with Google Benchmark, on the bundled sample
// draft and finals and on generated plans (tests/bench/corpus_gen.hpp); and, for comparison, read + the built-in
// rules ("check", no output), which is what `planlint check` does per document; and compiling the built-in
// rules, which `planlint check` does once per process (README, Performance, Latency).
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>

#include "corpus_gen.hpp"
#include "final_render.hpp"
#include "read/reader.hpp"
#include "read/source.hpp"
#include "rules/engine.hpp"

namespace {

std::string file_text(const std::string& relative) {
  std::ifstream f(PLANLINT_SOURCE_DIR + relative, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

const std::string& input(std::int64_t which) {
  static const std::string sample = file_text("/samples/tyoikaiset-2022-2025-luonnos.txt");
  static const std::string one_mb = planlint::bench::generate_plan_of_size(7, 1 << 20);
  static const std::string ten_mb = planlint::bench::generate_plan_of_size(7, 10 << 20);
  return which == 0 ? sample : which == 1 ? one_mb : ten_mb;
}

void label(benchmark::State& state) {
  static const char* names[] = {"sample draft", "generated 1 MB", "generated 10 MB"};
  state.SetLabel(names[state.range(0)]);
}

// Loading (validation: UTF-8, control characters, line index) and the draft reader.
void BM_parse_draft(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  for (auto _ : state) {
    const planlint::Source src = planlint::make_source("bench.txt", text);
    benchmark::DoNotOptimize(planlint::read::read_plan(src, planlint::read::InputFormat::draft));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  label(state);
}
BENCHMARK(BM_parse_draft)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// The final-version readers, on the sample's final version and on a generated 1 MB plan written in that
// form (tests/bench/final_render.hpp): arg 0 the sample, 1 the generated plan.
const std::string& final_input(bool layout, std::int64_t which) {
  static const std::string sample_layout = file_text("/samples/tyoikaiset-2022-2025-final-layout.txt");
  static const std::string sample_blocks = file_text("/samples/tyoikaiset-2022-2025-final-blocks.txt");
  static const planlint::bench::GeneratedPlan model = planlint::bench::generate_model_of_size(7, 1 << 20);
  static const auto render = [](bool as_layout) {
    planlint::bench::Rng shapes(7);
    return planlint::bench::render_final(model, as_layout, shapes);
  };
  static const std::string generated_layout = render(true);
  static const std::string generated_blocks = render(false);
  if (layout) return which == 0 ? sample_layout : generated_layout;
  return which == 0 ? sample_blocks : generated_blocks;
}

void parse_final(benchmark::State& state, planlint::read::InputFormat format) {
  const bool layout = format == planlint::read::InputFormat::layout;
  const std::string& text = final_input(layout, state.range(0));
  for (auto _ : state) {
    const planlint::Source src = planlint::make_source("bench.txt", text);
    benchmark::DoNotOptimize(planlint::read::read_plan(src, format));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  state.SetLabel(state.range(0) == 0 ? (layout ? "sample final (layout)" : "sample final (blocks)")
                                     : "generated 1 MB plan");
}
void BM_parse_layout(benchmark::State& state) { parse_final(state, planlint::read::InputFormat::layout); }
void BM_parse_blocks(benchmark::State& state) { parse_final(state, planlint::read::InputFormat::blocks); }
BENCHMARK(BM_parse_layout)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_parse_blocks)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Format detection plus the reader it picks.
void BM_parse_auto(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  for (auto _ : state) {
    const planlint::Source src = planlint::make_source("bench.txt", text);
    benchmark::DoNotOptimize(planlint::read::read_plan(src));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  label(state);
}
BENCHMARK(BM_parse_auto)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Loading only.
void BM_load(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  for (auto _ : state) benchmark::DoNotOptimize(planlint::make_source("bench.txt", text));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  label(state);
}
BENCHMARK(BM_load)->Arg(0)->Arg(2)->Unit(benchmark::kMillisecond);

// Read and evaluate the built-in rules.
void BM_parse_and_check(benchmark::State& state) {
  const std::string& text = input(state.range(0));
  static const planlint::rules::RuleSet rules = planlint::rules::RuleSet::compile(planlint::rules::builtin_rule_sources());
  for (auto _ : state) {
    const planlint::Source src = planlint::make_source("bench.txt", text);
    benchmark::DoNotOptimize(rules.evaluate(planlint::read::read_plan(src)));
  }
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(text.size()));
  label(state);
}
BENCHMARK(BM_parse_and_check)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

// Compiling the built-in rules (rules/*.rules, embedded), which every `planlint check` process does once.
void BM_compile_builtin_rules(benchmark::State& state) {
  const auto sources = planlint::rules::builtin_rule_sources();
  for (auto _ : state) benchmark::DoNotOptimize(planlint::rules::RuleSet::compile(sources));
}
BENCHMARK(BM_compile_builtin_rules)->Unit(benchmark::kMicrosecond);

}  // namespace

BENCHMARK_MAIN();
