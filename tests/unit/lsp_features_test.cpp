// The language server's answers: UTF-16 positions, diagnostics equal to `planlint check`, document
// symbols, hover, code actions from Finding::fixes, and re-checks when configuration changes.
#include <filesystem>

#include <catch2/catch.hpp>

#include "check/runner.hpp"
#include "lsp/features.hpp"
#include "lsp/positions.hpp"
#include "lsp/server.hpp"
#include "lsp/uri.hpp"
#include "support/run.hpp"
#include "text/utf8.hpp"
#include "unit/lsp_support.hpp"

using namespace planlint;
using namespace planlint::test;
using planlint::lsp::Position;
namespace fs = std::filesystem;

namespace {

const std::string sample = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

SourcePosition at_offset(const Source& s, std::size_t offset) { return s.position_of(offset); }

// The UTF-16 column of a code-point column on a line, counted independently of lsp/positions.
std::size_t utf16_column(const std::string& line, std::size_t code_point_column) {
  std::size_t i = 0;
  for (std::size_t cp = 1; cp < code_point_column && i < line.size(); ++cp) utf8::decode(line, i);
  return utf8::count_utf16_units(line.substr(0, i));
}

std::vector<std::string> lines_of(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (std::size_t nl; (nl = text.find('\n', start)) != std::string::npos; start = nl + 1) {
    lines.push_back(text.substr(start, nl - start));
  }
  lines.push_back(text.substr(start));
  return lines;
}

// A server with an initialized session.
struct Client {
  CollectingSink sink;
  lsp::Server server;
  int next_id = 100;
  explicit Client(lsp::ServerOptions options = {}) : server(std::move(options), sink) {
    server.handle(request(1, "initialize", {{"capabilities", json::object()}}));
    server.handle(notification("initialized"));
  }
  json call(const std::string& method, const json& params) {
    const int id = next_id++;
    server.handle(request(id, method, params));
    auto r = sink.response(id);
    REQUIRE(r);
    return *r;
  }
};

}  // namespace

TEST_CASE("positions: UTF-16 columns on lines with ä / ö and a character outside the BMP", "[lsp][positions]") {
  const Source s = make_source("t.txt", "Työkäisille X\n𝄞ä Y\r\nz");
  // 'X' is code point 13 (12 before it) and byte 15; in UTF-16 it is unit 12.
  const std::size_t x = s.bytes.find('X');
  const auto p = lsp::to_lsp(s, at_offset(s, x));
  CHECK(p.line == 0);
  CHECK(p.character == 12);
  // 𝄞 is one code point, four bytes, two UTF-16 units: 'Y' is code point 4 (column 4) but unit 4 (0-based),
  // where a code-point count would say 3.
  const std::size_t y = s.bytes.find('Y');
  CHECK(at_offset(s, y).column == 4);
  CHECK(lsp::to_lsp(s, at_offset(s, y)).character == 4);
  CHECK(lsp::to_lsp(s, at_offset(s, s.bytes.find("ä Y"))).character == 2);
  // And back: UTF-16 positions to byte offsets; past the line end means the line end (before CR LF).
  CHECK(lsp::offset_of(s, {0, 12}) == x);
  CHECK(lsp::offset_of(s, {1, 4}) == y);
  CHECK(lsp::offset_of(s, {1, 2}) == s.bytes.find("ä Y"));
  CHECK(lsp::offset_of(s, {1, 99}) == s.bytes.find("\r\n"));
  CHECK(lsp::offset_of(s, {9, 0}) == s.bytes.size());
  CHECK(lsp::offset_of(s, {2, 0}) == s.bytes.find('z'));
  const json r = lsp::range_json(s, {at_offset(s, s.bytes.find("𝄞")), at_offset(s, y + 1)});
  CHECK(r == json{{"start", {{"line", 1}, {"character", 0}}}, {"end", {{"line", 1}, {"character", 5}}}});
}

