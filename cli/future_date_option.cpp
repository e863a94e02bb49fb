#include "cli/future_date_option.h"

#include <fmt/core.h>

#include "cli/input_error.h"
#include "cli/store_options.h"
#include "cli/today.h"
#include "db/future_dates.h"

namespace hsg::cli {

void add_allow_future_option(CommandLine& command_line) {
  command_line.add()("allow-future", po::value<std::string>()->value_name("REASON"),
                     "record an assessment dated after today (the local date), saying why; "
                     "the reason is kept in the audit log");
}

FutureDatePermission future_date_permission(const CommandLine& command_line) {
  FutureDatePermission permission{today(), std::nullopt};
  if (!command_line.has("allow-future")) return permission;
  permission.reason = command_line.get<std::string>("allow-future");
  if (permission.reason->find_first_not_of(" \t\r\n") == std::string::npos) {
    throw InputError("--allow-future needs a reason: why is the assessment dated after today?");
  }
  return permission;
}

std::optional<std::string> future_date_problem(const FutureDatePermission& permission,
                                               engine::Date date, std::string_view what) {
  if (date <= permission.today || permission.reason) return std::nullopt;
  return fmt::format(
      "{} {} is after today ({}, the local date); an assessment is not dated in the future "
      "unless --allow-future REASON says why",
      what, date.to_string(), permission.today.to_string());
}

void refuse_future_date(const FutureDatePermission& permission, engine::Date date,
                        std::string_view what) {
  if (auto problem = future_date_problem(permission, date, what)) throw InputError(*problem);
}

void note_future_date(db::Database& database, const db::Stamp& stamp,
                      const FutureDatePermission& permission, std::int64_t allocation_id,
                      engine::Date date) {
  if (date <= permission.today) return;
  unwrap(db::FutureDateNotes(database).record(stamp, allocation_id, permission.today,
                                              *permission.reason));
}

}  // namespace hsg::cli
