// Recorded allocations: who was assessed, on which answers, under which exact rule
// set and engine, by whom, and every output — enough to replay with nothing else.
//
// The CLI computes the allocation (engine::allocate_traced) and records it here. The
// answers are stored as canonical JSON ({"area":"option",…}, db/canonical_json.h);
// the key figures as integer pence columns; and every output (the CLI's JSON text) and
// the trace, which replay recomputes exactly from the answers and rule set, each as the
// SHA-256 of its text, keeping rows small (recording is bound by what it writes). A recorded
// allocation is never changed: a new assessment is a new row.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/allocation.h"
#include "engine/answers.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::db {

struct NewAllocation {
  std::string client_ref;
  engine::Date assessed_on;
  std::string assessor;
  std::string ruleset_id;
  std::string engine_version;  // engine::kEngineVersion of the hsg that computed it
  std::vector<engine::NamedAnswer> answers;
  engine::Allocation allocation;  // its totals are stored as columns
  std::string outputs_sha256;     // of every output's text (app/audit/stored_outputs.h)
  std::string trace_sha256;       // of the trace's text
};

struct StoredAllocation {
  std::int64_t id = 0;
  std::string client_ref;
  engine::Date assessed_on;
  std::string assessor;
  std::string ruleset_id;
  std::string engine_version;
  std::vector<engine::NamedAnswer> answers;  // sorted by area id
  engine::Money calculated_total;
  engine::Money upper_limit;
  engine::Money total;  // the indicative grant
  bool cap_applied = false;
  std::string outputs_sha256;
  std::string trace_sha256;
};

// An allocations row as written, before its answers are parsed: its answers as
// canonical JSON, its outputs and trace as SHA-256. What the audit payload serialises.
struct AllocationRow {
  std::int64_t id = 0;
  std::string client_ref;
  std::string assessed_on;
  std::string assessor;
  std::string ruleset_id;
  std::string engine_version;
  std::string answers;
  std::int64_t calculated_total_pence = 0;
  std::int64_t upper_limit_pence = 0;
  std::int64_t total_pence = 0;
  std::int64_t cap_applied = 0;
  std::string outputs_sha256;
  std::string trace_sha256;
};

// A new allocation checked and serialised ahead of the transaction that writes it: the
// validation, its canonical answers and its audit payload (all but its id, which only
// the insert knows) are pure, so `hsg import` and `hsg generate` do them on other
// threads while earlier allocations are written (app/assessment/allocation_pipeline.h).
class CheckedAllocation {
 public:
  // Every problem of `allocation` that needs no database, as record() would say it.
  static DbResult<CheckedAllocation> check(const NewAllocation& allocation);

  const std::string& client_ref() const { return row_.client_ref; }

 private:
  friend class AllocationRepository;
  CheckedAllocation() = default;
  // Inserts the row (without its audit event); its id.
  std::int64_t insert(Connection& connection) const;

  AllocationRow row_;  // its id is 0 until inserted
  // The audit payload is payload_before_id_ + id + payload_after_id_.
  std::string payload_before_id_;
  std::string payload_after_id_;
};

// Which allocations to visit: assessed within [from, to] (both days included, either
// open), of one client if given.
struct AllocationRange {
  std::optional<engine::Date> from;
  std::optional<engine::Date> to;
  std::optional<std::string> client_ref;
};

class AllocationRepository {
 public:
  explicit AllocationRepository(Database& database) : database_(database) {}

  // The new allocation's id.
  DbResult<std::int64_t> record(const Stamp& stamp, const NewAllocation& allocation);
  DbResult<std::int64_t> record(const Stamp& stamp, const CheckedAllocation& allocation);
  DbResult<StoredAllocation> get(std::int64_t id);
  // The first allocation recorded for this client on this date by this assessor with
  // exactly these answers (in any order), if any: an import refuses to record it again.
  DbResult<std::optional<std::int64_t>> same_assessment(std::string_view client_ref,
                                                        engine::Date assessed_on,
                                                        std::string_view assessor,
                                                        std::vector<engine::NamedAnswer> answers);
  // Assessment date order, then id.
  DbResult<std::vector<StoredAllocation>> for_client(std::string_view client_ref);
  // Calls visit for every allocation in id order until it returns false, holding one
  // row in memory at a time; returns how many were visited.
  DbResult<std::int64_t> for_each(const std::function<bool(const StoredAllocation&)>& visit);
  // How many allocations are in `range`.
  DbResult<std::int64_t> count_in(const AllocationRange& range);
  // As for_each, only the allocations in `range`, in id order; `visit` may move from
  // the row it is given (replay hands each row on to another thread).
  DbResult<std::int64_t> for_each_in(const AllocationRange& range,
                                     const std::function<bool(StoredAllocation&)>& visit);
  // Each client's latest allocation assessed on or before `as_of` (latest date, then
  // highest id), with the client's group key, in client reference order; only clients
  // of `group_key` if given. Clients with no such allocation are skipped.
  DbResult<std::int64_t> for_each_latest(
      engine::Date as_of, const std::optional<std::string>& group_key,
      const std::function<bool(const StoredAllocation&, std::string_view group_key)>& visit);

 private:
  Database& database_;
};

}  // namespace hsg::db
