#include <nlohmann/json.hpp>

#include "io/json_text.hpp"
#include "model/locator_fields.hpp"
#include "report/findings.hpp"

namespace planlint::report {

namespace {

// Quick fixes: alternatives, best first; each replaces one range (end exclusive) by its text.
nlohmann::ordered_json fixes_json(const std::vector<Fix>& fixes) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Fix& x : fixes) {
    out.push_back({{"title", x.title},
                   {"line", x.range.begin.line},
                   {"column", x.range.begin.column},
                   {"end_line", x.range.end.line},
                   {"end_column", x.range.end.column},
                   {"offset", x.range.begin.offset},
                   {"end_offset", x.range.end.offset},
                   {"replacement", x.replacement}});
  }
  return out;
}

// A finding in a document that is not text (.docx, .odt, PDF): where it is in the document's own terms,
// the fields that apply (page, paragraph, table, row, column; 1-based), and a quote of the text, instead of
// lines and offsets of the text rendered from it.
nlohmann::ordered_json located_json(const Finding& f, const std::string& quote, std::string_view language) {
  nlohmann::ordered_json j = {{"file", f.file}, {"place", describe(*f.where, language)}};
  const Locator& w = *f.where;
  for (const auto& [name, value] : located_fields(w)) j[name] = value;
  j["quote"] = quote;
  j["severity"] = to_string(f.severity);
  j["rule"] = f.rule;
  j["message"] = f.message;
  return j;
}

nlohmann::ordered_json finding_json(const check::DocumentResult& d, const Finding& f) {
  if (f.where) return located_json(f, d.source ? quote_of(*d.source, f.range) : std::string(), d.message_language);
  nlohmann::ordered_json j = {{"file", f.file},
                              {"line", f.range.begin.line},
                              {"column", f.range.begin.column},
                              {"end_line", f.range.end.line},
                              {"end_column", f.range.end.column},
                              {"severity", to_string(f.severity)},
                              {"rule", f.rule},
                              {"message", f.message},
                              {"offset", f.range.begin.offset},
                              {"end_offset", f.range.end.offset}};
  if (!f.fixes.empty()) j["fixes"] = fixes_json(f.fixes);
  return j;
}

}  // namespace

// Each element as json_text() writes it inside the array: its lines indented by two more spaces.
std::string document_json(const check::DocumentResult& d, bool& any) {
  std::string out;
  for (const Finding& f : d.findings) {
    out += any ? ",\n  " : "\n  ";
    any = true;
    const std::string element = io::json_text(finding_json(d, f));
    for (const char c : element) {
      out += c;
      if (c == '\n') out += "  ";
    }
  }
  return out;
}

std::string json_end(bool any) { return any ? "\n]\n" : "]\n"; }

std::string findings_json(const check::CheckResult& result) {
  std::string out = "[";
  bool any = false;
  for (const auto& d : result.documents) out += document_json(d, any);
  return out + json_end(any);
}

}  // namespace planlint::report
