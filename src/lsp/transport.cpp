#include "lsp/transport.hpp"

#include <cctype>
#include <charconv>
#include <stdexcept>
#include <string_view>

namespace planlint::lsp {
namespace {

constexpr std::size_t max_message = 256u << 20;  // a plan of hundreds of megabytes is not an editor buffer
constexpr std::string_view content_length = "content-length:";

// Position of "content-length:" in a header line, case-insensitively. Usually 0; later when the line starts
// with the tail of a broken message body (no line end after it), so that the reader resynchronises on the
// next header instead of losing the next message as well.
std::optional<std::size_t> find_content_length(const std::string& line) {
  if (line.size() < content_length.size()) return std::nullopt;
  for (std::size_t at = line.size() - content_length.size() + 1; at-- > 0;) {
    std::size_t i = 0;
    while (i < content_length.size() &&
           std::tolower(static_cast<unsigned char>(line[at + i])) == content_length[i]) {
      ++i;
    }
    if (i == content_length.size()) return at;
  }
  return std::nullopt;
}

// A header line holds a few dozen bytes; a longer one is the tail of a broken body or garbage. Only its
// last max_header_line bytes are kept (the Content-Length header that resynchronises stands at its end),
// so that a line of gigabytes without a line end does not fill memory (issue 20).
constexpr std::size_t max_header_line = 64u << 10;

// std::getline, with memory bounded as above; false at the end of input with nothing read.
bool read_header_line(std::istream& in, std::string& line) {
  line.clear();
  std::streambuf* buf = in.rdbuf();
  bool any = false;
  for (int c = buf->sbumpc(); c != std::char_traits<char>::eof(); c = buf->sbumpc()) {
    any = true;
    if (c == '\n') return true;
    line.push_back(static_cast<char>(c));
    if (line.size() > 2 * max_header_line) line.erase(0, line.size() - max_header_line);
  }
  in.setstate(std::ios::eofbit);
  return any;
}

}  // namespace

std::optional<std::string> read_message(std::istream& in) {
  std::size_t length = 0;
  bool has_length = false;
  std::optional<std::string> bad_header;  // reported once the whole header has been consumed
  std::string line;
  bool any_header = false;
  while (read_header_line(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // tolerate blank lines between messages
      break;
    }
    any_header = true;
    const auto at = find_content_length(line);
    if (!at) continue;  // Content-Type and unknown headers are ignored
    std::size_t value = 0;
    std::size_t i = *at + content_length.size();
    while (i < line.size() && line[i] == ' ') ++i;
    const auto [p, ec] = std::from_chars(line.data() + i, line.data() + line.size(), value);
    if (ec != std::errc() || p != line.data() + line.size() || i == line.size() || value > max_message) {
      bad_header = "invalid Content-Length header: " + line.substr(*at);
      has_length = false;
      continue;
    }
    bad_header.reset();
    length = value;
    has_length = true;
  }
  if (!any_header) return std::nullopt;
  if (bad_header) throw std::runtime_error(*bad_header);
  if (!has_length) throw std::runtime_error("message without a Content-Length header");
  std::string body(length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(length));
  if (static_cast<std::size_t>(in.gcount()) != length) return std::nullopt;  // truncated at end of input
  return body;
}

void write_message(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace planlint::lsp
