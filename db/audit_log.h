// Reading and verifying the hash-chained audit log (the chain rule: db/audit_event.h).
//
// verify() recomputes the chain from event 1 and, for every event that wrote a row,
// rebuilds that row's canonical payload from the row as stored now and compares it with
// the event's payload. It reports the first event (in seq order) that fails: a broken
// link or hash, a row that differs from what was written, a row that is gone; then any
// row no event wrote. Given a checkpoint "SEQ:HASH" taken earlier (checkpoint()), it
// also requires that event SEQ still exists with that hash, which detects a log cut
// short after the checkpoint — something the chain alone cannot show.
// Verification reads one consistent snapshot and holds one event in memory at a time.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/audit_event.h"
#include "db/database.h"
#include "db/result.h"

namespace hsg::db {

struct VerifyReport {
  bool ok = false;
  std::int64_t events_checked = 0;
  std::int64_t records_checked = 0;
  std::optional<std::int64_t> first_bad_seq;  // when an event is to blame
  std::string problem;                        // empty when ok
  std::string head;                           // "SEQ:HASH" of the last event read
};

class AuditLog {
 public:
  explicit AuditLog(Database& database) : database_(database) {}

  // "SEQ:HASH" of the last event ("0:000…0" for an empty log).
  DbResult<std::string> checkpoint();
  // A malformed checkpoint is a DbError; a log that fails verification is a report.
  DbResult<VerifyReport> verify(std::optional<std::string_view> checkpoint = std::nullopt);
  // All events, oldest first.
  DbResult<std::vector<AuditEvent>> events();
  // Events about one client: its record, personal details, allocations and decisions.
  DbResult<std::vector<AuditEvent>> events_for_client(std::string_view client_ref);

 private:
  Database& database_;
};

}  // namespace hsg::db
