#include <fmt/format.h>

#include "report/findings.hpp"
#include "report/wording.hpp"
#include "text/utf8.hpp"

namespace planlint::report {
namespace {

constexpr std::size_t window = 100;  // code points of a long source line shown around the range

const char* colour_of(Severity s) {
  switch (s) {
    case Severity::error: return "\x1b[1;31m";
    case Severity::warning: return "\x1b[1;35m";
    case Severity::info: return "\x1b[1;36m";
  }
  return "";
}

// The document's line `line` (1-based), without its line end.
std::string_view line_text(const Source& src, std::size_t line) {
  const std::string_view t(src.bytes);
  const auto found = src.line_start(line);
  if (!found) return {};
  const std::size_t start = *found;
  auto end = t.find('\n', start);
  if (end == std::string_view::npos) end = t.size();
  if (end > start && t[end - 1] == '\r') --end;
  return t.substr(start, end - start);
}

// Code points [from, to) of a line, tabs shown as one space so that the caret stays aligned.
std::string slice(std::string_view line, std::size_t from, std::size_t to) {
  std::string out;
  std::size_t i = 0, cp = 0;
  while (i < line.size() && cp < to) {
    const std::size_t start = i;
    utf8::decode(line, i);
    if (cp >= from) {
      if (line[start] == '\t') out += ' ';
      else out.append(line.substr(start, i - start));
    }
    ++cp;
  }
  return out;
}

std::string source_excerpt(const Source& src, const SourceRange& r, bool color) {
  const std::string_view line = line_text(src, r.begin.line);
  const std::size_t length = utf8::count_code_points(line);
  // A range may lie beyond the text of its line (a rule's computed place, a column past a cut line): the
  // caret then stands at the line's end rather than the arithmetic wrapping around.
  const std::size_t begin = std::min<std::size_t>(r.begin.column > 0 ? r.begin.column - 1 : 0, length);
  std::size_t end = r.end.line == r.begin.line ? r.end.column - 1 : length;
  end = std::max(std::min(end, length), begin + 1);
  // Long lines (plans have 300-character table rows) are cut to a window that starts a little before
  // the range.
  std::size_t from = 0;
  if (length > window && begin > 20) from = begin - 20;
  const std::size_t to = std::min(length, from + window);
  std::string shown = (from > 0 ? "…" : "") + slice(line, from, to) + (to < length ? "…" : "");
  const std::size_t lead = (from > 0 ? 1 : 0) + (begin - from);
  const std::size_t width = std::min(end, to) > begin ? std::min(end, to) - begin : 1;
  const std::string gutter(fmt::format("{:>5}", r.begin.line).size(), ' ');
  std::string marker = "^" + std::string(width - 1, '~');
  if (color) marker = "\x1b[1;32m" + marker + "\x1b[0m";
  return fmt::format("{:>5} | {}\n{} | {}{}\n", r.begin.line, shown, gutter, std::string(lead, ' '), marker);
}

}  // namespace

void Totals::add(const check::DocumentResult& d) {
  for (const auto& f : d.findings) ++counts[static_cast<int>(f.severity)];
  baselined += d.baselined;
  errors += d.error ? 1 : 0;
  ++documents;
}

std::string findings_summary(const Totals& t, std::string_view language) {
  const std::size_t total = t.counts[0] + t.counts[1] + t.counts[2];
  if (language == "fi") {
    // "2 virhettä, 1 varoitus, 0 huomautusta 3 asiakirjassa": inessive singular after any number.
    std::string s = total == 0 ? std::string("ei löydöksiä")
                               : fmt::format("{}, {}, {}", counted(t.counts[2], "virhe", "virhettä"),
                                             counted(t.counts[1], "varoitus", "varoitusta"),
                                             counted(t.counts[0], "huomautus", "huomautusta"));
    s += fmt::format(" {} asiakirjassa", t.documents);
    if (t.baselined) s += fmt::format(" (perustason {} löydöstä ei näytetä)", t.baselined);
    if (t.errors) s += fmt::format("; {} syötettä ei voitu tarkistaa", t.errors);
    return s;
  }
  std::string s = total == 0 ? std::string("no findings")
                             : fmt::format("{}, {}, {}", counted(t.counts[2], "error", "errors"),
                                           counted(t.counts[1], "warning", "warnings"), counted(t.counts[0], "info", "infos"));
  s += fmt::format(" in {}", counted(t.documents, "document", "documents"));
  if (t.baselined) s += fmt::format(" ({} in the baseline not shown)", t.baselined);
  if (t.errors) s += fmt::format("; {} could not be checked", counted(t.errors, "input", "inputs"));
  return s;
}

std::string findings_summary(const check::CheckResult& result, std::string_view language) {
  Totals totals;
  for (const auto& d : result.documents) totals.add(d);
  totals.errors += result.errors.size();
  return findings_summary(totals, language);
}

std::string document_text(const check::DocumentResult& d, const TextOptions& o) {
  std::string out;
  for (const Finding& f : d.findings) {
    if (o.color) {
      out += fmt::format("\x1b[1m{}:\x1b[0m {}{}:\x1b[0m \x1b[1m{}\x1b[0m [{}]\n", finding_place(f, d.message_language),
                         colour_of(f.severity), to_string(f.severity), f.message, f.rule);
    } else {
      out += fmt::format("{}: {}: {} [{}]\n", finding_place(f, d.message_language), to_string(f.severity), f.message, f.rule);
    }
    // A document that is not text has no lines to show: a quote of the text the finding is about.
    if (o.show_source && d.source && f.where) out += fmt::format("      | {}\n", quote_of(*d.source, f.range));
    else if (o.show_source && d.source) out += source_excerpt(*d.source, f.range, o.color);
    if (!f.fixes.empty()) {
      // The best fix; the others (alternatives) are in the JSON and SARIF output and in editors.
      const std::size_t more = f.fixes.size() - 1;
      const bool fi = d.message_language == "fi";
      const std::string others = fi ? counted(more, "muu", "muuta") : counted(more, "other", "others");
      out += fmt::format("      = {}: {}{}\n", fi ? "korjaus" : "fix", f.fixes.front().title,
                         more == 0 ? std::string() : fmt::format(" ({} {})", fi ? "tai" : "or", others));
    }
  }
  return out;
}

std::string findings_text(const check::CheckResult& result, const TextOptions& o) {
  std::string out;
  for (const auto& d : result.documents) out += document_text(d, o);
  out += findings_summary(result, o.language) + "\n";
  return out;
}

}  // namespace planlint::report
