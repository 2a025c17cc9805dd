#include "spell/answer_file.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>

#include <fmt/format.h>

namespace planlint::spell {
namespace {

constexpr std::string_view header = "planlint voikko answers 1\n";

bool storable(std::string_view s) { return s.find_first_of(std::string_view("\t\n\0\x1f", 4)) == std::string_view::npos; }

constexpr char unit = '\x1f';  // between the parts of a grammar error

// The next part of a grammar error, removed from it.
std::string_view next_part(std::string_view& error) {
  const std::size_t at = error.find(unit);
  const std::string_view part = error.substr(0, at);
  error.remove_prefix(at == std::string_view::npos ? error.size() : at + 1);
  return part;
}

// The next line of `in` without its newline; false at the end or when the last line has none.
bool next_line(std::string_view& in, std::string_view& line) {
  const std::size_t nl = in.find('\n');
  if (nl == std::string_view::npos) return false;
  line = in.substr(0, nl);
  in.remove_prefix(nl + 1);
  return true;
}

// The next tab-separated field of `line`, removed from it.
std::string_view next_field(std::string_view& line) {
  const std::size_t tab = line.find('\t');
  const std::string_view f = line.substr(0, tab);
  line.remove_prefix(tab == std::string_view::npos ? line.size() : tab + 1);
  return f;
}

bool parse_number(std::string_view s, std::size_t& out) {
  const auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && p == s.data() + s.size() && !s.empty();
}

// A grammar error from its field: code, start, length, description, suggestions.
std::optional<GrammarError> parse_grammar_error(std::string_view field) {
  GrammarError e;
  std::size_t code = 0;
  if (!parse_number(next_part(field), code) || !parse_number(next_part(field), e.start) ||
      !parse_number(next_part(field), e.length) || code > 1000) {
    return std::nullopt;
  }
  e.code = static_cast<int>(code);
  e.description = std::string(next_part(field));
  while (!field.empty()) e.suggestions.emplace_back(next_part(field));
  return e;
}

bool storable(const GrammarError& e) {
  if (e.code < 0 || !storable(e.description)) return false;
  for (const std::string& s : e.suggestions) {
    if (s.empty() || !storable(s)) return false;
  }
  return true;
}

}  // namespace

std::string grammar_key(std::string_view paragraph, std::string_view description_language) {
  return fmt::format("{}:{}:{:016x}", description_language, paragraph.size(), fnv1a64(paragraph));
}

std::uint64_t fnv1a64(std::string_view bytes) {
  std::uint64_t h = 0xcbf29ce484222325ull;
  for (const unsigned char c : bytes) {
    h ^= c;
    h *= 0x100000001b3ull;
  }
  return h;
}

std::string default_cache_dir() {
  const auto env = [](const char* name) -> std::string {
    const char* v = std::getenv(name);
    return v ? v : "";
  };
  if (const std::string off = env("PLANLINT_NO_CACHE"); !off.empty() && off != "0") return {};
  if (std::string dir = env("PLANLINT_CACHE_DIR"); !dir.empty()) return dir;
  if (const std::string xdg = env("XDG_CACHE_HOME"); !xdg.empty()) return xdg + "/planlint";
  if (const std::string home = env("HOME"); !home.empty()) return home + "/.cache/planlint";
  return {};
}

std::string answer_file_path(const std::string& dir, std::string_view key, std::string_view engine) {
  return (std::filesystem::path(dir) / fmt::format("{}-{:016x}.answers", engine, fnv1a64(key))).string();
}

std::optional<VoikkoAnswers> parse_answers(std::string_view in, std::string_view key) {
  if (!in.starts_with(header)) return std::nullopt;
  // The trailer first: a truncated or altered file is rejected before any of it is believed.
  if (in.size() < 2 || in.back() != '\n') return std::nullopt;
  const std::size_t trailer_at = in.rfind('\n', in.size() - 2) + 1;  // 0 when there is one line only
  if (trailer_at < header.size()) return std::nullopt;
  std::string_view trailer = in.substr(trailer_at, in.size() - 1 - trailer_at);
  if (next_field(trailer) != "end") return std::nullopt;
  std::size_t records = 0;
  if (!parse_number(next_field(trailer), records)) return std::nullopt;
  if (trailer != fmt::format("{:016x}", fnv1a64(in.substr(0, trailer_at)))) return std::nullopt;

  std::string_view body = in.substr(header.size(), trailer_at - header.size());
  std::string_view line;
  std::size_t key_size = 0;
  if (!next_line(body, line) || !parse_number(line, key_size)) return std::nullopt;
  if (body.size() < key_size + 1 || body.substr(0, key_size) != key || body[key_size] != '\n') return std::nullopt;
  body.remove_prefix(key_size + 1);

  VoikkoAnswers out;
  out.spell.reserve(records);
  std::size_t seen = 0;
  while (next_line(body, line)) {
    const std::string_view kind = next_field(line);
    const std::string_view word = next_field(line);
    if (kind == "s") {
      if (line != "0" && line != "1") return std::nullopt;
      out.spell.insert_or_assign(std::string(word), line == "1");
    } else if (kind == "g") {
      std::vector<std::string> list;
      while (!line.empty()) list.emplace_back(next_field(line));
      out.suggest.insert_or_assign(std::string(word), std::move(list));
    } else if (kind == "p") {
      std::vector<GrammarError> errors;
      while (!line.empty()) {
        auto e = parse_grammar_error(next_field(line));
        if (!e) return std::nullopt;
        errors.push_back(std::move(*e));
      }
      out.grammar.insert_or_assign(std::string(word), std::move(errors));
    } else {
      return std::nullopt;
    }
    ++seen;
  }
  if (!body.empty() || seen != records) return std::nullopt;
  return out;
}

std::optional<VoikkoAnswers> read_answer_file(const std::string& path, std::string_view key) {
  // One read of the whole file: it is small (tens of kB for a plan) and parsed in one pass. Only a regular
  // file: opened without blocking, so that a FIFO put where the cache would be cannot hang the run.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return std::nullopt;
  }
  std::FILE* f = ::fdopen(fd, "rb");
  if (!f) {
    ::close(fd);
    return std::nullopt;
  }
  std::string content;
  char buf[65536];
  std::size_t n = 0;
  while ((n = std::fread(buf, 1, sizeof buf, f)) > 0 && content.size() <= max_answer_file_bytes) content.append(buf, n);
  const bool failed = std::ferror(f) != 0;
  std::fclose(f);
  if (failed || content.size() > max_answer_file_bytes) return std::nullopt;
  return parse_answers(content, key);
}

