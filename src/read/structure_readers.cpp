// read_structure linked in: the readers themselves (the module's planlint-documents.so, tests, sanitizer
// builds). The planlint binary's own read_structure opens the module instead (src/module/load_documents.cpp).
#include "read/structure_reader.hpp"

#include "model/error.hpp"
#include "read/docx_reader.hpp"
#include "read/odt_reader.hpp"
#include "read/pdf_reader.hpp"

namespace planlint::read {

structured::Document read_structure(ContentKind kind, std::string_view bytes, const std::string& name) {
  switch (kind) {
    case ContentKind::docx: return read_docx(bytes, name);
    case ContentKind::odt: return read_odt(bytes, name);
    case ContentKind::pdf: return read_pdf(bytes, name);
    case ContentKind::text: break;
  }
  throw InputError(name, "internal error: not a structured document");
}

}  // namespace planlint::read
