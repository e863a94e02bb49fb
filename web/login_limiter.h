// The sign-in rate limit: after `attempts` failed sign-ins within a minute for one user
// name, or from one address, every further attempt for that name or from that address
// (even with the right password) is refused until the oldest of those failures is a
// minute old.
//
// Thread-safe, with an injectable clock. Promises: memory is bounded by kMaxKeys (the
// stalest key goes first); a success does not clear the count, so a guesser cannot reset
// it by signing in to an account of their own.
#pragma once

#include <chrono>
#include <cstddef>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>

#include "web/clock.h"

namespace hsg::web {

class LoginLimiter {
 public:
  static constexpr std::chrono::seconds kWindow{60};
  static constexpr std::size_t kMaxKeys = 100'000;

  LoginLimiter(std::size_t attempts, std::function<Instant()> now);

  // Whether an attempt for `name` from `address` is refused now.
  bool limited(std::string_view name, std::string_view address);
  void record_failure(std::string_view name, std::string_view address);

 private:
  bool full(const std::string& key, Instant now);
  void add(const std::string& key, Instant now);

  std::size_t attempts_;
  std::function<Instant()> now_;
  std::mutex mutex_;
  std::unordered_map<std::string, std::deque<Instant>> failures_;
};

}  // namespace hsg::web
