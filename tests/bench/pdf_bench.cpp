// read_pdf on long PDFs (tests/fixtures/documents/pdf-unit): pages-500.pdf, Chromium's untagged
// print-to-PDF (the layout path: words, lines, tables), and pages-103-tagged.pdf, the plan 19 times over
// in LibreOffice's tagged export (the structure tree, checked against the page words); with their time per
// 100 pages, and on the plan's own PDFs. Target: under 1 s per 100 pages on one core.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include "read/pdf_reader.hpp"

namespace {

std::string fixture(const char* name) {
  std::ifstream f(std::string(PLANLINT_SOURCE_DIR) + "/tests/fixtures/documents/pdf-unit/" + name, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

void read_pdf_pages(benchmark::State& state, const char* name, int pages, bool tree) {
  const std::string bytes = fixture(name);
  planlint::read::PdfOptions options;
  options.use_voikko = false;
  options.use_structure_tree = tree;
  for (auto _ : state) benchmark::DoNotOptimize(planlint::read::read_pdf(bytes, name, options));
  state.counters["pages"] = pages;
  state.counters["s_per_100_pages"] =
      benchmark::Counter(static_cast<double>(pages) / 100, benchmark::Counter::kIsIterationInvariantRate | benchmark::Counter::kInvert);
}

}  // namespace

BENCHMARK_CAPTURE(read_pdf_pages, layout_500_pages, "pages-500.pdf", 500, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, tagged_lo_103_pages, "pages-103-tagged.pdf", 103, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, tagged_lo_6_pages, "lo-tagged.pdf", 6, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, untagged_lo_6_pages, "lo-untagged.pdf", 6, false)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
