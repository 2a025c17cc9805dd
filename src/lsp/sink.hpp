#pragma once
// Where the server's messages go. Both the reading thread (responses) and the checking thread (diagnostics)
// send, so every sink serialises whole messages.
#include <mutex>
#include <ostream>

#include <nlohmann/json.hpp>

namespace planlint::lsp {

class MessageSink {
 public:
  virtual ~MessageSink() = default;
  virtual void send(const nlohmann::json& message) = 0;
};

// Content-Length framed JSON on a stream (standard output).
class StreamSink : public MessageSink {
 public:
  explicit StreamSink(std::ostream& out) : out_(out) {}
  void send(const nlohmann::json& message) override;

 private:
  std::mutex mutex_;
  std::ostream& out_;
};

}  // namespace planlint::lsp
