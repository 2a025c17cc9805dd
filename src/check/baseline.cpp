#include "check/baseline.hpp"

#include <filesystem>

#include <nlohmann/json.hpp>

#include "io/atomic_write.hpp"
#include "model/error.hpp"
#include "read/source.hpp"

namespace planlint::check {
namespace {

std::string dir_of(const std::string& path) {
  return std::filesystem::absolute(std::filesystem::path(path)).parent_path().lexically_normal().string();
}

}  // namespace

Baseline::Key Baseline::key_of(const Finding& f, const std::string& base_dir) {
  std::string doc = f.file;
  if (doc != "<stdin>") {
    doc = std::filesystem::absolute(doc).lexically_normal().lexically_relative(base_dir).generic_string();
  }
  return {doc, f.rule, f.message};
}

Baseline Baseline::from(const std::vector<Finding>& findings, const std::string& baseline_path) {
  Baseline b;
  b.base_dir_ = dir_of(baseline_path);
  for (const Finding& f : findings) ++b.counts_[key_of(f, b.base_dir_)];
  return b;
}

Baseline Baseline::load(const std::string& path) {
  const Source src = load_source(path);
  Baseline b;
  b.base_dir_ = dir_of(path);
  try {
    const auto j = nlohmann::json::parse(src.text());
    if (j.value("version", 0) != 1) throw InputError(path, "not a planlint baseline (expected \"version\": 1)");
    for (const auto& e : j.at("findings")) {
      b.counts_[{e.at("file").get<std::string>(), e.at("rule").get<std::string>(), e.at("message").get<std::string>()}] +=
          e.value("count", std::size_t{1});
    }
  } catch (const nlohmann::json::exception& e) {
    throw InputError(path, std::string("malformed baseline: ") + e.what());
  }
  return b;
}

void Baseline::save(const std::string& path) const {
  nlohmann::ordered_json entries = nlohmann::ordered_json::array();
  for (const auto& [key, count] : counts_) {
    entries.push_back({{"file", std::get<0>(key)}, {"rule", std::get<1>(key)}, {"message", std::get<2>(key)}, {"count", count}});
  }
  const nlohmann::ordered_json j = {{"version", 1}, {"tool", "planlint"}, {"findings", std::move(entries)}};
  io::atomic_write(path, j.dump(2) + "\n");
}

std::vector<Finding> Baseline::filter(std::vector<Finding> findings) const {
  std::map<Key, std::size_t> left = counts_;
  std::vector<Finding> kept;
  for (Finding& f : findings) {
    auto it = left.find(key_of(f, base_dir_));
    if (it != left.end() && it->second > 0) {
      --it->second;
      continue;
    }
    kept.push_back(std::move(f));
  }
  return kept;
}

std::size_t Baseline::size() const {
  std::size_t n = 0;
  for (const auto& [key, count] : counts_) n += count;
  return n;
}

}  // namespace planlint::check
