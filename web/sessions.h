// Signed-in sessions, in memory: a restart signs everyone out.
//
// A session is created at sign-in for one user name, under a random 256-bit id (the
// cookie's value) with its own CSRF token. It ends when it has not been used for the idle
// limit, when it is older than the absolute limit however busy it is, or when it is
// dropped (sign-out, a disabled account). Thread-safe. Promises: find() never returns an
// expired session, and touches the one it returns; the store holds at most kMaxSessions
// (the oldest unused go first), so sign-ins cannot exhaust memory.
#pragma once

#include <chrono>
#include <cstddef>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

#include "web/clock.h"

namespace hsg::web {

struct Session {
  std::string id;
  std::string csrf_token;
  std::string user;  // the account's name, in normal form
  Instant created;
  Instant last_used;
};

struct SessionLimits {
  std::chrono::seconds idle{30 * 60};
  std::chrono::seconds absolute{12 * 60 * 60};
};

class SessionStore {
 public:
  static constexpr std::size_t kMaxSessions = 100'000;

  SessionStore(SessionLimits limits, std::function<Instant()> now);

  Session create(std::string_view user);
  std::optional<Session> find(std::string_view id);
  void drop(std::string_view id);
  std::size_t size() const;

 private:
  bool expired(const Session& session, Instant now) const;
  void evict_one(Instant now);

  SessionLimits limits_;
  std::function<Instant()> now_;
  mutable std::mutex mutex_;
  std::unordered_map<std::string, Session> sessions_;
};

}  // namespace hsg::web