TEST_CASE("file URIs", "[lsp][uri]") {
  CHECK(lsp::path_from_uri("file:///home/a%20b/suunnitelma-%C3%A4.txt") == "/home/a b/suunnitelma-ä.txt");
  CHECK(lsp::path_from_uri("file://localhost/tmp/x.txt") == "/tmp/x.txt");
  CHECK_FALSE(lsp::path_from_uri("untitled:Untitled-1").has_value());
  CHECK(lsp::uri_from_path("/home/a b/ä.rules") == "file:///home/a%20b/%C3%A4.rules");
  CHECK(lsp::path_from_uri(lsp::uri_from_path("/x/%y#z")) == "/x/%y#z");
}

TEST_CASE("diagnostics of the sample draft are the findings of planlint check", "[lsp][diagnostics]") {
  check::CheckRequest req;
  req.paths = {sample};
  req.search_config = false;
  const auto result = check::run_check(req);
  REQUIRE(result.documents.size() == 1);
  const auto& findings = result.documents[0].findings;
  REQUIRE(findings.size() == 10);  // the two goal-title mismatches and eight misspelt words (README)

  lsp::ServerOptions options;
  options.search_config = false;
  options.builtin_rules_dir = source_path("rules");
  Client client(options);
  const std::string uri = lsp::uri_from_path(fs::absolute(sample).string());
  const std::string text = slurp(sample);
  client.server.handle(did_open(uri, 3, text));
  const auto published = client.sink.diagnostics(uri);
  REQUIRE(published);
  CHECK(published->at("params").at("version") == 3);
  const json& diags = published->at("params").at("diagnostics");
  REQUIRE(diags.size() == findings.size());
  const auto lines = lines_of(text);
  std::size_t past_non_ascii = 0;  // findings whose UTF-16 columns differ from code points and bytes
  for (std::size_t i = 0; i < findings.size(); ++i) {
    const Finding& f = findings[i];
    const json& d = diags[i];
    CHECK(d["code"] == f.rule);
    CHECK(d["message"] == f.message);
    CHECK(d["severity"] == 2);
    CHECK(d["source"] == "planlint");
    CHECK(d["codeDescription"]["href"] == lsp::uri_from_path(source_path("rules/" + f.rule + ".rules")));
    CHECK(d["range"]["start"]["line"] == f.range.begin.line - 1);
    CHECK(d["range"]["end"]["line"] == f.range.end.line - 1);
    // Most lines hold ä and ö before the end of the range.
    const std::string& line = lines[f.range.end.line - 1];
    past_non_ascii += utf8::count_code_points(line) != line.size();
    CHECK(d["range"]["start"]["character"] == utf16_column(lines[f.range.begin.line - 1], f.range.begin.column));
    CHECK(d["range"]["end"]["character"] == utf16_column(line, f.range.end.column));
  }
  CHECK(past_non_ascii >= 2);

  SECTION("with a rule-docs URL template") {
    lsp::ServerOptions linked = options;
    linked.rule_docs_url = "https://example.org/rules/{rule}.html";
    Client c2(linked);
    c2.server.handle(did_open(uri, 1, text));
    const auto p = c2.sink.diagnostics(uri);
    REQUIRE(p);
    for (const json& d : p->at("params").at("diagnostics")) {
      CHECK(d.at("codeDescription").at("href") == "https://example.org/rules/" + d.at("code").get<std::string>() + ".html");
    }
  }
  SECTION("didClose clears them") {
    client.server.handle(notification("textDocument/didClose", {{"textDocument", {{"uri", uri}}}}));
    const auto cleared = client.sink.wait_for([&](const json& m) {
      return m.value("method", "") == "textDocument/publishDiagnostics" && m["params"]["diagnostics"].empty();
    });
    CHECK(cleared);
  }
}

