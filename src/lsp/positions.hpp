#pragma once
// LSP positions: 0-based lines and UTF-16 code units within the line (what the protocol counts), converted
// from and to planlint's positions (1-based lines, code-point columns, byte offsets).
#include <cstddef>
#include <string_view>

#include <nlohmann/json.hpp>

#include "model/source_range.hpp"
#include "read/source.hpp"

namespace planlint::lsp {

struct Position {
  std::size_t line = 0;       // 0-based
  std::size_t character = 0;  // UTF-16 code units from the start of the line
};

Position to_lsp(const Source& source, const SourcePosition& p);
nlohmann::json range_json(const Source& source, const SourceRange& r);

// Byte offset into source.bytes of an LSP position; a character past the line end means the line end, a line
// past the last line the end of the text (as the protocol asks).
std::size_t offset_of(const Source& source, const Position& p);

// The same in a text that is not a Source (a document being edited): lines end at '\n' (a '\r' before it
// is not part of the line).
std::size_t offset_in(std::string_view text, const Position& p);

// Reads {"line": n, "character": n}; throws std::invalid_argument when it is not one.
Position position_from_json(const nlohmann::json& j);

}  // namespace planlint::lsp
