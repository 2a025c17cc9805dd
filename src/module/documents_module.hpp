#pragma once
// What the planlint binary and its module planlint-documents.so (the .docx, .odt and PDF readers and
// `planlint serve`; read/structure_reader.hpp says why they are apart) call each other by. Both are built
// from the same sources in the same build, which PLANLINT_BUILD_ID stands for: the binary refuses a module
// of another build, since the C++ types passed here must have the same layout on both sides.
//
// No exception crosses between them: the binary links libstdc++ statically while the module uses the
// shared one (poppler does), so each side throws and catches its own, and an error travels as data.
#include <cstddef>
#include <optional>
#include <string>

#include "model/source_range.hpp"
#include "read/sniff.hpp"
#include "read/structured.hpp"
#include "serve/server.hpp"

namespace planlint::module {

inline constexpr const char* documents_file = "planlint-documents.so";

// An exception the module caught, to be thrown again on the binary's side.
struct CaughtError {
  enum class Kind { none, input, out_of_memory, other } kind = Kind::none;
  std::string file;     // input: InputError::file()
  std::string message;  // input and other: what()
  std::optional<SourcePosition> where;
};

// The module's symbols, each with the type of what it names.
inline constexpr const char* build_symbol = "planlint_module_build";  // const char[]: its PLANLINT_BUILD_ID
inline constexpr const char* read_structure_symbol = "planlint_module_read_structure";
using ReadStructureFn = void(read::ContentKind kind, const char* bytes, std::size_t size, const std::string* name,
                             read::structured::Document* out, CaughtError* error) noexcept;
inline constexpr const char* run_server_symbol = "planlint_module_run_server";
using RunServerFn = int(const serve::ServeOptions* options, CaughtError* error) noexcept;

}  // namespace planlint::module
