#include "read/parse_failure.hpp"

#include <fmt/format.h>

#include "model/error.hpp"

namespace planlint::read {

void throw_parse_failure(const Source& src, std::size_t stop_byte, bool form_feeds) {
  const std::string_view text = src.bytes;
  std::size_t at = stop_byte;
  while (at < text.size()) {
    const auto c = static_cast<unsigned char>(text[at]);
    const bool line_break = c == '\n' || (c == '\r' && at + 1 < text.size() && text[at + 1] == '\n');
    if (((c < 0x20 && c != '\t' && !(form_feeds && c == '\f')) || c == 0x7F) && !line_break) break;
    ++at;
  }
  if (at >= text.size()) throw InputError(src.name, "unexpected end of text", src.position_of(text.size()));
  const auto c = static_cast<unsigned char>(text[at]);
  if (c == '\r') {
    throw InputError(src.name, "carriage return without a line feed (old Mac line ends?); use LF or CRLF line ends",
                     src.position_of(at));
  }
  throw InputError(src.name,
                   fmt::format("control character U+{:04X}; plan text may hold only printable characters, tabs and line ends", c),
                   src.position_of(at));
}

}  // namespace planlint::read
