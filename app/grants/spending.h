// Spending a grant's cash (hsg spend): purchases with receipts, their sign-off, what a
// grant has saved, and the surplus a council could recover.
//
// The policy is the grant's own rule set's [spending] table (rules/spending_config.h),
// the rule set its allocation was recorded under, so a later rule set never changes the
// terms of a grant already running; without the table, or for a key it does not give:
//   - sign_off_above: one week's payment of the grant (a purchase of more than that
//     uses money saved from earlier weeks, as in seed 002's trial);
//   - keep_weeks: the rule set's instalment period (4 in medway), so the instalment just
//     paid is never surplus.
// A week's payment is Σ over the grant's types of amount ÷ weeks, summed exactly (over
// the weeks' least common multiple) and rounded once to the penny by the rule set's
// rounding mode. The surplus on a day is the saved balance less keep_weeks × a week's
// payment, or zero. The store checks the rest (db/spending.h): dates within the grant,
// the objective against its support plan, the balance, four eyes. Requires an open store
// (writable to record or decide); never reads the clock: every date is given. A refusal
// writes nothing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "app/result.h"
#include "db/database.h"
#include "db/spending.h"
#include "db/stamp.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

struct SpendingPolicy {
  engine::Money week_payment;
  engine::Money sign_off_above;
  bool sign_off_above_default = true;  // not given by the rule set
  std::int64_t keep_weeks = 0;
  bool keep_weeks_default = true;
  std::string ruleset_id;
};

struct PurchaseRequest {
  std::int64_t grant_id = 0;
  engine::Date purchased_on;
  engine::Money amount;
  std::string description;
  std::string objective;
  std::optional<std::string> receipt;  // the receipt file's bytes, at most db::kMaxReceiptBytes
};

struct RecordedPurchase {
  db::Purchase purchase;  // as stored: its number, whether it needs sign-off, its receipt
  SpendingPolicy policy;
};

Result<RecordedPurchase> record_purchase(db::Database& database, const db::Stamp& stamp,
                                         const PurchaseRequest& request);

struct PurchaseDecisionRequest {
  std::int64_t grant_id = 0;
  std::int64_t number = 0;
  bool approve = true;  // false: refuse (or, by the person who recorded it, withdraw)
  engine::Date decided_on;
  std::string reason;
};

Result<db::Purchase> decide_purchase(db::Database& database, const db::Stamp& stamp,
                                     const PurchaseDecisionRequest& request);

struct SpendingView {
  db::GrantSpending spending;
  SpendingPolicy policy;
};

Result<SpendingView> spending_view(db::Database& database, std::int64_t grant_id,
                                   engine::Date as_of);

struct Surplus {
  SpendingView view;
  engine::Money kept;     // keep_weeks × a week's payment
  engine::Money surplus;  // saved - kept, or zero
};

Result<Surplus> spending_surplus(db::Database& database, std::int64_t grant_id, engine::Date as_of);

}  // namespace hsg::app
