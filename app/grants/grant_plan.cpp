#include "app/grants/grant_plan.h"

#include <fmt/core.h>

#include "app/refusal.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/decisions.h"
#include "engine/allocate.h"
#include "engine/instalments.h"
#include "engine/text.h"
#include "rules/finance.h"

namespace hsg::app {

namespace {

const db::Decision& usable_agreement(const db::DecisionState& state) {
  switch (state.status) {
    case db::DecisionStatus::agreed:
    case db::DecisionStatus::approved:
      return *state.agreement;
    case db::DecisionStatus::indicative:
      throw Refusal(fmt::format(
          "allocation {} has no agreed amount yet; agree it first (hsg agree {} --amount "
          "AMOUNT --reason TEXT)",
          state.allocation_id, state.allocation_id));
    case db::DecisionStatus::pending_approval:
      throw Refusal(fmt::format(
          "allocation {}: the agreed amount £{} is waiting for approval by someone other "
          "than {} (hsg approve {})",
          state.allocation_id, state.agreement->agreed->to_grouped_string(), state.agreement->actor,
          state.allocation_id));
    case db::DecisionStatus::rejected:
      throw Refusal(
          fmt::format("allocation {}: the agreed amount £{} was rejected; agree a new amount first",
                      state.allocation_id, state.agreement->agreed->to_grouped_string()));
  }
  throw std::logic_error("unknown decision status");
}

}  // namespace

db::NewGrant plan_grant(db::Database& database, StoredRulesets& rulesets,
                        const GrantRequest& request) {
  if (!rules::is_held_as(request.held_as)) {
    throw Refusal(fmt::format(
        "--held-as '{}' is not a way money is held: direct_payment, managed_account or isf",
        engine::excerpt(request.held_as)));
  }
  if (request.held_as == "isf" && !request.provider) {
    throw Refusal(
        "an individual service fund (--held-as isf) is held by a provider: name it with "
        "--provider NAME");
  }
  const db::DecisionState state =
      unwrap(db::DecisionRepository(database).state(request.allocation_id));
  const db::Decision& agreement = usable_agreement(state);
  const db::StoredAllocation stored =
      unwrap(db::AllocationRepository(database).get(request.allocation_id));
  if (request.start_on < stored.assessed_on) {
    throw Refusal(fmt::format(
        "--start {} is before allocation {}'s assessment date {}: a grant cannot start before "
        "its assessment",
        request.start_on.to_string(), request.allocation_id, stored.assessed_on.to_string()));
  }
  const rules::LoadedRuleset& ruleset = rulesets.stored(stored.ruleset_id);
  auto answers = engine::resolve_answers(ruleset.ruleset, stored.answers);
  if (!answers.ok()) {
    throw Refusal(
        fmt::format("allocation {}: its stored answers no longer resolve under rule "
                    "set {}; run 'hsg audit verify'",
                    request.allocation_id, stored.ruleset_id));
  }
  const engine::Allocation allocation = engine::allocate(ruleset.ruleset, answers.value());
  if (allocation.total != stored.total) {
    throw Refusal(
        fmt::format("allocation {}: recomputed total {} differs from the stored {}; "
                    "run 'hsg audit verify'",
                    request.allocation_id, allocation.total.to_string(), stored.total.to_string()));
  }
  std::vector<engine::Money> indicative;
  for (const engine::InterventionResult& result : allocation.results()) {
    indicative.push_back(result.amount);
  }
  const auto shares = engine::share_agreed(*agreement.agreed, indicative);
  if (!shares) {
    throw Refusal(fmt::format(
        "allocation {}: every intervention type's indicative amount is zero, so the agreed "
        "£{} cannot be shared in proportion; agreeing per-type amounts is not supported yet",
        request.allocation_id, agreement.agreed->to_grouped_string()));
  }
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  const rules::FinanceConfig& finance = ruleset.finance;
  db::NewGrant grant{request.allocation_id,
                     agreement.id,
                     request.start_on,
                     request.held_as,
                     request.provider,
                     *agreement.agreed,
                     finance.cost_centre,
                     finance.creditor_account(request.held_as),
                     {},
                     {}};
  for (std::size_t i = 0; i < spec.interventions.size(); ++i) {
    const engine::InterventionSpec& type = spec.interventions[i];
    if ((*shares)[i].pence() > 0 &&
        !engine::last_due_on(type.weeks, spec.instalment_period_weeks, request.start_on)) {
      throw Refusal(fmt::format(
          "--start {}: the instalments of {} would run past {}, the last date hsg handles",
          request.start_on.to_string(), type.key, engine::Date::latest().to_string()));
    }
    grant.interventions.push_back({type.key, static_cast<std::int64_t>(i), type.weeks, (*shares)[i],
                                   finance.expenditure_account(type.key)});
    for (const engine::ScheduledInstalment& instalment : engine::schedule_instalments(
             (*shares)[i], type.weeks, spec.instalment_period_weeks, request.start_on)) {
      grant.instalments.push_back(
          {type.key, instalment.number, instalment.due_on, instalment.amount});
    }
  }
  return grant;
}

}  // namespace hsg::app
