// read_pdf on long PDFs (tests/fixtures/documents/pdf-unit): pages-500.pdf, Chromium's untagged
// print-to-PDF (the layout path: words, lines, tables), and pages-103-tagged.pdf, the plan 19 times over
// in LibreOffice's tagged export (the structure tree, checked against the page words); with their time per
// 100 pages, and on the plan's own PDFs. Target: under 1 s per 100 pages on one core. The baseline, run
// on the same files in the same command: poppler-cpp's plain text of every page (what pdftotext does), the
// least any reader of the text layer pays; README gives each reader's time as a ratio to it.
#include <benchmark/benchmark.h>

#include <fstream>
#include <sstream>
#include <string>

#include <poppler-document.h>
#include <poppler-page.h>

#include <memory>

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

// The baseline: open the document and take each page's text, nothing more.
void page_text_baseline(benchmark::State& state, const char* name, int pages) {
  const std::string bytes = fixture(name);
  for (auto _ : state) {
    std::unique_ptr<poppler::document> doc(poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    std::size_t chars = 0;
    for (int i = 0; i < doc->pages(); ++i) {
      const std::unique_ptr<poppler::page> page(doc->create_page(i));
      chars += page->text().size();
    }
    benchmark::DoNotOptimize(chars);
  }
  state.counters["pages"] = pages;
}

}  // namespace

BENCHMARK_CAPTURE(page_text_baseline, layout_500_pages, "pages-500.pdf", 500)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(page_text_baseline, tagged_lo_103_pages, "pages-103-tagged.pdf", 103)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, layout_500_pages, "pages-500.pdf", 500, false)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, tagged_lo_103_pages, "pages-103-tagged.pdf", 103, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, tagged_lo_6_pages, "lo-tagged.pdf", 6, true)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(read_pdf_pages, untagged_lo_6_pages, "lo-untagged.pdf", 6, false)->Unit(benchmark::kMillisecond);
BENCHMARK_MAIN();
