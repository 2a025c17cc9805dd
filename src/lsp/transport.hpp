#pragma once
// JSON-RPC 2.0 framing of the Language Server Protocol: `Content-Length: N\r\n\r\n` then N bytes of JSON.
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace planlint::lsp {

// Reads one message body; nullopt at end of input (also when the body is cut short). Throws
// std::runtime_error on a malformed or missing Content-Length, after consuming the whole header, so that the
// caller can answer with a JSON-RPC parse error and read on.
std::optional<std::string> read_message(std::istream& in);

void write_message(std::ostream& out, const std::string& body);

}  // namespace planlint::lsp