TEST_CASE("an unreadable buffer or a broken configuration is one error diagnostic", "[lsp][diagnostics]") {
  LspTempDir dir;
  dir.write(".planlint.toml", "select = 3\n");
  Client client;
  const std::string uri = lsp::uri_from_path((dir.path / "plan.txt").string());
  client.server.handle(did_open(uri, 1, "TAVOITE 1. Yksi\n"));
  auto p = client.sink.diagnostics(uri, 1);
  REQUIRE(p);
  REQUIRE(p->at("params").at("diagnostics").size() == 1);
  const json& d = p->at("params").at("diagnostics")[0];
  CHECK(d["severity"] == 1);
  CHECK(d["message"].get<std::string>().find(".planlint.toml:1:") != std::string::npos);

  const std::string empty_uri = "untitled:Untitled-1";
  client.server.handle(did_open(empty_uri, 1, ""));
  p = client.sink.diagnostics(empty_uri, 1);
  REQUIRE(p);
  REQUIRE(p->at("params").at("diagnostics").size() == 1);
  CHECK(p->at("params").at("diagnostics")[0]["message"].get<std::string>().find("empty") != std::string::npos);
}

TEST_CASE("document symbols: goals with their measures", "[lsp][symbols]") {
  lsp::ServerOptions options;
  options.search_config = false;
  Client client(options);
  const std::string uri = lsp::uri_from_path(fs::absolute(sample).string());
  client.server.handle(did_open(uri, 1, slurp(sample)));
  const json r = client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  const json& goals = r.at("result");
  REQUIRE(goals.size() == 3);
  CHECK(goals[0]["name"].get<std::string>().rfind("1. Työkäisille espoolaisille", 0) == 0);
  CHECK(goals[0]["children"].size() == 12);
  CHECK(goals[1]["children"].size() == 8);
  CHECK(goals[2]["children"].size() == 6);
  CHECK(goals[0]["selectionRange"]["start"]["line"] == 42);  // "TAVOITE 1 ." on line 43
  CHECK(goals[0]["range"]["end"]["line"] == 56);             // its last row
  const json& m = goals[0]["children"][0];
  CHECK(m["name"].get<std::string>().rfind("Mielenterveys- ja päihdepalveluista", 0) == 0);
  CHECK(m["detail"] == "Ohjausten määrä eri palveluihin ja toimintoihin (Lifecare)");
  CHECK(m["range"]["start"]["line"] == 45);
}

TEST_CASE("hover on a goal heading: measure count against goal-measure-count's range", "[lsp][hover]") {
  LspTempDir dir;
  const std::string plan = dir.write("plan.txt", slurp(sample));
  const std::string uri = lsp::uri_from_path(plan);
  // The hover at each position, by a server started after `config` was written as the plan's .planlint.toml.
  auto hovers = [&](const std::string& config, const std::vector<Position>& at) {
    if (!config.empty()) dir.write(".planlint.toml", config);
    Client client;
    client.server.handle(did_open(uri, 1, slurp(plan)));
    std::vector<json> out;
    for (const auto& p : at) {
      const json r = client.call("textDocument/hover",
                                 {{"textDocument", {{"uri", uri}}}, {"position", position(p.line, p.character)}});
      out.push_back(r.at("result"));
    }
    return out;
  };
  SECTION("the rule's defaults") {
    const auto h = hovers("", {{42, 20}, {44, 0}});
    REQUIRE(h[0].is_object());
    CHECK(h[0]["contents"]["value"] == "**TAVOITE 1**: 12 measures, within the allowed 6–12 (`goal-measure-count`)");
    CHECK(h[0]["range"]["start"]["line"] == 42);
    CHECK(h[1].is_null());  // not a heading
  }
  SECTION("the range set in .planlint.toml") {
    const auto h = hovers("[rules.goal-measure-count]\nmin = 7\nmax = 10\n", {{42, 0}, {70, 3}, {58, 3}});
    CHECK(h[0]["contents"]["value"] == "**TAVOITE 1**: 12 measures, **outside** the allowed 7–10 (`goal-measure-count`)");
    CHECK(h[1]["contents"]["value"] == "**TAVOITE 3**: 6 measures, **outside** the allowed 7–10 (`goal-measure-count`)");
    CHECK(h[2]["contents"]["value"] == "**TAVOITE 2**: 8 measures, within the allowed 7–10 (`goal-measure-count`)");
  }
  SECTION("the rule disabled") {
    const auto h = hovers("disable = [\"goal-measure-count\"]\n", {{42, 0}});
    CHECK(h[0]["contents"]["value"] == "**TAVOITE 1**: 12 measures, `goal-measure-count` is not in force for this document");
  }
}

