#include "spell/answer_file.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <charconv>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <utility>

#include <fmt/format.h>

namespace planlint::spell {
namespace {

constexpr std::string_view header = "planlint voikko answers 2\n";

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

namespace {

// Where the records lie in a file for `key`, and how many the trailer says there are: the first lines and
// the last are checked, not the records.
struct Layout {
  std::string_view records;
  std::size_t count = 0;
};

std::optional<Layout> layout_of(std::string_view in, std::string_view key) {
  if (!in.starts_with(header) || in.size() < 2 || in.back() != '\n') return std::nullopt;
  std::string_view rest = in.substr(header.size());
  std::string_view line;
  std::size_t key_size = 0;
  if (!next_line(rest, line) || !parse_number(line, key_size)) return std::nullopt;
  if (rest.size() < key_size + 1 || rest.substr(0, key_size) != key || rest[key_size] != '\n') return std::nullopt;
  const std::size_t records_at = in.size() - rest.size() + key_size + 1;
  const std::size_t trailer_at = in.rfind('\n', in.size() - 2) + 1;  // 0 when there is one line only
  if (trailer_at < records_at) return std::nullopt;
  std::string_view trailer = in.substr(trailer_at, in.size() - 1 - trailer_at);
  Layout out;
  if (next_field(trailer) != "end" || !parse_number(next_field(trailer), out.count)) return std::nullopt;
  if (trailer != fmt::format("{:016x}", fnv1a64(in.substr(0, records_at)))) return std::nullopt;
  out.records = in.substr(records_at, trailer_at - records_at);
  return out;
}

// A record line (without its newline) whose checksum holds: its kind, its word and the fields after them.
struct Record {
  std::string_view kind, word, rest;
};

// Whether `hex` is `value` as format_answers writes it: 16 lower-case hex digits. Compared digit by digit
// rather than formatted: a warm check verifies a record for each of its ~1,000 words (issue 17, latency).
bool is_hex_of(std::string_view hex, std::uint64_t value) {
  constexpr std::string_view digits = "0123456789abcdef";
  if (hex.size() != 16) return false;
  for (std::size_t i = 16; i-- > 0; value >>= 4) {
    if (hex[i] != digits[value & 0xf]) return false;
  }
  return true;
}

std::optional<Record> record_of(std::string_view line) {
  if (line.size() < 17 || line[line.size() - 17] != '\t') return std::nullopt;
  const std::string_view body = line.substr(0, line.size() - 17);
  if (!is_hex_of(line.substr(line.size() - 16), fnv1a64(body))) return std::nullopt;
  Record r;
  r.rest = body;
  r.kind = next_field(r.rest);
  r.word = next_field(r.rest);
  return r;
}

// What records are sorted by: kind, a tab, word (a word has no tab).
std::string_view sort_key(std::string_view line) {
  const std::size_t first = line.find('\t');
  if (first == std::string_view::npos) return line;
  const std::size_t second = line.find('\t', first + 1);
  return line.substr(0, second);
}

// How the record line `line` sorts against the sort key "<kind>\t<word>": below 0, 0 or above 0, as
// sort_key(line).compare(key) would say, without building the key or scanning the line for its tabs.
int compare_key(std::string_view line, char kind, std::string_view word) {
  if (line.size() < 2 || line[0] != kind || line[1] != '\t') {
    const char key[2] = {kind, '\t'};
    const int c = line.substr(0, 2).compare(std::string_view(key, 2));
    return c != 0 ? c : 1;  // "<kind>\t" then no word: a damaged line; any answer but 0 keeps the search sane
  }
  const std::string_view rest = line.substr(2);
  const std::size_t n = std::min(rest.size(), word.size());
  if (const int c = rest.substr(0, n).compare(word.substr(0, n)); c != 0) return c;
  if (rest.size() == n) return n == word.size() ? 0 : -1;  // a line of a kind and a word only: damaged
  // Here n is the key word's whole length: equal when the line's word ends there, else the line's is longer.
  return rest[n] == '\t' ? 0 : 1;
}

std::optional<std::vector<std::string>> suggestions_of(std::string_view rest) {
  std::vector<std::string> list;
  while (!rest.empty()) list.emplace_back(next_field(rest));
  return list;
}

std::optional<std::vector<GrammarError>> grammar_of(std::string_view rest) {
  std::vector<GrammarError> errors;
  while (!rest.empty()) {
    auto e = parse_grammar_error(next_field(rest));
    if (!e) return std::nullopt;
    errors.push_back(std::move(*e));
  }
  return errors;
}

std::optional<bool> verdict_of(std::string_view rest) {
  if (rest == "1") return true;
  if (rest == "0") return false;
  return std::nullopt;
}

// The whole file in memory, or nullopt when it is missing, not a regular file (opened without blocking,
// so that a FIFO put where the cache would be cannot hang the run) or too big.
std::optional<std::pair<void*, std::size_t>> map_file(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) return std::nullopt;
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode) || st.st_size <= 0 ||
      static_cast<std::uint64_t>(st.st_size) > max_answer_file_bytes) {
    ::close(fd);
    return std::nullopt;
  }
  const auto size = static_cast<std::size_t>(st.st_size);
  void* map = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0);
  ::close(fd);
  if (map == MAP_FAILED) return std::nullopt;
  return std::pair{map, size};
}

}  // namespace

