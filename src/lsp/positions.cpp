#include "lsp/positions.hpp"

#include <algorithm>
#include <stdexcept>
#include <string_view>

#include "text/utf8.hpp"

namespace planlint::lsp {
namespace {

// End of the line that starts at `start`: before its line feed, and before a '\r' ahead of that.
std::size_t line_end(std::string_view text, std::size_t start) {
  std::size_t end = std::min(text.find('\n', start), text.size());
  if (end > start && text[end - 1] == '\r') --end;
  return end;
}

// Start and end (before the line feed) of a 0-based line; the text end when the line does not exist.
std::pair<std::size_t, std::size_t> line_bounds(const Source& s, std::size_t line) {
  if (line >= s.line_starts.size()) return {s.bytes.size(), s.bytes.size()};
  const std::size_t start = s.line_starts[line];
  return {start, line_end(s.bytes, start)};
}

// The byte offset `character` UTF-16 code units into the line text[start, end); the line end past it.
std::size_t offset_in_line(std::string_view text, std::size_t start, std::size_t end, std::size_t character) {
  std::size_t units = 0, i = start;
  while (i < end && units < character) {
    const auto b = static_cast<unsigned char>(text[i]);
    units += b >= 0xF0 ? 2 : 1;  // a code point of four bytes is a surrogate pair
    std::size_t next = i;
    utf8::decode(text, next);
    i = next;
  }
  return std::min(i, end);
}

}  // namespace

Position to_lsp(const Source& source, const SourcePosition& p) {
  const std::size_t line = p.line == 0 ? 0 : p.line - 1;
  const auto [start, end] = line_bounds(source, line);
  const std::size_t offset = std::clamp(std::size_t{p.offset}, start, std::max(start, end));
  return {line, utf8::count_utf16_units(std::string_view(source.bytes).substr(start, offset - start))};
}

nlohmann::json range_json(const Source& source, const SourceRange& r) {
  const Position b = to_lsp(source, r.begin), e = to_lsp(source, r.end);
  return {{"start", {{"line", b.line}, {"character", b.character}}},
          {"end", {{"line", e.line}, {"character", e.character}}}};
}

std::size_t offset_of(const Source& source, const Position& p) {
  const auto [start, end] = line_bounds(source, p.line);
  return offset_in_line(source.bytes, start, end, p.character);
}

std::size_t offset_in(std::string_view text, const Position& p) {
  std::size_t start = 0;
  for (std::size_t line = 0; line < p.line; ++line) {
    const std::size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) return text.size();
    start = nl + 1;
  }
  return offset_in_line(text, start, line_end(text, start), p.character);
}

Position position_from_json(const nlohmann::json& j) {
  if (!j.is_object() || !j.contains("line") || !j.contains("character") || !j["line"].is_number_unsigned() ||
      !j["character"].is_number_unsigned()) {
    throw std::invalid_argument("expected a position {line, character}");
  }
  return {j["line"].get<std::size_t>(), j["character"].get<std::size_t>()};
}

}  // namespace planlint::lsp
