// The entry points of planlint-documents.so (documents_module.hpp): the readers and the server linked in,
// each call's exceptions caught here and passed back as data.
#include "module/documents_module.hpp"

#include <new>
#include <type_traits>

#include "model/error.hpp"
#include "read/structure_reader.hpp"

namespace planlint::module {
namespace {

template <typename Call>
void catching(CaughtError& error, Call&& call) noexcept {
  try {
    call();
  } catch (const InputError& e) {
    error = {CaughtError::Kind::input, e.file(), e.what(), e.where()};
  } catch (const std::bad_alloc&) {
    error.kind = CaughtError::Kind::out_of_memory;
  } catch (const std::exception& e) {
    error.kind = CaughtError::Kind::other;
    error.message = e.what();
  } catch (...) {
    error.kind = CaughtError::Kind::other;
    error.message = "unknown exception";
  }
}

}  // namespace
}  // namespace planlint::module

extern "C" {

__attribute__((visibility("default"))) extern const char planlint_module_build[];
const char planlint_module_build[] = PLANLINT_BUILD_ID;

__attribute__((visibility("default"))) void planlint_module_read_structure(
    planlint::read::ContentKind kind, const char* bytes, std::size_t size, const std::string* name,
    planlint::read::structured::Document* out, planlint::module::CaughtError* error) noexcept {
  planlint::module::catching(*error, [&] { *out = planlint::read::read_structure(kind, {bytes, size}, *name); });
}

__attribute__((visibility("default"))) int planlint_module_run_server(const planlint::serve::ServeOptions* options,
                                                                      planlint::module::CaughtError* error) noexcept {
  int status = 2;
  planlint::module::catching(*error, [&] { status = planlint::serve::run_server(*options); });
  return status;
}

}  // extern "C"

// The declarations above must keep the types the binary calls them by.
static_assert(std::is_same_v<decltype(planlint_module_read_structure), planlint::module::ReadStructureFn>);
static_assert(std::is_same_v<decltype(planlint_module_run_server), planlint::module::RunServerFn>);
