// The server's worker thread: checks the newest version of changed documents, publishes diagnostics, and
// answers the requests that need a checked document.
#include <algorithm>

#include "lsp/params.hpp"
#include "lsp/server.hpp"

namespace planlint::lsp {

using json = nlohmann::json;

void Server::publish(const std::string& uri, long long version, const json& diagnostics) {
  out_.send({{"jsonrpc", "2.0"},
             {"method", "textDocument/publishDiagnostics"},
             {"params", {{"uri", uri}, {"version", version}, {"diagnostics", diagnostics}}}});
}

std::shared_ptr<const Analysis> Server::refresh(const std::string& uri) {
  DocumentText doc;
  {
    std::lock_guard lock(mutex_);
    const auto it = open_.find(uri);
    if (it == open_.end()) return nullptr;
    doc = it->second;
    dirty_.erase(std::remove(dirty_.begin(), dirty_.end(), uri), dirty_.end());
  }
  if (before_analysis_) before_analysis_(doc);
  std::shared_ptr<const Analysis> analysis = context_.analyse(doc);
  std::lock_guard lock(mutex_);
  const auto it = open_.find(uri);
  // A newer version arrived (or the document was closed) while this one was checked: its result is stale;
  // the newer version is already queued.
  if (it == open_.end() || it->second.version != doc.version) return nullptr;
  analyses_[uri] = analysis;
  publish(uri, doc.version, analysis->diagnostics);
  return analysis;
}

void Server::answer(const Request& r) {
  const std::string uri = document_uri(r.params);
  std::shared_ptr<const Analysis> analysis;
  {
    std::lock_guard lock(mutex_);
    const auto doc = open_.find(uri);
    const auto it = analyses_.find(uri);
    if (doc != open_.end() && it != analyses_.end() && it->second->version == doc->second.version) analysis = it->second;
  }
  if (!analysis) analysis = refresh(uri);
  const bool usable = analysis && analysis->source && analysis->plan;
  if (r.method == "textDocument/hover") {
    if (!usable) return respond(r.id, nullptr);
    const auto h = hover(*analysis->source, *analysis->plan, analysis->allowance, position_from_json(member(r.params, "position")));
    return respond(r.id, h ? *h : json(nullptr));
  }
  if (r.method == "textDocument/documentSymbol") {
    return respond(r.id, usable ? document_symbols(*analysis->source, *analysis->plan) : json::array());
  }
  // textDocument/codeAction
  if (!usable) return respond(r.id, json::array());
  const json& range = member(r.params, "range");
  const std::size_t begin = offset_of(*analysis->source, position_from_json(member(range, "start")));
  const std::size_t end = offset_of(*analysis->source, position_from_json(member(range, "end")));
  respond(r.id, code_actions(uri, *analysis->source, analysis->findings, analysis->diagnostics, begin, end));
}

void Server::work() {
  for (;;) {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [&] { return stop_ || reset_pending_ || !dirty_.empty() || !requests_.empty(); });
    if (stop_) return;
    // Before each check or answer, whether or not the editor reported it: did a configuration or rule file
    // change on disk? (Only the worker uses context_; the stat calls need no lock.)
    lock.unlock();
    const bool inputs_changed = context_.inputs_changed();
    lock.lock();
    if (stop_) return;
    if (reset_pending_ || inputs_changed) {
      // Configuration or rule files changed: forget them and check every open document again.
      reset_pending_ = false;
      for (const auto& [uri, doc] : open_) {
        if (std::find(dirty_.begin(), dirty_.end(), uri) == dirty_.end()) dirty_.push_back(uri);
      }
      analyses_.clear();
      lock.unlock();
      context_.reset();
      continue;
    }
    if (!dirty_.empty()) {
      const std::string uri = dirty_.front();
      lock.unlock();
      refresh(uri);
      continue;
    }
    const Request r = std::move(requests_.front());
    requests_.pop_front();
    lock.unlock();
    try {
      answer(r);
    } catch (const InvalidParams& e) {
      respond_error(r.id, error_code::invalid_params, r.method + ": " + e.what());
    } catch (const std::invalid_argument& e) {  // a malformed position
      respond_error(r.id, error_code::invalid_params, r.method + ": " + e.what());
    } catch (const std::exception& e) {
      respond_error(r.id, error_code::internal_error, r.method + ": " + e.what());
    }
  }
}

}  // namespace planlint::lsp
