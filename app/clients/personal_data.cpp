#include "app/clients/personal_data.h"

#include "app/assessment/parsed_rulesets.h"
#include "app/unwrap.h"
#include "db/ruleset_adoptions.h"
#include "db/rulesets.h"
#include "rules/retention_config.h"

namespace hsg::app {

namespace {

// The retention period in force on `day` and the rule set that sets it, if any.
std::pair<std::int64_t, std::optional<std::string>> retention_on(db::Database& database,
                                                                 engine::Date day) {
  const std::vector<db::Adoption> adoptions = unwrap(db::AdoptionRepository(database).all());
  const db::Adoption* adoption = unwrap(db::in_force_on(adoptions, day));
  if (adoption == nullptr) return {rules::kDefaultRetentionYears, std::nullopt};
  const db::StoredRuleset stored =
      unwrap(db::RulesetRepository(database).get(adoption->ruleset_id));
  const auto loaded = parsed_ruleset(stored.info.id, stored.bytes);
  if (!loaded->retention) return {rules::kDefaultRetentionYears, std::nullopt};
  return {loaded->retention->years, stored.info.id};
}

engine::Date stored_day(const std::string& text) {
  const auto day = engine::Date::parse(text);
  if (!day) throw std::runtime_error("a client's last record has no date: '" + text + "'");
  return *day;
}

}  // namespace

std::optional<engine::Date> years_after(engine::Date day, std::int64_t years) {
  if (years < 0 || years > 1000) return std::nullopt;
  const int year = day.year() + static_cast<int>(years);
  if (auto same = engine::Date::from_ymd(year, day.month(), day.day())) return same;
  if (day.month() == 2 && day.day() == 29) return engine::Date::from_ymd(year, 3, 1);
  return std::nullopt;
}

Result<db::ClientErasure> erase_client(db::Database& database, const db::Stamp& stamp,
                                       std::string_view ref, std::string_view reason) {
  return attempt([&] { return unwrap(db::ClientErasures(database).erase(stamp, ref, reason)); });
}

Result<SubjectAccess> subject_access(db::Database& database, std::string_view ref) {
  return attempt([&] {
    db::ClientRepository clients(database);
    SubjectAccess access{unwrap(clients.get(ref)), {}, {}};
    access.tables = unwrap(db::records_held_about(database, ref));
    access.events = unwrap(clients.history(ref));
    return access;
  });
}

Result<std::vector<db::HeldCount>> held_record_counts(db::Database& database,
                                                      std::string_view ref) {
  return attempt([&] { return unwrap(db::counts_held_about(database, ref)); });
}

Result<DueForErasure> due_for_erasure(db::Database& database, engine::Date as_of) {
  return attempt([&] {
    const auto [years, ruleset_id] = retention_on(database, as_of);
    DueForErasure due{as_of, years, ruleset_id, {}};
    for (const db::HeldPersonalDetails& held :
         unwrap(db::ClientErasures(database).holding_personal_details())) {
      const engine::Date last_on = stored_day(held.last_on);
      const auto due_on = years_after(last_on, years);
      if (!due_on || *due_on > as_of) continue;
      due.clients.push_back({held.ref, last_on, *due_on, held.name_held, held.receipts_held});
    }
    return due;
  });
}

}  // namespace hsg::app
