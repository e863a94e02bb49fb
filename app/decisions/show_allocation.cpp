#include "app/decisions/show_allocation.h"

#include <fmt/core.h>

#include "app/assessment/record_allocation.h"
#include "app/audit/stored_outputs.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/grants.h"
#include "db/record_check.h"

namespace hsg::app {

namespace {

// The decision statement includes what the grant started from the allocation is for.
std::optional<PlanOfAllocation> plan_of_allocation(db::Database& database,
                                                   std::int64_t allocation_id) {
  db::GrantRepository grants(database);
  const auto grant_id = unwrap(grants.of_allocation(allocation_id));
  if (!grant_id) return std::nullopt;
  auto plan = unwrap(db::PlanRepository(database).get(*grant_id));
  if (!plan) return std::nullopt;
  return PlanOfAllocation{std::move(*plan), unwrap(grants.get(*grant_id)).grant.agreed};
}

}  // namespace

Result<ShownAllocation> show_allocation(db::Database& database, std::int64_t allocation_id) {
  return attempt([&] {
    const std::int64_t id = allocation_id;
    unwrap(db::check_allocation(database, id));
    const db::StoredAllocation stored = unwrap(db::AllocationRepository(database).get(id));
    StoredRulesets rulesets(database);
    const rules::LoadedRuleset& ruleset = rulesets.stored(stored.ruleset_id);
    auto answers = engine::resolve_answers(ruleset.ruleset, stored.answers);
    if (!answers.ok())
      throw Refusal(fmt::format("allocation #{}: stored answers no longer resolve", id));
    engine::TracedAllocation traced = engine::allocate_traced(ruleset.ruleset, answers.value());
    if (stored_outputs_sha256(ruleset.ruleset, traced.allocation) != stored.outputs_sha256) {
      throw Refusal(
          fmt::format("allocation #{}: the stored outputs differ from a recomputation; "
                      "run 'hsg audit verify'",
                      id));
    }
    auto future_date = unwrap(db::FutureDateNotes(database).of_allocation(id));
    auto decisions = unwrap(db::DecisionRepository(database).state(id));
    return ShownAllocation{id,
                           stored.client_ref,
                           stored.assessor,
                           stored.assessed_on,
                           std::move(future_date),
                           ruleset,
                           std::move(answers).value(),
                           std::move(traced),
                           std::move(decisions),
                           plan_of_allocation(database, id),
                           unwrap(db::GrantRepository(database).of_allocation(id))};
  });
}

}  // namespace hsg::app
