// Whether an assessment dated after today may be recorded, and the audit note that says
// why when it is.
//
// Requires: `today` from the caller (the use cases never read a clock; the command line
// passes the local date, cli/today.h) and, when given, a reason that is not blank (the
// front end refuses a blank one as it reads it). Promises: a date after today without a
// reason is refused before anything is written; with a reason, each allocation dated
// after today gets an audit note saying so, in the same transaction as the allocation
// (db/future_dates.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "db/database.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::app {

struct FutureDatePermission {
  engine::Date today;
  std::optional<std::string> reason;  // why a date after today is meant; none: refused
};

// Why `date` may not be recorded (`what` names it, e.g. "--date"), or nothing.
std::optional<std::string> future_date_problem(const FutureDatePermission& permission,
                                               engine::Date date, std::string_view what);
// Throws a Refusal with future_date_problem's message.
void refuse_future_date(const FutureDatePermission& permission, engine::Date date,
                        std::string_view what);
// Records the reason for allocation `allocation_id` when `date` is after today.
void note_future_date(db::Database& database, const db::Stamp& stamp,
                      const FutureDatePermission& permission, std::int64_t allocation_id,
                      engine::Date date);

}  // namespace hsg::app
