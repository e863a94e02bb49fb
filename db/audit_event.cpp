#include "db/audit_event.h"

#include "db/sha256.h"

namespace hsg::db {

std::string audit_event_hash(const AuditEvent& event) {
  const std::string seq = std::to_string(event.seq);
  return sha256_hex({event.prev_hash, "\n", seq, "\n", event.at, "\n", event.actor, "\n",
                     event.action, "\n", event.entity_type, "\n", event.entity_id, "\n",
                     event.payload});
}

}  // namespace hsg::db
