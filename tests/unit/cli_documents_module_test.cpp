// The planlint binary and its module planlint-documents.so (src/module/): a text plan is checked without
// mapping the document libraries, a .docx opens the module, and a missing module or one of another build
// is an error that says so, never a crash or a silent pass. Sanitizer and fuzzing builds link the readers
// in and have no module: these tests are for the build that has one.
#ifdef PLANLINT_MODULE_FILE
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <string>

#include <catch2/catch.hpp>

#include "support/run.hpp"
#include "support/temp_dir.hpp"

using namespace planlint::test;
namespace fs = std::filesystem;

namespace {

const std::string sample_text = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
const std::string sample_docx = source_path("samples/tyoikaiset-2022-2025-luonnos.docx");

// A copy of the planlint binary at `dir`/planlint, and of the module at `dir`/`module_path` unless that is empty.
std::string install_copy(const TempDir& d, const std::string& module_path) {
  const fs::path binary = d.path / "planlint";
  fs::copy_file(PLANLINT_BINARY, binary);
  if (!module_path.empty()) {
    fs::create_directories((d.path / module_path).parent_path());
    fs::copy_file(PLANLINT_MODULE_FILE, d.path / module_path);
  }
  return binary.string();
}

bool mentions(const std::string& objects, const std::string& name) { return objects.find(name) != std::string::npos; }

}  // namespace

TEST_CASE("documents module: a text plan is checked without it and without the document libraries", "[module]") {
  const std::string objects = loaded_objects("check --no-config --disable spelling,grammar " + sample_text);
  REQUIRE(mentions(objects, "libc.so"));  // LD_DEBUG worked
  for (const char* library : {"planlint-documents", "libpoppler", "libzip", "libpugixml", "libssl", "libcrypto", "liburiparser"}) {
    INFO(library);
    CHECK_FALSE(mentions(objects, library));
  }
}

// uriparser writes SARIF's artifact URIs and is opened only then (src/report/findings_sarif.cpp).
TEST_CASE("documents module: uriparser is opened for a SARIF report - other formats run without it", "[module]") {
  const std::string sarif = loaded_objects("check --no-config --disable spelling,grammar --format sarif " + sample_text);
  CHECK(mentions(sarif, "liburiparser"));
  CHECK_FALSE(mentions(loaded_objects("check --no-config --disable spelling,grammar --format json " + sample_text), "liburiparser"));
  const RunResult r = run_planlint("check --no-config --disable spelling,grammar --format sarif " + sample_text);
  CHECK(r.exit_code == 0);  // two warnings
  CHECK_THAT(r.out, Catch::Contains("tyoikaiset-2022-2025-luonnos.txt\""));  // an artifact's URI
}

TEST_CASE("documents module: a .docx is read through it", "[module]") {
  const std::string objects = loaded_objects("check --no-config --disable spelling,grammar " + sample_docx);
  CHECK(mentions(objects, "planlint-documents.so"));
  CHECK(mentions(objects, "libzip"));
  const RunResult r = run_planlint("parse --format csv " + sample_docx);
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 27);  // a header and 26 measures
}

TEST_CASE("documents module: without it a .docx is an error that names it - a text plan is still checked", "[module]") {
  TempDir d;
  const std::string binary = install_copy(d, "");
  const RunResult docx = run_command(binary + " check --no-config " + sample_docx);
  CHECK(docx.exit_code == 2);
  CHECK_THAT(docx.out, Catch::Contains("1 input could not be checked"));
  CHECK_THAT(docx.err, Catch::Contains("tyoikaiset-2022-2025-luonnos.docx") &&
                           Catch::Contains("cannot read this docx document: planlint-documents.so, which reads "
                                           ".docx, .odt and PDF documents and serves `planlint serve`, is not installed") &&
                           Catch::Contains((d.path / "planlint-documents.so").string()));
  const RunResult serve = run_command(binary + " serve --port 0");
  CHECK(serve.exit_code == 2);
  CHECK_THAT(serve.err, Catch::StartsWith("planlint serve: planlint-documents.so") && Catch::Contains("is not installed"));
  const RunResult text = run_command(binary + " check --no-config --disable spelling,grammar " + sample_text);
  const RunResult expected = run_planlint("check --no-config --disable spelling,grammar " + sample_text);
  CHECK(text.exit_code == expected.exit_code);
  CHECK_THAT(text.out, Catch::Contains("2 warnings"));
  CHECK(text.out == expected.out);
}

TEST_CASE("documents module: found where an installation puts it", "[module]") {
  TempDir d;
  fs::create_directories(d.path / "bin");
  const std::string module_path = (fs::path("bin") / PLANLINT_MODULE_INSTALL_DIR / "planlint-documents.so").lexically_normal();
  const std::string binary = install_copy(d, module_path);
  fs::rename(binary, d.path / "bin" / "planlint");
  const RunResult r = run_command((d.path / "bin" / "planlint").string() + " parse --format csv " + sample_docx);
  CHECK(r.exit_code == 0);
  CHECK(r.out == run_planlint("parse --format csv " + sample_docx).out);
}

TEST_CASE("documents module: a module of another build is refused", "[module]") {
  TempDir d;
  const std::string binary = install_copy(d, "planlint-documents.so");
  // The same module with its build identity changed in place (same length): as if left from another build.
  std::string bytes = slurp(d.path / "planlint-documents.so");
  const std::string id = PLANLINT_MODULE_BUILD_ID;
  const std::size_t at = bytes.find(id);
  REQUIRE(at != std::string::npos);
  bytes.replace(at, id.size(), std::string(id.size(), 'x'));
  std::ofstream(d.path / "planlint-documents.so", std::ios::binary | std::ios::trunc) << bytes;
  const RunResult r = run_command(binary + " check --no-config " + sample_docx);
  CHECK(r.exit_code == 2);
  CHECK_THAT(r.err, Catch::Contains("belongs to another build of planlint: install this build's module with it"));
}

#endif  // PLANLINT_MODULE_FILE
