// Voikko's answers kept between runs of `planlint check` (README, Spelling cache): same findings cold and
// warm, no libvoikko when warm, a bad or unwritable cache never matters, and off means no file.
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using namespace planlint::test;
namespace fs = std::filesystem;

namespace {

// Sets (or unsets, for nullptr) an environment variable for the planlint processes of one test, and
// restores it. CTest runs each test case in a process of its own, with PLANLINT_NO_CACHE=1.
class EnvVar {
 public:
  EnvVar(const char* name, const char* value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old;
    if (value) ::setenv(name, value, 1);
    else ::unsetenv(name);
  }
  ~EnvVar() {
    if (old_) ::setenv(name_, old_->c_str(), 1);
    else ::unsetenv(name_);
  }

 private:
  const char* name_;
  std::optional<std::string> old_;
};

std::vector<fs::path> files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  std::error_code ec;
  for (const auto& e : fs::recursive_directory_iterator(dir, ec)) {
    if (e.is_regular_file()) out.push_back(e.path());
  }
  return out;
}

// Voikko's answer files: the Finnish sample also leaves a file of Hunspell's answers (hunspell-…), from the
// capitalised words Voikko rejects, which are asked of the Swedish dictionary as possible Swedish names.
std::vector<fs::path> voikko_files_in(const fs::path& dir) {
  std::vector<fs::path> out;
  for (const auto& f : files_in(dir)) {
    if (f.filename().string().starts_with("voikko-")) out.push_back(f);
  }
  return out;
}

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
const std::string check_json = "check --no-config --format json " + sample;

}  // namespace

TEST_CASE("spelling cache: a warm run gives the same findings and loads no Voikko", "[cli][check][spelling][cache]") {
  TempDir cache;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  const RunResult uncached = [] {
    EnvVar off("PLANLINT_NO_CACHE", "1");
    return run_planlint(check_json);
  }();
  REQUIRE(files_in(cache.path).empty());
  const RunResult cold = run_planlint(check_json);
  REQUIRE(voikko_files_in(cache.path).size() == 1);
  REQUIRE(files_in(cache.path).size() == 3);  // and Hunspell's (Swedish, English), apart
  const RunResult warm = run_planlint(check_json);
  CHECK(cold.out.find("is not in the dictionary") != std::string::npos);
  CHECK(cold.exit_code == uncached.exit_code);
  CHECK(cold.out == uncached.out);
  CHECK(warm.exit_code == cold.exit_code);
  CHECK(warm.out == cold.out);
  CHECK(warm.err == cold.err);

  // Every rule on, the grammar checker's too: its findings per paragraph are in the file as well.
  const std::string objects = loaded_objects("check --no-config " + sample);
  CHECK(objects.find("libc.so") != std::string::npos);  // the loader's report is there at all
  CHECK(objects.find("libvoikko") == std::string::npos);
#ifndef PLANLINT_HUNSPELL_PRELOADED
  CHECK(objects.find("libhunspell") == std::string::npos);
#endif
}

TEST_CASE("spelling cache: a word the file lacks still asks Voikko", "[cli][check][spelling][cache]") {
  TempDir cache, docs;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  run_planlint(check_json);
  const std::string extra = docs.write("plan.txt", slurp(sample) + "\nTyöikäisten kuntaliasten hyvinvointi.\n");
  const std::string warm_objects = loaded_objects("check --no-config " + extra);
  CHECK(warm_objects.find("libvoikko.so.1") != std::string::npos);
  const RunResult cached = run_planlint("check --no-config --format json " + extra);
  EnvVar off("PLANLINT_NO_CACHE", "1");
  const RunResult uncached = run_planlint("check --no-config --format json " + extra);
  CHECK(cached.out.find("kuntaliasten") != std::string::npos);
  CHECK(cached.out == uncached.out);
}

TEST_CASE("spelling cache: corrupt / truncated / empty or foreign files are ignored and replaced", "[cli][check][spelling][cache]") {
  TempDir cache;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  const RunResult reference = run_planlint(check_json);
  const auto files = voikko_files_in(cache.path);
  REQUIRE(files.size() == 1);
  const fs::path file = files[0];
  const std::string good = slurp(file);

  std::string flipped = good;
  const std::size_t at = flipped.find("\t1\t");  // a verdict, whose record's checksum then fails
  REQUIRE(at != std::string::npos);
  flipped[at + 1] = '0';
  std::string future = good;
  future.replace(future.find(" 2\n"), 3, " 9\n");
  const std::vector<std::string> bad = {"", "x", good.substr(0, good.size() / 2), flipped, future,
                                        std::string(4096, '\0'), "planlint voikko answers 2\n99999999999999999999\n"};
  for (std::size_t i = 0; i < bad.size(); ++i) {
    INFO("bad file " << i);
    std::ofstream(file, std::ios::binary | std::ios::trunc) << bad[i];
    const RunResult r = run_planlint(check_json);
    CHECK(r.exit_code == reference.exit_code);
    CHECK(r.out == reference.out);
    CHECK(slurp(file).starts_with("planlint voikko answers 2\n"));
    CHECK(slurp(file).size() == good.size());
  }
}

