#pragma once
// A baseline records the findings a legacy document already has, so that a CI gate fails only on new
// ones. A finding is identified by (document, rule, message) — not by line, so that edits elsewhere in
// the document do not make old findings look new — and counted: two identical findings need two entries.
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "check/finding.hpp"

namespace planlint::check {

class Baseline {
 public:
  // Reads a baseline file; throws InputError on a missing or malformed file.
  static Baseline load(const std::string& path);
  // Builds one from findings; document paths are stored relative to the baseline file's directory.
  static Baseline from(const std::vector<Finding>& findings, const std::string& baseline_path);

  void save(const std::string& path) const;  // atomically
  // Removes the findings the baseline accounts for (each entry absorbs at most its count).
  std::vector<Finding> filter(std::vector<Finding> findings) const;
  std::size_t size() const;

 private:
  using Key = std::tuple<std::string, std::string, std::string>;  // document, rule, message
  static Key key_of(const Finding& f, const std::string& base_dir);
  std::string base_dir_;
  std::map<Key, std::size_t> counts_;
};

}  // namespace planlint::check
