#pragma once
// `planlint serve`: a small web server for plan authors who work in Word, not in a terminal. GET / is a
// page with an upload form; POST /check answers with the HTML report of `check --format html` (and, with a
// previous version, the diff's HTML); POST /api/check with the findings exactly as `check --format json`
// gives them. HTTP is cpp-httplib's (Debian's libcpp-httplib-dev).
#include <cstddef>
#include <optional>
#include <string>

namespace planlint::serve {

struct ServeOptions {
  std::string host = "127.0.0.1";               // only this machine unless told otherwise
  int port = 8080;                              // 0: any free port (the one taken is printed)
  std::size_t max_upload_bytes = 20u << 20;     // a larger request gets 413
  std::optional<std::string> config_file;       // applied to every upload; none: no configuration
  int timeout_seconds = 30;                     // reading and writing a request
};

// Serves until the process is stopped. Prints "planlint serve: listening on http://HOST:PORT/" to standard
// error once it listens; returns 2 (with a message) when it cannot.
int run_server(const ServeOptions& options);

}  // namespace planlint::serve
