#include "app/assessment/future_date_permission.h"

#include <fmt/core.h>

#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/future_dates.h"

namespace hsg::app {

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
  if (auto problem = future_date_problem(permission, date, what)) throw Refusal(*problem);
}

void note_future_date(db::Database& database, const db::Stamp& stamp,
                      const FutureDatePermission& permission, std::int64_t allocation_id,
                      engine::Date date) {
  if (date <= permission.today) return;
  if (!permission.reason) {
    throw Refusal(fmt::format("{} is after today ({}) and no reason says why", date.to_string(),
                              permission.today.to_string()));
  }
  unwrap(db::FutureDateNotes(database).record(stamp, allocation_id, permission.today,
                                              *permission.reason));
}

}  // namespace hsg::app
