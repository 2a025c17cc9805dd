#include "serve/server.hpp"

#include <unistd.h>

#include <cctype>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <system_error>

#include <fmt/format.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "check/runner.hpp"
#include "diff/plan_diff.hpp"
#include "model/error.hpp"
#include "read/document.hpp"
#include "report/diff.hpp"
#include "report/findings.hpp"
#include "report/html_escape.hpp"

namespace planlint::serve {
namespace {

namespace fs = std::filesystem;


// The language the browser asks for, of those planlint speaks: the first of "fi" and "en" in its
// Accept-Language ("fi-FI,fi;q=0.9,en;q=0.8": fi); else the server's `fallback` (`lang` in its
// configuration, else its locale: decided once, at start).
std::string asked_language(const httplib::Request& req, const std::string& fallback) {
  const std::string langs = req.get_header_value("Accept-Language");
  const auto fi = langs.find("fi"), en = langs.find("en");
  if (fi != std::string::npos && (en == std::string::npos || fi < en)) return "fi";
  if (en != std::string::npos) return "en";
  return fallback;
}

std::string form_page(bool fi) {
  return fmt::format(R"(<!DOCTYPE html>
<html lang="{}"><head><meta charset="utf-8"><title>planlint</title>
<style>body{{font:16px/1.5 system-ui,sans-serif;max-width:40em;margin:3em auto;padding:0 1em}}label{{display:block;margin:1em 0 .3em;font-weight:600}}
button{{margin-top:1.5em;font-size:1em;padding:.4em 1.2em}}.hint{{color:#555;font-size:.9em}}</style></head>
<body><h1>planlint</h1><p>{}</p>
<form method="post" action="check" enctype="multipart/form-data">
<label for="document">{}</label><input id="document" name="document" type="file" required accept=".docx,.odt,.pdf,.txt,.md">
<label for="previous">{}</label><input id="previous" name="previous" type="file" accept=".docx,.odt,.pdf,.txt,.md">
<p class="hint">{}</p><button type="submit">{}</button></form></body></html>
)",
                     fi ? "fi" : "en",
                     fi ? "Tarkista hyvinvointisuunnitelman tavoitteet, toimenpiteet ja mittarit." : "Check a welfare plan's goals, measures and indicators.",
                     fi ? "Suunnitelma (.docx, .odt, .pdf, .txt, .md)" : "Plan (.docx, .odt, .pdf, .txt, .md)",
                     fi ? "Edellinen versio (valinnainen)" : "Previous version (optional)",
                     fi ? "Tiedostoja ei tallenneta: ne poistetaan tarkistuksen jälkeen." : "Files are not kept: they are removed after the check.",
                     fi ? "Tarkista" : "Check");
}

// A directory of its own for one request's uploads, removed with everything in it when the request ends.
class RequestDir {
 public:
  RequestDir() {
    std::string pattern = (fs::temp_directory_path() / "planlint-serve-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::system_error(errno, std::generic_category(), "cannot make a temporary directory");
    path_ = pattern;
  }
  ~RequestDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  RequestDir(const RequestDir&) = delete;
  RequestDir& operator=(const RequestDir&) = delete;
  const fs::path& path() const { return path_; }

 private:
  fs::path path_;
};

// The extension that tells planlint a Markdown plan (the others are told by content); the upload's own name
// is never a path: only its extension is looked at, from a fixed list.
std::string extension_of(const std::string& filename) {
  const auto dot = filename.rfind('.');
  std::string ext = dot == std::string::npos ? "" : filename.substr(dot);
  for (char& c : ext) c = static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  for (const char* known : {".docx", ".odt", ".pdf", ".txt", ".md"}) {
    if (ext == known) return ext;
  }
  return ".txt";
}

// What reports call the upload: its base name, with anything but letters, digits, '.', '-' and '_' as '_'.
std::string display_name(const std::string& filename) {
  std::string base = filename.substr(filename.find_last_of("/\\") == std::string::npos ? 0 : filename.find_last_of("/\\") + 1);
  if (base.size() > 100) base.resize(100);
  for (char& c : base) {
    const auto u = static_cast<unsigned char>(c);
    if (!(std::isalnum(u) || c == '.' || c == '-' || c == '_' || u >= 0x80)) c = '_';
  }
  return base.empty() || base == "." || base == ".." ? "document" + extension_of(filename) : base;
}

std::string save(const RequestDir& dir, const std::string& stem, const httplib::MultipartFormData& file) {
  const fs::path p = dir.path() / (stem + extension_of(file.filename));
  std::ofstream out(p, std::ios::binary);
  out.write(file.content.data(), static_cast<std::streamsize>(file.content.size()));
  if (!out.flush()) throw std::runtime_error("cannot write the upload to a temporary file");
  return p.string();
}

struct Checked {
  check::CheckResult result;
  std::optional<std::string> error;  // the document could not be read: 422
};

// `check` on the saved upload (and its previous version) with the server's configuration; findings and
// errors name the upload as the user called it, not the temporary file.
Checked run(const std::string& path, const std::string& name, const std::optional<std::string>& previous,
            const ServeOptions& options, const std::string& language) {
  check::CheckRequest req;
  req.command_line.lang = language;
  req.paths = {path};
  req.search_config = false;
  req.config_file = options.config_file;
  req.jobs = 1;
  req.against = previous;
  Checked c{check::run_check(req), std::nullopt};
  for (auto& d : c.result.documents) {
    d.file = name;
    for (Finding& f : d.findings) f.file = name;
    if (d.error) {
      std::string e = *d.error;
      for (auto at = e.find(path); at != std::string::npos; at = e.find(path, at + name.size())) e.replace(at, path.size(), name);
      d.error = e;
      c.error = e;
    }
  }
  for (auto& e : c.result.errors) {
    for (auto at = e.find(path); at != std::string::npos; at = e.find(path, at + name.size())) e.replace(at, path.size(), name);
    if (!c.error) c.error = e;
  }
  return c;
}

// The diff of the previous version and the new one, as `planlint diff --format html` shows it, in a frame
// of its own (its page has its own style).
std::string diff_frame(const std::string& previous, const std::string& path, bool fi) {
  const read::Document old_doc = read::read_document(previous);
  const read::Document new_doc = read::read_document(path);
  const std::string page = report::diff_html(diff::diff_plans(old_doc.plan, new_doc.plan));
  return fmt::format(R"(<h2>{}</h2><iframe title="diff" style="width:100%;height:80vh;border:1px solid #ccc" sandbox srcdoc="{}"></iframe>)",
                     fi ? "Muutokset edelliseen versioon" : "Changes since the previous version", report::html_escape(page));
}

void handle_check(const httplib::Request& req, httplib::Response& res, const ServeOptions& options,
                  const std::string& fallback_language, bool api) {
  const std::string language = asked_language(req, fallback_language);
  const bool fi = language == "fi";
  if (!req.is_multipart_form_data() || !req.has_file("document")) {
    res.status = 400;
    const std::string message = fi ? "lähetä suunnitelma multipart-kentässä 'document'" : "send the plan as the multipart field 'document'";
    if (api) res.set_content(fmt::format(R"({{"error":"{}"}})", message) + "\n", "application/json");
    else res.set_content("<!DOCTYPE html><p>" + message + "</p>", "text/html; charset=utf-8");
    return;
  }
  const auto document = req.get_file_value("document");
  const std::string name = display_name(document.filename);
  RequestDir dir;
  const std::string path = save(dir, "document", document);
  std::optional<std::string> previous;
  if (req.has_file("previous") && !req.get_file_value("previous").content.empty()) previous = save(dir, "previous", req.get_file_value("previous"));
  const Checked c = run(path, name, previous, options, language);
  if (c.error) {
    res.status = 422;  // not a plan planlint reads, broken, or a bad configuration
    if (api) res.set_content(nlohmann::json{{"error", *c.error}}.dump() + "\n", "application/json");
    else res.set_content(fmt::format("<!DOCTYPE html><html><body><h1>planlint</h1><p>{}</p></body></html>", report::html_escape(*c.error)),
                         "text/html; charset=utf-8");
    return;
  }
  if (api) {
    res.set_content(report::findings_json(c.result), "application/json");
    return;
  }
  std::string page = report::findings_html(c.result, language);
  if (previous) page.insert(page.rfind("</body>"), diff_frame(*previous, path, fi));
  res.set_content(page, "text/html; charset=utf-8");
}

}  // namespace

int run_server(const ServeOptions& options) {
  // The language for browsers that ask for neither Finnish nor English: the configuration is read once.
  const std::string fallback_language = check::run_message_language({}, options.config_file, false);
  httplib::Server server;
  server.set_payload_max_length(options.max_upload_bytes);
  server.set_read_timeout(options.timeout_seconds, 0);
  server.set_write_timeout(options.timeout_seconds, 0);
  // A compressed request body would be inflated beyond the upload limit: refused.
  server.set_pre_routing_handler([](const httplib::Request& req, httplib::Response& res) {
    if (req.has_header("Content-Encoding")) {
      res.status = 415;
      res.set_content("compressed uploads are not accepted\n", "text/plain");
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  server.Get("/", [&](const httplib::Request& req, httplib::Response& res) {
    res.set_content(form_page(asked_language(req, fallback_language) == "fi"), "text/html; charset=utf-8");
  });
  server.Post("/check", [&](const httplib::Request& req, httplib::Response& res) { handle_check(req, res, options, fallback_language, false); });
  server.Post("/api/check", [&](const httplib::Request& req, httplib::Response& res) { handle_check(req, res, options, fallback_language, true); });
  server.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
    std::string what = "internal error";
    try {
      std::rethrow_exception(ep);
    } catch (const std::exception& e) {
      what = e.what();
    } catch (...) {
    }
    res.status = 500;
    res.set_content("planlint: " + what + "\n", "text/plain");
  });
  // Debian's cpp-httplib 0.11 listens with a backlog of 5, built into its library: 50 uploads at once made
  // clients fail to read an answer. The listening socket is noted when it is made and listened on again
  // with the system's largest backlog (Linux takes a second listen() as a new backlog).
  socket_t listening = INVALID_SOCKET;
  server.set_socket_options([&listening](socket_t sock) {
    int yes = 1;
    ::setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
    listening = sock;
  });
  const int port = options.port == 0 ? server.bind_to_any_port(options.host) : (server.bind_to_port(options.host, options.port) ? options.port : -1);
  if (port < 0) {
    fmt::print(stderr, "planlint serve: cannot listen on {}:{}\n", options.host, options.port);
    return 2;
  }
  if (listening != INVALID_SOCKET) ::listen(listening, SOMAXCONN);
  fmt::print(stderr, "planlint serve: listening on http://{}:{}/\n", options.host, port);
  std::fflush(stderr);
  return server.listen_after_bind() ? 0 : 2;
}

}  // namespace planlint::serve
