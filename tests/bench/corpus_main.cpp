// planlint_bench_corpus: writes a deterministic corpus of realistic plan drafts.
//   planlint_bench_corpus DIR BYTES [SEED]          many files, BYTES in all: one page to thousands of goals
//   planlint_bench_corpus --single FILE BYTES [SEED] one plan of at least BYTES
// Sizes: 45 % one page (1–3 goals), 40 % typical (4–12), 13 % large (13–100), 2 % huge (500–3000).
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

#include "corpus_gen.hpp"

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
    return write(argv[2], generate_plan_of_size(seed, parse_size(argv[3]))) ? 0 : 1;
  }
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s DIR BYTES [SEED] | --single FILE BYTES [SEED]   (BYTES may end in K, M, G)\n", argv[0]);
    return 2;
  }
  const std::filesystem::path dir(argv[1]);
  const std::size_t total = parse_size(argv[2]);
  Rng rng(argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 1);
  std::filesystem::create_directories(dir);
  std::size_t written = 0;
  for (std::size_t i = 0; written < total; ++i) {
    const std::size_t kind = rng.below(100);
    const std::size_t goals = kind < 45 ? rng.between(1, 3) : kind < 85 ? rng.between(4, 12)
                            : kind < 98 ? rng.between(13, 100) : rng.between(500, 3000);
    const std::string plan = generate_plan(rng, goals, i);
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
