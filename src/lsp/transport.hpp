#pragma once
// JSON-RPC 2.0 framing of the Language Server Protocol: `Content-Length: N\r\n\r\n` then N bytes of JSON.
#include <istream>
#include <optional>
#include <ostream>
#include <string>

namespace planlint::lsp {

// Reads one message body; nullopt at end of input. Throws std::runtime_error on a malformed header
// (the caller answers with a JSON-RPC error and goes on).
std::optional<std::string> read_message(std::istream& in);

void write_message(std::ostream& out, const std::string& body);

}  // namespace planlint::lsp