std::optional<VoikkoAnswers> parse_answers(std::string_view in, std::string_view key) {
  const auto layout = layout_of(in, key);
  if (!layout) return std::nullopt;
  std::string_view body = layout->records, line, previous;
  VoikkoAnswers out;
  // The trailer's count is only believed once the records are counted: no more room than lines can fill.
  out.spell.reserve(std::min(layout->count, layout->records.size() / 20));
  std::size_t seen = 0;
  while (next_line(body, line)) {
    const auto r = record_of(line);
    // In order and each key once, as the index's search needs.
    if (!r || (seen > 0 && !(sort_key(previous) < sort_key(line)))) return std::nullopt;
    previous = line;
    if (r->kind == "s") {
      const auto ok = verdict_of(r->rest);
      if (!ok) return std::nullopt;
      out.spell.insert_or_assign(std::string(r->word), *ok);
    } else if (r->kind == "g") {
      out.suggest.insert_or_assign(std::string(r->word), *suggestions_of(r->rest));
    } else if (r->kind == "p") {
      auto errors = grammar_of(r->rest);
      if (!errors) return std::nullopt;
      out.grammar.insert_or_assign(std::string(r->word), std::move(*errors));
    } else {
      return std::nullopt;
    }
    ++seen;
  }
  if (!body.empty() || seen != layout->count) return std::nullopt;
  return out;
}

std::optional<VoikkoAnswers> read_answer_file(const std::string& path, std::string_view key) {
  const auto mapped = map_file(path);
  if (!mapped) return std::nullopt;
  auto answers = parse_answers(std::string_view(static_cast<const char*>(mapped->first), mapped->second), key);
  ::munmap(mapped->first, mapped->second);
  return answers;
}

std::string format_answers(std::string_view key, const VoikkoAnswers& answers) {
  std::vector<std::string> records;
  records.reserve(answers.size());
  for (const auto& [word, ok] : answers.spell) {
    if (storable(word)) records.push_back(fmt::format("s\t{}\t{}", word, ok ? 1 : 0));
  }
  for (const auto& [word, list] : answers.suggest) {
    bool ok = storable(word);
    for (const std::string& s : list) ok = ok && storable(s) && !s.empty();
    if (!ok) continue;
    std::string r = "g\t" + word;
    for (const std::string& s : list) r += '\t' + s;
    records.push_back(std::move(r));
  }
  for (const auto& [key_of_paragraph, errors] : answers.grammar) {
    bool ok = storable(key_of_paragraph);
    for (const GrammarError& e : errors) ok = ok && storable(e);
    if (!ok) continue;
    std::string r = "p\t" + key_of_paragraph;
    for (const GrammarError& e : errors) {
      r += fmt::format("\t{}{}{}{}{}{}{}", e.code, unit, e.start, unit, e.length, unit, e.description);
      for (const std::string& s : e.suggestions) {
        r += unit;
        r += s;
      }
    }
    records.push_back(std::move(r));
  }
  std::sort(records.begin(), records.end(), [](const std::string& a, const std::string& b) { return sort_key(a) < sort_key(b); });
  std::string out(header);
  out += fmt::format("{}\n", key.size());
  out += key;
  out += '\n';
  const std::uint64_t frame = fnv1a64(out);
  for (const std::string& r : records) out += fmt::format("{}\t{:016x}\n", r, fnv1a64(r));
  out += fmt::format("end\t{}\t{:016x}\n", records.size(), frame);
  return out;
}

