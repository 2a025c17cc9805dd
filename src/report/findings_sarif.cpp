// SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. The log is valid against the official
// schema (tests/schema checks it), also when the run failed: then invocations[0].executionSuccessful is
// false and each error is a toolExecutionNotification, so that an uploader can tell a failed run from a
// clean one.
#include <dlfcn.h>

#include <filesystem>
#include <map>
#include <stdexcept>

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
#ifndef PLANLINT_URIPARSER_SONAME
#define PLANLINT_URIPARSER_SONAME "liburiparser.so.1"
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

// uriparser's one function that SARIF needs, from the library opened on first use: linked, the library
// cost every run of planlint ~0.4 ms of the loader's time, and only SARIF reports use it (README,
// Latency). It stays open until the process ends.
auto filename_to_uri() {
  using Function = decltype(&uriUnixFilenameToUriStringA);
  static const Function function = [] {
    void* lib = ::dlopen(PLANLINT_URIPARSER_SONAME, RTLD_NOW | RTLD_LOCAL);
    void* symbol = lib ? ::dlsym(lib, "uriUnixFilenameToUriStringA") : nullptr;
    if (!symbol) {
      const char* why = ::dlerror();
      throw std::runtime_error(fmt::format(
          "a SARIF report needs the uriparser library '{}' to write file names as URIs, and it cannot be loaded "
          "({}); install it, e.g. `apt-get install liburiparser1`",
          PLANLINT_URIPARSER_SONAME, why ? why : "no such function"));
    }
    return reinterpret_cast<Function>(symbol);
  }();
  return function;
}

