// read_structure and run_server for the planlint binary: they call into planlint-documents.so, opened on
// first use (documents_module.hpp), so that a check of a text plan never maps poppler and its libraries.
// The module is looked for beside the binary (a build tree), then where `cmake --install` puts it.
#include <dlfcn.h>
#include <fmt/format.h>

#include <filesystem>
#include <new>
#include <stdexcept>

#include "model/error.hpp"
#include "module/documents_module.hpp"
#include "read/structure_reader.hpp"

namespace planlint::module {
namespace {

namespace fs = std::filesystem;

struct Module {
  void* handle = nullptr;
  std::string error;  // why it could not be opened: said to the user instead of reading the document
};

std::vector<fs::path> module_candidates() {
  std::error_code ec;
  const fs::path binary = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  const fs::path dir = binary.parent_path();
  return {dir / documents_file, (dir / PLANLINT_MODULE_INSTALL_DIR / documents_file).lexically_normal()};
}

Module open_module() {
  const std::vector<fs::path> candidates = module_candidates();
  for (const fs::path& path : candidates) {
    std::error_code ec;
    if (!fs::is_regular_file(path, ec)) continue;
    void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
    if (handle == nullptr) return {nullptr, fmt::format("cannot load {}: {}", path.string(), ::dlerror())};
    const auto* build = static_cast<const char*>(::dlsym(handle, build_symbol));
    if (build == nullptr || std::string_view(build) != PLANLINT_BUILD_ID) {
      return {nullptr, fmt::format("{} belongs to another build of planlint: install this build's module with it",
                                   path.string())};
    }
    return {handle, {}};
  }
  std::string looked;
  for (const fs::path& path : candidates) looked += (looked.empty() ? "" : ", ") + path.string();
  return {nullptr, fmt::format("{}, which reads .docx, .odt and PDF documents and serves `planlint serve`, is not "
                               "installed (looked for {})",
                               documents_file, looked.empty() ? "it beside this program" : looked)};
}

const Module& documents_module() {
  static const Module module = open_module();  // once per process; thread-safe
  return module;
}

// The module's function `symbol`, or the reason there is none.
template <typename Fn>
Fn* function(const char* symbol, std::string& error) {
  const Module& m = documents_module();
  if (m.handle == nullptr) {
    error = m.error;
    return nullptr;
  }
  auto* fn = reinterpret_cast<Fn*>(::dlsym(m.handle, symbol));
  if (fn == nullptr) error = fmt::format("{} has no {}: install this build's module with it", documents_file, symbol);
  return fn;
}

[[noreturn]] void rethrow(const CaughtError& e) {
  switch (e.kind) {
    case CaughtError::Kind::input: throw InputError(e.file, e.message, e.where);
    case CaughtError::Kind::out_of_memory: throw std::bad_alloc();
    case CaughtError::Kind::none:
    case CaughtError::Kind::other: break;
  }
  throw std::runtime_error(e.message);
}

}  // namespace
}  // namespace planlint::module

namespace planlint::read {

structured::Document read_structure(ContentKind kind, std::string_view bytes, const std::string& name) {
  std::string unavailable;
  auto* read = module::function<module::ReadStructureFn>(module::read_structure_symbol, unavailable);
  if (read == nullptr) throw InputError(name, fmt::format("cannot read this {} document: {}", to_string(kind), unavailable));
  structured::Document out;
  module::CaughtError error;
  read(kind, bytes.data(), bytes.size(), &name, &out, &error);
  if (error.kind != module::CaughtError::Kind::none) module::rethrow(error);
  return out;
}

}  // namespace planlint::read

namespace planlint::serve {

int run_server(const ServeOptions& options) {
  std::string unavailable;
  auto* run = module::function<module::RunServerFn>(module::run_server_symbol, unavailable);
  if (run == nullptr) {
    fmt::print(stderr, "planlint serve: {}\n", unavailable);
    return 2;
  }
  module::CaughtError error;
  const int status = run(&options, &error);
  if (error.kind != module::CaughtError::Kind::none) module::rethrow(error);
  return status;
}

}  // namespace planlint::serve
