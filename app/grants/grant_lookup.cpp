#include "app/grants/grant_lookup.h"

#include "app/unwrap.h"

namespace hsg::app {

Result<GrantView> grant_view(db::Database& database, std::int64_t grant_id) {
  return attempt([&] {
    GrantView view{unwrap(db::GrantRepository(database).get(grant_id)), std::nullopt};
    view.plan = unwrap(db::PlanRepository(database).get(grant_id));
    return view;
  });
}

Result<std::vector<db::GrantSummary>> list_grants(db::Database& database,
                                                  std::optional<engine::Date> active_on) {
  return attempt([&] { return unwrap(db::GrantRepository(database).list(active_on)); });
}

}  // namespace hsg::app
