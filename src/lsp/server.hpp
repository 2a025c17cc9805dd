#pragma once
// The language server: JSON-RPC dispatch on the reading thread, document checks on a worker thread.
//
// The reading thread only records document texts and queues work, so it answers at once whatever the size
// of a document. The worker checks the newest version of each changed document (several didChange of one
// document before the worker gets to it are one check), drops results that a newer version has overtaken,
// and answers the requests that need a checked document (hover, documentSymbol, codeAction).
#include <condition_variable>
#include <deque>
#include <functional>
#include <istream>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/analysis.hpp"
#include "lsp/sink.hpp"

namespace planlint::lsp {

// JSON-RPC and LSP error codes.
namespace error_code {
inline constexpr int parse_error = -32700;
inline constexpr int invalid_request = -32600;
inline constexpr int method_not_found = -32601;
inline constexpr int invalid_params = -32602;
inline constexpr int internal_error = -32603;
inline constexpr int server_not_initialized = -32002;
}  // namespace error_code

class Server {
 public:
  // `before_analysis` runs on the worker before each check (tests hold the worker there).
  Server(ServerOptions options, MessageSink& out, std::function<void(const DocumentText&)> before_analysis = {});
  ~Server();  // stops the worker after its current check
  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  // One message body from the client.
  void handle(const std::string& body);
  // A message whose framing was broken (transport error): answered with a parse error.
  void framing_error(const std::string& what);

  bool exit_requested() const { return exited_; }
  int exit_code() const { return shutdown_ ? 0 : 1; }  // LSP: 0 only when shutdown came before exit

 private:
  struct Request {
    nlohmann::json id;
    std::string method;
    nlohmann::json params;
  };

  void dispatch(const nlohmann::json& id, const std::string& method, const nlohmann::json& params, bool is_request);
  void respond(const nlohmann::json& id, nlohmann::json result);
  void respond_error(const nlohmann::json& id, int code, const std::string& message);

  nlohmann::json initialize(const nlohmann::json& params);
  void did_open(const nlohmann::json& params);
  void did_change(const nlohmann::json& params);
  void did_save(const nlohmann::json& params);
  void did_close(const nlohmann::json& params);
  void did_change_watched_files(const nlohmann::json& params);
  bool is_configuration(const std::string& uri) const;
  void reconfigure();

  // Worker side.
  void work();
  std::shared_ptr<const Analysis> refresh(const std::string& uri);  // checks the newest version, publishes it
  void answer(const Request& request);
  void publish(const std::string& uri, long long version, const nlohmann::json& diagnostics);  // holds mutex_

  MessageSink& out_;
  std::function<void(const DocumentText&)> before_analysis_;
  bool initialized_ = false, shutdown_ = false, exited_ = false;
  bool client_watches_files_ = false;  // the client registers file watchers on request

  std::mutex mutex_;  // guards everything below (except context_, which only the worker uses)
  std::condition_variable wake_;
  std::map<std::string, DocumentText> open_;
  std::deque<std::string> dirty_;  // documents whose newest version is not checked yet, each once
  std::deque<Request> requests_;
  std::map<std::string, std::shared_ptr<const Analysis>> analyses_;  // the newest published per document
  bool reset_pending_ = false, stop_ = false;

  AnalysisContext context_;
  std::thread worker_;
};

// Reads messages from `in` until exit or the end of input; returns the process exit code.
int serve(std::istream& in, Server& server);

}  // namespace planlint::lsp
