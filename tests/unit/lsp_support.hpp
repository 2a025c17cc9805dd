#pragma once
// Scripted clients for the language-server tests: message builders and a sink that records what the server
// sends, with waiting (the server checks documents on a worker thread).
#include <unistd.h>

#include <chrono>
#include <condition_variable>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "lsp/sink.hpp"

namespace planlint::test {

using json = nlohmann::json;

inline std::string request(const json& id, const std::string& method, const json& params = json::object()) {
  return json{{"jsonrpc", "2.0"}, {"id", id}, {"method", method}, {"params", params}}.dump();
}

inline std::string notification(const std::string& method, const json& params = json::object()) {
  return json{{"jsonrpc", "2.0"}, {"method", method}, {"params", params}}.dump();
}

inline std::string did_open(const std::string& uri, long long version, const std::string& text) {
  return notification("textDocument/didOpen",
                      {{"textDocument", {{"uri", uri}, {"languageId", "text"}, {"version", version}, {"text", text}}}});
}

inline std::string did_change(const std::string& uri, long long version, const std::string& text) {
  return notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}},
                                                 {"contentChanges", json::array({{{"text", text}}})}});
}

inline json position(std::size_t line, std::size_t character) { return {{"line", line}, {"character", character}}; }

class CollectingSink : public lsp::MessageSink {
 public:
  void send(const json& message) override {
    // Every message must survive the wire format (no invalid UTF-8, no exceptions).
    const json copy = json::parse(message.dump());
    std::lock_guard lock(mutex_);
    messages_.push_back(copy);
    changed_.notify_all();
  }

  // The `nth` message (1-based, in order of sending) that satisfies `match`, waiting up to `timeout`.
  std::optional<json> wait_for(const std::function<bool(const json&)>& match, int nth = 1,
                               std::chrono::milliseconds timeout = std::chrono::seconds(20)) {
    std::unique_lock lock(mutex_);
    std::optional<json> found;
    changed_.wait_for(lock, timeout, [&] {
      int seen = 0;
      for (const auto& m : messages_) {
        if (match(m) && ++seen == nth) {
          found = m;
          return true;
        }
      }
      return false;
    });
    return found;
  }

  std::optional<json> response(const json& id) {
    return wait_for([&](const json& m) { return m.contains("id") && m["id"] == id && !m.contains("method"); });
  }

  // publishDiagnostics for `uri`; with `version`, only that version's.
  std::optional<json> diagnostics(const std::string& uri, std::optional<long long> version = std::nullopt) {
    return wait_for([&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri &&
             (!version || m["params"].value("version", -1LL) == *version);
    });
  }

  std::vector<json> all() {
    std::lock_guard lock(mutex_);
    return messages_;
  }

 private:
  std::mutex mutex_;
  std::condition_variable changed_;
  std::vector<json> messages_;
};

struct LspTempDir {
  std::filesystem::path path;
  LspTempDir() {
    static int n = 0;
    path = std::filesystem::temp_directory_path() /
           ("planlint-lsp-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    std::filesystem::create_directories(path);
  }
  ~LspTempDir() { std::filesystem::remove_all(path); }
  std::string write(const std::string& name, const std::string& text) const {
    std::ofstream(path / name, std::ios::binary) << text;
    return (path / name).string();
  }
};

}  // namespace planlint::test
