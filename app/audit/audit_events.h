// The audit log as recorded, oldest first (`hsg audit log`, the web's audit page): every
// event, or only those about one client. Reads the store only; an unreadable store or an
// unknown client is a Refusal.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/audit_log.h"
#include "db/database.h"

namespace hsg::app {

Result<std::vector<db::AuditEvent>> audit_events(db::Database& database,
                                                 const std::optional<std::string>& client_ref);

}  // namespace hsg::app
