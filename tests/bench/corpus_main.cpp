// planlint_bench_corpus: writes a deterministic corpus of realistic plans, drafts and final versions.
//   planlint_bench_corpus DIR BYTES [SEED]          many files, BYTES in all: one page to thousands of goals
//   planlint_bench_corpus --single FILE BYTES [SEED] [draft|layout|blocks]
//                                                   one plan whose draft has at least BYTES (default: a draft)
// Sizes: 45 % one page (1–3 goals), 40 % typical (4–12), 13 % large (13–100), 2 % huge (500–3000).
// Forms: five files in seven are drafts, one a final version as `pdftotext -layout` text, one as block
// text (tests/bench/final_render.hpp), whatever their size.
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus_gen.hpp"
#include "final_render.hpp"

namespace {

std::size_t parse_size(const char* text) {
  char* end = nullptr;
  double v = std::strtod(text, &end);
  switch (end && *end ? *end : ' ') {
    case 'k': case 'K': v *= 1024; break;
    case 'm': case 'M': v *= 1024 * 1024; break;
    case 'g': case 'G': v *= 1024.0 * 1024 * 1024; break;
    default: break;
  }
  return static_cast<std::size_t>(v);
}

bool write(const std::filesystem::path& p, const std::string& s) {
  std::ofstream f(p, std::ios::binary);
  f << s;
  return static_cast<bool>(f);
}

}  // namespace

int main(int argc, char** argv) {
  using namespace planlint::bench;
  if (argc >= 4 && std::string(argv[1]) == "--single") {
    const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    const std::string form = argc > 5 ? argv[5] : "draft";
    if (form != "draft" && form != "layout" && form != "blocks") {
      std::fprintf(stderr, "unknown form '%s': draft, layout or blocks\n", form.c_str());
      return 2;
    }
    const GeneratedPlan plan = generate_model_of_size(seed, parse_size(argv[3]));
    Rng shapes(seed);
    return write(argv[2], form == "draft" ? render_draft(plan) : render_final(plan, form == "layout", shapes)) ? 0 : 1;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DIR BYTES [SEED] | --single FILE BYTES [SEED]   (BYTES may end in K, M, G)\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir(argv[1]);
  const std::size_t total = parse_size(argv[2]);
  const std::uint64_t seed = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1;
  Rng rng(seed);
  std::filesystem::create_directories(dir);
  std::size_t written = 0;
  for (std::size_t i = 0; written < total; ++i) {
    const std::size_t kind = rng.below(100);
    const std::size_t goals = kind < 45 ? rng.between(1, 3) : kind < 85 ? rng.between(4, 12)
                            : kind < 98 ? rng.between(13, 100) : rng.between(500, 3000);
    // The page and column sizes of a final version come from a generator of their own, so that the plans
    // drawn are the same as in a corpus of drafts alone.
    const GeneratedPlan model = generate_model(rng, goals, i);
    Rng shapes(seed * 0x9E3779B97F4A7C15ull + i);
    const std::string plan = i % 7 == 5 ? render_final(model, true, shapes)
                           : i % 7 == 6 ? render_final(model, false, shapes)
                                        : render_draft(model);
    char name[64];
    std::snprintf(name, sizeof name, "%03zu/plan-%06zu.txt", i / 1000, i);
    std::filesystem::create_directories((dir / name).parent_path());
    if (!write(dir / name, plan)) {
      std::fprintf(stderr, "cannot write %s\n", (dir / name).c_str());
      return 1;
    }
    written += plan.size();
  }
  return 0;
}
