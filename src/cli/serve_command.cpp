// `planlint serve [--host 127.0.0.1] [--port 8080]`: the web page for plan authors (src/serve/server.hpp).
#include "cli/commands.hpp"
#include "serve/server.hpp"
#include "spell/answer_file.hpp"
#include "spell/speller.hpp"

namespace planlint::cli {

void add_serve_command(CLI::App& app, int& exit_code) {
  auto o = std::make_shared<serve::ServeOptions>();
  auto config = std::make_shared<std::string>();
  auto max_mb = std::make_shared<double>(20);
  CLI::App* cmd = app.add_subcommand("serve", "Serve a web page that checks uploaded plans (HTML report, JSON API)");
  cmd->add_option("--host", o->host, "Address to listen on (only this machine by default; put a reverse proxy with authentication in front of anything else)")
      ->capture_default_str();
  cmd->add_option("--port", o->port, "Port (0: any free port, printed when listening)")->capture_default_str()->check(CLI::Range(0, 65535));
  cmd->add_option("--config", *config, "A .planlint.toml applied to every upload (none by default)")->check(CLI::ExistingFile);
  cmd->add_option("--max-upload-mb", *max_mb, "Largest request accepted, in MB (413 beyond)")->capture_default_str()->check(CLI::Range(0.001, 1024.0));
  cmd->add_option("--timeout", o->timeout_seconds, "Seconds a request may take to be sent or answered")->capture_default_str()->check(CLI::Range(1, 3600));
  cmd->callback([o, config, max_mb, &exit_code] {
    if (!config->empty()) o->config_file = *config;
    o->max_upload_bytes = static_cast<std::size_t>(*max_mb * 1024 * 1024);
    // Voikko's answers shared by the requests (and kept between runs), as `check` does.
    spell::set_shared_cache_dir(spell::default_cache_dir());
    exit_code = serve::run_server(*o);
  });
}

}  // namespace planlint::cli