TEST_CASE("code actions: one quick fix per Fix of a finding", "[lsp][code-action]") {
  const Source s = make_source("plan.txt", "TAVOITE 1 . Työkäisille espoolaisille\n");
  const std::size_t word = s.bytes.find("Työkäisille");
  Finding f;
  f.rule = "spelling";
  f.severity = Severity::warning;
  f.message = "'Työkäisille' may be misspelt";
  f.range = {s.position_of(word), s.position_of(word + std::string("Työkäisille").size())};
  f.fixes.push_back({"Replace 'Työkäisille' with 'Työikäisille'", f.range, "Työikäisille"});
  f.fixes.push_back({"", f.range, "Työkäisten"});
  Finding unrelated = f;
  unrelated.range = {s.position_of(0), s.position_of(7)};
  unrelated.fixes = {};
  const std::vector<Finding> findings{unrelated, f};
  const json diagnostics = json::array({lsp::diagnostic_json(s, unrelated, ""), lsp::diagnostic_json(s, f, "")});
  const std::string uri = "file:///plan.txt";

  const json actions = lsp::code_actions(uri, s, findings, diagnostics, word + 3, word + 3);  // a cursor in the word
  REQUIRE(actions.size() == 2);
  CHECK(actions[0]["title"] == "Replace 'Työkäisille' with 'Työikäisille'");
  CHECK(actions[0]["kind"] == "quickfix");
  CHECK(actions[0]["isPreferred"] == true);
  CHECK(actions[1]["isPreferred"] == false);
  CHECK(actions[1]["title"] == "Replace with 'Työkäisten'");  // a fix without a title
  CHECK(actions[0]["diagnostics"] == json::array({diagnostics[1]}));
  const json& edit = actions[0]["edit"]["changes"][uri][0];
  CHECK(edit["newText"] == "Työikäisille");
  CHECK(edit["range"] == json{{"start", {{"line", 0}, {"character", 12}}}, {"end", {{"line", 0}, {"character", 23}}}});
  CHECK(lsp::code_actions(uri, s, findings, diagnostics, s.bytes.size(), s.bytes.size()).empty());
}

TEST_CASE("the server's code actions are the generic layer's over the document's findings", "[lsp][code-action]") {
  lsp::ServerOptions options;
  options.search_config = false;
  Client client(options);
  const std::string uri = lsp::uri_from_path(fs::absolute(sample).string());
  const std::string text = slurp(sample);
  client.server.handle(did_open(uri, 1, text));
  const auto published = client.sink.diagnostics(uri, 1);
  REQUIRE(published);
  const json range = {{"start", position(42, 0)}, {"end", position(70, 40)}};
  const json r = client.call("textDocument/codeAction", {{"textDocument", {{"uri", uri}}},
                                                          {"range", range},
                                                          {"context", {{"diagnostics", json::array()}}}});
  // Whatever fixes the rules attach, the server offers exactly what code_actions() makes of them.
  check::RuleSetCache cache;
  const Source s = make_source(fs::absolute(sample).string(), text);
  const auto checked = check::check_source(s, {}, cache);
  const json expected = lsp::code_actions(uri, s, checked.findings, published->at("params").at("diagnostics"),
                                          lsp::offset_of(s, {42, 0}), lsp::offset_of(s, {70, 40}));
  CHECK(r.at("result") == expected);
}

