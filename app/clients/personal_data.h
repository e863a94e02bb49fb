// A client's personal data under UK GDPR (hsg client erase | export | due-for-erasure;
// docs/administrator.md, "Personal data").
//
// Requires an open store (writable to erase). Promises:
// - erase_client: the name and the client's own receipts erased as db/client_erasures.h
//   says, in one transaction; an unknown client, a missing reason, or nothing left to
//   erase is a Refusal and nothing is written.
// - subject_access: every record held about the client (db/subject_access.h) and every
//   audit event about them, oldest first; read only.
// - due_for_erasure: the clients still holding a name or receipts whose last record is
//   more than the retention period before `as_of` — the [retention] years of the rule set
//   in force on `as_of` (rules/retention_config.h), or the default when it has none or no
//   rule set is in force. A client is due from the day that many years after their last
//   record (29 February giving 1 March in a year that has none).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/result.h"
#include "db/audit_event.h"
#include "db/client_erasures.h"
#include "db/clients.h"
#include "db/database.h"
#include "db/stamp.h"
#include "db/subject_access.h"
#include "engine/date.h"

namespace hsg::app {

Result<db::ClientErasure> erase_client(db::Database& database, const db::Stamp& stamp,
                                       std::string_view ref, std::string_view reason);

struct SubjectAccess {
  db::Client client;
  std::vector<db::HeldTable> tables;
  std::vector<db::AuditEvent> events;
};

Result<SubjectAccess> subject_access(db::Database& database, std::string_view ref);
// How many records of each kind subject_access would give, without reading them.
Result<std::vector<db::HeldCount>> held_record_counts(db::Database& database, std::string_view ref);

struct DueClient {
  std::string ref;
  engine::Date last_on;
  engine::Date due_on;
  bool name_held = false;
  std::int64_t receipts_held = 0;
  bool operator==(const DueClient&) const = default;
};

struct DueForErasure {
  engine::Date as_of;
  std::int64_t years = 0;
  std::optional<std::string> ruleset_id;  // whose [retention] applied; none: the default
  std::vector<DueClient> clients;         // in reference order
};

Result<DueForErasure> due_for_erasure(db::Database& database, engine::Date as_of);

// The day `years` after `day` (1 March for 29 February in a year without one); nothing
// past the last day hsg knows.
std::optional<engine::Date> years_after(engine::Date day, std::int64_t years);

}  // namespace hsg::app