TEST_CASE("spelling cache: an unwritable cache directory changes nothing", "[cli][check][spelling][cache]") {
  TempDir cache;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  const RunResult reference = [] {
    EnvVar off("PLANLINT_NO_CACHE", "1");
    return run_planlint(check_json);
  }();
  SECTION("a file where the directory should be") {
    const std::string blocker = cache.write("file", "not a directory");
    EnvVar dir("PLANLINT_CACHE_DIR", (blocker + "/planlint").c_str());
    const RunResult r = run_planlint(check_json);
    CHECK(r.exit_code == reference.exit_code);
    CHECK(r.out == reference.out);
    CHECK(r.err == reference.err);
  }
  SECTION("a directory without write permission") {
    const fs::path locked = cache.path / "locked";
    fs::create_directories(locked);
    ::chmod(locked.c_str(), 0500);
    EnvVar dir("PLANLINT_CACHE_DIR", locked.c_str());
    // Root writes anywhere: planlint runs as nobody when the tests run as root (as in CI).
    const RunResult r = run_planlint_unprivileged(check_json);
    ::chmod(locked.c_str(), 0700);
    CHECK(r.exit_code == reference.exit_code);
    CHECK(r.out == reference.out);
    CHECK(r.err == reference.err);
    CHECK(files_in(locked).empty());
  }
}

TEST_CASE("spelling cache: --no-cache and PLANLINT_NO_CACHE leave no file", "[cli][check][spelling][cache]") {
  TempDir cache;
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  {
    EnvVar on("PLANLINT_NO_CACHE", nullptr);
    run_planlint("check --no-cache --no-config " + sample);
    CHECK(files_in(cache.path).empty());
  }
  {
    EnvVar off("PLANLINT_NO_CACHE", "1");
    run_planlint("check --no-config " + sample);
    CHECK(files_in(cache.path).empty());
  }
}

TEST_CASE("spelling cache: another language or dictionary does not reuse answers", "[cli][check][spelling][cache]") {
  TempDir cache, dict, cfg;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  run_planlint(check_json);
  REQUIRE(voikko_files_in(cache.path).size() == 1);

  // A dictionary directory of its own: another key, another file (and Voikko is asked: it is loaded).
  const std::string rules = cfg.write(".planlint.toml", "[rules.spelling]\ndictionary = \"" + dict.str() + "\"\n");
  const std::string objects = loaded_objects("check --config " + rules + " " + sample);
  CHECK(objects.find("libvoikko.so.1") != std::string::npos);
  CHECK(voikko_files_in(cache.path).size() == 2);

  // A file appears in that directory: the key changes again.
  dict.write("5/mor-test/index.txt", "Language-Code: xx\n");
  const std::string again = loaded_objects("check --config " + rules + " " + sample);
  CHECK(again.find("libvoikko.so.1") != std::string::npos);

  // A language Voikko has no dictionary for is still reported, whatever the cache holds.
  const std::string xx = cfg.write("xx.toml", "[rules.spelling]\nlanguage = \"xx\"\n");
  const RunResult r = run_planlint("check --format json --config " + xx + " " + sample);
  CHECK(r.out.find("cannot be opened") != std::string::npos);
  // Swedish is Hunspell's: the sample read as Swedish keeps its answers in a file of Hunspell's own.
  const auto hunspell_before = files_in(cache.path).size() - voikko_files_in(cache.path).size();
  const std::string sv = cfg.write("sv.toml", "[rules.spelling]\nlanguage = \"sv\"\n");
  const RunResult swedish = run_planlint("check --format json --config " + sv + " " + sample);
  CHECK(swedish.out.find("cannot be opened") == std::string::npos);
  CHECK(swedish.out.find("is not in the dictionary") != std::string::npos);
  CHECK(files_in(cache.path).size() - voikko_files_in(cache.path).size() == hunspell_before);  // the same file, grown

}

