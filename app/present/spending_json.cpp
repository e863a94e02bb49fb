#include "app/present/spending_json.h"

namespace hsg::app {

namespace {

nlohmann::ordered_json purchase_json(const db::Purchase& purchase, engine::Date as_of) {
  nlohmann::ordered_json decision = nullptr;
  if (purchase.decision && purchase.decision->decided_on <= as_of) {
    decision = {{"kind", purchase.decision->kind},
                {"date", purchase.decision->decided_on.to_string()},
                {"reason", purchase.decision->reason},
                {"by", purchase.decision->actor}};
  }
  nlohmann::ordered_json receipt = nullptr;
  if (purchase.receipt_sha256) {
    receipt = {{"sha256", *purchase.receipt_sha256},
               {"size_bytes", *purchase.receipt_size_bytes},
               {"stored", purchase.receipt_stored}};
  }
  nlohmann::ordered_json plan_id = nullptr;
  if (purchase.plan_id) plan_id = *purchase.plan_id;
  return {{"number", purchase.number},
          {"date", purchase.purchased_on.to_string()},
          {"amount", purchase.amount.to_string()},
          {"description", purchase.description},
          {"objective", purchase.objective},
          {"plan_id", plan_id},
          {"status", db::to_string(purchase.status_on(as_of))},
          {"needs_sign_off", purchase.needs_sign_off},
          {"recorded_by", purchase.actor},
          {"decision", decision},
          {"receipt", receipt}};
}

}  // namespace

nlohmann::ordered_json spending_json(const SpendingView& view) {
  const db::GrantSpending& spending = view.spending;
  const db::SpendingBalance& balance = spending.balance;
  nlohmann::ordered_json purchases = nlohmann::ordered_json::array();
  for (const db::Purchase& purchase : spending.purchases) {
    purchases.push_back(purchase_json(purchase, spending.as_of));
  }
  return {{"grant_id", spending.grant_id},
          {"as_of", spending.as_of.to_string()},
          {"paid_in", balance.paid_in.to_string()},
          {"spent", balance.spent.to_string()},
          {"awaiting_sign_off", balance.awaiting.to_string()},
          {"recovered", balance.recovered.to_string()},
          {"saved", balance.saved.to_string()},
          {"policy",
           {{"week_payment", view.policy.week_payment.to_string()},
            {"sign_off_above", view.policy.sign_off_above.to_string()},
            {"keep_weeks", view.policy.keep_weeks},
            {"ruleset_id", view.policy.ruleset_id}}},
          {"purchases", purchases}};
}

nlohmann::ordered_json surplus_json(const Surplus& surplus) {
  const db::GrantSpending& spending = surplus.view.spending;
  return {{"grant_id", spending.grant_id},
          {"as_of", spending.as_of.to_string()},
          {"saved", spending.balance.saved.to_string()},
          {"week_payment", surplus.view.policy.week_payment.to_string()},
          {"keep_weeks", surplus.view.policy.keep_weeks},
          {"kept", surplus.kept.to_string()},
          {"surplus", surplus.surplus.to_string()}};
}

}  // namespace hsg::app
