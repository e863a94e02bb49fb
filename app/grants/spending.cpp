#include "app/grants/spending.h"

#include <fmt/core.h>

#include <numeric>

#include "app/assessment/record_allocation.h"
#include "app/unwrap.h"
#include "db/allocations.h"
#include "db/grants.h"
#include "db/record_check.h"
#include "engine/checked.h"
#include "engine/rounding.h"

namespace hsg::app {

namespace {

constexpr std::size_t kMaxTypes = 64;

// Σ amount ÷ weeks over the grant's types, exactly, then rounded once.
engine::Money week_payment(const db::GrantDetail& detail, engine::RoundingMode mode) {
  if (detail.interventions.empty() || detail.interventions.size() > kMaxTypes) {
    throw Refusal(fmt::format("grant {} has {} intervention types", detail.grant.id,
                              detail.interventions.size()));
  }
  std::int64_t common = 1;
  for (const db::GrantIntervention& type : detail.interventions) {
    common = engine::checked_mul(common / std::gcd(common, type.weeks), type.weeks);
  }
  engine::Int128 numerator = 0;
  for (const db::GrantIntervention& type : detail.interventions) {
    numerator += static_cast<engine::Int128>(type.amount.pence()) * (common / type.weeks);
  }
  return engine::Money::from_pence(engine::divide_rounded(numerator, common, mode));
}

SpendingPolicy policy_of(db::Database& database, const db::GrantDetail& detail) {
  const db::StoredAllocation allocation =
      unwrap(db::AllocationRepository(database).get(detail.grant.allocation_id));
  StoredRulesets rulesets(database);
  const rules::LoadedRuleset& ruleset = rulesets.stored(allocation.ruleset_id);
  const engine::RulesetSpec& spec = ruleset.ruleset.spec();
  SpendingPolicy policy;
  policy.ruleset_id = ruleset.id;
  policy.week_payment = week_payment(detail, spec.rounding);
  policy.sign_off_above = policy.week_payment;
  policy.keep_weeks = spec.instalment_period_weeks;
  if (ruleset.spending) {
    if (ruleset.spending->sign_off_above) {
      policy.sign_off_above = *ruleset.spending->sign_off_above;
      policy.sign_off_above_default = false;
    }
    if (ruleset.spending->keep_weeks) {
      policy.keep_weeks = *ruleset.spending->keep_weeks;
      policy.keep_weeks_default = false;
    }
  }
  return policy;
}

}  // namespace

Result<RecordedPurchase> record_purchase(db::Database& database, const db::Stamp& stamp,
                                         const PurchaseRequest& request) {
  return attempt([&] {
    const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(request.grant_id));
    unwrap(db::check_grant_spending(database, request.grant_id));
    RecordedPurchase recorded;
    recorded.policy = policy_of(database, detail);
    const bool needs_sign_off = request.amount > recorded.policy.sign_off_above;
    db::NewPurchase purchase{
        request.grant_id,  request.purchased_on, request.amount, request.description,
        request.objective, request.receipt,      needs_sign_off, recorded.policy.sign_off_above};
    recorded.purchase = unwrap(db::SpendingRepository(database).record(stamp, purchase));
    return recorded;
  });
}

Result<db::Purchase> decide_purchase(db::Database& database, const db::Stamp& stamp,
                                     const PurchaseDecisionRequest& request) {
  return attempt([&] {
    unwrap(db::check_grant_spending(database, request.grant_id));
    return unwrap(db::SpendingRepository(database).decide(stamp, request.grant_id, request.number,
                                                          request.approve ? "approve" : "refuse",
                                                          request.decided_on, request.reason));
  });
}

Result<SpendingView> spending_view(db::Database& database, std::int64_t grant_id,
                                   engine::Date as_of) {
  return attempt([&] {
    const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(grant_id));
    return SpendingView{unwrap(db::SpendingRepository(database).get(grant_id, as_of)),
                        policy_of(database, detail)};
  });
}

Result<Surplus> spending_surplus(db::Database& database, std::int64_t grant_id,
                                 engine::Date as_of) {
  return attempt([&] {
    const db::GrantDetail detail = unwrap(db::GrantRepository(database).get(grant_id));
    Surplus surplus{{unwrap(db::SpendingRepository(database).get(grant_id, as_of)),
                     policy_of(database, detail)},
                    {},
                    {}};
    surplus.kept = surplus.view.policy.week_payment.times(surplus.view.policy.keep_weeks);
    const engine::Money saved = surplus.view.spending.balance.saved;
    if (saved > surplus.kept) surplus.surplus = saved - surplus.kept;
    return surplus;
  });
}

}  // namespace hsg::app
