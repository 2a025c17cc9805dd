#include "lsp/transport.hpp"

#include <charconv>
#include <stdexcept>

namespace planlint::lsp {
namespace {

constexpr std::size_t max_message = 256u << 20;  // a plan of hundreds of megabytes is not an editor buffer

bool starts_with_ci(const std::string& s, std::string_view prefix) {
  if (s.size() < prefix.size()) return false;
  for (std::size_t i = 0; i < prefix.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(s[i])) != prefix[i]) return false;
  }
  return true;
}

}  // namespace

std::optional<std::string> read_message(std::istream& in) {
  std::optional<std::size_t> length;
  std::string line;
  bool any_header = false;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty()) {
      if (!any_header) continue;  // tolerate blank lines between messages
      break;
    }
    any_header = true;
    if (starts_with_ci(line, "content-length:")) {
      std::size_t value = 0;
      std::size_t i = 15;
      while (i < line.size() && line[i] == ' ') ++i;
      const auto [p, ec] = std::from_chars(line.data() + i, line.data() + line.size(), value);
      if (ec != std::errc() || p != line.data() + line.size() || value > max_message) {
        throw std::runtime_error("invalid Content-Length header: " + line);
      }
      length = value;
    }
  }
  if (!any_header) return std::nullopt;
  if (!length) throw std::runtime_error("message without a Content-Length header");
  std::string body(*length, '\0');
  in.read(body.data(), static_cast<std::streamsize>(*length));
  if (static_cast<std::size_t>(in.gcount()) != *length) return std::nullopt;  // truncated at end of input
  return body;
}

void write_message(std::ostream& out, const std::string& body) {
  out << "Content-Length: " << body.size() << "\r\n\r\n" << body;
  out.flush();
}

}  // namespace planlint::lsp
