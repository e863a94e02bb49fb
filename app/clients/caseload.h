// The caseload (the web's home page and GET /api/clients): the clients an assessor looks
// for, each with their latest allocation, its decision state and when it is next reviewed.
//
// Read-only. A query narrows the list: a reference holding `ref` (case-insensitive), one
// client group, and a next review on or before `review_due`. Promises: clients in reference
// order; the next review is the earliest review date of the latest allocation's types that
// have a level (assessment date + weeks, as the statement says it), recomputed from the
// stored answers under the stored rule set; at most kMaxCaseloadRows rows, `truncated`
// saying when more matched.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "app/result.h"
#include "db/clients.h"
#include "db/database.h"
#include "db/decisions.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

inline constexpr std::size_t kMaxCaseloadRows = 500;

struct CaseloadQuery {
  std::string ref;                         // part of the reference; empty: any
  std::optional<std::string> group;        // a group key or name
  std::optional<engine::Date> review_due;  // next review on or before
};

struct LatestAllocation {
  std::int64_t id = 0;
  engine::Date assessed_on;
  engine::Money total;  // the indicative grant
  db::DecisionStatus status = db::DecisionStatus::indicative;
  std::optional<engine::Date> next_review;  // none when no type has a level
};

struct CaseloadEntry {
  db::Client client;
  std::optional<LatestAllocation> latest;
};

struct Caseload {
  std::vector<CaseloadEntry> entries;
  bool truncated = false;
};

// An unknown group is a Refusal.
Result<Caseload> caseload(db::Database& database, const CaseloadQuery& query);

}  // namespace hsg::app
