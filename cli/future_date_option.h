// --allow-future REASON: an assessment dated after today is refused unless the person
// says why.
//
// "Today" is the local date where hsg runs (cli/today.h). A refusal happens before
// anything is written. With a reason, each allocation dated after today gets an audit
// note saying so, in the same transaction as the allocation (db/future_dates.h).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "cli/command_line.h"
#include "db/database.h"
#include "db/stamp.h"
#include "engine/date.h"

namespace hsg::cli {

struct FutureDatePermission {
  engine::Date today;
  std::optional<std::string> reason;
};

void add_allow_future_option(CommandLine& command_line);
// Today, and the --allow-future reason if given (refusing a blank one).
FutureDatePermission future_date_permission(const CommandLine& command_line);

// Why `date` may not be recorded (`what` names it, e.g. "--date"), or nothing.
std::optional<std::string> future_date_problem(const FutureDatePermission& permission,
                                               engine::Date date, std::string_view what);
// Throws an InputError with future_date_problem's message.
void refuse_future_date(const FutureDatePermission& permission, engine::Date date,
                        std::string_view what);
// Records the reason for allocation `allocation_id` when `date` is after today.
void note_future_date(db::Database& database, const db::Stamp& stamp,
                      const FutureDatePermission& permission, std::int64_t allocation_id,
                      engine::Date date);

}  // namespace hsg::cli
