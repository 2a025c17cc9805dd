#pragma once
#include <string>

namespace planlint::io {

// Keeps a temporary file from outliving an interrupted run (issue 20): while an instance lives, a SIGINT,
// SIGTERM, SIGHUP or SIGQUIT removes the file before the signal takes its usual course (the handler that was
// there before runs, or the default action ends the process with that signal). A signal the process ignores
// stays ignored. The handlers are installed only while some instance lives. Up to 16 files at once, from any
// threads; beyond that (or a path longer than PATH_MAX) a file is not covered.
class RemovedOnSignal {
 public:
  explicit RemovedOnSignal(const std::string& path);
  ~RemovedOnSignal();
  RemovedOnSignal(const RemovedOnSignal&) = delete;
  RemovedOnSignal& operator=(const RemovedOnSignal&) = delete;

 private:
  int slot_ = -1;
};

}  // namespace planlint::io
