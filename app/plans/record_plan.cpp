#include "app/plans/record_plan.h"

#include <fmt/core.h>

#include "app/assessment/record_allocation.h"
#include "app/unwrap.h"
#include "db/clients.h"
#include "db/grants.h"
#include "db/providers.h"
#include "db/write_transaction.h"
#include "rules/support_plan_check.h"

namespace hsg::app {

namespace {

const rules::LoadedRuleset& ruleset_checking_plans(StoredRulesets& rulesets, engine::Date plan_on) {
  const rules::LoadedRuleset& ruleset = rulesets.in_force_on(plan_on);
  if (!ruleset.plans) {
    throw Refusal(fmt::format(
        "the rule set in force on {}, {} {} ({}), has no [plans] table, so it cannot check a "
        "support plan; add one that has, effective from a later date (docs/rules.md)",
        plan_on.to_string(), ruleset.ruleset.spec().name, ruleset.ruleset.spec().version,
        ruleset.id.substr(0, 12)));
  }
  return ruleset;
}

// What the rules need to know beyond the file, read from the store.
rules::PlanContext context_of(db::Database& database, const db::GrantDetail& detail,
                              engine::Date plan_on) {
  const db::Grant& grant = detail.grant;
  StoredRulesets rulesets(database);
  const rules::LoadedRuleset& ruleset = ruleset_checking_plans(rulesets, plan_on);
  rules::PlanContext context{
      plan_on,
      grant.id,
      grant.agreed,
      detail.end ? std::optional(detail.end->end_on) : std::nullopt,
      grant.held_as,
      grant.provider,
      unwrap(db::ClientRepository(database).get(grant.client_ref)).asc_funded,
      {},
      *ruleset.plans};
  for (const db::Provider& provider : unwrap(db::ProviderRepository(database).list(plan_on))) {
    context.accredited.emplace(provider.name, provider.kind);
  }
  return context;
}

db::NewPlan new_plan(const PlanRequest& request, const rules::LoadedSupportPlan& loaded) {
  db::NewPlan plan{request.grant_id, request.plan_on, loaded.bytes, {}, {}};
  for (const rules::PlanObjectiveEntry& objective : loaded.objectives) {
    plan.objectives.push_back({objective.id, objective.text, objective.domain});
  }
  for (const rules::PlanUseEntry& use : loaded.uses) {
    plan.uses.push_back(
        {use.route, use.description, use.objective, use.provider, use.category, use.amount});
  }
  return plan;
}

}  // namespace

Result<RecordedPlan> record_plan(db::Database& database, const db::Stamp& stamp,
                                 const PlanRequest& request, const rules::LoadedSupportPlan& plan) {
  return attempt([&] {
    auto transaction = unwrap(db::WriteTransaction::begin(database));
    const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(request.grant_id));
    const auto problems =
        rules::check_support_plan(plan, context_of(database, detail, request.plan_on));
    if (!problems.empty()) throw Refusal(problems);
    RecordedPlan recorded{unwrap(db::PlanRepository(database).add(stamp, new_plan(request, plan))),
                          detail.grant.agreed};
    unwrap(transaction.commit());
    return recorded;
  });
}

}  // namespace hsg::app
