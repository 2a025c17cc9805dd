// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers.
#include <filesystem>
#include <cstdint>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "report/findings.hpp"

namespace planlint::report {
namespace {
using json = nlohmann::ordered_json;

const char* level_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

std::string relative_uri(const std::string& file, const std::string& base_dir) {
  if (file == "<stdin>") return "stdin";
  const auto rel = std::filesystem::absolute(file).lexically_normal().lexically_relative(base_dir);
  return rel.empty() ? file : rel.generic_string();
}

// The first paragraph of a rule's doc: its full description; the whole doc is its help.
std::string first_paragraph(const std::string& doc) {
  const auto end = doc.find("\n\n");
  return doc.substr(0, end);
}

// FNV-1a: a fingerprint that stays the same across runs, builds and machines (std::hash need not).
std::uint64_t fnv1a(std::string_view s) {
  std::uint64_t h = 14695981039346656037ull;
  for (unsigned char c : s) {
    h ^= c;
    h *= 1099511628211ull;
  }
  return h;
}

json region(const SourceRange& r) {
  return {{"startLine", r.begin.line},
          {"startColumn", r.begin.column},
          {"endLine", r.end.line},
          {"endColumn", r.end.column},
          {"byteOffset", r.begin.offset},
          {"byteLength", r.end.offset - r.begin.offset}};
}

// SARIF 2.1.0 §3.55 fix objects: each alternative is one fix with one replacement in the document.
json fixes_of(const Finding& f, const std::string& uri) {
  json out = json::array();
  for (const Fix& x : f.fixes) {
    out.push_back({{"description", {{"text", x.title}}},
                   {"artifactChanges",
                    json::array({{{"artifactLocation", {{"uri", uri}}},
                                  {"replacements", json::array({{{"deletedRegion", region(x.range)},
                                                                 {"insertedContent", {{"text", x.replacement}}}}})}}})}});
  }
  return out;
}

}  // namespace

std::string findings_sarif(const check::CheckResult& result, const std::string& base_dir) {
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  auto add_rule = [&](const std::string& id, const std::string& summary, const std::string& doc, Severity severity) {
    index[id] = rules.size();
    rules.push_back({{"id", id},
                     {"name", id},
                     {"shortDescription", {{"text", summary}}},
                     {"fullDescription", {{"text", doc.empty() ? summary : first_paragraph(doc)}}},
                     {"help", {{"text", doc.empty() ? summary : doc}}},
                     {"defaultConfiguration", {{"level", level_of(severity)}}}});
  };
  for (const auto& r : result.rules) add_rule(r.id, r.summary, r.doc, r.severity);
  json results = json::array();
  for (const auto& d : result.documents) {
    for (const Finding& f : d.findings) {
      if (!index.count(f.rule)) {
        add_rule(f.rule, "A planlint directive that silences no finding",
                 "A `<!-- planlint-disable… -->` comment whose rules report nothing where it applies. Remove it, so "
                 "that stale suppressions do not hide future findings.",
                 Severity::warning);
      }
      const std::string uri = relative_uri(f.file, base_dir);
      const auto fingerprint = fnv1a(uri + "\n" + f.rule + "\n" + f.message);
      results.push_back(
          {{"ruleId", f.rule},
           {"ruleIndex", index[f.rule]},
           {"level", level_of(f.severity)},
           {"message", {{"text", f.message}}},
           {"locations",
            json::array({{{"physicalLocation",
                           {{"artifactLocation", {{"uri", uri}}},
                            {"region", region(f.range)}}}}})},
           {"partialFingerprints", {{"planlintFinding/v1", fmt::format("{:016x}", fingerprint)}}}});
      if (!f.fixes.empty()) results.back()["fixes"] = fixes_of(f, uri);
    }
  }
  const json log = {
      {"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
      {"version", "2.1.0"},
      {"runs", json::array({{{"tool", {{"driver", {{"name", "planlint"},
                                                   {"version", "0.1.0"},
                                                   {"rules", std::move(rules)}}}}},
                             {"columnKind", "unicodeCodePoints"},
                             {"results", std::move(results)}}})}};
  return log.dump(2) + "\n";
}

}  // namespace planlint::report
