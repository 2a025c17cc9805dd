#pragma once
// The files below a directory, with every directory that could not be listed reported, never skipped in
// silence: checking part of a tree is no pass (issue 20).
#include <functional>
#include <string>
#include <vector>

namespace planlint::io {

struct WalkFailure {
  std::string dir;     // the directory that could not be listed
  std::string reason;  // e.g. "Permission denied"
};

struct Walk {
  std::vector<std::string> files;  // sorted
  std::vector<WalkFailure> failures;
};

// The regular files below `dir` whose name `wanted` accepts; directories whose name starts with '.' are
// not entered when `skip_hidden`. Symbolic links to directories are not followed (a link cycle cannot
// loop); links to files are taken.
Walk walk_files(const std::string& dir, const std::function<bool(const std::string& name)>& wanted, bool skip_hidden);

}  // namespace planlint::io
