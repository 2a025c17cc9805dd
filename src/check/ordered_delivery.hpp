#pragma once
// Results that are finished in any order (documents checked in parallel), handed on in their input order:
// what streaming output needs (issue 17). A result that finishes before an earlier one waits here; work is
// taken in input order and at most `window` places ahead of the first result not yet handed on, so that at
// most `window` results wait, however many there are in all.
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>
#include <optional>

namespace planlint::check {

template <typename T>
class OrderedDelivery {
 public:
  OrderedDelivery(std::size_t count, std::size_t window, std::function<void(T&&)> deliver)
      : count_(count), window_(window < 1 ? 1 : window), deliver_(std::move(deliver)) {}

  // The next place to work on, in input order; nullopt when every place is taken. Waits while `window`
  // places are taken and not yet handed on.
  std::optional<std::size_t> take() {
    std::unique_lock lock(mutex_);
    room_.wait(lock, [&] { return taken_ - delivered_ < window_ || taken_ == count_; });
    if (taken_ == count_) return std::nullopt;
    return taken_++;
  }

  // The result for place i: handed on now, with the waiting results after it, if every earlier one has been;
  // kept until then otherwise. Hands on under the lock: one call at a time, in order.
  void finish(std::size_t i, T&& result) {
    std::lock_guard lock(mutex_);
    waiting_.emplace(i, std::move(result));
    for (auto it = waiting_.begin(); it != waiting_.end() && it->first == delivered_; it = waiting_.erase(it)) {
      deliver_(std::move(it->second));
      ++delivered_;
    }
    room_.notify_all();
  }

 private:
  std::size_t count_, window_;
  std::function<void(T&&)> deliver_;
  std::mutex mutex_;
  std::condition_variable room_;
  std::size_t taken_ = 0, delivered_ = 0;
  std::map<std::size_t, T> waiting_;
};

}  // namespace planlint::check
