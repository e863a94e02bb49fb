// Reading and verifying the hash-chained audit log (the chain rule: db/audit_event.h).
//
// verify() recomputes the chain from event 1 and, for every event that wrote a row,
// rebuilds that row's canonical payload from the row as stored now and compares it with
// the event's payload. It reports the first event (in seq order) that fails: a broken
// link or hash, a row that differs from what was written, a row that is gone; then any
// row no event wrote. Given a checkpoint "SEQ:HASH" taken earlier (checkpoint()), it
// also requires that event SEQ still exists with that hash, which detects a log cut
// short after the checkpoint — something the chain alone cannot show. It also checks that
// the file's schema — above all the append-only triggers — is exactly the one the shipped
// migrations build (db/schema_check.h), and names every object that is not; and that the
// rule-set adoptions keep the rules no trigger can state (db/adoption_invariants.h),
// naming every adoption that does not, even one no event wrote.
// Verification reads one consistent snapshot and holds one event in memory at a time.
//
// check_records() is the same row check for the few rows a command is about to act on,
// without walking the chain: the schema must be intact and each row must match an audit
// event that wrote it (verify holds every such event to the row, so one will do; the log
// is scanned from its newest end, and stops once each row has its event).
// db/record_check.h says which rows each command names.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <span>
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
  std::optional<std::int64_t> first_bad_seq;   // when an event is to blame
  std::string problem;                         // empty when ok
  std::string head;                            // "SEQ:HASH" of the last event read
  std::vector<std::string> schema_problems;    // each schema object not as shipped
  std::vector<std::string> adoption_problems;  // each adoption rule broken
  std::optional<std::size_t> bad_checkpoint;   // index of the checkpoint to blame
};

// A stored row as audit events name it: its table (entity_type) and key (entity_id).
struct RecordRef {
  std::string table;
  std::string id;
};

class AuditLog {
 public:
  explicit AuditLog(Database& database) : database_(database) {}

  // "SEQ:HASH" of the last event ("0:000…0" for an empty log).
  DbResult<std::string> checkpoint();
  // A malformed checkpoint, or one at 0 (the empty log, which every log extends), is a
  // DbError; a log that fails verification is a report.
  DbResult<VerifyReport> verify(std::optional<std::string_view> checkpoint = std::nullopt);
  // As verify(), requiring every checkpoint; the first to fail, in the order given, is
  // the one reported (bad_checkpoint). `progress`, when given, is called after each
  // event of the chain is checked with the count so far and the log's length.
  using VerifyProgress = std::function<void(std::int64_t checked, std::int64_t total)>;
  DbResult<VerifyReport> verify(std::span<const std::string> checkpoints,
                                const VerifyProgress& progress = {});
  // A DbError naming every schema object not as shipped, or else the first row that is
  // missing, was written by no event, or differs from the event that wrote it.
  DbResult<Done> check_records(std::span<const RecordRef> records);
  // All events, oldest first.
  DbResult<std::vector<AuditEvent>> events();
  // Events about one client, oldest first: its record and personal details, allocations,
  // decisions, grants with their instalments, ends, cancellations and recoveries, ledger
  // postings and their lines, support plans, and outcome returns.
  DbResult<std::vector<AuditEvent>> events_for_client(std::string_view client_ref);

 private:
  Database& database_;
};

// Why `text` is not a checkpoint verify() can hold a log to (not SEQ:HASH, or at 0), or
// Done when it is one; verify() gives the same error.
DbResult<Done> checkpoint_text_problem(std::string_view text);

}  // namespace hsg::db
