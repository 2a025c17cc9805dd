// libFuzzer harness: any bytes through the PDF reader (structure tree and layout). The only exception
// allowed out is InputError; a crash, a sanitizer report or another exception is a bug. Poppler itself is
// not instrumented: what is checked is planlint's side (the structure walk, lines, tables, text joining).
#include <cstddef>
#include <cstdint>
#include <string>
#include <variant>

#include "model/error.hpp"
#include "read/pdf_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  planlint::read::PdfOptions options;
  options.use_voikko = false;  // the same input must give the same result wherever it runs
  try {
    const auto doc = planlint::read::read_pdf(std::string(reinterpret_cast<const char*>(data), size), "fuzz.pdf", options);
    // Every cell of a table says which table and row it is in.
    for (const auto& b : doc.blocks) {
      if (const auto* t = std::get_if<planlint::read::structured::Table>(&b)) {
        for (std::size_t r = 0; r < t->rows.size(); ++r) {
          for (const auto& c : t->rows[r].cells) {
            if (c.where.table != t->number || c.where.column == 0 || c.span == 0) __builtin_trap();
          }
        }
      }
    }
  } catch (const planlint::InputError&) {
  }
  return 0;
}
