#include "db/audit_append.h"

#include <stdexcept>
#include <utility>

namespace hsg::db {

namespace {

constexpr char kSelectHead[] = "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1";
constexpr char kInsertEvent[] =
    "INSERT INTO audit_events (seq, at, actor, action, entity_type, entity_id, payload, "
    "prev_hash, hash) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)";

}  // namespace

AuditHead read_audit_head(Connection& connection) {
  auto select = connection.statement(kSelectHead);
  if (!select->executeStep()) return {0, std::string(kGenesisHash)};
  return {select->getColumn(0).getInt64(), select->getColumn(1).getString()};
}

AuditEvent append_audit_event(Connection& connection, const Stamp& stamp, std::string_view action,
                              std::string_view entity_type, std::string_view entity_id,
                              std::string payload) {
  if (connection.transaction_depth == 0) {
    throw std::logic_error("an audit event may only be appended inside a write transaction");
  }
  // BEGIN IMMEDIATE holds the write lock, so the head read once stays the head.
  if (!connection.audit_head) connection.audit_head = read_audit_head(connection);
  AuditEvent event{connection.audit_head->seq + 1,
                   stamp.at,
                   stamp.actor,
                   std::string(action),
                   std::string(entity_type),
                   std::string(entity_id),
                   std::move(payload),
                   connection.audit_head->hash,
                   {}};
  event.hash = audit_event_hash(event);
  auto insert = connection.statement(kInsertEvent);
  insert->bind(1, event.seq);
  insert->bindNoCopy(2, event.at);
  insert->bindNoCopy(3, event.actor);
  insert->bindNoCopy(4, event.action);
  insert->bindNoCopy(5, event.entity_type);
  insert->bindNoCopy(6, event.entity_id);
  insert->bindNoCopy(7, event.payload);
  insert->bindNoCopy(8, event.prev_hash);
  insert->bindNoCopy(9, event.hash);
  insert->exec();
  connection.audit_head = AuditHead{event.seq, event.hash};
  return event;
}

}  // namespace hsg::db
