// GitHub Actions workflow commands: each finding becomes an annotation on the pull request's files.
#include <fmt/format.h>

#include "report/findings.hpp"

namespace planlint::report {
namespace {

// https://docs.github.com/actions/reference/workflow-commands-for-github-actions: data escapes %, CR, LF;
// property values also escape ':' and ','.
std::string escape(std::string_view s, bool property) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += property ? "%3A" : ":"; break;
      case ',': out += property ? "%2C" : ","; break;
      default: out += c;
    }
  }
  return out;
}

const char* command_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "notice";
  }
  return "error";
}

}  // namespace

std::string document_github(const check::DocumentResult& d) {
  std::string out;
  for (const Finding& f : d.findings) {
    const auto& r = f.range;
    if (f.where) {  // no lines to annotate in a .docx, .odt or PDF: the place leads the message
      out += fmt::format("::{} file={},title={}::{}: {}\n", command_of(f.severity), escape(f.file, true),
                         escape(f.rule, true), escape(describe(*f.where, d.message_language), false), escape(f.message, false));
      continue;
    }
    out += fmt::format("::{} file={},line={},col={},endLine={},endColumn={},title={}::{}\n", command_of(f.severity),
                       escape(f.file, true), r.begin.line, r.begin.column, r.end.line, r.end.column,
                       escape(f.rule, true), escape(f.message, false));
  }
  return out;
}

std::string findings_github(const check::CheckResult& result) {
  std::string out;
  for (const auto& d : result.documents) out += document_github(d);
  return out;
}

}  // namespace planlint::report