// RFC 3986 percent-encoding of a file name (uriparser): a relative path stays a relative reference
// ("työikäiset 2022.txt" -> "ty%C3%B6ik%C3%A4iset%202022.txt", '#' -> "%23"), an absolute one becomes a
// file: URI.
std::string to_uri(const std::string& path) {
  std::string out(3 * path.size() + 8 + 1, '\0');  // uriparser's bound: every byte escaped, plus "file://"
  if (filename_to_uri()(path.c_str(), out.data()) != URI_SUCCESS) return {};
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
json located(const Finding& f, const json& artifact, const std::string& quote, std::string_view language) {
  const Locator& w = *f.where;
  json fields = json::object();
  for (const auto& [name, value] : located_fields(w)) fields[name] = value;
  return {{"physicalLocation", {{"artifactLocation", artifact}}},
          {"logicalLocations", json::array({{{"name", describe(w, language)}, {"kind", "element"}}})},
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

// What made the run fail (exit 2): a document that could not be checked is named.
json document_notification(const check::DocumentResult& d, const std::string& base_dir) {
  return {{"level", "error"},
          {"message", {{"text", *d.error}}},
          {"locations", json::array({{{"physicalLocation", {{"artifactLocation", artifact_location(d.file, base_dir)}}}}})}};
}

// `json_text` of `j` as it stands at `depth` levels of two spaces in the whole log.
std::string indented(const json& j, int depth) {
  const std::string pad(static_cast<std::size_t>(2 * depth), ' ');
  std::string out = pad;
  for (const char c : io::json_text(j)) {
    out += c;
    if (c == '\n') out += pad;
  }
  return out;
}

}  // namespace

// The log is written with its results first ("runs"[0]."results"), a document at a time; what is known
// only at the end — the rules (in the order results first named them, then the others), the exit code and
// the errors — follows them. Key order does not matter in SARIF.
SarifWriter::SarifWriter(std::string base_dir, std::string language)
    : base_dir_(std::move(base_dir)), language_(std::move(language)) {}

std::string SarifWriter::begin() const {
  filename_to_uri();  // a library that cannot be loaded is an error before any output, not half a log
  return "{\n  \"$schema\": \"https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json\",\n"
         "  \"version\": \"2.1.0\",\n  \"runs\": [\n    {\n      \"results\": [";
}

std::string SarifWriter::document(const check::DocumentResult& d) {
  if (d.error) notifications_.push_back(document_notification(d, base_dir_));
  std::string out;
  const json location = artifact_location(d.file, base_dir_);
  const std::vector<check::FingerprintParts> parts = check::fingerprint_parts(d.findings);
  for (std::size_t i = 0; i < d.findings.size(); ++i) {
    const Finding& f = d.findings[i];
    const auto [it, added] = rule_index_.emplace(f.rule, rule_order_.size());
    if (added) rule_order_.push_back(f.rule);
    json result = {{"ruleId", f.rule},
                   {"ruleIndex", it->second},
                   {"level", level_of(f.severity)},
                   {"message", {{"text", f.message}}},
                   {"locations", json::array({f.where ? located(f, location, d.source ? quote_of(*d.source, f.range) : std::string(), d.message_language)
                                                      : json{{"physicalLocation", {{"artifactLocation", location}, {"region", region(f.range)}}}}})},
                   // Rule, goal, measure and text of the finding plus its occurrence: stable when lines move.
                   {"partialFingerprints",
                    {{"planlintFinding/v2", check::fingerprint_hash(location["uri"].get<std::string>(), parts[i])}}}};
    if (!f.fixes.empty()) result["fixes"] = fixes_of(f, location);
    out += any_ ? ",\n" : "\n";
    any_ = true;
    out += indented(result, 4);
  }
  return out;
}

std::string SarifWriter::end(const std::vector<rules::RuleInfo>& rules_in_force, const std::vector<std::string>& errors, int exit_code) {
  std::map<std::string, const rules::RuleInfo*> known;
  const std::vector<rules::RuleInfo> check_rules = check::check_rule_infos();
  for (const auto& r : check_rules) known.emplace(r.id, &r);
  for (const auto& r : rules_in_force) known.insert_or_assign(r.id, &r);
  std::vector<std::string> order = rule_order_;
  for (const auto& r : rules_in_force) {
    if (rule_index_.emplace(r.id, order.size()).second) order.push_back(r.id);
  }
  for (const auto& r : check_rules) {
    if (rule_index_.emplace(r.id, order.size()).second) order.push_back(r.id);
  }
  json rules = json::array();
  for (const std::string& id : order) {
    const auto k = known.find(id);
    const rules::RuleInfo fallback{.id = id, .summary = id};
    const rules::RuleInfo& r = k == known.end() ? fallback : *k->second;
    // The summary in the run's language; the documentation (doc) is written in English only.
    const std::string& summary = r.summary_in(language_);
    rules.push_back({{"id", r.id},
                     {"name", r.id},
                     {"shortDescription", {{"text", summary}}},
                     {"fullDescription", {{"text", r.doc.empty() ? summary : first_paragraph(r.doc)}}},
                     {"help", {{"text", r.doc.empty() ? summary : r.doc}, {"markdown", help_markdown(summary, r.doc)}}},
                     {"defaultConfiguration", {{"level", level_of(r.severity)}}}});
  }
  json notes = json::array();
  for (const std::string& e : errors) notes.push_back({{"level", "error"}, {"message", {{"text", e}}}});
  for (json& n : notifications_) notes.push_back(std::move(n));
  const json rest = {{"tool", {{"driver", {{"name", "planlint"},
                                           {"version", PLANLINT_VERSION},
                                           {"semanticVersion", PLANLINT_VERSION},
                                           {"rules", std::move(rules)}}}}},
                     {"invocations", json::array({{{"executionSuccessful", exit_code != 2},
                                                   {"exitCode", exit_code},
                                                   {"toolExecutionNotifications", std::move(notes)}}})},
                     {"originalUriBaseIds",
                      {{source_root, {{"uri", to_uri((std::filesystem::path(base_dir_) / "").generic_string())},
                                      {"description", {{"text", "The working directory of the planlint run"}}}}}}},
                     {"language", language_},  // of the messages (RFC 5646)
                     {"columnKind", "unicodeCodePoints"}};
  // The members of `rest`, written on inside the run object after the results.
  std::string members = indented(rest, 2);
  members = members.substr(members.find('{') + 1);
  members = members.substr(0, members.rfind('}'));
  while (!members.empty() && (members.back() == ' ' || members.back() == '\n')) members.pop_back();
  return std::string(any_ ? "\n      ]" : "]") + "," + members + "\n    }\n  ]\n}\n";
}

std::string findings_sarif(const check::CheckResult& result, const std::string& base_dir, int exit_code,
                           std::string_view language) {
  SarifWriter writer(base_dir, std::string(language));
  std::string out = writer.begin();
  for (const auto& d : result.documents) out += writer.document(d);
  return out + writer.end(result.rules, result.errors, exit_code);
}

}  // namespace planlint::report
