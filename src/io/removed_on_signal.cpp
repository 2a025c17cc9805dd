#include "io/removed_on_signal.hpp"

#include <limits.h>
#include <signal.h>
#include <unistd.h>

#include <array>
#include <atomic>
#include <cstring>
#include <mutex>

namespace planlint::io {
namespace {

// What the handler may touch: fixed storage and lock-free atomics only (it runs in a signal context).
struct Slot {
  std::atomic<int> state{0};  // 0 free, 1 being filled or emptied, 2 holds a path to remove
  std::array<char, PATH_MAX> path{};
};
std::array<Slot, 16> slots;

constexpr std::array<int, 4> fatal_signals{SIGINT, SIGTERM, SIGHUP, SIGQUIT};
std::array<struct sigaction, fatal_signals.size()> previous{};

void remove_pending_files(int sig) {
  for (Slot& s : slots) {
    if (s.state.load() == 2) ::unlink(s.path.data());
  }
  for (std::size_t i = 0; i < fatal_signals.size(); ++i) {
    if (fatal_signals[i] == sig) ::sigaction(sig, &previous[i], nullptr);
  }
  ::raise(sig);  // now with the handler that was there before (or the default action)
}

// The handlers are there only while some file is pending: the first guard installs them, the last one
// puts back what was there before, so planlint's handling of these signals is otherwise unchanged.
std::mutex guards_mutex;
int guards = 0;

void install_handlers() {
  for (std::size_t i = 0; i < fatal_signals.size(); ++i) {
    ::sigaction(fatal_signals[i], nullptr, &previous[i]);
    if (previous[i].sa_handler == SIG_IGN) continue;  // e.g. started with nohup: leave it ignored
    struct sigaction action {};
    action.sa_handler = remove_pending_files;
    ::sigemptyset(&action.sa_mask);
    ::sigaction(fatal_signals[i], &action, nullptr);
  }
}

void restore_handlers() {
  for (std::size_t i = 0; i < fatal_signals.size(); ++i) ::sigaction(fatal_signals[i], &previous[i], nullptr);
}

}  // namespace

RemovedOnSignal::RemovedOnSignal(const std::string& path) {
  {
    std::lock_guard lock(guards_mutex);
    if (guards++ == 0) install_handlers();
  }
  if (path.size() >= PATH_MAX) return;
  for (std::size_t i = 0; i < slots.size(); ++i) {
    int expected = 0;
    if (!slots[i].state.compare_exchange_strong(expected, 1)) continue;
    std::memcpy(slots[i].path.data(), path.c_str(), path.size() + 1);
    slots[i].state.store(2);
    slot_ = static_cast<int>(i);
    return;
  }
}

RemovedOnSignal::~RemovedOnSignal() {
  if (slot_ >= 0) slots[static_cast<std::size_t>(slot_)].state.store(0);
  std::lock_guard lock(guards_mutex);
  if (--guards == 0) restore_handlers();
}

}  // namespace planlint::io
