// planlint_bench_docx: read_docx throughput in MB/s of word/document.xml, on the bundled plan as python-docx
// wrote it (tests/fixtures/documents/unit/plan.docx) and on a ~10 MB document.xml made from it by repeating
// its first measure table, zipped again here with libzip. Target (issue 15): 20 MB/s of XML on one core.
#include <benchmark/benchmark.h>
#include <zip.h>

#include <fstream>
#include <sstream>
#include <stdexcept>
#include <string>

#include "read/docx_reader.hpp"
#include "read/zip_archive.hpp"

namespace {

std::string file_text(const std::string& relative) {
  std::ifstream f(PLANLINT_SOURCE_DIR + relative, std::ios::binary);
  std::stringstream ss;
  ss << f.rdbuf();
  return ss.str();
}

// A .docx (zip, deflated) of the given parts, in memory.
std::string make_docx(const std::vector<std::pair<std::string, std::string>>& parts) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  if (archive == nullptr) throw std::runtime_error("zip_open_from_source");
  zip_source_keep(buffer);
  for (const auto& [name, data] : parts) {
    zip_source_t* s = zip_source_buffer(archive, data.data(), data.size(), 0);
    if (zip_file_add(archive, name.c_str(), s, ZIP_FL_OVERWRITE) < 0) throw std::runtime_error("zip_file_add");
  }
  if (zip_close(archive) != 0) throw std::runtime_error("zip_close");
  zip_stat_t st;
  zip_source_stat(buffer, &st);
  std::string out(st.size, '\0');
  zip_source_open(buffer);
  zip_source_read(buffer, out.data(), st.size);
  zip_source_close(buffer);
  zip_source_free(buffer);
  return out;
}

struct Input {
  std::string docx;
  std::size_t xml_bytes = 0;
};

Input plan(bool large) {
  const std::string original = file_text("/tests/fixtures/documents/unit/plan.docx");
  planlint::read::ZipArchive zip(original, "plan.docx");
  std::string document = *zip.read("word/document.xml");
  const std::string styles = *zip.read("word/styles.xml");
  const std::string numbering = zip.read("word/numbering.xml").value_or("");
  if (large) {
    const std::size_t begin = document.find("<w:tbl>");
    const std::size_t end = document.find("</w:tbl>") + 8;
    const std::string table = document.substr(begin, end - begin);
    std::string repeated;
    while (repeated.size() < (10u << 20)) repeated += table;
    document.insert(document.rfind("<w:sectPr"), repeated);
  }
  return Input{make_docx({{"word/document.xml", document}, {"word/styles.xml", styles}, {"word/numbering.xml", numbering}}),
               document.size()};
}

void BM_read_docx(benchmark::State& state) {
  static const Input inputs[] = {plan(false), plan(true)};
  const Input& in = inputs[state.range(0)];
  for (auto _ : state) benchmark::DoNotOptimize(planlint::read::read_docx(in.docx, "bench.docx"));
  state.SetBytesProcessed(state.iterations() * static_cast<std::int64_t>(in.xml_bytes));
  state.SetLabel(state.range(0) == 0 ? "plan.docx" : "plan table repeated to 10 MB of XML");
}
BENCHMARK(BM_read_docx)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace

BENCHMARK_MAIN();
