// libFuzzer harness: any bytes through the .odt reader (zip archive, XML parts, structure). The only
// exception allowed out is InputError; anything else (a crash, a sanitizer report, a hang, another
// exception) is a bug. Seeds: tests/fixtures/documents/unit/*.odt.
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <variant>

#include "model/error.hpp"
#include "read/odt_reader.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  try {
    const auto doc = planlint::read::read_odt(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.odt");
    // Every table cell lies in its table, in a row of it, with a column and a span of at least 1.
    for (const auto& block : doc.blocks) {
      const auto* table = std::get_if<planlint::read::structured::Table>(&block);
      if (table == nullptr) continue;
      for (const auto& row : table->rows) {
        for (const auto& cell : row.cells) {
          if (cell.where.table != table->number || cell.where.row == 0 || cell.where.column == 0 || cell.span == 0) {
            __builtin_trap();
          }
        }
      }
    }
  } catch (const planlint::InputError&) {
  }
  return 0;
}
