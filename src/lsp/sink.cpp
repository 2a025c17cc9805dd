#include "lsp/sink.hpp"

#include "lsp/transport.hpp"

namespace planlint::lsp {

void StreamSink::send(const nlohmann::json& message) {
  // Text in messages comes from validated documents; `replace` keeps a stray invalid byte from throwing.
  const std::string body = message.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  std::lock_guard lock(mutex_);
  write_message(out_, body);
}

}  // namespace planlint::lsp
