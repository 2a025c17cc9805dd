#pragma once
// A locator's fields by name, for the outputs that give them one by one (JSON findings, SARIF properties,
// `parse --format json`): only those that apply.
#include <cstdint>
#include <utility>
#include <vector>

#include "model/document_map.hpp"

namespace planlint {

inline std::vector<std::pair<const char*, std::uint32_t>> located_fields(const Locator& w) {
  std::vector<std::pair<const char*, std::uint32_t>> out;
  for (const auto& field : {std::pair{"page", w.page}, {"paragraph", w.paragraph}, {"table", w.table},
                            {"row", w.row}, {"column", w.column}}) {
    if (field.second != 0) out.push_back(field);
  }
  return out;
}

}  // namespace planlint