std::string format_answers(std::string_view key, const VoikkoAnswers& answers) {
  std::string out(header);
  out += fmt::format("{}\n", key.size());
  out += key;
  out += '\n';
  std::size_t records = 0;
  for (const auto& [word, ok] : answers.spell) {
    if (!storable(word)) continue;
    out += "s\t";
    out += word;
    out += ok ? "\t1\n" : "\t0\n";
    ++records;
  }
  for (const auto& [word, list] : answers.suggest) {
    bool ok = storable(word);
    for (const std::string& s : list) ok = ok && storable(s) && !s.empty();
    if (!ok) continue;
    out += "g\t";
    out += word;
    for (const std::string& s : list) {
      out += '\t';
      out += s;
    }
    out += '\n';
    ++records;
  }
  for (const auto& [key, errors] : answers.grammar) {
    bool ok = storable(key);
    for (const GrammarError& e : errors) ok = ok && storable(e);
    if (!ok) continue;
    out += "p\t";
    out += key;
    for (const GrammarError& e : errors) {
      out += fmt::format("\t{}{}{}{}{}{}{}", e.code, unit, e.start, unit, e.length, unit, e.description);
      for (const std::string& s : e.suggestions) {
        out += unit;
        out += s;
      }
    }
    out += '\n';
    ++records;
  }
  out += fmt::format("end\t{}\t{:016x}\n", records, fnv1a64(out));
  return out;
}

}  // namespace planlint::spell
