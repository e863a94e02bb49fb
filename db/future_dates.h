// Why an allocation is dated after the day it was recorded.
//
// The command line refuses an assessment dated after today (the local date) unless the
// person says why (--allow-future REASON). The reason is kept without a column of its
// own: it is one audit event, action "allocation.allow_future", on the allocation it
// concerns (entity_type "allocations", entity_id its id), appended in the same
// transaction as the allocation, with the canonical payload (all strings)
//
//   {"assessed_on":"2027-01-04","reason":"…","recorded_on":"2026-12-03"}
//
// The hash chain protects it like any event; `hsg audit verify` also checks it against
// the allocation: the allocation exists, its assessed_on is the payload's, that date is
// after recorded_on, and the reason is not blank.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "db/result.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::db {

inline constexpr std::string_view kFutureDateAction = "allocation.allow_future";

struct FutureDateNote {
  engine::Date assessed_on;
  engine::Date recorded_on;  // "today" where it was recorded
  std::string reason;
  bool operator==(const FutureDateNote&) const = default;
};

class FutureDateNotes {
 public:
  explicit FutureDateNotes(Database& database) : database_(database) {}

  // Records why allocation `allocation_id` is dated after `recorded_on`; refused when it
  // is not, or the reason is blank.
  DbResult<Done> record(const Stamp& stamp, std::int64_t allocation_id, engine::Date recorded_on,
                        std::string_view reason);
  // The note on an allocation, if it has one.
  DbResult<std::optional<FutureDateNote>> of_allocation(std::int64_t allocation_id);

 private:
  Database& database_;
};

}  // namespace hsg::db
