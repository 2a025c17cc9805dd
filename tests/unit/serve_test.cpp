// `planlint serve` end to end: the server started on a free port, the form page, the HTML report, the JSON
// API against `check --format json`, hostile requests (4xx while it keeps serving), 50 concurrent requests.
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <future>
#include <string>
#include <vector>

#include <catch2/catch.hpp>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "support/run.hpp"

using planlint::test::run_planlint;
using planlint::test::slurp;
using planlint::test::source_path;

namespace {

// A server process for the test's duration: started with `args`, its port read from what it prints.
class Server {
 public:
  explicit Server(const std::string& args) {
    int err[2];
    REQUIRE(::pipe(err) == 0);
    pid_ = ::fork();
    REQUIRE(pid_ >= 0);
    if (pid_ == 0) {
      ::dup2(err[1], 2);
      ::close(err[0]);
      ::setenv("PLANLINT_NO_CACHE", "1", 1);
      const std::string cmd = std::string("exec ") + PLANLINT_BINARY + " serve --port 0 " + args;
      ::execl("/bin/sh", "sh", "-c", cmd.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    ::close(err[1]);
    std::string line;
    char c;
    while (::read(err[0], &c, 1) == 1 && c != '\n') line += c;
    ::close(err[0]);
    const auto colon = line.rfind(':');
    REQUIRE(line.find("listening on http://127.0.0.1:") != std::string::npos);
    port_ = std::stoi(line.substr(colon + 1));
  }
  ~Server() {
    ::kill(pid_, SIGTERM);
    ::waitpid(pid_, nullptr, 0);
  }
  httplib::Client client() const {
    httplib::Client c("127.0.0.1", port_);
    c.set_read_timeout(60, 0);
    return c;
  }

 private:
  pid_t pid_ = -1;
  int port_ = 0;
};

httplib::MultipartFormDataItems upload(const std::string& path, const std::string& name) {
  return {{"document", slurp(path), name, "application/octet-stream"}};
}

const std::string docx = source_path("samples/tyoikaiset-2022-2025-luonnos.docx");
const std::string draft = source_path("samples/tyoikaiset-2022-2025-luonnos.txt");

}  // namespace

TEST_CASE("serve: the form page - in Finnish when the browser asks for it", "[serve]") {
  Server s("");
  auto c = s.client();
  const auto en = c.Get("/");
  REQUIRE(en);
  CHECK(en->status == 200);
  CHECK(en->body.find("enctype=\"multipart/form-data\"") != std::string::npos);
  CHECK(en->body.find("name=\"document\"") != std::string::npos);
  CHECK(en->body.find("name=\"previous\"") != std::string::npos);
  CHECK(en->body.find("<script") == std::string::npos);
  const auto fi = c.Get("/", {{"Accept-Language", "fi-FI,fi;q=0.9,en;q=0.8"}});
  REQUIRE(fi);
  CHECK(fi->body.find("Tarkista") != std::string::npos);
  CHECK(fi->body.find("lang=\"fi\"") != std::string::npos);
}

TEST_CASE("serve: the JSON API gives what check --format json gives for the file", "[serve]") {
  Server s("");
  auto c = s.client();
  const auto r = c.Post("/api/check", upload(docx, "tyoikaiset-2022-2025-luonnos.docx"));
  REQUIRE(r);
  CHECK(r->status == 200);
  // The file as the user gave it: its name, in its directory.
  const auto cli = run_planlint("check --no-config --format json tyoikaiset-2022-2025-luonnos.docx", "", "cd " + source_path("samples") + " && ");
  CHECK(r->body == cli.out);
  CHECK(nlohmann::json::parse(r->body).size() > 2);
}

TEST_CASE("serve: findings in the language the browser asks for - the API as check --lang gives them", "[serve][language]") {
  Server s("");
  auto c = s.client();
  const httplib::Headers finnish{{"Accept-Language", "fi-FI,fi;q=0.9,en;q=0.8"}};
  const auto api = c.Post("/api/check", finnish, upload(docx, "tyoikaiset-2022-2025-luonnos.docx"));
  REQUIRE(api);
  const auto cli = run_planlint("check --no-config --lang fi --format json tyoikaiset-2022-2025-luonnos.docx", "",
                                "cd " + source_path("samples") + " && ");
  CHECK(api->body == cli.out);
  CHECK(api->body.find("tavoitteen 1 otsikko poikkeaa") != std::string::npos);
  const auto page = c.Post("/check", finnish, upload(docx, "luonnos.docx"));
  REQUIRE(page);
  CHECK(page->body.find("<h1>planlint-raportti</h1>") != std::string::npos);
  CHECK(page->body.find("(kappale 23)") != std::string::npos);
  CHECK(page->body.find("<div class=\"place\">luonnos.docx: kappale 26</div>") != std::string::npos);
  // English first: English.
  const auto en = c.Post("/check", httplib::Headers{{"Accept-Language", "en-GB,fi;q=0.5"}}, upload(docx, "luonnos.docx"));
  REQUIRE(en);
  CHECK(en->body.find("the title of goal 1 differs") != std::string::npos);
}

TEST_CASE("serve: the HTML report of an upload and of two versions", "[serve]") {
  Server s("");
  auto c = s.client();
  const auto r = c.Post("/check", upload(docx, "luonnos.docx"));
  REQUIRE(r);
  CHECK(r->status == 200);
  CHECK(r->body.find("<h2>luonnos.docx</h2>") != std::string::npos);
  CHECK(r->body.find("the title of goal 1 differs from the overview list (paragraph 23)") != std::string::npos);
  CHECK(r->body.find("<div class=\"place\">luonnos.docx: paragraph 26</div>") != std::string::npos);
  CHECK(r->body.find("<svg") != std::string::npos);
  auto items = upload(draft, "uusi.txt");
  items.push_back({"previous", slurp(source_path("tests/fixtures/diff/base.txt")), "vanha.txt", "text/plain"});
  const auto both = c.Post("/check", items);
  REQUIRE(both);
  CHECK(both->status == 200);
  CHECK(both->body.find("<iframe title=\"diff\"") != std::string::npos);
}

TEST_CASE("serve: hostile requests get 4xx and the server keeps serving", "[serve]") {
  Server s("--max-upload-mb 1");
  auto c = s.client();
  const auto big = c.Post("/api/check", httplib::MultipartFormDataItems{{"document", std::string(2 << 20, 'a'), "big.txt", "text/plain"}});
  REQUIRE(big);
  CHECK(big->status == 413);
  const auto none = c.Post("/api/check", "x=1", "application/x-www-form-urlencoded");
  REQUIRE(none);
  CHECK(none->status == 400);
  const auto garbage = c.Post("/api/check", httplib::MultipartFormDataItems{{"document", std::string("\x7f" "ELF\x02\x01\x01\0\0\0", 10) + std::string(500, '\0'), "../../etc/passwd", "application/octet-stream"}});
  REQUIRE(garbage);
  CHECK(garbage->status == 422);
  CHECK(garbage->body.find("/etc/passwd") == std::string::npos);
  const auto bomb = c.Post("/api/check", slurp(source_path("tests/fixtures/documents/unit/hostile-bomb.docx")), "application/octet-stream");
  REQUIRE(bomb);
  CHECK(bomb->status == 400);  // not a form
  const auto zipped = c.Post("/api/check", upload(source_path("tests/fixtures/documents/unit/hostile-bomb.docx"), "bomb.docx"));
  REQUIRE(zipped);
  CHECK(zipped->status == 422);
  httplib::Headers gzip = {{"Content-Encoding", "gzip"}};
  const auto compressed = c.Post("/api/check", gzip, "\x1f\x8b", "application/octet-stream");
  REQUIRE(compressed);
  CHECK(compressed->status == 415);
  const auto after = c.Get("/");
  REQUIRE(after);
  CHECK(after->status == 200);
}

TEST_CASE("serve: 50 concurrent uploads are answered alike", "[serve]") {
  Server s("");
  const std::string expected = [&] {
    auto c = s.client();
    return c.Post("/api/check", upload(draft, "plan.txt"))->body;
  }();
  std::vector<std::future<std::pair<int, std::string>>> answers;
  for (int i = 0; i < 50; ++i) {
    answers.push_back(std::async(std::launch::async, [&] {
      auto c = s.client();
      const auto r = c.Post("/api/check", upload(draft, "plan.txt"));
      return r ? std::pair{r->status, r->body} : std::pair{-1, httplib::to_string(r.error())};
    }));
  }
  int same = 0;
  std::string others;  // what the others got, for the report
  for (auto& a : answers) {
    const auto [status, body] = a.get();
    if (status == 200 && body == expected) ++same;
    else others += std::to_string(status) + " " + body.substr(0, 200) + "\n";
  }
  CAPTURE(others);
  CHECK(same == 50);
  CHECK(nlohmann::json::parse(expected).size() > 0);
}
