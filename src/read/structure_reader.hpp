#pragma once
// The readers of structured documents (.docx, .odt, PDF) behind one entry point. They bring poppler,
// libzip and pugixml with some thirty shared libraries, whose loading was most of a plain-text check's
// start-up time; so the planlint binary has them, with `planlint serve`, in a module that it opens on
// first use (src/module/), while tests, benchmarks and sanitizer builds link them in
// (read/structure_readers.cpp). CMakeLists.txt decides which.
#include <string>
#include <string_view>

#include "read/sniff.hpp"
#include "read/structured.hpp"

namespace planlint::read {

// The document's structure, read by the reader of `kind` (not ContentKind::text). Throws InputError
// naming `name` as that reader does (docx_reader.hpp, odt_reader.hpp, pdf_reader.hpp), and when the
// module that holds the readers cannot be loaded.
structured::Document read_structure(ContentKind kind, std::string_view bytes, const std::string& name);

}  // namespace planlint::read
