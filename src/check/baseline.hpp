#pragma once
// A baseline records the findings a legacy document already has, so that a CI gate fails only on new
// ones. A finding is identified by its document (relative to the baseline file) and its fingerprint parts
// (check/fingerprint.hpp): rule, goal title, measure text, the text it points at, and an occurrence index
// among equal ones. No line numbers and no message: lines that move and goals that are reordered leave
// every entry matching, and two equal typos on two lines are two entries.
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "check/fingerprint.hpp"
#include "model/finding.hpp"

namespace planlint::check {

class Baseline {
 public:
  static constexpr int version = 2;

  // Reads a baseline file; throws InputError on a missing or malformed file, and on a version-1 baseline
  // (keyed by messages, which quote line numbers), saying how to write a new one.
  static Baseline load(const std::string& path);
  // Builds one from findings (each document's in document order); document paths are stored relative to
  // the baseline file's directory.
  static Baseline from(const std::vector<Finding>& findings, const std::string& baseline_path);

  void save(const std::string& path) const;  // atomically
  // Removes the findings the baseline accounts for (each entry absorbs at most one: the occurrence index
  // tells equal findings apart). `findings` are one document's, in document order.
  std::vector<Finding> filter(std::vector<Finding> findings) const;
  std::size_t size() const { return entries_.size(); }

 private:
  using Key = std::pair<std::string, FingerprintParts>;  // document, parts
  std::string document_key(const Finding& f) const;
  std::string base_dir_;
  std::set<Key> entries_;
};

}  // namespace planlint::check
