// The language server's protocol layer: framing, JSON-RPC errors, the life cycle, and checks kept off the
// reading thread (coalesced, stale results dropped).
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include <catch2/catch.hpp>

#include "lsp/server.hpp"
#include "lsp/transport.hpp"
#include "support/run.hpp"
#include "unit/lsp_support.hpp"

using namespace planlint;
using namespace planlint::test;
using planlint::lsp::read_message;

namespace {

std::string framed(const std::string& body) { return "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body; }

// Runs a scripted session through serve(); returns the exit code and what the server wrote, parsed.
struct Session {
  int exit_code = -1;
  std::vector<json> out;
};

Session run_session(const std::string& input) {
  std::istringstream in(input);
  std::ostringstream raw;
  Session s;
  {
    lsp::StreamSink sink(raw);
    lsp::Server server({}, sink);
    s.exit_code = lsp::serve(in, server);
  }
  std::istringstream written(raw.str());
  while (auto body = read_message(written)) s.out.push_back(json::parse(*body));
  return s;
}

const json* find_response(const Session& s, const json& id) {
  for (const auto& m : s.out) {
    if (m.contains("id") && m["id"] == id && !m.contains("method")) return &m;
  }
  return nullptr;
}

int error_code_of(const json& m) { return m.at("error").at("code").get<int>(); }

const std::string init = request(1, "initialize", {{"capabilities", json::object()}});

}  // namespace

TEST_CASE("transport: Content-Length framing", "[lsp][transport]") {
  SECTION("messages back to back / other headers and blank lines between them") {
    std::istringstream in(framed("{\"a\":1}") + "\r\n" + "Content-Type: application/vscode-jsonrpc; charset=utf-8\r\n" +
                          framed("{\"b\":2}"));
    CHECK(read_message(in) == "{\"a\":1}");
    CHECK(read_message(in) == "{\"b\":2}");
    CHECK_FALSE(read_message(in).has_value());
  }
  SECTION("a body with multi-byte text is counted in bytes") {
    const std::string body = "{\"t\":\"äö𝄞\"}";
    std::istringstream in(framed(body) + framed("{}"));
    CHECK(read_message(in) == body);
    CHECK(read_message(in) == "{}");
  }
  SECTION("an invalid length is an error after its header - the next message is read") {
    std::istringstream in("Content-Length: ten\r\n\r\n" + framed("{\"ok\":1}"));
    CHECK_THROWS_WITH(read_message(in), Catch::Contains("invalid Content-Length header"));
    CHECK(read_message(in) == "{\"ok\":1}");
  }
  SECTION("a header line of megabytes without a line end - its Content-Length at the end still read") {
    // Only the line's last 64 KiB are kept (issue 20: a 2 GiB line was buffered whole).
    std::istringstream in(std::string(8u << 20, 'x') + framed("{\"ok\":1}"));
    CHECK(read_message(in) == "{\"ok\":1}");
    std::istringstream endless(std::string(8u << 20, 'x'));
    CHECK_THROWS_WITH(read_message(endless), Catch::Contains("without a Content-Length"));
    CHECK_FALSE(read_message(endless).has_value());
  }
  SECTION("a header without Content-Length is an error") {
    std::istringstream in("Content-Type: text/plain\r\n\r\n" + framed("{}"));
    CHECK_THROWS_WITH(read_message(in), Catch::Contains("without a Content-Length"));
    CHECK(read_message(in) == "{}");
  }
  SECTION("too short a length: the reader resynchronises on the next header") {
    std::istringstream in("Content-Length: 3\r\n\r\n{\"long\":true}" + framed("{\"next\":1}"));
    CHECK(read_message(in) == "{\"l");
    CHECK(read_message(in) == "{\"next\":1}");
  }
  SECTION("a body cut short by the end of input is the end") {
    std::istringstream in("Content-Length: 100\r\n\r\n{\"a\":");
    CHECK_FALSE(read_message(in).has_value());
  }
  SECTION("an absurd length is refused - not allocated") {
    std::istringstream in("Content-Length: 99999999999999\r\n\r\n{}");
    CHECK_THROWS(read_message(in));
  }
  SECTION("write_message frames") {
    std::ostringstream out;
    lsp::write_message(out, "{\"ä\":1}");
    CHECK(out.str() == "Content-Length: 8\r\n\r\n{\"ä\":1}");
  }
}

TEST_CASE("JSON-RPC errors: malformed / invalid and unknown messages never stop the server", "[lsp][protocol]") {
  const Session s = run_session(
      framed(init) +
      framed("{not json") +                                                        // -32700, id null
      "Content-Length: x\r\n\r\n" +                                                // broken framing: -32700
      framed("[1,2]") +                                                            // not an object: -32600
      framed(R"({"jsonrpc":"2.0","id":{"x":1},"method":"shutdown"})") +             // bad id: -32600
      framed(R"({"jsonrpc":"2.0","id":7})") +                                       // no method: -32600
      framed(R"({"jsonrpc":"2.0","id":8,"method":42})") +                           // method not a string
      framed(R"({"jsonrpc":"2.0","id":9,"method":"textDocument/hover","params":3})") +  // params not structured
      framed(request(10, "no/such/method")) +                                       // -32601
      framed(notification("no/such/notification")) +                               // ignored, no answer
      framed(R"({"jsonrpc":"2.0","id":"client-1","result":null})") +                // a response: ignored
      framed(request(11, "textDocument/hover", {{"textDocument", json::object()}})) +  // -32602
      framed(notification("textDocument/didOpen", {{"textDocument", 5}})) +         // bad notification: ignored
      framed(request(12, "shutdown")) + framed(notification("exit")));
  CHECK(s.exit_code == 0);
  int parse_errors = 0, invalid_without_id = 0;
  for (const auto& m : s.out) {
    REQUIRE(m["jsonrpc"] == "2.0");
    if (m.contains("error") && m["id"].is_null()) {
      if (error_code_of(m) == lsp::error_code::parse_error) ++parse_errors;
      if (error_code_of(m) == lsp::error_code::invalid_request) ++invalid_without_id;
    }
  }
  CHECK(parse_errors == 2);
  CHECK(invalid_without_id == 2);  // the array and the object id
  REQUIRE(find_response(s, 1));
  CHECK(find_response(s, 1)->contains("result"));
  REQUIRE(find_response(s, 7));
  CHECK(error_code_of(*find_response(s, 7)) == lsp::error_code::invalid_request);
  REQUIRE(find_response(s, 8));
  CHECK(error_code_of(*find_response(s, 8)) == lsp::error_code::invalid_request);
  REQUIRE(find_response(s, 9));
  CHECK(error_code_of(*find_response(s, 9)) == lsp::error_code::invalid_request);
  REQUIRE(find_response(s, 10));
  CHECK(error_code_of(*find_response(s, 10)) == lsp::error_code::method_not_found);
  REQUIRE(find_response(s, 11));
  CHECK(error_code_of(*find_response(s, 11)) == lsp::error_code::invalid_params);
  REQUIRE(find_response(s, 12));
  CHECK(find_response(s, 12)->at("result").is_null());
  // Exactly: initialize, 2 parse errors, 5 invalid requests, unknown method, invalid params, shutdown.
  CHECK(s.out.size() == 11);
}

TEST_CASE("life cycle: initialize first / shutdown before exit", "[lsp][protocol]") {
  SECTION("requests before initialize get -32002 - notifications are dropped") {
    const Session s = run_session(framed(request(1, "textDocument/documentSymbol",
                                                 {{"textDocument", {{"uri", "file:///x.txt"}}}})) +
                                  framed(did_open("file:///x.txt", 1, "TAVOITE 1. x\n")) + framed(init) +
                                  framed(request(2, "shutdown")) + framed(notification("exit")));
    REQUIRE(find_response(s, 1));
    CHECK(error_code_of(*find_response(s, 1)) == lsp::error_code::server_not_initialized);
    for (const auto& m : s.out) CHECK(m.value("method", "") != "textDocument/publishDiagnostics");
    CHECK(s.exit_code == 0);
  }
  SECTION("the capabilities") {
    const Session s = run_session(framed(init) + framed(request(2, "shutdown")) + framed(notification("exit")));
    REQUIRE(find_response(s, 1));
    const json& caps = find_response(s, 1)->at("result").at("capabilities");
    CHECK(caps["textDocumentSync"]["change"] == 2);  // incremental
    CHECK(caps["textDocumentSync"]["openClose"] == true);
    CHECK(caps["hoverProvider"] == true);
    CHECK(caps["documentSymbolProvider"] == true);
    CHECK(caps["codeActionProvider"]["codeActionKinds"] == json::array({"quickfix"}));
    CHECK(caps["positionEncoding"] == "utf-16");
  }
  SECTION("initialize twice is an invalid request") {
    const Session s = run_session(framed(init) + framed(request(2, "initialize", json::object())) +
                                  framed(request(3, "shutdown")) + framed(notification("exit")));
    REQUIRE(find_response(s, 2));
    CHECK(error_code_of(*find_response(s, 2)) == lsp::error_code::invalid_request);
  }
  SECTION("exit without shutdown: exit code 1 - requests after shutdown are refused") {
    CHECK(run_session(framed(init) + framed(notification("exit"))).exit_code == 1);
    const Session s = run_session(framed(init) + framed(request(2, "shutdown")) + framed(request(3, "shutdown")) +
                                  framed(notification("exit")));
    CHECK(s.exit_code == 0);
    REQUIRE(find_response(s, 3));
    CHECK(error_code_of(*find_response(s, 3)) == lsp::error_code::invalid_request);
  }
  SECTION("the end of input without exit: exit code 1") {
    CHECK(run_session(framed(init)).exit_code == 1);
  }
  SECTION("a client that watches files is asked to watch configuration and rule files") {
    const std::string watching = request(
        1, "initialize", {{"capabilities", {{"workspace", {{"didChangeWatchedFiles", {{"dynamicRegistration", true}}}}}}}});
    const Session s = run_session(framed(watching) + framed(notification("initialized")) + framed(request(2, "shutdown")) +
                                  framed(notification("exit")));
    bool registered = false;
    for (const auto& m : s.out) {
      if (m.value("method", "") != "client/registerCapability") continue;
      const json& reg = m["params"]["registrations"][0];
      CHECK(reg["method"] == "workspace/didChangeWatchedFiles");
      CHECK(reg["registerOptions"]["watchers"].dump().find("**/.planlint.toml") != std::string::npos);
      registered = true;
    }
    CHECK(registered);
  }
}

TEST_CASE("checks run off the reading thread: changes coalesce / stale results are dropped", "[lsp][protocol]") {
  CollectingSink sink;
  std::mutex gate_mutex;
  std::condition_variable gate_cv;
  bool gate_open = false;
  int analyses = 0;
  std::vector<long long> analysed_versions;
  {
    lsp::Server server({}, sink, [&](const lsp::DocumentText& doc) {
      std::unique_lock lock(gate_mutex);
      ++analyses;
      analysed_versions.push_back(doc.version);
      gate_cv.notify_all();
      gate_cv.wait(lock, [&] { return gate_open; });  // the first check is held until the test opens the gate
    });
    server.handle(init);
    const std::string uri = "file:///nonexistent-dir/plan.txt";
    server.handle(did_open(uri, 1, "TAVOITE 1. Yksi\n"));
    {
      std::unique_lock lock(gate_mutex);
      REQUIRE(gate_cv.wait_for(lock, std::chrono::seconds(20), [&] { return analyses == 1; }));
    }
    // The worker is busy with version 1; the reading thread still answers at once.
    for (long long v = 2; v <= 5; ++v) server.handle(did_change(uri, v, "TAVOITE " + std::to_string(v) + ". Yksi\n"));
    server.handle(request(99, "no/such/method"));
    REQUIRE(sink.response(99));
    {
      std::lock_guard lock(gate_mutex);
      gate_open = true;
    }
    gate_cv.notify_all();
    const auto published = sink.diagnostics(uri, 5);
    REQUIRE(published);
    // Versions 2–4 were never checked, and version 1's result (stale once 5 arrived) was not published.
    for (const auto& m : sink.all()) {
      if (m.value("method", "") == "textDocument/publishDiagnostics") CHECK(m["params"]["version"] == 5);
    }
    std::lock_guard lock(gate_mutex);
    CHECK(analysed_versions == std::vector<long long>{1, 5});
  }
}

namespace {

std::string ranged_change(const std::string& uri, long long version, const json& changes) {
  return notification("textDocument/didChange", {{"textDocument", {{"uri", uri}, {"version", version}}}, {"contentChanges", changes}});
}

json change(std::size_t l1, std::size_t c1, std::size_t l2, std::size_t c2, const std::string& text) {
  return {{"range", {{"start", position(l1, c1)}, {"end", position(l2, c2)}}}, {"text", text}};
}

}  // namespace

TEST_CASE("incremental changes edit the text as the client sees it", "[lsp][protocol]") {
  // Positions count UTF-16 code units (𝄞 is two), a character past a line's end is its end (before a
  // '\r'), a line past the last is the text's end; a change without a range is the whole text.
  CollectingSink sink;
  std::mutex mutex;
  std::map<long long, std::string> analysed;
  lsp::Server server({}, sink, [&](const lsp::DocumentText& doc) {
    std::lock_guard lock(mutex);
    analysed[doc.version] = doc.text;
  });
  server.handle(init);
  const std::string uri = "file:///nonexistent-dir/plan.txt";
  server.handle(did_open(uri, 1, "TAVOITE 1. Yksi\nä𝄞x\tb\r\nloppu"));
  REQUIRE(sink.diagnostics(uri, 1));
  const auto step = [&](long long version, const json& changes) {
    server.handle(ranged_change(uri, version, changes));
    REQUIRE(sink.diagnostics(uri, version));
    std::lock_guard lock(mutex);
    return analysed.at(version);
  };
  CHECK(step(2, json::array({change(0, 11, 0, 11, "Kaksi ")})) == "TAVOITE 1. Kaksi Yksi\nä𝄞x\tb\r\nloppu");
  CHECK(step(3, json::array({change(1, 1, 1, 3, "ö")})) == "TAVOITE 1. Kaksi Yksi\näöx\tb\r\nloppu");
  CHECK(step(4, json::array({change(1, 99, 1, 99, "?"), change(2, 0, 2, 5, "end")})) == "TAVOITE 1. Kaksi Yksi\näöx\tb?\r\nend");
  CHECK(step(5, json::array({change(0, 21, 2, 0, "")})) == "TAVOITE 1. Kaksi Yksiend");
  CHECK(step(6, json::array({change(9, 0, 9, 0, "\nX")})) == "TAVOITE 1. Kaksi Yksiend\nX");
  CHECK(step(7, json::array({{{"text", "TAVOITE 2. Uusi\n"}}})) == "TAVOITE 2. Uusi\n");
  // Invalid changes leave the text as it was, those before them in the same message included.
  server.handle(ranged_change(uri, 8, json::array({change(0, 0, 0, 0, "X"), change(0, 5, 0, 1, "")})));
  server.handle(ranged_change(uri, 9, json::array({{{"range", {{"start", 1}}}, {"text", "Y"}}})));
  CHECK(step(10, json::array({change(0, 0, 0, 0, "A")})) == "ATAVOITE 2. Uusi\n");
  std::lock_guard lock(mutex);
  CHECK_FALSE(analysed.count(8));
  CHECK_FALSE(analysed.count(9));
}

TEST_CASE("planlint lsp over standard input and output", "[lsp][cli]") {
  const std::string sample_uri = "file://" + planlint::test::source_path("samples/tyoikaiset-2022-2025-luonnos.txt");
  const auto r = planlint::test::run_planlint(
      "lsp", framed(init) + framed("{broken") +
                 framed(did_open(sample_uri, 1, planlint::test::slurp(planlint::test::source_path(
                                                     "samples/tyoikaiset-2022-2025-luonnos.txt")))) +
                 framed(request(2, "shutdown")) + framed(notification("exit")));
  CHECK(r.exit_code == 0);
  std::istringstream out(r.out);
  std::vector<json> messages;
  while (auto body = read_message(out)) messages.push_back(json::parse(*body));
  REQUIRE(messages.size() >= 3);
  CHECK(messages[0]["id"] == 1);
  CHECK(messages[1]["error"]["code"] == lsp::error_code::parse_error);
  bool shutdown_answered = false;
  for (const auto& m : messages) shutdown_answered = shutdown_answered || (m.value("id", json()) == 2);
  CHECK(shutdown_answered);
  // The document may or may not have been checked before exit; if it was, it had the findings of check.
  const auto checked = planlint::test::run_planlint(
      "check --format json " + planlint::test::source_path("samples/tyoikaiset-2022-2025-luonnos.txt"));
  const std::size_t expected = json::parse(checked.out).size();
  CHECK(expected >= 2);
  for (const auto& m : messages) {
    if (m.value("method", "") == "textDocument/publishDiagnostics") CHECK(m["params"]["diagnostics"].size() == expected);
  }
}

