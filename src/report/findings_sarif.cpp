// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. The log is valid against the official
// schema (tests/schema checks it), also when the run failed: then invocations[0].executionSuccessful is
// false and each error is a toolExecutionNotification, so that an uploader can tell a failed run from a
// clean one.
#include <filesystem>
#include <map>

#include <fmt/format.h>
#include <nlohmann/json.hpp>
#include <uriparser/Uri.h>

#include "check/fingerprint.hpp"
#include "check/rule_names.hpp"
#include "io/json_text.hpp"
#include "model/locator_fields.hpp"
#include "report/findings.hpp"

#ifndef PLANLINT_VERSION
#error "PLANLINT_VERSION is set by CMakeLists.txt from project(VERSION)"
#endif

namespace planlint::report {
namespace {
using json = nlohmann::ordered_json;

constexpr const char* source_root = "%SRCROOT%";

const char* level_of(Severity s) {
  switch (s) {
    case Severity::error: return "error";
    case Severity::warning: return "warning";
    case Severity::info: return "note";
  }
  return "error";
}

// RFC 3986 percent-encoding of a file name (uriparser): a relative path stays a relative reference
// ("työikäiset 2022.txt" -> "ty%C3%B6ik%C3%A4iset%202022.txt", '#' -> "%23"), an absolute one becomes a
// file: URI.
std::string to_uri(const std::string& path) {
  std::string out(3 * path.size() + 8 + 1, '\0');  // uriparser's bound: every byte escaped, plus "file://"
  if (uriUnixFilenameToUriStringA(path.c_str(), out.data()) != URI_SUCCESS) return {};
  out.resize(out.find('\0'));
  // A relative reference whose first segment holds ':' would read as a scheme ("c:x.txt").
  const auto colon = out.find(':'), slash = out.find('/');
  if (path.front() != '/' && colon != std::string::npos && (slash == std::string::npos || colon < slash)) out = "./" + out;
  return out;
}

// Documents under the working directory are relative to %SRCROOT% (originalUriBaseIds says where that
// is), so that code scanning matches them to the repository's files; others get absolute file: URIs.
json artifact_location(const std::string& file, const std::string& base_dir) {
  if (file == "<stdin>") return {{"uri", "stdin"}};
  const auto absolute = std::filesystem::absolute(file).lexically_normal();
  const auto rel = absolute.lexically_relative(base_dir);
  if (rel.empty() || *rel.begin() == "..") return {{"uri", to_uri(absolute.generic_string())}};
  return {{"uri", to_uri(rel.generic_string())}, {"uriBaseId", source_root}};
}

// The first paragraph of a rule's doc: its full description; the whole doc is its help.
std::string first_paragraph(const std::string& doc) {
  const auto end = doc.find("\n\n");
  return doc.substr(0, end);
}

// Help in Markdown: the summary, then the doc's paragraphs with their labels ("What it checks:") in bold.
std::string help_markdown(const std::string& summary, const std::string& doc) {
  std::string out = "**" + summary + "**";
  std::size_t at = 0;
  while (at < doc.size()) {
    const auto end = std::min(doc.find("\n\n", at), doc.size());
    std::string paragraph = doc.substr(at, end - at);
    const auto colon = paragraph.find(": ");
    if (colon != std::string::npos && colon <= 30 && paragraph.substr(0, colon).find_first_of(".`*\n") == std::string::npos) {
      paragraph = "**" + paragraph.substr(0, colon + 1) + "**" + paragraph.substr(colon + 1);
    }
    if (!paragraph.empty()) out += "\n\n" + paragraph;
    at = end + 2;
  }
  return out;
}

json region(const SourceRange& r) {
  return {{"startLine", r.begin.line},
          {"startColumn", r.begin.column},
          {"endLine", r.end.line},
          {"endColumn", r.end.column},
          {"byteOffset", r.begin.offset},
          {"byteLength", r.end.offset - r.begin.offset}};
}

// A place in a document that is not text (.docx, .odt, PDF): a region needs lines or offsets of a text
// the user never sees, so the place is a logical location ("table 1, row 9, column 2", SARIF §3.33) with a
// quote of the text as the location's message, and the locator's fields as properties.
json located(const Finding& f, const json& artifact, const std::string& quote) {
  const Locator& w = *f.where;
  json fields = json::object();
  for (const auto& [name, value] : located_fields(w)) fields[name] = value;
  return {{"physicalLocation", {{"artifactLocation", artifact}}},
          {"logicalLocations", json::array({{{"name", describe(w)}, {"kind", "element"}}})},
          {"message", {{"text", quote}}},
          {"properties", {{"planlint", std::move(fields)}}}};
}

// SARIF 2.1.0 §3.55 fix objects: each alternative is one fix with one replacement in the document.
json fixes_of(const Finding& f, const json& location) {
  json out = json::array();
  for (const Fix& x : f.fixes) {
    out.push_back({{"description", {{"text", x.title}}},
                   {"artifactChanges",
                    json::array({{{"artifactLocation", location},
                                  {"replacements", json::array({{{"deletedRegion", region(x.range)},
                                                                 {"insertedContent", {{"text", x.replacement}}}}})}}})}});
  }
  return out;
}

// What made the run fail (exit 2), one notification each: a document that could not be checked names it.
json notifications(const check::CheckResult& result, const std::string& base_dir) {
  json out = json::array();
  for (const std::string& e : result.errors) out.push_back({{"level", "error"}, {"message", {{"text", e}}}});
  for (const auto& d : result.documents) {
    if (!d.error) continue;
    out.push_back({{"level", "error"},
                   {"message", {{"text", *d.error}}},
                   {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(d.file, base_dir)}}}}})}});
  }
  return out;
}

}  // namespace

