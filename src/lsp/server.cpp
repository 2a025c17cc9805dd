#include "lsp/server.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <stdexcept>

#include "lsp/params.hpp"
#include "lsp/positions.hpp"
#include "lsp/transport.hpp"
#include "lsp/uri.hpp"

namespace planlint::lsp {
namespace {

using json = nlohmann::json;

bool ends_with(std::string_view s, std::string_view tail) {
  return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

long long version_of(const json& text_document) {
  const json& v = member(text_document, "version");
  if (!v.is_number_integer()) throw InvalidParams("'version' must be an integer");
  return v.get<long long>();
}

json initialize_result() {
  return {{"capabilities",
           {{"positionEncoding", "utf-16"},
            {"textDocumentSync", {{"openClose", true}, {"change", 2}, {"save", {{"includeText", false}}}}},
            {"hoverProvider", true},
            {"documentSymbolProvider", true},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}}}},
          {"serverInfo", {{"name", "planlint"}, {"version", "0.1.0"}}}};
}

}  // namespace

Server::Server(ServerOptions options, MessageSink& out, std::function<void(const DocumentText&)> before_analysis)
    : out_(out), before_analysis_(std::move(before_analysis)), context_(std::move(options)) {
  worker_ = std::thread([this] { work(); });
}

Server::~Server() {
  {
    std::lock_guard lock(mutex_);
    stop_ = true;
  }
  wake_.notify_all();
  worker_.join();
}

void Server::respond(const json& id, json result) {
  out_.send({{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}});
}

void Server::respond_error(const json& id, int code, const std::string& message) {
  out_.send({{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}});
}

void Server::framing_error(const std::string& what) { respond_error(nullptr, error_code::parse_error, what); }

void Server::handle(const std::string& body) {
  const json message = json::parse(body, nullptr, false);
  if (message.is_discarded()) {
    respond_error(nullptr, error_code::parse_error, "the message is not valid JSON");
    return;
  }
  if (!message.is_object()) {
    respond_error(nullptr, error_code::invalid_request, "a message must be a JSON object");
    return;
  }
  const bool has_id = message.contains("id");
  const json id = has_id ? message["id"] : json(nullptr);
  if (has_id && !id.is_number_integer() && !id.is_string()) {
    respond_error(nullptr, error_code::invalid_request, "'id' must be an integer or a string");
    return;
  }
  if (!message.contains("method")) {
    if (has_id && (message.contains("result") || message.contains("error"))) return;  // a response to our request
    respond_error(id, error_code::invalid_request, "a request needs a 'method'");
    return;
  }
  if (!message["method"].is_string() || message.value("jsonrpc", json()) != "2.0") {
    respond_error(id, error_code::invalid_request, "expected \"jsonrpc\": \"2.0\" and a string 'method'");
    return;
  }
  static const json no_params = json::object();
  const json& params = message.contains("params") ? message["params"] : no_params;  // no copy of a whole document
  if (!params.is_object() && !params.is_array()) {
    respond_error(id, error_code::invalid_request, "'params' must be an object or an array");
    return;
  }
  const std::string method = message["method"].get<std::string>();
  try {
    dispatch(id, method, params, has_id);
  } catch (const InvalidParams& e) {
    if (has_id) respond_error(id, error_code::invalid_params, method + ": " + e.what());
    else std::cerr << "planlint lsp: " << method << ": " << e.what() << '\n';
  } catch (const std::exception& e) {
    if (has_id) respond_error(id, error_code::internal_error, method + ": " + e.what());
    else std::cerr << "planlint lsp: " << method << ": " << e.what() << '\n';
  }
}

void Server::dispatch(const json& id, const std::string& method, const json& params, bool is_request) {
  if (method == "exit") {
    exited_ = true;
    return;
  }
  if (!initialized_ && method != "initialize") {
    // Before initialize, requests get an error and notifications are dropped (LSP).
    if (is_request) respond_error(id, error_code::server_not_initialized, "the server is not initialized yet");
    return;
  }
  if (shutdown_) {
    if (is_request) respond_error(id, error_code::invalid_request, "the server is shutting down");
    return;
  }
  if (is_request) {
    if (method == "initialize") {
      if (initialized_) return respond_error(id, error_code::invalid_request, "initialize was already sent");
      respond(id, initialize(params));
    } else if (method == "shutdown") {
      shutdown_ = true;
      respond(id, nullptr);
    } else if (method == "textDocument/hover" || method == "textDocument/documentSymbol" ||
               method == "textDocument/codeAction") {
      document_uri(params);  // checked here, so that a malformed request is answered at once
      {
        std::lock_guard lock(mutex_);
        requests_.push_back({id, method, params});
      }
      wake_.notify_one();
    } else {
      respond_error(id, error_code::method_not_found, "unknown method " + method);
    }
    return;
  }
  if (method == "initialized") {
    if (!client_watches_files_) return;
    // Ask the client to tell us about configuration and rule files (workspace/didChangeWatchedFiles).
    const json watchers = json::array({{{"globPattern", "**/.planlint.toml"}}, {{"globPattern", "**/*.rules"}}});
    out_.send({{"jsonrpc", "2.0"},
               {"id", "planlint-watch-configuration"},
               {"method", "client/registerCapability"},
               {"params",
                {{"registrations", json::array({{{"id", "planlint-watch-configuration"},
                                                 {"method", "workspace/didChangeWatchedFiles"},
                                                 {"registerOptions", {{"watchers", watchers}}}}})}}}});
  } else if (method == "textDocument/didOpen") {
    did_open(params);
  } else if (method == "textDocument/didChange") {
    did_change(params);
  } else if (method == "textDocument/didSave") {
    did_save(params);
  } else if (method == "textDocument/didClose") {
    did_close(params);
  } else if (method == "workspace/didChangeWatchedFiles") {
    did_change_watched_files(params);
  }
  // Other notifications ($/cancelRequest, $/setTrace, …) need nothing from this server.
}

