#include <fmt/format.h>

#include "report/findings.hpp"
#include "text/utf8.hpp"

namespace planlint::report {

std::string finding_place(const Finding& f, std::string_view language) {
  if (f.where) return fmt::format("{}: {}", f.file, describe(*f.where, language));
  return fmt::format("{}:{}:{}", f.file, f.range.begin.line, f.range.begin.column);
}

std::string quote_of(const Source& src, const SourceRange& r, std::size_t max) {
  const std::string_view all(src.bytes);
  const std::size_t begin = std::min<std::size_t>(r.begin.offset, all.size());
  std::size_t end = std::min<std::size_t>(std::max(r.end.offset, r.begin.offset), all.size());
  const std::size_t line_end = std::min(all.find('\n', begin), all.size());
  if (end == begin || end > line_end) end = line_end;
  std::string out;
  std::size_t i = begin, count = 0;
  while (i < end && count < max) {
    const std::size_t start = i;
    utf8::decode(all, i);
    const char c = all[start];
    out += c == '\t' || c == '\r' ? std::string_view(" ") : all.substr(start, i - start);
    ++count;
  }
  if (i < end) out += "…";
  return out;
}

}  // namespace planlint::report