std::optional<AnswerIndex> AnswerIndex::over(std::string_view content, std::string_view key) {
  const auto layout = layout_of(content, key);
  if (!layout) return std::nullopt;
  AnswerIndex index;
  index.records_ = layout->records;
  index.count_ = layout->count;
  return index;
}

std::optional<AnswerIndex> AnswerIndex::open(const std::string& path, std::string_view key) {
  const auto mapped = map_file(path);
  if (!mapped) return std::nullopt;
  auto index = over(std::string_view(static_cast<const char*>(mapped->first), mapped->second), key);
  if (!index) {
    ::munmap(mapped->first, mapped->second);
    return std::nullopt;
  }
  index->map_ = mapped->first;
  index->map_size_ = mapped->second;
  return index;
}

AnswerIndex::AnswerIndex(AnswerIndex&& other) noexcept
    : map_(std::exchange(other.map_, nullptr)), map_size_(other.map_size_), records_(other.records_), count_(other.count_) {}

AnswerIndex& AnswerIndex::operator=(AnswerIndex&& other) noexcept {
  std::swap(map_, other.map_);
  std::swap(map_size_, other.map_size_);
  std::swap(records_, other.records_);
  std::swap(count_, other.count_);
  return *this;
}

AnswerIndex::~AnswerIndex() {
  if (map_) ::munmap(map_, map_size_);
}

std::optional<std::string_view> AnswerIndex::find(char kind, std::string_view word) const {
  if (!storable(word)) return std::nullopt;  // never written (format_answers), and would break compare_key
  // Binary search over whole lines: [lo, hi) is a run of lines. The line probed is the first one that
  // starts after the middle byte (lo's own when none does), so each step scans forward only.
  std::size_t lo = 0, hi = records_.size();
  while (lo < hi) {
    const std::size_t middle = lo + (hi - lo) / 2;
    std::size_t start = lo;
    if (middle > lo) {
      const std::size_t newline = records_.find('\n', middle - 1);
      if (newline != std::string_view::npos && newline + 1 < hi) start = newline + 1;
    }
    const std::size_t end = records_.find('\n', start);
    if (end == std::string_view::npos || end >= hi) return std::nullopt;  // not lines: a damaged file
    const std::string_view line = records_.substr(start, end - start);
    const int order = compare_key(line, kind, word);
    if (order == 0) {
      const auto r = record_of(line);
      if (!r) return std::nullopt;  // damaged: asked again
      return r->rest;
    }
    if (order < 0) lo = end + 1;
    else hi = start;
  }
  return std::nullopt;
}

std::optional<bool> AnswerIndex::spell(std::string_view word) const {
  const auto rest = find('s', word);
  return rest ? verdict_of(*rest) : std::nullopt;
}

std::optional<std::vector<std::string>> AnswerIndex::suggest(std::string_view word) const {
  const auto rest = find('g', word);
  return rest ? suggestions_of(*rest) : std::nullopt;
}

std::optional<std::vector<GrammarError>> AnswerIndex::grammar(std::string_view paragraph_key) const {
  const auto rest = find('p', paragraph_key);
  return rest ? grammar_of(*rest) : std::nullopt;
}

}  // namespace planlint::spell
