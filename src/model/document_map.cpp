#include "model/document_map.hpp"

#include <algorithm>

#include <fmt/format.h>

namespace planlint {

std::string describe(const Locator& where, std::string_view language) {
  const bool fi = language == "fi";
  std::string out;
  const auto part = [&out](std::string_view name, std::uint32_t n) {
    if (n == 0) return;
    if (!out.empty()) out += ", ";
    out += fmt::format("{} {}", name, n);
  };
  part(fi ? "sivu" : "page", where.page);
  part(fi ? "kappale" : "paragraph", where.paragraph);
  part(fi ? "taulukko" : "table", where.table);
  part(fi ? "rivi" : "row", where.row);
  part(fi ? "sarake" : "column", where.column);
  if (out.empty()) return fi ? "asiakirja" : "document";
  return out;
}

void DocumentMap::add(std::uint32_t offset, const Locator& where) {
  if (!pieces_.empty() && pieces_.back().offset == offset) {
    pieces_.back().where = where;  // an empty piece: the later one describes the text
    return;
  }
  pieces_.push_back({offset, where});
}

std::optional<Locator> DocumentMap::at(std::uint32_t offset) const {
  const auto after = std::upper_bound(pieces_.begin(), pieces_.end(), offset,
                                      [](std::uint32_t o, const MappedPiece& p) { return o < p.offset; });
  if (after == pieces_.begin()) return std::nullopt;
  return std::prev(after)->where;
}

}  // namespace planlint
