#include "check/baseline.hpp"

#include <filesystem>

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "io/atomic_write.hpp"
#include "io/json_text.hpp"
#include "model/error.hpp"
#include "read/source.hpp"

namespace planlint::check {
namespace {

std::string dir_of(const std::string& path) {
  return std::filesystem::absolute(std::filesystem::path(path)).parent_path().lexically_normal().string();
}

std::string version_1_message(const std::string& path) {
  return fmt::format(
      "this is a version-1 baseline, keyed by finding messages (which quote line numbers); planlint now reads "
      "version 2, keyed by what each finding is about. Write a new one: planlint check --write-baseline {} PATH...",
      path);
}

}  // namespace

std::string Baseline::document_key(const Finding& f) const {
  if (f.file == "<stdin>") return f.file;
  return std::filesystem::absolute(f.file).lexically_normal().lexically_relative(base_dir_).generic_string();
}

Baseline Baseline::from(const std::vector<Finding>& findings, const std::string& baseline_path) {
  Baseline b;
  b.base_dir_ = dir_of(baseline_path);
  const std::vector<FingerprintParts> parts = fingerprint_parts(findings);
  for (std::size_t i = 0; i < findings.size(); ++i) b.entries_.emplace(b.document_key(findings[i]), parts[i]);
  return b;
}

Baseline Baseline::load(const std::string& path) {
  const Source src = load_source(path);
  Baseline b;
  b.base_dir_ = dir_of(path);
  try {
    const auto j = nlohmann::json::parse(src.text());
    const int v = j.is_object() ? j.value("version", 0) : 0;
    if (v == 1) throw InputError(path, version_1_message(path));
    if (v != version) throw InputError(path, fmt::format("not a planlint baseline (expected \"version\": {})", version));
    for (const auto& e : j.at("findings")) {
      FingerprintParts p;
      p.rule = e.at("rule").get<std::string>();
      p.context.goal = e.value("goal", std::string());
      p.context.measure = e.value("measure", std::string());
      p.context.text = e.value("text", std::string());
      p.occurrence = e.value("occurrence", std::size_t{0});
      b.entries_.emplace(e.at("file").get<std::string>(), std::move(p));
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, std::string("malformed baseline: ") + e.what());
  }
  return b;
}

void Baseline::save(const std::string& path) const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& [file, p] : entries_) {
    nlohmann::ordered_json e = {{"file", file}, {"rule", p.rule}};
    // Empty parts are left out: no goal (outside every goal), no text (the whole goal or measure).
    if (!p.context.goal.empty()) e["goal"] = p.context.goal;
    if (!p.context.measure.empty()) e["measure"] = p.context.measure;
    if (!p.context.text.empty()) e["text"] = p.context.text;
    if (p.occurrence) e["occurrence"] = p.occurrence;
    entries.push_back(std::move(e));
  }
  const nlohmann::ordered_json j = {{"version", version}, {"tool", "planlint"}, {"findings", std::move(entries)}};
  io::atomic_write(path, io::json_text(j) + "\n");
}

std::vector<Finding> Baseline::filter(std::vector<Finding> findings) const {
  const std::vector<FingerprintParts> parts = fingerprint_parts(findings);
  std::vector<Finding> kept;
  for (std::size_t i = 0; i < findings.size(); ++i) {
    if (!entries_.count({document_key(findings[i]), parts[i]})) kept.push_back(std::move(findings[i]));
  }
  return kept;
}

}  // namespace planlint::check
