// What finance reads from the ledger (hsg ledger balance | commitments | summary): the
// trial balance, the future liability, and spend against a budget.
//
// Read-only. Promises: the rows are the store's (db/ledger.h) in its order; the totals
// are their exact sums, so a trial balance's total is zero when every posting balances.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "app/result.h"
#include "db/database.h"
#include "db/ledger.h"
#include "engine/date.h"
#include "engine/money.h"

namespace hsg::app {

// One ledger line, owned (db::LedgerLine's views are valid during a visit only).
struct LedgerRow {
  std::string posting_id;
  std::int64_t line = 0;
  std::string date;
  std::string account;
  std::string cost_centre;
  std::int64_t debit_pence = 0;
  std::int64_t credit_pence = 0;
  std::string client_ref;
  std::int64_t grant_id = 0;
  std::string intervention;  // empty on a creditor line
  std::string description;
  std::string reverses;  // empty unless a reversal
};

// The lines `hsg ledger export --from --to` writes, in its order (postings dated in
// [from, to)); a posting that does not balance is a Refusal.
Result<std::vector<LedgerRow>> ledger_rows(db::Database& database, engine::Date from,
                                           engine::Date to);

struct TrialBalance {
  std::vector<db::AccountBalance> accounts;  // accounts at zero left out
  std::int64_t total_pence = 0;
};

// Over the postings dated on or before `as_of` (all when empty).
Result<TrialBalance> trial_balance(db::Database& database, std::optional<engine::Date> as_of);

struct Commitments {
  std::vector<db::Commitment> rows;  // by month of the due date, then type
  engine::Money total;
  std::int64_t instalments = 0;
};

// Instalments scheduled, not cancelled and not posted on or before `as_of`.
Result<Commitments> commitments_as_of(db::Database& database, engine::Date as_of);

// "month", "client-group", "intervention", "cost-centre"; anything else is none.
std::optional<db::SummaryBy> summary_by_named(std::string_view name);

struct SpendRequest {
  engine::Date from;  // included
  engine::Date to;    // not included
  db::SummaryBy by = db::SummaryBy::month;
  std::optional<engine::Money> budget;
};

struct SpendSummary {
  std::vector<db::SpendRow> rows;
  engine::Money total;
  std::optional<engine::Money> remaining;  // of the budget, when one was given
};

Result<SpendSummary> spend_summary(db::Database& database, const SpendRequest& request);

}  // namespace hsg::app
