#include "app/plans/plan_lookup.h"

#include <fmt/core.h>

#include "app/unwrap.h"
#include "db/grants.h"

namespace hsg::app {

Result<PlanView> find_plan(db::Database& database, std::int64_t grant_id,
                           std::optional<std::int64_t> version) {
  return attempt([&] {
    const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(grant_id));
    auto plan = unwrap(db::PlanRepository(database).get(grant_id, version));
    if (!plan) {
      throw Refusal(version ? fmt::format("grant {} has no plan version {}", grant_id, *version)
                            : fmt::format("grant {} has no support plan yet (hsg plan set {} "
                                          "--file PLAN.toml)",
                                          grant_id, grant_id));
    }
    return PlanView{std::move(*plan), detail.grant.agreed};
  });
}

}  // namespace hsg::app
