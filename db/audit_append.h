// Appending to the audit chain, inside the write transaction of the row it records.
// Private to db/: only repositories append, always in the same transaction as the row.
#pragma once

#include <string>
#include <string_view>

#include "db/audit_event.h"
#include "db/connection.h"
#include "db/stamp.h"

namespace hsg::db {

// Appends the next event; throws std::logic_error outside a write transaction.
AuditEvent append_audit_event(Connection& connection, const Stamp& stamp, std::string_view action,
                              std::string_view entity_type, std::string_view entity_id,
                              std::string payload);

// The last event's seq and hash (0 and kGenesisHash for an empty log).
AuditHead read_audit_head(Connection& connection);

}  // namespace hsg::db