TEST_CASE("a change of configuration or rule files re-checks open documents", "[lsp][config]") {
  LspTempDir dir;
  const std::string plan = dir.write("plan.txt", slurp(sample));
  const std::string uri = lsp::uri_from_path(plan);
  const std::string config_uri = lsp::uri_from_path((dir.path / ".planlint.toml").string());
  // Spelling off throughout: the sample then gives exactly its two title mismatches.
  dir.write(".planlint.toml", "disable = [\"spelling\"]\n");
  Client client;
  client.server.handle(did_open(uri, 1, slurp(plan)));
  auto count_published = [&] {
    int n = 0;
    for (const auto& m : client.sink.all()) n += m.value("method", "") == "textDocument/publishDiagnostics";
    return n;
  };
  auto nth_publication = [&](int n) {
    return client.sink.wait_for(
        [&](const json& m) { return m.value("method", "") == "textDocument/publishDiagnostics"; }, n);
  };
  auto p = nth_publication(1);
  REQUIRE(p);
  CHECK(p->at("params").at("diagnostics").size() == 2);

  SECTION("workspace/didChangeWatchedFiles of .planlint.toml") {
    dir.write(".planlint.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
    client.server.handle(notification("workspace/didChangeWatchedFiles",
                                      {{"changes", json::array({{{"uri", config_uri}, {"type", 1}}})}}));
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("diagnostics").empty());
  }
  SECTION("didSave of a rules file named in the configuration") {
    dir.write(".planlint.toml", "rule-paths = [\"team.rules\"]\ndisable = [\"spelling\"]\n");
    dir.write("team.rules",
              "rule short-plan {\n  severity info\n  scope plan\n  summary \"test\"\n"
              "  let claim = declared.goal_count_claim\n  when exists(claim)\n"
              "  assert count(goals) > 5\n  message \"only {count(goals)} goals\"\n  at claim\n"
              "  doc \"\"\"\n    A rule of the team.\n  \"\"\"\n}\n");
    client.server.handle(notification("textDocument/didSave",
                                      {{"textDocument", {{"uri", lsp::uri_from_path((dir.path / "team.rules").string())}}}}));
    p = nth_publication(2);
    REQUIRE(p);
    bool found = false;
    for (const auto& d : p->at("params").at("diagnostics")) found = found || d["code"] == "short-plan";
    CHECK(found);
  }
  // Editors that report no file events (Neovim 0.7, whose .planlint.toml buffer need not be attached to the
  // server): the server finds the change itself, by the configuration files' stamps.
  SECTION(".planlint.toml rewritten on disk, then the plan saved") {
    dir.write(".planlint.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
    client.server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("diagnostics").empty());
  }
  SECTION(".planlint.toml rewritten on disk, then the plan edited") {
    dir.write(".planlint.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
    client.server.handle(did_change(uri, 2, slurp(plan) + "\n"));
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("version") == 2);
    CHECK(p->at("params").at("diagnostics").empty());
  }
  SECTION(".planlint.toml rewritten on disk, then a request: the answer and the diagnostics follow it") {
    dir.write(".planlint.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
    const json symbols = client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
    CHECK(symbols.at("result").size() == 3);
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("diagnostics").empty());
  }
  SECTION(".planlint.toml deleted on disk, then the plan saved: spelling is back") {
    fs::remove(dir.path / ".planlint.toml");
    client.server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("diagnostics").size() > 2);
  }
  SECTION("a rules file added to a rule directory of the configuration, then the plan saved") {
    fs::create_directories(dir.path / "team");
    dir.write(".planlint.toml", "rule-paths = [\"team\"]\ndisable = [\"spelling\"]\n");
    client.server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
    p = nth_publication(2);
    REQUIRE(p);
    CHECK(p->at("params").at("diagnostics").size() == 2);
    dir.write("team/short.rules",
              "rule short-plan {\n  severity info\n  scope plan\n  summary \"test\"\n"
              "  let claim = declared.goal_count_claim\n  when exists(claim)\n"
              "  assert count(goals) > 5\n  message \"only {count(goals)} goals\"\n  at claim\n"
              "  doc \"\"\"\n    A rule of the team.\n  \"\"\"\n}\n");
    client.server.handle(notification("textDocument/didSave", {{"textDocument", {{"uri", uri}}}}));
    p = nth_publication(3);
    REQUIRE(p);
    bool found = false;
    for (const auto& d : p->at("params").at("diagnostics")) found = found || d["code"] == "short-plan";
    CHECK(found);
  }
  SECTION("a change of another file is not a reason") {
    client.server.handle(notification("workspace/didChangeWatchedFiles",
                                      {{"changes", json::array({{{"uri", lsp::uri_from_path("/tmp/notes.md")}, {"type", 2}}})}}));
    const int id = client.next_id++;
    client.server.handle(request(id, "textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}}));
    REQUIRE(client.sink.response(id));  // the worker has gone past the notification
    CHECK(count_published() == 1);
  }
}

TEST_CASE("a .planlint.toml created nearer to an open document takes over at its next check", "[lsp][config]") {
  LspTempDir dir;
  fs::create_directories(dir.path / "plans");
  const std::string plan = dir.write("plans/plan.txt", slurp(sample));
  const std::string uri = lsp::uri_from_path(plan);
  dir.write(".planlint.toml", "disable = [\"spelling\"]\n");
  Client client;
  client.server.handle(did_open(uri, 1, slurp(plan)));
  auto p = client.sink.diagnostics(uri, 1);
  REQUIRE(p);
  CHECK(p->at("params").at("diagnostics").size() == 2);
  dir.write("plans/.planlint.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
  client.server.handle(did_change(uri, 2, slurp(plan)));
  p = client.sink.diagnostics(uri, 2);
  REQUIRE(p);
  CHECK(p->at("params").at("diagnostics").empty());
}

TEST_CASE("the --config file rewritten on disk is read again at the next check", "[lsp][config]") {
  LspTempDir dir;
  const std::string plan = dir.write("plan.txt", slurp(sample));
  const std::string uri = lsp::uri_from_path(plan);
  lsp::ServerOptions options;
  options.config_file = dir.write("team.toml", "disable = [\"spelling\"]\n");
  Client client(options);
  client.server.handle(did_open(uri, 1, slurp(plan)));
  auto p = client.sink.diagnostics(uri, 1);
  REQUIRE(p);
  CHECK(p->at("params").at("diagnostics").size() == 2);
  dir.write("team.toml", "disable = [\"spelling\", \"goal-title-mismatch\"]\n");
  client.server.handle(did_change(uri, 2, slurp(plan)));
  p = client.sink.diagnostics(uri, 2);
  REQUIRE(p);
  CHECK(p->at("params").at("diagnostics").empty());
}

TEST_CASE("file stamps: a rewrite / a replacement by rename and a deletion each differ", "[lsp][config]") {
  LspTempDir dir;
  const std::string file = dir.write("a.toml", "x = 1\n");
  const lsp::FileStamp first = lsp::stamp_of(file);
  CHECK(first.exists);
  CHECK(first.regular);
  CHECK(lsp::stamp_of(file) == first);
  // Same size, same contents' length, written into a new file renamed over the old one (as editors save).
  dir.write("b.toml", "x = 2\n");
  fs::rename(dir.path / "b.toml", file);
  CHECK_FALSE(lsp::stamp_of(file) == first);
  fs::remove(file);
  CHECK_FALSE(lsp::stamp_of(file).exists);
}

// A plan kept as Markdown: read by its name (.md), or by the client's languageId when it has no name yet.
TEST_CASE("an opened .md document is read as Markdown", "[lsp][markdown]") {
  lsp::ServerOptions options;
  options.search_config = false;
  Client client(options);
  const std::string md = source_path("samples/tyoikaiset-2022-2025-luonnos.md");
  const std::string uri = lsp::uri_from_path(fs::absolute(md).string());
  client.server.handle(did_open(uri, 1, slurp(md)));
  const json r = client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", uri}}}});
  const json& goals = r.at("result");
  REQUIRE(goals.size() == 3);
  CHECK(goals[0]["children"].size() == 12);
  CHECK(goals[0]["selectionRange"]["start"]["line"] == 40);  // "## TAVOITE 1 ." on line 41
  CHECK(goals[0]["selectionRange"]["start"]["character"] == 3);
  CHECK(goals[0]["children"][0]["range"]["start"]["line"] == 44);
  CHECK(goals[0]["children"][0]["range"]["start"]["character"] == 2);  // after "| "
  // Its diagnostics are those of planlint check on the file.
  check::CheckRequest req;
  req.paths = {md};
  req.search_config = false;
  const auto result = check::run_check(req);
  REQUIRE(result.documents.size() == 1);
  const auto published = client.sink.diagnostics(uri, 1);
  REQUIRE(published);
  const json& diags = published->at("params").at("diagnostics");
  REQUIRE(diags.size() == result.documents[0].findings.size());
  for (std::size_t i = 0; i < diags.size(); ++i) {
    CHECK(diags[i]["code"] == result.documents[0].findings[i].rule);
    CHECK(diags[i]["range"]["start"]["line"] == result.documents[0].findings[i].range.begin.line - 1);
  }

  // "# TAVOITE 1. … #" is a goal heading in Markdown, a paragraph in a draft; one heading alone does not make
  // the text Markdown, the languageId does.
  const std::string text = "# TAVOITE 1. Liikunta #\n\nTeksti.\n";
  const auto open_as = [&](const std::string& u, const std::string& language) {
    client.server.handle(notification("textDocument/didOpen",
                                      {{"textDocument", {{"uri", u}, {"languageId", language}, {"version", 1}, {"text", text}}}}));
    REQUIRE(client.sink.diagnostics(u, 1));
    return client.call("textDocument/documentSymbol", {{"textDocument", {{"uri", u}}}}).at("result");
  };
  const json as_markdown = open_as("untitled:Untitled-1", "markdown");
  REQUIRE(as_markdown.size() == 1);
  CHECK(as_markdown[0]["name"] == "1. Liikunta");
  CHECK(open_as("untitled:Untitled-2", "plaintext").empty());
}

TEST_CASE("the editor's locale chooses the messages' language", "[lsp][language]") {
  const std::string uri = "file:///tmp/planlint-locale-test.txt";
  const std::string text = "TAVOITE 1. Liikunta\n\nToimenpide\tMittari\nLisätään ryhmiä.\n";
  const auto messages_of = [&](const json& locale) {
    CollectingSink sink;
    lsp::Server server({}, sink);
    json params = {{"capabilities", json::object()}};
    if (!locale.is_null()) params["locale"] = locale;
    server.handle(request(1, "initialize", params));
    server.handle(notification("initialized"));
    server.handle(did_open(uri, 1, text));
    const auto published = sink.diagnostics(uri);
    REQUIRE(published);
    std::string all;
    for (const auto& d : (*published)["params"]["diagnostics"]) all += d["message"].get<std::string>() + "\n";
    return all;
  };
  CHECK(messages_of("fi-FI").find("toimenpiteellä 1 ei ole mittarisolua") != std::string::npos);
  CHECK(messages_of("en-US").find("measure 1 of goal 1 has no indicator") != std::string::npos);
  CHECK(messages_of(json()).find("measure 1 of goal 1 has no indicator") != std::string::npos);
}