json Server::initialize(const json& params) {
  initialized_ = true;
  if (params.is_object()) {
    const json ptr = params.value(json::json_pointer("/capabilities/workspace/didChangeWatchedFiles/dynamicRegistration"), json(false));
    client_watches_files_ = ptr.is_boolean() && ptr.get<bool>();
    // LSP 3.16: the client's user-interface language; Finnish or English messages follow it.
    const json locale = params.value("locale", json());
    if (locale.is_string()) {
      const std::string l = locale.get<std::string>().substr(0, 2);
      if (check::is_message_language(l)) context_.set_client_language(l);
    }
  }
  return initialize_result();
}

bool Server::is_configuration(const std::string& uri) const {
  const std::string path = path_from_uri(uri).value_or(uri);
  if (ends_with(path, "/.planlint.toml") || path == ".planlint.toml" || ends_with(path, ".rules")) return true;
  const auto& config = context_.options().config_file;
  std::error_code ec;
  return config && std::filesystem::absolute(*config, ec).lexically_normal() ==
                       std::filesystem::path(path).lexically_normal();
}

void Server::reconfigure() {
  {
    std::lock_guard lock(mutex_);
    reset_pending_ = true;
  }
  wake_.notify_one();
}

void Server::did_open(const json& params) {
  const json& doc = member(params, "textDocument");
  const std::string uri = string_member(doc, "uri");
  if (is_configuration(uri)) return;  // configuration and rule files are not plans
  DocumentText text{uri, version_of(doc), string_member(doc, "text"), {}};
  if (const auto id = doc.find("languageId"); id != doc.end() && id->is_string()) text.language_id = id->get<std::string>();
  {
    std::lock_guard lock(mutex_);
    open_[uri] = std::move(text);
    if (std::find(dirty_.begin(), dirty_.end(), uri) == dirty_.end()) dirty_.push_back(uri);
  }
  wake_.notify_one();
}

void Server::did_change(const json& params) {
  const json& doc = member(params, "textDocument");
  const std::string uri = string_member(doc, "uri");
  const json& changes = member(params, "contentChanges");
  if (!changes.is_array() || changes.empty()) throw InvalidParams("'contentChanges' must be a non-empty array");
  const long long version = version_of(doc);
  std::lock_guard lock(mutex_);
  const auto it = open_.find(uri);
  if (it == open_.end()) return;  // not open (or a configuration file): nothing to check
  // Incremental synchronisation (textDocumentSync.change = 2): each change replaces a range of the text as
  // the changes before it left it, or, without a range, the whole text. A keystroke then travels as a few
  // bytes, not as the whole plan: on a 1 MB plan, parsing the message's JSON was a quarter of a keystroke.
  // The changes are applied to a copy, so that an invalid one leaves the document as it was.
  std::string text = it->second.text;
  for (const json& change : changes) {
    std::string inserted = string_member(change, "text");
    if (!change.contains("range")) {
      text = std::move(inserted);
      continue;
    }
    const json& range = change["range"];
    Position start, end;
    try {
      start = position_from_json(range.is_object() ? range.value("start", json()) : json());
      end = position_from_json(range.is_object() ? range.value("end", json()) : json());
    } catch (const std::invalid_argument&) {
      throw InvalidParams("a change's 'range' must be {start, end}, each {line, character}");
    }
    const std::size_t from = offset_in(text, start), to = offset_in(text, end);
    if (to < from) throw InvalidParams("a change's range ends before it starts");
    text.replace(from, to - from, inserted);
  }
  it->second.version = version;
  it->second.text = std::move(text);
  if (std::find(dirty_.begin(), dirty_.end(), uri) == dirty_.end()) dirty_.push_back(uri);
  wake_.notify_one();
}

void Server::did_save(const json& params) {
  const std::string uri = document_uri(params);
  if (is_configuration(uri)) return reconfigure();
  {
    std::lock_guard lock(mutex_);
    if (!open_.count(uri)) return;
    if (std::find(dirty_.begin(), dirty_.end(), uri) == dirty_.end()) dirty_.push_back(uri);
  }
  wake_.notify_one();
}

void Server::did_close(const json& params) {
  const std::string uri = document_uri(params);
  std::lock_guard lock(mutex_);
  if (!open_.erase(uri)) return;
  analyses_.erase(uri);
  dirty_.erase(std::remove(dirty_.begin(), dirty_.end(), uri), dirty_.end());
  out_.send({{"jsonrpc", "2.0"},
             {"method", "textDocument/publishDiagnostics"},
             {"params", {{"uri", uri}, {"diagnostics", json::array()}}}});
}

void Server::did_change_watched_files(const json& params) {
  const json& changes = member(params, "changes");
  if (!changes.is_array()) throw InvalidParams("'changes' must be an array");
  for (const json& c : changes) {
    if (c.is_object() && c.contains("uri") && c["uri"].is_string() && is_configuration(c["uri"].get<std::string>())) {
      return reconfigure();
    }
  }
}

int serve(std::istream& in, Server& server) {
  for (;;) {
    std::optional<std::string> body;
    try {
      body = read_message(in);
    } catch (const std::exception& e) {
      server.framing_error(e.what());
      continue;
    }
    if (!body) return 1;  // the client went away without `exit`
    server.handle(*body);
    if (server.exit_requested()) return server.exit_code();
  }
}

}  // namespace planlint::lsp
