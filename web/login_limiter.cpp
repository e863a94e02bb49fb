#include "web/login_limiter.h"

namespace hsg::web {

namespace {

// Names and addresses are counted apart: "name:x" can never equal "addr:x".
std::string name_key(std::string_view name) { return "name:" + std::string(name); }
std::string address_key(std::string_view address) { return "addr:" + std::string(address); }

}  // namespace

LoginLimiter::LoginLimiter(std::size_t attempts, std::function<Instant()> now)
    : attempts_(attempts), now_(std::move(now)) {}

bool LoginLimiter::full(const std::string& key, Instant now) {
  const auto found = failures_.find(key);
  if (found == failures_.end()) return false;
  std::deque<Instant>& times = found->second;
  while (!times.empty() && now - times.front() >= kWindow) times.pop_front();
  if (times.empty()) {
    failures_.erase(found);
    return false;
  }
  return times.size() >= attempts_;
}

void LoginLimiter::add(const std::string& key, Instant now) {
  if (failures_.size() >= kMaxKeys && failures_.find(key) == failures_.end()) {
    auto stalest = failures_.begin();
    for (auto it = failures_.begin(); it != failures_.end(); ++it) {
      if (it->second.back() < stalest->second.back()) stalest = it;
    }
    failures_.erase(stalest);
  }
  std::deque<Instant>& times = failures_[key];
  times.push_back(now);
  // Only the last `attempts_` matter to the limit.
  while (times.size() > attempts_) times.pop_front();
}

bool LoginLimiter::limited(std::string_view name, std::string_view address) {
  const Instant now = now_();
  const std::lock_guard lock(mutex_);
  const bool by_name = full(name_key(name), now);
  const bool by_address = full(address_key(address), now);
  return by_name || by_address;
}

void LoginLimiter::record_failure(std::string_view name, std::string_view address) {
  const Instant now = now_();
  const std::lock_guard lock(mutex_);
  add(name_key(name), now);
  add(address_key(address), now);
}

}  // namespace hsg::web