std::string findings_sarif(const check::CheckResult& result, const std::string& base_dir, int exit_code) {
  json rules = json::array();
  std::map<std::string, std::size_t> index;
  auto add_rule = [&](const std::string& id, const std::string& summary, const std::string& doc, Severity severity) {
    index[id] = rules.size();
    rules.push_back({{"id", id},
                     {"name", id},
                     {"shortDescription", {{"text", summary}}},
                     {"fullDescription", {{"text", doc.empty() ? summary : first_paragraph(doc)}}},
                     {"help", {{"text", doc.empty() ? summary : doc}, {"markdown", help_markdown(summary, doc)}}},
                     {"defaultConfiguration", {{"level", level_of(severity)}}}});
  };
  for (const auto& r : result.rules) add_rule(r.id, r.summary, r.doc, r.severity);
  for (const auto& r : check::check_rule_infos()) add_rule(r.id, r.summary, r.doc, r.severity);
  json results = json::array();
  for (const auto& d : result.documents) {
    const json location = artifact_location(d.file, base_dir);
    const std::vector<check::FingerprintParts> parts = check::fingerprint_parts(d.findings);
    for (std::size_t i = 0; i < d.findings.size(); ++i) {
      const Finding& f = d.findings[i];
      results.push_back(
          {{"ruleId", f.rule},
           {"ruleIndex", index[f.rule]},
           {"level", level_of(f.severity)},
           {"message", {{"text", f.message}}},
           {"locations", json::array({f.where ? located(f, location, d.source ? quote_of(*d.source, f.range) : std::string())
                                              : json{{"physicalLocation", {{"artifactLocation", location}, {"region", region(f.range)}}}}})},
           // Rule, goal, measure and text of the finding plus its occurrence: stable when lines move.
           {"partialFingerprints",
            {{"planlintFinding/v2", check::fingerprint_hash(location["uri"].get<std::string>(), parts[i])}}}});
      if (!f.fixes.empty()) results.back()["fixes"] = fixes_of(f, location);
    }
  }
  json run = {{"tool", {{"driver", {{"name", "planlint"},
                                    {"version", PLANLINT_VERSION},
                                    {"semanticVersion", PLANLINT_VERSION},
                                    {"rules", std::move(rules)}}}}},
              {"invocations", json::array({{{"executionSuccessful", exit_code != 2},
                                            {"exitCode", exit_code},
                                            {"toolExecutionNotifications", notifications(result, base_dir)}}})},
              {"originalUriBaseIds",
               {{source_root, {{"uri", to_uri((std::filesystem::path(base_dir) / "").generic_string())},
                               {"description", {{"text", "The working directory of the planlint run"}}}}}}},
              {"columnKind", "unicodeCodePoints"},
              {"results", std::move(results)}};
  const json log = {{"$schema", "https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", json::array({std::move(run)})}};
  return io::json_text(log) + "\n";
}

}  // namespace planlint::report