TEST_CASE("spelling cache: runs writing it at the same time leave one valid file", "[cli][check][spelling][cache]") {
  TempDir cache, docs, outputs;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  // Six documents, each with misspellings of its own, checked at once from a cold cache: each run reads
  // the file (none, or another's), asks Voikko, merges with what is on disk and renames its own file over.
  const std::vector<std::string> typos = {"kuntaliasten", "hyvinvonti", "liikuntapalvleut", "nuorsotyö",
                                          "terveyskeskuksn", "kultturi"};
  std::vector<std::string> paths;
  std::string all_at_once;
  for (std::size_t i = 0; i < typos.size(); ++i) {
    paths.push_back(docs.write("plan" + std::to_string(i) + ".txt",
                               slurp(sample) + "\nTyöikäisten " + typos[i] + " tueksi.\n"));
    all_at_once += std::string(PLANLINT_BINARY) + " check --no-config --format json " + paths[i] + " >" +
                   (outputs.path / std::to_string(i)).string() + " 2>&1 & ";
  }
  all_at_once += "wait";
  REQUIRE(std::system(all_at_once.c_str()) == 0);
  // One Voikko file, named after its key (and Hunspell's, Swedish and English): no writer's temporary file
  // is left behind, none was cut short.
  REQUIRE(files_in(cache.path).size() == 3);
  const auto files = voikko_files_in(cache.path);
  REQUIRE(files.size() == 1);
  CHECK(files[0].filename().string().starts_with("voikko-"));
  CHECK(slurp(files[0]).starts_with("planlint voikko answers 2\n"));
  std::vector<std::string> uncached;
  {
    EnvVar off("PLANLINT_NO_CACHE", "1");
    for (const std::string& p : paths) uncached.push_back(run_planlint("check --no-config --format json " + p).out);
  }
  for (std::size_t i = 0; i < paths.size(); ++i) {
    INFO(typos[i]);
    CHECK(slurp(outputs.path / std::to_string(i)) == uncached[i]);  // the concurrent runs' own findings
    CHECK(run_planlint("check --no-config --format json " + paths[i]).out == uncached[i]);  // and warm ones
  }
  // Merging with the file on disk is best effort (two runs may each read before the other renames), so
  // an answer may have been dropped above; the warm runs asked Voikko for it again and wrote it with the
  // rest: now every document is answered from the file alone.
  for (std::size_t i = 0; i < paths.size(); ++i) {
    INFO(typos[i]);
    CHECK(loaded_objects("check --no-config " + paths[i]).find("libvoikko") == std::string::npos);
  }
}

// A language server session on the sample, as an editor holds one: the plan opened, then, once its
// diagnostics are out, shutdown and exit. Returns what the server wrote and, with LD_DEBUG=files in
// `env`, the loader's report.
RunResult lsp_session(const TempDir& work, const std::string& args, const std::string& env = "") {
  const auto framed = [](const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; };
  const nlohmann::json open = {{"jsonrpc", "2.0"},
                               {"method", "textDocument/didOpen"},
                               {"params", {{"textDocument", {{"uri", "file:///tmp/plan.txt"}, {"languageId", "plaintext"},
                                                             {"version", 1}, {"text", slurp(sample)}}}}}};
  const std::string start = work.write("start", framed(R"({"jsonrpc":"2.0","id":1,"method":"initialize","params":{"capabilities":{}}})") +
                                                    framed(R"({"jsonrpc":"2.0","method":"initialized","params":{}})") + framed(open.dump()));
  const std::string end = work.write("end", framed(R"({"jsonrpc":"2.0","id":3,"method":"shutdown"})") + framed(R"({"jsonrpc":"2.0","method":"exit"})"));
  const std::string out = (work.path / "out").string(), err = (work.path / "err").string();
  const std::string cmd = "(cat " + start + "; for i in $(seq 1200); do grep -q publishDiagnostics " + out +
                          " 2>/dev/null && break; sleep 0.1; done; cat " + end + ") | " + env + PLANLINT_BINARY + " " + args +
                          " >" + out + " 2>" + err;
  const int status = std::system(cmd.c_str());
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, slurp(out), slurp(err)};
}

// The language server reads and writes the same cache (issue 17): its first check of a plan whose words
// the cache knows asks no Voikko, and what a session learns is there for the next run.
TEST_CASE("spelling cache: the language server uses it and leaves it for the next run", "[lsp][spelling][cache]") {
  TempDir cache, work;
  EnvVar on("PLANLINT_NO_CACHE", nullptr);
  EnvVar dir("PLANLINT_CACHE_DIR", cache.str().c_str());
  const RunResult cold = lsp_session(work, "lsp --no-config");
  CHECK(cold.exit_code == 0);
  CHECK(cold.out.find("is not in the dictionary") != std::string::npos);
  REQUIRE(voikko_files_in(cache.path).size() == 1);
  // The next session finds every word and paragraph of the sample in the answer file: no Voikko.
  const RunResult warm = lsp_session(work, "lsp --no-config", "LD_DEBUG=files ");
  CHECK(warm.out.find("is not in the dictionary") != std::string::npos);
  CHECK(warm.err.find("file=") != std::string::npos);  // the loader's report is there at all
  CHECK(warm.err.find("libvoikko") == std::string::npos);
  TempDir other;
  EnvVar elsewhere("PLANLINT_CACHE_DIR", other.str().c_str());
  CHECK(lsp_session(work, "lsp --no-cache --no-config").out.find("is not in the dictionary") != std::string::npos);
  CHECK(files_in(other.path).empty());
}
