// The audit log as an auditor searches it (the web's audit page): the events about one
// client, of one action, by one actor, within dates, oldest first, a page at a time.
//
// Promises: every filter left empty matches everything; dates compare with the day of
// the event's UTC time stamp (`at` starts YYYY-MM-DD); a page holds at most
// kAuditPageSize events, `total` counts every event that matched. Reads the store only;
// an unknown client or a bad date range is a Refusal.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/audit_event.h"
#include "db/database.h"
#include "engine/date.h"

namespace hsg::app {

inline constexpr std::size_t kAuditPageSize = 100;

struct AuditLogQuery {
  std::optional<std::string> client_ref;
  std::optional<std::string> action;  // exact, e.g. "allocation.record"
  std::optional<std::string> actor;   // exact, in its normal form
  std::optional<engine::Date> from;   // inclusive
  std::optional<engine::Date> to;     // inclusive
  std::size_t page = 1;               // from 1
};

struct AuditLogPage {
  std::vector<db::AuditEvent> events;
  std::size_t total = 0;  // events matching, over every page
  std::size_t page = 1;
  std::size_t pages = 1;
};

Result<AuditLogPage> audit_log_page(db::Database& database, const AuditLogQuery& query);

}  // namespace hsg::app
