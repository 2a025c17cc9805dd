#pragma once
// A document's bytes, loaded and checked once: it exists, is a regular readable file, is not empty, is not
// binary or UTF-16, and is valid UTF-8. Readers get text they can trust; every failure is an InputError
// that names the file (and line:col when the problem is inside it).
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/source_range.hpp"

namespace planlint {

struct Source {
  std::string name;   // as the user gave it ("-" is standard input)
  std::shared_ptr<const std::string> storage;  // the whole file, unchanged; plans read from it share it
  std::string_view bytes;                      // *storage
  std::size_t bom = 0;  // 3 when the file starts with a UTF-8 byte-order mark
  // Byte offsets at which lines start (built by make_source), so that position_of takes O(log lines) plus
  // the length of one line rather than a scan from the start of the file; empty (or stale: built for
  // another size of `bytes`) means position_of scans.
  std::vector<std::uint32_t> line_starts;  // (32 bits: documents are at most 2 GiB)

  // The text after the byte-order mark.
  std::string_view text() const { return std::string_view(bytes).substr(bom); }
  // Line and code-point column of a byte offset into `bytes`.
  SourcePosition position_of(std::size_t offset) const;
  // Byte offset at which line `line` (1-based) starts; nullopt past the last line.
  std::optional<std::size_t> line_start(std::size_t line) const;

 private:
  bool has_line_index() const;
};

// A file's bytes as they are, not yet known to be text (a .docx or PDF is not): read/document.hpp tells
// what they are.
struct RawFile {
  std::string name;   // as the user gave it; "<stdin>" for `-`
  std::string bytes;  // never empty
};

// Reads a regular file (or standard input for `-`), at most 2 GiB. Never modifies the file.
RawFile load_raw(const std::string& path);

// Reads and validates a text file; `-` reads standard input. Never modifies the file.
Source load_source(const std::string& path);

// Validates bytes that came from elsewhere (tests, the language server, stdin).
Source make_source(std::string name, std::string bytes);

}  // namespace planlint
