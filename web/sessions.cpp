#include "web/sessions.h"

#include <algorithm>

#include "web/random_token.h"

namespace hsg::web {

SessionStore::SessionStore(SessionLimits limits, std::function<Instant()> now)
    : limits_(limits), now_(std::move(now)) {}

bool SessionStore::expired(const Session& session, Instant now) const {
  return now - session.last_used >= limits_.idle || now - session.created >= limits_.absolute;
}

// Full: the expired go first, else the one unused the longest.
void SessionStore::evict_one(Instant now) {
  auto victim = sessions_.end();
  for (auto it = sessions_.begin(); it != sessions_.end(); ++it) {
    if (expired(it->second, now)) {
      victim = it;
      break;
    }
    if (victim == sessions_.end() || it->second.last_used < victim->second.last_used) victim = it;
  }
  if (victim != sessions_.end()) sessions_.erase(victim);
}

Session SessionStore::create(std::string_view user) {
  const Instant now = now_();
  Session session{random_token(), random_token(), std::string(user), now, now};
  const std::lock_guard lock(mutex_);
  if (sessions_.size() >= kMaxSessions) evict_one(now);
  sessions_.emplace(session.id, session);
  return session;
}

std::optional<Session> SessionStore::find(std::string_view id) {
  const Instant now = now_();
  const std::lock_guard lock(mutex_);
  const auto found = sessions_.find(std::string(id));
  if (found == sessions_.end()) return std::nullopt;
  if (expired(found->second, now)) {
    sessions_.erase(found);
    return std::nullopt;
  }
  found->second.last_used = now;
  return found->second;
}

void SessionStore::drop(std::string_view id) {
  const std::lock_guard lock(mutex_);
  sessions_.erase(std::string(id));
}

std::size_t SessionStore::size() const {
  const std::lock_guard lock(mutex_);
  return sessions_.size();
}

}  // namespace hsg::web
